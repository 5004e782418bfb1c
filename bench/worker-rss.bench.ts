import 'reflect-metadata';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { payloadCodecFrom } from '../libs/codec/src';
import { addDays, calendarDate, composeNationalNumber, OpenTrajectory } from '../libs/domain/src';
import { startTemporalDevServer } from '../scripts/temporal/dev-server';
import { findOrBuildTemporalCli } from '../scripts/temporal/temporal-cli';
import { CommandEnvelope, openTrajectoryUpdate, trajectoryWorkflowId } from '../workflows/src/definitions';
import { openBenchDatabase } from './bench-database';
import { log, positiveInteger, renderTable, runConcurrently } from './measure';

/**
 * Worker RSS against the number of open trajectories (issue 7 §5). A real worker process (MAX_CACHED_WORKFLOWS as
 * given) serves trajectories opened through update-with-start at BENCH_RSS_CONCURRENCY; its RSS is sampled every
 * second and reported per BENCH_RSS_STEP trajectories. Every open trajectory keeps a running workflow with a timer
 * (its registration deadline), like a real caseload; beyond the cache bound a workflow costs the worker nothing
 * until its next task, when it is replayed.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node -r ./test/support/processes/swc-register.js bench/worker-rss.bench.ts
 *
 * Sizes: BENCH_RSS_TRAJECTORIES (default 3000), BENCH_RSS_CACHE (the worker's MAX_CACHED_WORKFLOWS, default 1000),
 * BENCH_RSS_CONCURRENCY (default 16), BENCH_RSS_STEP (default 500).
 */
const config = {
  trajectories: positiveInteger('BENCH_RSS_TRAJECTORIES', 3000),
  cache: positiveInteger('BENCH_RSS_CACHE', 1000),
  concurrency: positiveInteger('BENCH_RSS_CONCURRENCY', 16),
  step: positiveInteger('BENCH_RSS_STEP', 500),
};
const TASK_QUEUE = 'bench-worker-rss';

async function main(): Promise<void> {
  // Payloads are encrypted as in production; the worker and this client share a key made for the run.
  process.env.TEMPORAL_PAYLOAD_KEYS ||= `bench:${randomBytes(32).toString('base64')}`;
  const cliPath = await findOrBuildTemporalCli({ log });
  const temporal = await startTemporalDevServer({ cliPath });
  const database = await openBenchDatabase(2);
  let worker: ChildProcess | undefined;
  try {
    const databaseUrl = (database.dataSource.options as PostgresDataSourceOptions).url!;
    let rss = 0;
    worker = spawn(
      process.execPath,
      [
        '-r',
        join(__dirname, '..', 'test', 'support', 'processes', 'swc-register.js'),
        join(__dirname, '..', 'test', 'support', 'processes', 'worker-process.ts'),
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          TEMPORAL_ADDRESS: temporal.address,
          TEMPORAL_NAMESPACE: temporal.namespace,
          TEMPORAL_TASK_QUEUE: TASK_QUEUE,
          MAX_CACHED_WORKFLOWS: String(config.cache),
          WORKER_RSS_EVERY_MS: '1000',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: worker!.stdout! }).on('line', (line) => {
        if (line.startsWith('worker ready')) resolve();
        const match = /^rss (\d+)$/.exec(line);
        if (match) rss = Number(match[1]);
      });
      worker!.once('exit', () => reject(new Error('the worker exited')));
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rows: string[][] = [['0', mb(rss), '']];
    log(`worker up, RSS ${mb(rss)} MB; opening ${config.trajectories} trajectories, cache ${config.cache}`);

    const connection = await Connection.connect({ address: temporal.address });
    const client = new Client({
      connection,
      namespace: temporal.namespace,
      dataConverter: payloadCodecFrom(process.env.TEMPORAL_PAYLOAD_KEYS),
    });
    const firstBirth = calendarDate('1960-01-01');
    let opened = 0;
    const started = performance.now();
    for (let from = 0; from < config.trajectories; from += config.step) {
      const batch = Array.from(
        { length: Math.min(config.step, config.trajectories - from) },
        (_, i) => from + i,
      );
      await runConcurrently(batch, config.concurrency, async (index) => {
        const trajectoryId = randomUUID();
        const birthDate = addDays(firstBirth, index);
        const command: OpenTrajectory = {
          type: 'OpenTrajectory',
          trajectoryId,
          newcomer: {
            nationalNumber: composeNationalNumber(birthDate, 1),
            givenName: 'Amina',
            familyName: 'Haddad',
            birthDate,
            municipality: 'Gent',
          },
          agency: 'IN_GENT',
        };
        const envelope: CommandEnvelope<OpenTrajectory> = { command, metadata: { actor: 'bench' } };
        await client.workflow.executeUpdateWithStart(openTrajectoryUpdate, {
          args: [envelope],
          startWorkflowOperation: new WithStartWorkflowOperation('trajectoryWorkflow', {
            workflowId: trajectoryWorkflowId(trajectoryId),
            taskQueue: TASK_QUEUE,
            args: [{ trajectoryId }],
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        });
        opened += 1;
      });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const seconds = (performance.now() - started) / 1000;
      rows.push([String(opened), mb(rss), (opened / seconds).toFixed(1)]);
      log(`${opened} open, worker RSS ${mb(rss)} MB`);
    }
    console.log(`\n${renderTable(['open trajectories', 'worker RSS MB', 'opened/s'], rows)}\n`);
    console.log(`MAX_CACHED_WORKFLOWS=${config.cache}`);
    await connection.close();
  } finally {
    worker?.kill('SIGTERM');
    await temporal.stop();
    await database.close();
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
