import { ChildProcess, spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEnvironment } from '../../support/environment';
import { workflowBundle } from '../../support/system';

export interface WorkerChild {
  process: ChildProcess;
  /** SIGKILL: no shutdown, no goodbye; settles when the process is gone. */
  kill(): Promise<void>;
}

let bundlePath: Promise<string> | undefined;

/** Writes the shared workflow bundle to a file a child process can load. */
function bundleFile(): Promise<string> {
  bundlePath ??= workflowBundle().then(async (bundle) => {
    const path = join(tmpdir(), `inburgering-workflows-${process.pid}.js`);
    await writeFile(path, bundle.code);
    return path;
  });
  return bundlePath;
}

/** Removes the bundle file written for the child processes. */
export async function removeWorkflowBundleFile(): Promise<void> {
  if (bundlePath) await rm(await bundlePath, { force: true });
  bundlePath = undefined;
}

/** Starts a worker on `taskQueue` as a separate node process and waits until it polls. */
export async function startWorkerChild(taskQueue: string): Promise<WorkerChild> {
  const environment = testEnvironment();
  const child = spawn(
    process.execPath,
    ['--require', join(__dirname, 'swc-register.js'), join(__dirname, 'worker-process.ts')],
    {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        TEMPORAL_ADDRESS: environment.temporalAddress,
        TEMPORAL_NAMESPACE: environment.namespace,
        DATABASE_URL: environment.applicationDatabaseUrl,
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKFLOW_BUNDLE_PATH: await bundleFile(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker process did not start: ${errors}`)), 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited with ${code}: ${errors}`));
    });
  });
  return {
    process: child,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
