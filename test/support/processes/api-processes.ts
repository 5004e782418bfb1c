import { startSystemProcess, SystemProcess } from './child-processes';

/** A real API process (see api-process.ts) and the address it listens on. */
export interface ApiProcess extends SystemProcess {
  baseUrl: string;
}

/** Starts an API process that sends its commands to `taskQueue`, and resolves once it listens. */
export async function startApiProcess(
  taskQueue: string,
  environment: Record<string, string> = {},
): Promise<ApiProcess> {
  const started = await startSystemProcess('api-process.ts', 'api ready', taskQueue, environment);
  return Object.assign(started, { baseUrl: started.readyLine.split(' ')[2]! });
}
