import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { TemporalDevServer } from '../scripts/temporal/dev-server';
import { bareWorkflow, committedRowUpdate, localActivityUpdate, noopUpdate } from './bare-workflow';
import type { BareActivities } from './bare-workflow/activities';

/**
 * The bare-Temporal baseline of the command-path benchmark: a no-op workflow with an update handler, on the same
 * SDK, the same dev server and the same process as the measured system, on its own task queue.
 */
export interface BareTemporal {
  /** update-with-start of a fresh workflow: what POST /trajectories costs Temporal alone. Returns its id. */
  updateWithStart(): Promise<string>;
  /** An update on a running workflow: what a command on an open trajectory costs Temporal alone. */
  update(workflowId: string): Promise<void>;
  /** The same update awaiting a local activity that does nothing: the floor of an append in a local activity. */
  updateWithLocalActivity(workflowId: string): Promise<void>;
  /** The same, the local activity committing one row: that floor with the least a durable append costs. */
  updateCommittingRow(workflowId: string): Promise<void>;
  /** A start of a fresh workflow (no update): what starting a trajectory's workflow costs Temporal alone. */
  start(): Promise<string>;
  close(): Promise<void>;
}

const TASK_QUEUE = 'bench-bare-temporal';

const quiet = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  log: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

/** Runs one statement in its own transaction (a pool's query). */
export type Execute = (sql: string, parameters: unknown[]) => Promise<unknown>;

/** The table the committing floor writes to; created by startBareTemporal when it can execute SQL, dropped by close. */
const FLOOR_TABLE = 'bench_bare_committed_rows';

/**
 * Starts the bare workflows' worker and client. `execute` is needed by `updateCommittingRow` only (the command-path
 * benchmark's committing floor); without it no table is created and that floor throws.
 */
export async function startBareTemporal(
  temporal: TemporalDevServer,
  execute?: Execute,
): Promise<BareTemporal> {
  if (execute) {
    await execute(
      `CREATE TABLE IF NOT EXISTS ${FLOOR_TABLE} (id uuid PRIMARY KEY, at timestamptz NOT NULL)`,
      [],
    );
  }
  const activities: BareActivities = {
    async doNothing() {},
    async commitRow(rowId) {
      if (!execute) throw new Error('the committing floor needs startBareTemporal to execute SQL');
      await execute(`INSERT INTO ${FLOOR_TABLE} (id, at) VALUES ($1, now())`, [rowId]);
    },
  };
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('./bare-workflow'),
    logger: quiet,
  });
  const nativeConnection = await NativeConnection.connect({ address: temporal.address });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: temporal.namespace,
    taskQueue: TASK_QUEUE,
    workflowBundle,
    activities,
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: temporal.namespace });
  return {
    async updateWithStart() {
      const workflowId = `bare-${randomUUID()}`;
      await client.workflow.executeUpdateWithStart(noopUpdate, {
        args: [1],
        updateId: randomUUID(),
        startWorkflowOperation: new WithStartWorkflowOperation(bareWorkflow, {
          workflowId,
          taskQueue: TASK_QUEUE,
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      });
      return workflowId;
    },
    async start() {
      const workflowId = `bare-${randomUUID()}`;
      await client.workflow.start(bareWorkflow, { workflowId, taskQueue: TASK_QUEUE });
      return workflowId;
    },
    async update(workflowId) {
      await client.workflow
        .getHandle(workflowId)
        .executeUpdate(noopUpdate, { args: [1], updateId: randomUUID() });
    },
    async updateWithLocalActivity(workflowId) {
      await client.workflow
        .getHandle(workflowId)
        .executeUpdate(localActivityUpdate, { args: [1], updateId: randomUUID() });
    },
    async updateCommittingRow(workflowId) {
      await client.workflow
        .getHandle(workflowId)
        .executeUpdate(committedRowUpdate, { args: [randomUUID()], updateId: randomUUID() });
    },
    async close() {
      worker.shutdown();
      await running;
      await nativeConnection.close();
      await connection.close();
      await execute?.(`DROP TABLE IF EXISTS ${FLOOR_TABLE}`, []);
    },
  };
}
