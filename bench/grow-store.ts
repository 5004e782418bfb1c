import type { DataSource } from 'typeorm';
import { eventRows, type EventRow, insertEventRows } from '../libs/store/src/bulk/insert-event-rows';
import { generateTrajectories, TRAJECTORIES_PER_COUNSELLOR } from './trajectory-workload';

export interface GrownStore {
  trajectories: number;
  events: number;
  /** Time to decide the commands through the domain (ms). */
  decideMs: number;
  /** Time to insert the events (ms). */
  insertMs: number;
}

/**
 * Grows the event store through the domain: `count` trajectories of the bench workload (every command decided by
 * the domain's `decide`, folded by its `fold`, in every phase from just opened to attest issued; all of them open),
 * their events inserted in bulk (one multi-row INSERT per `rowsPerInsert` events). The read models are not
 * written: a rebuild does that.
 */
export async function growEventStore(
  dataSource: DataSource,
  prefix: string,
  count: number,
  rowsPerInsert = 5_000,
): Promise<GrownStore> {
  const counsellors = Math.max(1, Math.ceil(count / TRAJECTORIES_PER_COUNSELLOR));
  const grown: GrownStore = { trajectories: 0, events: 0, decideMs: 0, insertMs: 0 };
  let rows: EventRow[] = [];
  const flush = async () => {
    const started = performance.now();
    await insertEventRows(dataSource, rows);
    grown.insertMs += performance.now() - started;
    grown.events += rows.length;
    rows = [];
  };
  const trajectories = generateTrajectories(prefix, count, counsellors);
  for (;;) {
    const started = performance.now();
    const next = trajectories.next();
    grown.decideMs += performance.now() - started;
    if (next.done) break;
    grown.trajectories += 1;
    for (const append of next.value.appends) rows.push(...eventRows(append));
    if (rows.length >= rowsPerInsert) await flush();
  }
  if (rows.length) await flush();
  return grown;
}
