import 'reflect-metadata';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { payloadCodecFrom } from '../libs/codec/src';
import { addDays, calendarDate, composeNationalNumber, OpenTrajectory } from '../libs/domain/src';
import { startTemporalDevServer } from '../scripts/temporal/dev-server';
import { findOrBuildTemporalCli } from '../scripts/temporal/temporal-cli';
import { CommandEnvelope, openTrajectoryUpdate, trajectoryWorkflowId } from '../workflows/src/definitions';
import { openCaseloadFile } from '../scripts/open-bulk';
import { openBenchDatabase } from './bench-database';
import { caseloadRows, writeJsonLines } from './caseload-workload';
import { formatSeconds, log, positiveInteger, renderTable, runConcurrently } from './measure';

/**
 * Worker RSS against the number of open trajectories (issue 7 §5). A real worker process (MAX_CACHED_WORKFLOWS as
 * given) serves the trajectories; its RSS is sampled every second and reported per BENCH_RSS_STEP trajectories.
 * Every open trajectory keeps a running workflow with a timer (its registration deadline), like a real caseload;
 * beyond the cache bound a workflow costs the worker nothing until its next task, when it is replayed.
 * BENCH_RSS_OPENING chooses how they are opened:
 *   - `update` (default): one by one through update-with-start, BENCH_RSS_CONCURRENCY at once;
 *   - `bulk`: the caseload opened in bulk first (`npm run open:bulk`'s path), then the worker's own starter starts
 *     every workflow from its stream (BENCH_RSS_STARTER_LANES lanes), as after a migration or a disaster recovery.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node -r ./test/support/processes/swc-register.js bench/worker-rss.bench.ts
 *
 * Sizes: BENCH_RSS_TRAJECTORIES (default 3000), BENCH_RSS_CACHE (the worker's MAX_CACHED_WORKFLOWS, default 1000),
 * BENCH_RSS_CONCURRENCY (default 16), BENCH_RSS_STEP (default 500), BENCH_RSS_STARTER_LANES (default 8).
 */
const config = {
  trajectories: positiveInteger('BENCH_RSS_TRAJECTORIES', 3000),
  cache: positiveInteger('BENCH_RSS_CACHE', 1000),
  concurrency: positiveInteger('BENCH_RSS_CONCURRENCY', 16),
  step: positiveInteger('BENCH_RSS_STEP', 500),
  opening: process.env.BENCH_RSS_OPENING === 'bulk' ? ('bulk' as const) : ('update' as const),
  starterLanes: positiveInteger('BENCH_RSS_STARTER_LANES', 8),
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
    if (config.opening === 'bulk') await openInBulk(database.dataSource);
    const sample = { rss: 0, peak: 0 };
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
          WORKER_PROCESS_STARTER: config.opening === 'bulk' ? '1' : '0',
          WORKFLOW_STARTER_LANES: String(config.starterLanes),
          WORKFLOW_STARTER_BATCH_SIZE: '100',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: worker!.stdout! }).on('line', (line) => {
        if (line.startsWith('worker ready')) resolve();
        const match = /^rss (\d+)$/.exec(line);
        if (match) {
          sample.rss = Number(match[1]);
          sample.peak = Math.max(sample.peak, sample.rss);
        }
      });
      worker!.once('exit', () => reject(new Error('the worker exited')));
    });
    for (let waited = 0; sample.rss === 0 && waited < 10_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const rows: string[][] = [['0', mb(sample.rss), mb(sample.peak), '']];
    log(
      `worker up, RSS ${mb(sample.rss)} MB; ${config.opening}: ${config.trajectories} trajectories, cache ${config.cache}`,
    );
    const started = performance.now();
    const record = (open: number) => {
      const seconds = (performance.now() - started) / 1000;
      rows.push([String(open), mb(sample.rss), mb(sample.peak), (open / seconds).toFixed(1)]);
      log(`${open} open, worker RSS ${mb(sample.rss)} MB (peak ${mb(sample.peak)} MB)`);
    };
    if (config.opening === 'bulk') await awaitStarter(database.dataSource, record);
    else await openByUpdates(temporal, record);
    console.log(
      `\n${renderTable(['open trajectories', 'worker RSS MB', 'peak RSS MB', 'opened/s'], rows)}\n`,
    );
    console.log(`MAX_CACHED_WORKFLOWS=${config.cache}, opening: ${config.opening}`);
  } finally {
    worker?.kill('SIGTERM');
    await temporal.stop();
    await database.close();
  }
}

/** The caseload opened in bulk: events, read models and the workflows' pending starts, before the worker runs. */
async function openInBulk(dataSource: DataSource): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'worker-rss-bench-'));
  try {
    const file = join(directory, 'caseload.jsonl');
    await writeJsonLines(file, caseloadRows('AGII', config.trajectories));
    const started = performance.now();
    const summary = await openCaseloadFile(dataSource, {
      file,
      format: 'JSONL',
      agency: 'AGII',
      actor: 'bench-operator',
      role: 'operator',
      batchSize: 1_000,
      problemsFile: join(directory, 'problems.csv'),
    });
    if (summary.outcomes.OPENED !== config.trajectories)
      throw new Error(`opened ${summary.outcomes.OPENED} of ${config.trajectories}`);
    log(
      `${config.trajectories} trajectories opened in bulk in ${formatSeconds(performance.now() - started)}`,
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Waits while the worker's starter starts the queued workflows, recording the RSS every BENCH_RSS_STEP. */
async function awaitStarter(dataSource: DataSource, record: (open: number) => void): Promise<void> {
  let next = config.step;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const [{ pending }] = await dataSource.query<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM pending_workflow_starts`,
    );
    const open = config.trajectories - pending;
    if (open >= next || pending === 0) {
      record(open);
      next = open + config.step;
    }
    if (pending === 0) return;
  }
}

async function openByUpdates(
  temporal: { address: string; namespace: string },
  record: (open: number) => void,
): Promise<void> {
  const connection = await Connection.connect({ address: temporal.address });
  try {
    const client = new Client({
      connection,
      namespace: temporal.namespace,
      dataConverter: payloadCodecFrom(process.env.TEMPORAL_PAYLOAD_KEYS ?? ''),
    });
    const firstBirth = calendarDate('1960-01-01');
    let opened = 0;
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
      record(opened);
    }
  } finally {
    await connection.close();
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
