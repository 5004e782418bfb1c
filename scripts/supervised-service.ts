import { ChildProcess, spawn } from 'node:child_process';
import type { Logger } from 'pino';
import { pipeLines } from './child-output';

/**
 * A Node service (worker, API) that `npm start` keeps running: when it exits without being asked to, it is
 * started again after a backoff (1 s, 2 s, 4 s ... 30 s; back to 1 s after a minute of running), and the rest of
 * the stack keeps running. A service that keeps failing right after its start (5 times in a row) is given up:
 * `failed` rejects and the orchestrator stops everything.
 */
export interface SupervisedServiceOptions {
  name: string;
  main: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  onLine: (line: string) => void;
  /** Process groups to kill if the orchestrator dies abruptly. */
  groups: Set<number>;
}

export interface SupervisedService {
  name: string;
  /** The pid of the running process (undefined between a crash and its restart). */
  pid(): number | undefined;
  /** How many times the service was restarted after a crash. */
  restarts(): number;
  /** Rejects when the service is given up. */
  failed: Promise<never>;
  stop(): Promise<void>;
}

const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
const STABLE_AFTER_MS = 60_000;
const QUICK_FAILURE_MS = 10_000;
const MAX_QUICK_FAILURES = 5;
const STOP_TIMEOUT_MS = 30_000;

export function superviseService(options: SupervisedServiceOptions): SupervisedService {
  const { name, logger, groups } = options;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let stopping = false;
  let restarts = 0;
  let backoff = FIRST_BACKOFF_MS;
  let quickFailures = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let giveUp: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (giveUp = reject));
  failed.catch(() => undefined);

  const start = () => {
    const startedAt = Date.now();
    // Own process group: a terminal's Ctrl-C reaches the orchestrator only, which stops the services in order.
    const process = spawn(globalThis.process.execPath, ['--enable-source-maps', options.main], {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = process;
    if (process.pid !== undefined) groups.add(process.pid);
    pipeLines(process, options.onLine);
    exited = new Promise<void>((resolveExit) => {
      process.on('error', (error) => {
        logger.error({ service: name, err: error.message }, `could not start the ${name}`);
      });
      process.on('exit', (code, signal) => {
        if (process.pid !== undefined) groups.delete(process.pid);
        child = undefined;
        resolveExit();
        if (stopping) return;
        const ranFor = Date.now() - startedAt;
        if (ranFor >= STABLE_AFTER_MS) backoff = FIRST_BACKOFF_MS;
        quickFailures = ranFor < QUICK_FAILURE_MS ? quickFailures + 1 : 0;
        const how = signal ?? `code ${code}`;
        if (quickFailures >= MAX_QUICK_FAILURES) {
          logger.error(
            { service: name, exit: how },
            `the ${name} failed ${quickFailures} times in a row right after starting; giving up`,
          );
          giveUp(new Error(`the ${name} keeps failing (${how}); see its output above`));
          return;
        }
        restarts++;
        logger.warn(
          { service: name, exit: how, restartInMs: backoff, restart: restarts },
          `the ${name} exited unexpectedly (${how}); restarting it in ${backoff / 1000} s, the rest keeps running`,
        );
        restartTimer = setTimeout(() => {
          restartTimer = undefined;
          if (stopping) return;
          start();
          logger.info(
            { service: name, childPid: child?.pid, restart: restarts },
            `the ${name} was restarted`,
          );
        }, backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      });
    });
  };
  start();

  return {
    name,
    pid: () => child?.pid,
    restarts: () => restarts,
    failed,
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const running = child;
      if (!running || running.pid === undefined) return;
      killGroup(running.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(running.pid!, 'SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // gone already
  }
}
