import { Client, Connection } from '@temporalio/client';
import { payloadCodecFrom } from '../../libs/codec/src';
import { createLogger } from '../../libs/logging/src';
import { createDataSource, enqueueRecoveries, trajectoryIdsNeedingWorkflow } from '../../libs/store/src';
import { trajectoryWorkflowId } from '../../workflows/src/definitions';
import { TRAJECTORY_WORKFLOW_TYPE } from '../../workflows/src/start-from-stream';

const log = createLogger('workflows-restart');

/**
 * Command: restarts trajectories' workflows from the legal record (their event streams), timers included. It queues
 * them in pending_workflow_starts (reason RECOVERY); a running worker's starter starts them, nearest deadline first.
 *   npm run workflows:restart -- <trajectoryId...>   the given trajectories (a running workflow is left as it is)
 *   npm run workflows:restart -- --missing           every trajectory that needs a workflow and has none running
 *                                                    (not closed, or closed with a violation file undecided)
 * Needs DATABASE_URL, and TEMPORAL_ADDRESS/TEMPORAL_NAMESPACE/TEMPORAL_PAYLOAD_KEYS for --missing.
 */
async function main(args: string[]): Promise<number> {
  const missing = args.includes('--missing');
  const ids = args.filter((arg) => !arg.startsWith('--'));
  if (!process.env.DATABASE_URL || (!missing && ids.length === 0)) {
    log.error('usage: DATABASE_URL=... npm run workflows:restart -- (<trajectoryId...> | --missing)');
    return 2;
  }
  const dataSource = await createDataSource(process.env.DATABASE_URL, { logging: ['error'] }).initialize();
  try {
    const candidates = missing
      ? await withoutRunningWorkflow(await trajectoryIdsNeedingWorkflow(dataSource))
      : ids;
    const queued = await enqueueRecoveries(dataSource, candidates);
    log.info(
      { queued: queued.length, unknown: candidates.length - queued.length },
      `${queued.length} trajectories queued for a restart from their streams`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

async function withoutRunningWorkflow(open: string[]): Promise<string[]> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  try {
    const client = new Client({
      connection,
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      dataConverter: payloadCodecFrom(process.env.TEMPORAL_PAYLOAD_KEYS ?? ''),
    });
    return await trajectoriesWithoutRunningWorkflow(client, open);
  } finally {
    await connection.close();
  }
}

/** The ids among `open` with no running trajectory workflow (Temporal's visibility list of running ones). */
export async function trajectoriesWithoutRunningWorkflow(client: Client, open: string[]): Promise<string[]> {
  const running = new Set<string>();
  const query = `WorkflowType = '${TRAJECTORY_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`;
  for await (const execution of client.workflow.list({ query })) running.add(execution.workflowId);
  return open.filter((trajectoryId) => !running.has(trajectoryWorkflowId(trajectoryId)));
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      log.error(
        { err: error instanceof Error ? { type: error.name, message: error.message } : error },
        'failed',
      );
      process.exitCode = 1;
    },
  );
}
