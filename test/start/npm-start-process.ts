import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { findFreePort } from '../../libs/store/src/postgres/free-port';

/** `npm start` as a user runs it, in a data directory and on ports of its own, for tests of the orchestrator. */
export const ROOT = resolve(__dirname, '..', '..');

export interface StartedStack {
  npm: ChildProcess;
  dataDir: string;
  ports: { api: number; temporal: number; temporalUi: number; postgres: number; identity: number };
  apiBaseUrl: string;
  /** The environment a user's shell next to this stack has: `npm run token` finds the stack's OpenID provider. */
  shellEnv: NodeJS.ProcessEnv;
  /** Everything npm start printed so far. */
  output(): string;
  /** npm and every process below it, now. */
  processTree(): Process[];
  /** Resolves when npm has exited, with its exit code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Milliseconds from spawning `npm start` to its "ready" line. */
  startedInMs: number;
}

export interface Process {
  pid: number;
  ppid: number;
  command: string;
}

export async function startNpmStack(name: string, timeoutMs = 240_000): Promise<StartedStack> {
  const dataDir = join(ROOT, '.data', 'test-runs', `${name}-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  // The embedded PostgreSQL runs as the user postgres, which must be able to enter it.
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const ports = {
    api: await findFreePort('127.0.0.1'),
    temporal: await findFreePort('127.0.0.1'),
    temporalUi: await findFreePort('127.0.0.1'),
    postgres: await findFreePort('127.0.0.1'),
    identity: await findFreePort('127.0.0.1'),
  };
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The jest global setup's Temporal and database are not for this stack: it brings its own, as a user's does.
  for (const key of Object.keys(env)) {
    if (
      key.startsWith('TEMPORAL_') ||
      key.startsWith('OIDC_') ||
      key === 'DATABASE_URL' ||
      key === 'DATABASE_OWNER_URL' ||
      key.startsWith('INBURGERING_')
    )
      delete env[key];
  }
  // Nor is its OpenID provider: the stack starts its embedded one, on a port of its own.
  const shellEnv: NodeJS.ProcessEnv = { ...env, IDENTITY_PORT: String(ports.identity) };
  Object.assign(env, {
    INBURGERING_DATA_DIR: dataDir,
    PORT: String(ports.api),
    TEMPORAL_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.temporalUi),
    POSTGRES_PORT: String(ports.postgres),
    IDENTITY_PORT: String(ports.identity),
    DEMO_DATA: 'false',
    LOG_FORMAT: 'json',
    ...(process.env.TEMPORAL_CLI ? { TEMPORAL_CLI: process.env.TEMPORAL_CLI } : {}),
  });
  const spawnedAt = Date.now();
  // Its own process group, as a process manager or an IDE would start it; signals go to npm's pid only.
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    npm.on('exit', (code, signal) => resolveExit({ code, signal })),
  );
  const runFile = join(dataDir, 'run.json');
  while (!existsSync(runFile)) {
    if (npm.exitCode !== null || npm.signalCode !== null)
      throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() - spawnedAt > timeoutMs) {
      killTree(npm.pid!);
      throw new Error(`npm start was not ready within ${timeoutMs} ms:\n${output.slice(-5000)}`);
    }
    await sleep(250);
  }
  const { apiBaseUrl } = JSON.parse(readFileSync(runFile, 'utf8')) as { apiBaseUrl: string };
  return {
    npm,
    dataDir,
    ports,
    apiBaseUrl,
    shellEnv,
    output: () => output,
    processTree: () => descendants(npm.pid!),
    exited,
    startedInMs: Date.now() - spawnedAt,
  };
}

/** The processes below `root` (and root itself), from /proc. */
export function descendants(root: number): Process[] {
  const all: Process[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      all.push({ pid: Number(entry), ppid, command });
    } catch {
      // gone meanwhile
    }
  }
  const found = all.filter((candidate) => candidate.pid === root);
  for (let index = 0; index < found.length; index++) {
    found.push(...all.filter((candidate) => candidate.ppid === found[index]!.pid));
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether anything accepts connections on 127.0.0.1:port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolveListening) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolveListening(true);
    });
    socket.once('error', () => resolveListening(false));
  });
}

/** Last resort for a test that failed half-way: no stack left behind. */
export function killTree(root: number): void {
  for (const { pid } of descendants(root).reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, milliseconds));
}
