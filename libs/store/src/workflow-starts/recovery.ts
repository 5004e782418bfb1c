import type { DataSource } from 'typeorm';
import { nextDeadlineExpiry } from '../../../domain/src';
import { enqueueWorkflowStarts } from './pending-workflow-starts';
import { readFoldedStream } from './stream-start';

/**
 * Queues restarts from the legal record (reason RECOVERY) for the trajectories whose streams exist, due at their
 * next deadline's expiry; answers the ids it queued (an id without events is left out).
 */
export async function enqueueRecoveries(
  dataSource: DataSource,
  trajectoryIds: readonly string[],
): Promise<string[]> {
  const queued: string[] = [];
  for (const trajectoryId of new Set(trajectoryIds)) {
    const state = await readFoldedStream(dataSource, trajectoryId);
    if (!state) continue;
    await enqueueWorkflowStarts(dataSource, [
      { trajectoryId, dueAt: nextDeadlineExpiry(state) ?? null, reason: 'RECOVERY' },
    ]);
    queued.push(trajectoryId);
  }
  return queued;
}

/**
 * The trajectories whose workflow must be running, in id order: those not closed, and the closed ones with a
 * violation file still awaiting the enforcement officer's decision (the workflow outlives the closure for it).
 */
export async function trajectoryIdsNeedingWorkflow(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource.query<{ trajectory_id: string }[]>(
    `SELECT s.trajectory_id FROM trajectory_summaries s
      WHERE s.status <> 'CLOSED'
         OR EXISTS (SELECT 1 FROM violations v WHERE v.trajectory_id = s.trajectory_id AND v.state = 'OPEN')
      ORDER BY s.trajectory_id`,
  );
  return rows.map((row) => row.trajectory_id);
}
