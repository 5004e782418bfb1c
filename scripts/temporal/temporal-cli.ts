import { spawn } from 'node:child_process';
import { accessSync, constants, promises as fs, statSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/**
 * Finds the Temporal CLI (which contains the dev server), or builds it once with Go and caches it.
 *
 * Order: $TEMPORAL_CLI (must be an executable file), `temporal` on PATH, the cache, and finally
 * `go install github.com/temporalio/cli/cmd/temporal@v1.5.1` into the cache. v1.5.1 is the newest version that
 * `go install` can build (v1.6+ has a replace directive). There is no fallback: without a CLI and without Go,
 * this throws with the command to run.
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

/** `$XDG_CACHE_HOME/inburgering/temporal-cli/v1.5.1` (default `~/.cache/...`). */
export function temporalCliCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const cacheHome = env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache');
  return join(cacheHome, 'inburgering', 'temporal-cli', TEMPORAL_CLI_VERSION);
}

export function cachedTemporalCliPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(temporalCliCacheDir(env), 'temporal');
}

/** The first executable `name` on PATH, or undefined. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const directory of (env.PATH ?? '').split(delimiter)) {
    if (!directory) continue;
    const candidate = join(directory, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

export interface FindOrBuildOptions {
  env?: NodeJS.ProcessEnv;
  /** Progress messages; defaults to stderr so that stdout can carry the path. */
  log?: (message: string) => void;
  /** How long to wait for another process's build before giving up (default 20 minutes). */
  lockTimeoutMs?: number;
}

export async function findOrBuildTemporalCli(options: FindOrBuildOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));

  const explicit = env.TEMPORAL_CLI?.trim();
  if (explicit) {
    if (!isExecutableFile(explicit)) {
      throw new Error(
        `TEMPORAL_CLI=${explicit} is not an executable file. Unset it to use the cached or built CLI.`,
      );
    }
    return explicit;
  }

  const onPath = findOnPath('temporal', env);
  if (onPath) return onPath;

  const cached = cachedTemporalCliPath(env);
  if (isExecutableFile(cached)) return cached;

  const lock = await acquireLock(
    `${temporalCliCacheDir(env)}.lock`,
    options.lockTimeoutMs ?? 20 * 60_000,
    log,
  );
  try {
    // Another process may have finished the build while we waited for the lock.
    if (isExecutableFile(cached)) return cached;
    await buildTemporalCli(cached, env, log);
    return cached;
  } finally {
    await lock.release();
  }
}

async function buildTemporalCli(
  target: string,
  env: NodeJS.ProcessEnv,
  log: (message: string) => void,
): Promise<void> {
  const cacheDir = dirname(target);
  const staging = `${cacheDir}.build-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { recursive: true });
  const args = ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`];
  const command = `GOBIN=${staging} go ${args.join(' ')}`;
  log(`building Temporal CLI ${TEMPORAL_CLI_VERSION} with Go, first time only (~7 min): ${command}`);
  const started = Date.now();
  const heartbeat = setInterval(
    () => log(`  still building the Temporal CLI (${formatDuration(Date.now() - started)} so far)`),
    30_000,
  );
  try {
    const result = await run('go', args, { ...env, GOBIN: staging });
    if (result.error) {
      throw new Error(
        `Cannot build the Temporal CLI: "${command}" could not run (${result.error.message}). ` +
          `Install Go (https://go.dev/dl/) or point TEMPORAL_CLI at an existing temporal binary (${TEMPORAL_CLI_VERSION}).`,
      );
    }
    if (result.code !== 0) {
      throw new Error(
        `Building the Temporal CLI failed: "${command}" exited with ${result.signal ?? result.code}.\n` +
          `stderr:\n${result.stderr.trim() || '(empty)'}`,
      );
    }
    const built = join(staging, 'temporal');
    if (!isExecutableFile(built)) {
      throw new Error(
        `"${command}" succeeded but ${built} does not exist.\nstderr:\n${result.stderr.trim()}`,
      );
    }
    await fs.mkdir(cacheDir, { recursive: true });
    await fs.rename(built, target); // atomic: a reader never sees a half-written binary
    log(`built Temporal CLI ${TEMPORAL_CLI_VERSION} in ${formatDuration(Date.now() - started)}: ${target}`);
  } finally {
    clearInterval(heartbeat);
    await fs.rm(staging, { recursive: true, force: true });
  }
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  error?: Error;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on('error', (error) => resolve({ code: null, signal: null, stderr, error }));
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** A lock directory (mkdir is atomic) holding the owner's pid; a lock whose owner died on this host is taken over. */
async function acquireLock(
  lockDir: string,
  timeoutMs: number,
  log: (message: string) => void,
): Promise<{ release(): Promise<void> }> {
  await fs.mkdir(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      await fs.writeFile(join(lockDir, 'owner'), `${hostname()} ${process.pid}\n`);
      return { release: () => fs.rm(lockDir, { recursive: true, force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readLockOwner(lockDir);
    if (owner && owner.host === hostname() && !isProcessAlive(owner.pid)) {
      log(`removing stale Temporal CLI build lock of dead process ${owner.pid}: ${lockDir}`);
      await fs.rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!owner && (await lockAgeMs(lockDir)) > 60_000) {
      // Created but never got an owner file (the creator died between mkdir and writeFile).
      await fs.rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for another Temporal CLI build (lock ${lockDir}, owner ${owner ? `${owner.host} pid ${owner.pid}` : 'unknown'}). ` +
          'Remove the lock directory if no build is running.',
      );
    }
    if (!announced) {
      log(`waiting for another process that is building the Temporal CLI (lock ${lockDir})`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function readLockOwner(lockDir: string): Promise<{ host: string; pid: number } | undefined> {
  try {
    const [host, pid] = (await fs.readFile(join(lockDir, 'owner'), 'utf8')).trim().split(/\s+/);
    return host && Number(pid) > 0 ? { host, pid: Number(pid) } : undefined;
  } catch {
    return undefined;
  }
}

async function lockAgeMs(lockDir: string): Promise<number> {
  try {
    return Date.now() - (await fs.stat(lockDir)).mtimeMs;
  } catch {
    return 0;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** `node dist/scripts/temporal/temporal-cli.js` (npm run temporal:cli): prints the CLI's path, building it if needed. */
if (require.main === module) {
  findOrBuildTemporalCli().then(
    (path) => process.stdout.write(`${path}\n`),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
