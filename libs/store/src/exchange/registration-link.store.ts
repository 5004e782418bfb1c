import type { DataSource } from 'typeorm';
import type { TrajectoryState } from '../../../domain/src';

/** What linking registrations in bulk reads: the trajectories' folded states and the links already written. */
export class RegistrationLinkStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The domain's fold of each stream as the last append stored it (trajectory_states), by stream id. A stream
   * without a stored fold is left out.
   */
  async foldedStates(streamIds: readonly string[]): Promise<Map<string, TrajectoryState>> {
    if (!streamIds.length) return new Map();
    const rows: { stream_id: string; state: TrajectoryState }[] = await this.dataSource.query(
      `SELECT stream_id, state FROM trajectory_states WHERE stream_id = ANY($1::text[])`,
      [streamIds],
    );
    return new Map(rows.map((row) => [row.stream_id, row.state]));
  }

  /**
   * Which of these (stream, idempotency key) pairs wrote a registration event: a link made by an attempt that
   * died before its outcome was recorded. Answers the keys found.
   */
  async keysThatLinked(links: readonly { streamId: string; idempotencyKey: string }[]): Promise<Set<string>> {
    if (!links.length) return new Set();
    const rows: { key: string }[] = await this.dataSource.query(
      `SELECT e.metadata->>'idempotencyKey' AS key
         FROM unnest($1::text[], $2::text[]) AS link(stream_id, key)
         JOIN events e ON e.stream_id = link.stream_id AND e.metadata->>'idempotencyKey' = link.key
        WHERE e.type = 'VdabRegistrationRecorded'`,
      [links.map((link) => link.streamId), links.map((link) => link.idempotencyKey)],
    );
    return new Set(rows.map((row) => row.key));
  }
}
