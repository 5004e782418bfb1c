import type { DataSource } from 'typeorm';
import type { WorkflowStartReason } from './pending-workflow-starts';

/** A queued start the starter holds (locked) while it starts the workflow. */
export interface ClaimedWorkflowStart {
  trajectoryId: string;
  reason: WorkflowStartReason;
  /** Failed attempts so far. */
  attempts: number;
}

export interface WorkflowStartBatch {
  started: number;
  failed: number;
}

/**
 * The next due starts, nearest deadline first (no deadline last), locked for the claiming transaction (FOR UPDATE
 * SKIP LOCKED: starters in other workers pass over them).
 */
const CLAIM_DUE = `
  SELECT trajectory_id, reason, attempts FROM pending_workflow_starts
   WHERE next_attempt_at IS NULL OR next_attempt_at <= now()
   ORDER BY due_at ASC NULLS LAST, trajectory_id
   LIMIT $1
   FOR UPDATE SKIP LOCKED`;

/** The starter's side of `pending_workflow_starts`: claim a batch, start each workflow, record the outcomes. */
export class WorkflowStartQueue {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One batch in one transaction: the rows stay locked while `start` runs (at once for the whole batch); a started
   * row is deleted, a failed one keeps its place with its attempts, the error (`start` must reject with text free of
   * personal data) and a retry time. If the process dies, the rows are due again (a start is idempotent).
   */
  async startBatch(
    limit: number,
    start: (claimed: ClaimedWorkflowStart) => Promise<void>,
    retryDelayMs: (attempt: number) => number,
  ): Promise<WorkflowStartBatch> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<
        { trajectory_id: string; reason: WorkflowStartReason; attempts: number }[]
      >(CLAIM_DUE, [limit]);
      const claimed = rows.map((row) => ({
        trajectoryId: row.trajectory_id,
        reason: row.reason,
        attempts: row.attempts,
      }));
      const outcomes = await Promise.allSettled(claimed.map((row) => start(row)));
      const started = claimed.filter((_, index) => outcomes[index].status === 'fulfilled');
      if (started.length > 0)
        await manager.query('DELETE FROM pending_workflow_starts WHERE trajectory_id = ANY($1::text[])', [
          started.map((row) => row.trajectoryId),
        ]);
      const failed = claimed.flatMap((row, index) => {
        const outcome = outcomes[index];
        return outcome.status === 'rejected' ? [{ row, error: errorText(outcome.reason) }] : [];
      });
      for (const { row, error } of failed) {
        await manager.query(
          `UPDATE pending_workflow_starts
              SET attempts = attempts + 1, last_error = $2,
                  next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
            WHERE trajectory_id = $1`,
          [row.trajectoryId, error, retryDelayMs(row.attempts + 1)],
        );
      }
      return { started: started.length, failed: failed.length };
    });
  }

  /** Queued starts (for operators and tests). */
  async count(): Promise<number> {
    const [row] = await this.dataSource.query<{ count: string }[]>(
      'SELECT count(*) AS count FROM pending_workflow_starts',
    );
    return Number(row.count);
  }
}

function errorText(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message.split('\n', 1)[0] : 'unknown failure';
  return `${name}: ${message}`.slice(0, 500);
}
