import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { testEnvironment } from '../environment';

const ROOT = join(__dirname, '..', '..', '..');

/** A real worker process (see worker-process.ts): SIGKILL kills it as a crash would. */
export interface WorkerProcess {
  pid: number;
  child: ChildProcess;
  /** Lines the process printed, newest last. */
  output: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts a worker process on `taskQueue` and resolves once it polls. */
export async function startWorkerProcess(
  taskQueue: string,
  environment: Record<string, string> = {},
  readyTimeoutMs = 90_000,
): Promise<WorkerProcess> {
  const { temporalAddress, applicationDatabaseUrl, namespace } = testEnvironment();
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, 'swc-register.js'), join(__dirname, 'worker-process.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: temporalAddress,
        TEMPORAL_NAMESPACE: namespace,
        DATABASE_URL: applicationDatabaseUrl,
        TEMPORAL_TASK_QUEUE: taskQueue,
        ...environment,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker not ready in ${readyTimeoutMs} ms:\n${output.join('\n')}`)),
      readyTimeoutMs,
    );
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => {
        output.push(line);
        if (output.length > 500) output.shift();
        if (line.startsWith('worker ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`worker exited before it was ready:\n${output.join('\n')}`));
    });
  });
  const handle: WorkerProcess = {
    pid: child.pid!,
    child,
    output,
    async kill(signal = 'SIGKILL') {
      if (!exited) child.kill(signal);
      await exit;
    },
  };
  try {
    await ready;
  } catch (error) {
    await handle.kill();
    throw error;
  }
  return handle;
}
