import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { testEnvironment } from '../../support/environment';

export interface RelayChild {
  process: ChildProcess;
  /** SIGKILL: no shutdown; settles when the process is gone. */
  kill(): Promise<void>;
}

/** Starts the outbox relay as a separate node process with `environment` (OUTBOX_*) and waits until it runs. */
export async function startRelayChild(environment: Record<string, string>): Promise<RelayChild> {
  const child = spawn(
    process.execPath,
    ['--require', join(__dirname, 'swc-register.js'), join(__dirname, 'relay-process.ts')],
    {
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: testEnvironment().databaseUrl, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay process did not start: ${errors}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('relay ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay process exited with ${code}: ${errors}`));
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
