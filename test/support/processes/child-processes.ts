import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { testEnvironment } from '../environment';

const ROOT = join(__dirname, '..', '..', '..');

/** A real process of the system (a worker, an API): SIGKILL kills it as a crash would. */
export interface SystemProcess {
  pid: number;
  child: ChildProcess;
  /** Lines the process printed, newest last. */
  output: string[];
  /** The line that announced it was ready. */
  readyLine: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `script` (a TypeScript file of this folder, compiled by swc-register.js) against the test environment's
 * Temporal server and database, on `taskQueue`, and resolves once it prints a line starting with `readyPrefix`.
 */
export async function startSystemProcess(
  script: string,
  readyPrefix: string,
  taskQueue: string,
  environment: Record<string, string> = {},
  readyTimeoutMs = 90_000,
): Promise<SystemProcess> {
  const { temporalAddress, applicationDatabaseUrl, namespace } = testEnvironment();
  const child = spawn(process.execPath, ['-r', join(__dirname, 'swc-register.js'), join(__dirname, script)], {
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
  });
  const output: string[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} not ready in ${readyTimeoutMs} ms:\n${output.join('\n')}`)),
      readyTimeoutMs,
    );
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => {
        output.push(line);
        if (output.length > 500) output.shift();
        if (line.startsWith(readyPrefix)) {
          clearTimeout(timer);
          resolve(line);
        }
      });
    }
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before it was ready:\n${output.join('\n')}`));
    });
  });
  const handle = {
    pid: child.pid!,
    child,
    output,
    readyLine: '',
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (!exited) child.kill(signal);
      await exit;
    },
  };
  try {
    handle.readyLine = await ready;
  } catch (error) {
    await handle.kill();
    throw error;
  }
  return handle;
}
