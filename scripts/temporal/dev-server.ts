import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { findFreePort } from '../../libs/store/src/postgres/free-port';
import { pipeLines } from '../child-output';
import { findOrBuildTemporalCli, formatDuration } from './temporal-cli';

/**
 * Starts `temporal server start-dev` (the Temporal CLI's dev server: a real Temporal server on SQLite) on 127.0.0.1
 * and resolves once it accepts gRPC connections and knows the namespace.
 */
export interface TemporalDevServerOptions {
  /** SQLite file for persistence across runs; in-memory when absent. */
  dbFilename?: string;
  /** gRPC port; a free port when absent. */
  port?: number;
  /** Web UI port; giving one enables the UI. */
  uiPort?: number;
  /** Serve the Web UI (on uiPort, or a free port). Default: only when uiPort is given. */
  ui?: boolean;
  /** Created at launch unless it is "default" (which always exists). */
  namespace?: string;
  /** Append the server's output to this file. */
  logFile?: string;
  /** Each output line of the server (e.g. to print it with a prefix). */
  onOutput?: (line: string) => void;
  /** The CLI to run; found or built with findOrBuildTemporalCli() when absent. */
  cliPath?: string;
  /** Extra `--dynamic-config-value` entries. */
  dynamicConfig?: Record<string, unknown>;
  /** How long to wait for the server to answer (default 60 s). */
  startTimeoutMs?: number;
}

export interface TemporalDevServer {
  /** host:port of the gRPC frontend, e.g. 127.0.0.1:7233. */
  address: string;
  namespace: string;
  uiUrl?: string;
  pid: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const OUTPUT_LINES_KEPT = 200;

/** Features the engine relies on (Updates, update-with-start); on by default in recent servers, stated here anyway. */
const DEFAULT_DYNAMIC_CONFIG: Record<string, unknown> = {
  'frontend.enableUpdateWorkflowExecution': true,
  'frontend.enableExecuteMultiOperation': true,
};

export async function startTemporalDevServer(
  options: TemporalDevServerOptions = {},
): Promise<TemporalDevServer> {
  const cliPath = options.cliPath ?? (await findOrBuildTemporalCli());
  // A port we picked ourselves can be taken between picking and binding: try again with another.
  const attempts = options.port === undefined || (options.ui && options.uiPort === undefined) ? 3 : 1;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await startOnce(cliPath, options);
    } catch (error) {
      lastError = error;
      if (!(error instanceof DevServerExitedError) || !/address already in use/i.test(error.output))
        throw error;
    }
  }
  throw lastError;
}

class DevServerExitedError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

async function startOnce(cliPath: string, options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const namespace = options.namespace ?? 'default';
  const port = options.port ?? (await findFreePort(HOST));
  const withUi = options.ui ?? options.uiPort !== undefined;
  const uiPort = withUi ? (options.uiPort ?? (await findFreePort(HOST))) : undefined;
  const address = `${HOST}:${port}`;
  const uiUrl = uiPort !== undefined ? `http://${HOST}:${uiPort}` : undefined;

  const args = ['server', 'start-dev', '--ip', HOST, '--port', String(port)];
  args.push(...(uiPort !== undefined ? ['--ui-port', String(uiPort)] : ['--headless']));
  if (namespace !== 'default') args.push('--namespace', namespace);
  if (options.dbFilename) {
    mkdirSync(dirname(options.dbFilename), { recursive: true });
    args.push('--db-filename', options.dbFilename);
  }
  for (const [key, value] of Object.entries({ ...DEFAULT_DYNAMIC_CONFIG, ...options.dynamicConfig })) {
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }
  const command = `${cliPath} ${args.join(' ')}`;

  let logStream: WriteStream | undefined;
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    logStream = createWriteStream(options.logFile, { flags: 'a' });
    logStream.write(`\n--- ${new Date().toISOString()} ${command}\n`);
  }
  const output: string[] = [];
  let stopping = false;
  const onLine = (line: string) => {
    output.push(line);
    if (output.length > OUTPUT_LINES_KEPT) output.shift();
    logStream?.write(`${line}\n`);
    // The shutdown chatter (cancelled pollers, refused dials) is noise on a console; it stays in the log file.
    if (!stopping) options.onOutput?.(line);
  };

  // Client settings in the environment are meant for our processes, not for the server.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('TEMPORAL_')) delete env[key];

  // Its own process group, so that stop() can end it with everything it started.
  const child = spawn(cliPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const spawnFailed = new Promise<Error>((resolve) => child.on('error', resolve));
  pipeLines(child, onLine);
  if (child.pid !== undefined) trackChild(child.pid);

  const started = Date.now();
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const failure = (reason: string) =>
    new DevServerExitedError(
      `Temporal dev server did not start: ${reason}.\ncommand: ${command}\noutput (last ${output.length} lines):\n${output.join('\n') || '(none)'}`,
      output.join('\n'),
    );

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping = true;
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        killGroup(child.pid, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (child.pid !== undefined) untrackChild(child.pid);
      await new Promise<void>((resolve) => (logStream ? logStream.end(resolve) : resolve()));
    })();
    return stopped;
  };

  try {
    await Promise.race([
      waitUntilServing(address, namespace, started + timeoutMs),
      exited.then(({ code, signal }) => {
        throw failure(`the process exited with ${signal ?? `code ${code}`}`);
      }),
      spawnFailed.then((error) => {
        throw failure(`could not run ${cliPath} (${error.message})`);
      }),
    ]);
    if (uiUrl) await waitForHttp(uiUrl, Date.now() + 15_000);
  } catch (error) {
    await stop();
    if (error instanceof DevServerExitedError) throw error;
    throw failure(`${(error as Error).message} (after ${formatDuration(Date.now() - started)})`);
  }

  return { address, namespace, uiUrl, pid: child.pid!, stop };
}

async function waitUntilServing(address: string, namespace: string, deadline: number): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadline) {
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 2_000 });
      await connection.workflowService.describeNamespace({ namespace });
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await connection?.close().catch(() => undefined);
    }
    await sleep(200);
  }
  throw new Error(
    `no answer from ${address} (describe namespace "${namespace}") before the timeout; last error: ${(lastError as Error)?.message ?? 'none'}`,
  );
}

async function waitForHttp(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`the Web UI at ${url} did not answer`);
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/*
 * Servers run in their own process group, so a Ctrl-C in the terminal does not reach them. If our process ends
 * without calling stop() (an exception, process.exit, a signal), kill them on the way out rather than leave
 * orphans holding ports.
 */
const liveGroups = new Set<number>();
let hooksInstalled = false;

function trackChild(pid: number): void {
  liveGroups.add(pid);
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAllTracked);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      // Someone else handles the signal (e.g. scripts/start.ts stopping everything in order): leave it to them.
      if (process.listenerCount(signal) > 1) return;
      // Nobody does: kill the servers, then terminate with the signal as if we had not listened.
      killAllTracked();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function untrackChild(pid: number): void {
  liveGroups.delete(pid);
}

function killAllTracked(): void {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  liveGroups.clear();
}
