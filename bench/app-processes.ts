import { ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** dist/ when the bench runs compiled (npm run bench:...): the apps' own entry points beside it. */
const DIST = join(__dirname, '..');

/**
 * The API or the worker as production runs it: its compiled entry point (`dist/apps/<app>/src/main.js`) in a
 * process of its own, configured by the environment. Its resident set is sampled from /proc every `sampleMs`.
 */
export interface AppProcess {
  name: string;
  pid: number;
  /** Highest RSS (bytes) sampled since the last `resetPeak`. */
  peakRss(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

export async function startAppProcess(
  app: 'api' | 'worker',
  environment: Record<string, string>,
  ready: RegExp,
  sampleMs = 200,
  /** Every line the process writes (stdout and stderr), e.g. to pick out a log entry. */
  onLine: (line: string) => void = () => undefined,
  /** Options of node itself that NODE_OPTIONS may not carry (e.g. --cpu-prof). */
  nodeArguments: readonly string[] = [],
): Promise<AppProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArguments, join(DIST, 'apps', app, 'src', 'main.js')],
    {
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${app} not ready:\n${output.join('\n')}`)), 180_000);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        onLine(line);
        output.push(line);
        if (output.length > 50) output.shift();
        if (ready.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${app} exited:\n${output.join('\n')}`));
    });
  });
  let peak = 0;
  const sample = async () => {
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
    const kilobytes = /^VmRSS:\s+(\d+) kB/m.exec(status);
    if (kilobytes) peak = Math.max(peak, Number(kilobytes[1]) * 1024);
  };
  const sampler = setInterval(() => void sample(), sampleMs);
  await sample();
  return {
    name: app,
    pid: child.pid!,
    peakRss: () => peak,
    resetPeak: () => (peak = 0),
    async stop() {
      clearInterval(sampler);
      if (child.exitCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
