import { startSystemProcess, SystemProcess } from './child-processes';

/** A real worker process (see worker-process.ts): SIGKILL kills it as a crash would. */
export type WorkerProcess = SystemProcess;

/** Starts a worker process on `taskQueue` and resolves once it polls. */
export function startWorkerProcess(
  taskQueue: string,
  environment: Record<string, string> = {},
  readyTimeoutMs = 90_000,
): Promise<WorkerProcess> {
  return startSystemProcess('worker-process.ts', 'worker ready', taskQueue, environment, readyTimeoutMs);
}
