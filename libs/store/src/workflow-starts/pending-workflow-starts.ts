import type { DataSource, EntityManager } from 'typeorm';

/** Why a trajectory's workflow waits to be started from its stream. */
export type WorkflowStartReason = 'BULK_OPENING' | 'RECOVERY';

export interface PendingWorkflowStart {
  trajectoryId: string;
  /**
   * When the trajectory's next deadline expires (the domain's `nextDeadlineExpiry` of its folded state, epoch ms or
   * a Date), or null/undefined when none is open: the starter starts the nearest deadlines first.
   */
  dueAt?: Date | number | null;
  reason: WorkflowStartReason;
}

/**
 * Queues trajectories whose events are in the store but whose workflow is not running; the worker's starter starts
 * each from its stream. Call it in the transaction that appends the events, so a trajectory is never recorded
 * without either its workflow or its row here. A trajectory already queued keeps its place, with the new due time.
 */
export async function enqueueWorkflowStarts(
  manager: EntityManager | DataSource,
  starts: readonly PendingWorkflowStart[],
): Promise<void> {
  // One row per trajectory (PostgreSQL refuses to update a row twice in one statement): the last entry stands.
  const unique = [...new Map(starts.map((start) => [start.trajectoryId, start])).values()];
  if (unique.length === 0) return;
  await manager.query(
    `INSERT INTO pending_workflow_starts (trajectory_id, due_at, reason)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[])
     ON CONFLICT (trajectory_id) DO UPDATE SET due_at = EXCLUDED.due_at, reason = EXCLUDED.reason`,
    [
      unique.map((start) => start.trajectoryId),
      unique.map((start) => toIso(start.dueAt)),
      unique.map((start) => start.reason),
    ],
  );
}

function toIso(dueAt: Date | number | null | undefined): string | null {
  if (dueAt === null || dueAt === undefined) return null;
  return new Date(dueAt).toISOString();
}
