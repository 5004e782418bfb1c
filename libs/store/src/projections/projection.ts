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
}

const mapped = new WeakMap<FoldedStream, Map<ReadModel, readonly object[]>>();

/**
 * `model.rows(stream)`, mapped once per folded stream (an append compares the rows of the state before and after
 * it, and checks the summary's newcomer, each from the same objects): a state never changes once folded, so its
 * rows are the same whenever they are asked for. The rows are shared: not to be changed by the caller.
 */
export function rowsOf<Row extends object>(model: ReadModel<Row>, stream: FoldedStream): readonly Row[] {
  let byModel = mapped.get(stream);
  if (!byModel) mapped.set(stream, (byModel = new Map()));
  let rows = byModel.get(model as ReadModel);
  if (!rows) byModel.set(model as ReadModel, (rows = model.rows(stream)));
  return rows as readonly Row[];
}
