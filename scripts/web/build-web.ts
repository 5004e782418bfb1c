import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../repository-root';

/**
 * Builds the web app (apps/web) into dist/web with Vite when a source file is newer than the last build, so that a
 * warm `npm start` skips it like `tsc -b` skips the compiler. `--force` builds anyway.
 */
const ROOT = repositoryRoot(__dirname);
export const WEB_APP_DIR = join(ROOT, 'dist', 'web');
const OUTPUT = join(WEB_APP_DIR, 'index.html');
const SOURCES = [
  join(ROOT, 'apps', 'web'),
  join(ROOT, 'libs', 'domain', 'src'),
  join(ROOT, 'package-lock.json'),
];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) =>
      entry === 'node_modules' ? newest : Math.max(newest, newestChange(join(path, entry))),
    stat.mtimeMs,
  );
}

export function webAppIsCurrent(): boolean {
  if (!existsSync(OUTPUT)) return false;
  const built = statSync(OUTPUT).mtimeMs;
  return SOURCES.every((source) => !existsSync(source) || newestChange(source) <= built);
}

export function buildWebApp(force = false): void {
  if (!force && webAppIsCurrent()) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(ROOT, 'apps', 'web', 'vite.config.mts'), '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`vite build of apps/web failed (exit ${result.status})`);
}

if (require.main === module) {
  try {
    buildWebApp(process.argv.includes('--force'));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
