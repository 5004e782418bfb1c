import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { demoAccessToken } from '../../libs/identity/src';
import { newcomer } from '../support/newcomers';
import {
  isAlive,
  isListening,
  killTree,
  Process,
  ROOT,
  sleep,
  startNpmStack,
  StartedStack,
} from './npm-start-process';
import { tryItScript } from './readme-try-it';

/**
 * `npm start` as a user, an IDE or a process manager runs it: the README's examples answer 2xx, a killed worker
 * comes back while the rest keeps running, and SIGTERM or SIGINT of npm's own pid stops every process it
 * started (PostgreSQL, Temporal, worker, API) and frees every port.
 */
describe('npm start', () => {
  let stack: StartedStack | undefined;

  afterEach(async () => {
    if (stack && stack.npm.exitCode === null && stack.npm.signalCode === null) killTree(stack.npm.pid!);
    if (stack) rmSync(stack.dataDir, { recursive: true, force: true });
    stack = undefined;
  });

  async function stopAndExpectNothingLeft(
    current: StartedStack,
    signal: 'SIGTERM' | 'SIGINT',
  ): Promise<void> {
    const tree = current.processTree();
    expect(tree.map((process) => process.command).join('\n')).toMatch(/apps\/api\/src\/main\.js/);
    expect(tree.map((process) => process.command).join('\n')).toMatch(/apps\/worker\/src\/main\.js/);
    expect(tree.map((process) => process.command).join('\n')).toMatch(/temporal.* server start-dev/);
    expect(tree.map((process) => process.command).join('\n')).toMatch(/postgres/);

    const stoppedAt = Date.now();
    process.kill(current.npm.pid!, signal);
    await current.exited;
    // Processes may take a moment to be reaped after their parent saw them exit.
    const deadline = Date.now() + 10_000;
    let left: Process[] = tree;
    while (Date.now() < deadline) {
      left = tree.filter((process) => isAlive(process.pid));
      if (!left.length) break;
      await sleep(200);
    }
    const open: number[] = [];
    for (const port of Object.values(current.ports)) if (await isListening(port)) open.push(port);
    process.stdout.write(
      `npm start stopped by ${signal} in ${Date.now() - stoppedAt} ms, ${tree.length} processes\n`,
    );
    expect({ processesLeft: left, portsOpen: open }).toEqual({ processesLeft: [], portsOpen: [] });
    expect(current.output()).toMatch(/everything stopped/);
  }

  it("runs the README's Try it lines, restarts a killed worker, and leaves nothing behind on SIGTERM", async () => {
    stack = await startNpmStack('sigterm');
    const started = stack;
    process.stdout.write(`npm start ready in ${started.startedInMs} ms\n`);

    // The README's lines as written, against this stack's port; every curl call must answer 2xx.
    const script = tryItScript().replaceAll('localhost:3000', `127.0.0.1:${started.ports.api}`);
    const run = spawnSync(
      'bash',
      [
        '-c',
        `set -euo pipefail\ncurl() { command curl --write-out '%{stderr}HTTP_STATUS %{http_code}\\n' "$@"; }\n${script}`,
      ],
      { encoding: 'utf8', timeout: 60_000, env: started.shellEnv, cwd: ROOT },
    );
    const statuses = [...run.stderr.matchAll(/HTTP_STATUS (\d+)/g)].map((match) => Number(match[1]));
    expect({ exit: run.status, stderr: run.stderr.replace(/HTTP_STATUS \d+\n/g, '') }).toEqual({
      exit: 0,
      stderr: '',
    });
    expect(statuses.length).toBe((script.match(/\bcurl\b/g) ?? []).length);
    expect(statuses.every((status) => status >= 200 && status < 300)).toBe(true);

    // kill -9 the worker: the orchestrator says so, starts it again, and the rest keeps running.
    const worker = started
      .processTree()
      .find((process) => process.command.includes('apps/worker/src/main.js'))!;
    const api = started.processTree().find((process) => process.command.includes('apps/api/src/main.js'))!;
    process.kill(worker.pid, 'SIGKILL');
    const deadline = Date.now() + 120_000;
    while (!/the worker was restarted/.test(started.output()) && Date.now() < deadline) await sleep(200);
    expect(started.output()).toMatch(/the worker exited unexpectedly \(SIGKILL\); restarting it in 1 s/);
    const again = started
      .processTree()
      .find((process) => process.command.includes('apps/worker/src/main.js'));
    expect(again?.pid).toBeDefined();
    expect(again?.pid).not.toBe(worker.pid);
    expect(isAlive(api.pid)).toBe(true);
    // The restarted worker decides commands again once it polls (bundling its workflows takes a while under load);
    // a client retries a 503 with the same Idempotency-Key.
    const polling = () => started.output().match(/polling task queue/g)?.length ?? 0;
    while (polling() < 2 && Date.now() < deadline) await sleep(200);
    const person = newcomer({ familyName: 'Dewaelelogcheck' });
    const token = await demoAccessToken(`http://127.0.0.1:${started.ports.identity}`, 'counsellor-gent');
    let status = 0;
    for (let attempt = 1; attempt <= 3 && status !== 201; attempt++) {
      const created = await fetch(`${started.apiBaseUrl}/trajectories`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'Idempotency-Key': `after-restart-${randomUUID()}`,
        },
        body: JSON.stringify(person),
      });
      status = created.status;
      await created.body?.cancel();
    }
    expect(status).toBe(201);

    // Issue 6 §4: nothing the stack logged (API, worker, Temporal, PostgreSQL, at info) names the person.
    const logs = started.output();
    expect(logs).toMatch(/\/trajectories/);
    for (const personal of [person.nationalNumber, person.familyName]) expect(logs).not.toContain(personal);

    await stopAndExpectNothingLeft(started, 'SIGTERM');
  }, 420_000);

  it('leaves nothing behind on SIGINT', async () => {
    stack = await startNpmStack('sigint');
    process.stdout.write(`npm start (warm build) ready in ${stack.startedInMs} ms\n`);
    await stopAndExpectNothingLeft(stack, 'SIGINT');
  }, 300_000);
});
