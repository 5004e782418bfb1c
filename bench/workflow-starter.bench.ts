import { Client, Connection } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { decide, fold, nextDeadlineExpiry, TrajectoryState } from '../libs/domain/src';
import { payloadCodecFrom } from '../libs/codec/src';
import { createLogger } from '../libs/logging/src';
import { EventStore, enqueueWorkflowStarts, readFoldedStream, WorkflowStartQueue } from '../libs/store/src';
import { startWorkflowStarter } from '../apps/worker/src/starter/workflow-starter';
import { reassignCounsellorUpdate, trajectoryWorkflowId } from '../workflows/src/definitions';
import { BareTemporal, startBareTemporal } from './command-path-bare';
import { COMMAND_PATH_TASK_QUEUE, startCommandPathSystem } from './command-path-system';
import { formatTable, log, Measurement, positiveInteger, runConcurrently, timed } from './measure';
import { generateTrajectories } from './trajectory-workload';

/**
 * Issue 7 §2, the workflow side, measured in one run on this machine:
 *
 * - starts: BENCH_STARTER_TRAJECTORIES trajectories (bench/trajectory-workload.ts, every phase) are written straight
 *   into the store, as a bulk opening would, and queued with `enqueueWorkflowStarts`; the worker's starter
 *   (WORKFLOW_STARTER_LANES, _BATCH_SIZE) starts each workflow from its stream. Timed until the queue is empty, then
 *   until every workflow answers a query with its stream's version (it has loaded its stream and recorded what fell
 *   due). Baseline: bare Temporal starts of a no-op workflow, at the starter's concurrency (lanes × batch).
 * - catch-up: a command (ReassignCounsellor as a Temporal update) on a running workflow, plain, and after another
 *   writer appended at the workflow's version (the append conflicts; the workflow reads, folds, decides again).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:starter
 */
const config = {
  trajectories: positiveInteger('BENCH_STARTER_TRAJECTORIES', 1_000),
  lanes: positiveInteger('WORKFLOW_STARTER_LANES', 2),
  batchSize: positiveInteger('WORKFLOW_STARTER_BATCH_SIZE', 50),
  catchUps: positiveInteger('BENCH_CATCH_UPS', 50),
};

async function main(): Promise<void> {
  process.env.TEMPORAL_PAYLOAD_KEYS ||= `bench:${randomBytes(32).toString('base64')}`;
  const system = await startCommandPathSystem(8, log);
  let bare: BareTemporal | undefined;
  try {
    log(system.description);
    bare = await startBareTemporal(system.temporal);
    const dataSource = system.database.dataSource;
    const store = new EventStore(dataSource);

    const written = performance.now();
    const ids: string[] = [];
    const starts = [];
    for (const trajectory of generateTrajectories(`starter-${randomUUID()}`, config.trajectories, 10)) {
      // One append per trajectory, as a bulk opening writes a case's whole history at once.
      const events = trajectory.appends.flatMap((append) => append.events);
      await store.append({ ...trajectory.appends[0], expectedVersion: 0, events });
      const state = fold(events) as TrajectoryState;
      ids.push(trajectory.trajectoryId);
      starts.push({
        trajectoryId: trajectory.trajectoryId,
        dueAt: nextDeadlineExpiry(state),
        reason: 'BULK_OPENING' as const,
      });
    }
    await enqueueWorkflowStarts(dataSource, starts);
    log(
      `${ids.length} trajectories written and queued in ${((performance.now() - written) / 1000).toFixed(1)} s`,
    );

    const connection = await Connection.connect({ address: system.temporal.address });
    const client = new Client({
      connection,
      namespace: system.temporal.namespace,
      dataConverter: payloadCodecFrom(process.env.TEMPORAL_PAYLOAD_KEYS),
    });
    const queue = new WorkflowStartQueue(dataSource);
    const started = new Measurement('workflow starts from the stream (starter)');
    const loaded = new Measurement('… until sampled workflows have loaded their streams');
    const began = performance.now();
    const starter = await startWorkflowStarter({
      environment: {
        DATABASE_URL: (dataSource.options as { url?: string }).url,
        TEMPORAL_ADDRESS: system.temporal.address,
        TEMPORAL_NAMESPACE: system.temporal.namespace,
        TEMPORAL_TASK_QUEUE: COMMAND_PATH_TASK_QUEUE,
        WORKFLOW_STARTER_LANES: config.lanes,
        WORKFLOW_STARTER_BATCH_SIZE: config.batchSize,
        WORKFLOW_STARTER_POLL_INTERVAL_MS: 50,
      },
      logger: createLogger('workflow-starter', { level: 'warn' }),
    });
    while ((await queue.count()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    started.wallMs = performance.now() - began;
    started.samples.push(...ids.map(() => started.wallMs / ids.length));
    await starter.stop();
    log(
      `queue empty after ${(started.wallMs / 1000).toFixed(1)} s: ${(ids.length / (started.wallMs / 1000)).toFixed(1)} starts/s`,
    );
    // A sample (queries wait for the worker, busy with the starts): each until it answers with its stream's version.
    const sample = ids.filter((_, index) => index % Math.ceil(ids.length / 20) === 0);
    let caughtUpWorkflows = 0;
    await runConcurrently(sample, 4, async (trajectoryId) => {
      const giveUpAt = performance.now() + 120_000;
      while (performance.now() < giveUpAt) {
        const expected = (await readFoldedStream(dataSource, trajectoryId))?.version;
        const state = await client.workflow
          .getHandle(trajectoryWorkflowId(trajectoryId))
          .query<TrajectoryState | undefined>('trajectoryState')
          .catch(() => undefined);
        if (state !== undefined && state.version === expected) {
          caughtUpWorkflows += 1;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });
    log(`${caughtUpWorkflows} of ${sample.length} sampled workflows answered with their stream's version`);
    loaded.wallMs = performance.now() - began;
    loaded.samples.push(...ids.map(() => loaded.wallMs / ids.length));

    const bareStarts = new Measurement('bare Temporal start (no-op workflow)');
    await runConcurrently(
      ids,
      config.lanes * config.batchSize,
      async () => {
        await timed(bareStarts, () => bare!.start());
      },
      bareStarts,
    );

    const open = [];
    for (const trajectoryId of ids) {
      const state = await readFoldedStream(dataSource, trajectoryId);
      if (state && state.status !== 'CLOSED') open.push(trajectoryId);
      if (open.length === config.catchUps * 2) break;
    }
    const plain = new Measurement('command, workflow current (update)');
    const caughtUp = new Measurement('command after another writer appended (catch-up)');
    const reassign = (trajectoryId: string, toCounsellorId: string) =>
      client.workflow.getHandle(trajectoryWorkflowId(trajectoryId)).executeUpdate(reassignCounsellorUpdate, {
        args: [{ command: { type: 'ReassignCounsellor', toCounsellorId }, metadata: { actor: 'bench' } }],
      });
    await runConcurrently(
      open.slice(0, config.catchUps),
      1,
      async (trajectoryId) => {
        await timed(plain, () => reassign(trajectoryId, 'counsellor-bench-a'));
      },
      plain,
    );
    for (const trajectoryId of open.slice(config.catchUps)) {
      const state = await readFoldedStream(dataSource, trajectoryId);
      const decision = decide(
        state,
        { type: 'ReassignCounsellor', toCounsellorId: 'counsellor-bulk' },
        { now: Date.now() },
      );
      if (!decision.accepted) throw new Error(decision.rejection.message);
      await store.append({
        streamId: trajectoryId,
        expectedVersion: state?.version ?? 0,
        events: decision.events,
        metadata: { actor: 'bench:bulk' },
      });
      await timed(caughtUp, () => reassign(trajectoryId, 'counsellor-bench-b'));
      caughtUp.wallMs += caughtUp.samples[caughtUp.samples.length - 1];
    }

    console.log(
      formatTable([
        { measurement: bareStarts },
        { measurement: started, baseline: bareStarts },
        { measurement: loaded, baseline: bareStarts },
        { measurement: plain },
        { measurement: caughtUp, baseline: plain },
      ]),
    );
    await connection.close();
  } finally {
    await bare?.close();
    await system.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
