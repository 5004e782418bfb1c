import { readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { WEB_APP_DIR } from './build-web';

const ROOT = resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface Stage {
  name: string | undefined;
  instructions: { keyword: string; args: string }[];
}

/** The Dockerfile's stages: instructions with their continuation lines joined, comments left out. */
function stagesOf(dockerfile: string): Stage[] {
  const lines = dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword, args] = /^(\w+)\s+(.*)$/.exec(line)!;
    if (keyword!.toUpperCase() === 'FROM') {
      stages.push({ name: /\bAS\s+(\S+)/i.exec(args!)?.[1], instructions: [] });
      continue;
    }
    stages.at(-1)!.instructions.push({ keyword: keyword!.toUpperCase(), args: args! });
  }
  return stages;
}

const workdirOf = (stage: Stage) => stage.instructions.find((i) => i.keyword === 'WORKDIR')?.args ?? '/';

/** Issue 10: the image builds the web app and the API in it serves the build at /app/. */
describe('the Docker image', () => {
  const stages = stagesOf(read('Dockerfile'));
  const build = stages.find((stage) => stage.instructions.some((i) => /npm run build:web\b/.test(i.args)));
  const runtime = stages.at(-1)!;
  // Where Vite writes the web app, relative to the repository (apps/web/vite.config.mts, scripts/web/build-web.ts).
  const webOutput = relative(ROOT, WEB_APP_DIR).split('\\').join('/');

  it('builds the web app in a build stage, before the development dependencies are pruned', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build?.name).toBeDefined();
    expect(build).not.toBe(runtime);
    const commands = build!.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    const all = commands.join(' && ');
    expect(all.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(all.indexOf('npm ci')).toBeLessThan(all.indexOf('npm run build:web'));
    const prune = all.indexOf('npm prune');
    if (prune >= 0) expect(all.indexOf('npm run build:web')).toBeLessThan(prune);
    // Vite writes where the image looks for it.
    const outDir = /outDir:\s*fileURLToPath\(new URL\('([^']+)'/.exec(read('apps/web/vite.config.mts'))?.[1];
    expect(posix.normalize(posix.join('apps/web', outDir!))).toBe(webOutput);
  });

  it("copies the build's output to where the API serves the web app from (WEB_APP_DIR)", () => {
    const env = runtime.instructions
      .filter((i) => i.keyword === 'ENV')
      .map((i) => /^WEB_APP_DIR[= ](\S+)$/.exec(i.args)?.[1])
      .find(Boolean);
    expect(env).toBeDefined();
    const built = posix.join(workdirOf(build!), webOutput);
    const copied = runtime.instructions
      .filter((i) => i.keyword === 'COPY' && i.args.startsWith(`--from=${build!.name} `))
      .map((i) => i.args.split(/\s+/).slice(1))
      .map((paths) => ({
        sources: paths.slice(0, -1),
        target: posix.resolve(workdirOf(runtime), paths.at(-1)!),
      }))
      .flatMap(({ sources, target }) =>
        sources
          .filter((source) => built === source || built.startsWith(`${source}/`))
          .map((source) => posix.join(target, posix.relative(source, built))),
      );
    expect(copied).toContain(env);
  });

  it('leaves the web sources in the build context, and docker-compose does not point the API elsewhere', () => {
    const ignored = read('.dockerignore')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    for (const needed of ['apps', 'apps/web', 'libs', 'libs/domain', 'package-lock.json']) {
      expect(ignored).not.toContain(needed);
    }
    const compose = read('docker-compose.yml');
    expect(compose).not.toMatch(/WEB_APP_DIR/);
    expect(compose).toMatch(/api:\n\s+build: \.\n/);
  });
});
