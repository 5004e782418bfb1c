import type { TrajectoryState } from '../../../domain/src';

/** A stream folded by the domain's `fold`: what every read model is a mapping of. */
export interface FoldedStream {
  streamId: string;
  state: TrajectoryState;
  /** When the stream's last event occurred (not wall-clock time), so that a rebuild reproduces the rows exactly. */
  lastOccurredAt: Date;
}

/**
 * A read model: the rows a trajectory's folded state maps to, keyed by the entity's primary key. Pure: the same
 * state always gives the same rows, so the append (which writes what changed) and the rebuild (which writes all)
 * cannot disagree, and an event the domain folds needs nothing here.
 */
export interface ReadModel<Row extends object = object> {
  entity: new () => Row;
  rows(stream: FoldedStream): Row[];
  /**
   * Tables of totals over this model's rows that its statement triggers keep (see their migrations), emptied by its
   * TRUNCATE trigger. A rebuild truncates them with the model's table (rebuildReadModels).
   */
  triggerKeptTotals?: readonly string[];
}
