import type { TrajectoryState } from '../../../domain/src';
import { TrajectoryFacts, trajectoryFactsOf } from '../../../domain/src/key-figures';

const facts = new WeakMap<TrajectoryState, TrajectoryFacts>();

/**
 * The domain's `trajectoryFactsOf(state)`, computed once per folded state for the read models that map it (the
 * milestones, the key figures' contributions, the open-case changes): a folded state never changes. Shared: not to
 * be changed by the caller.
 */
export function trajectoryFactsOnce(state: TrajectoryState): TrajectoryFacts {
  let found = facts.get(state);
  if (!found) facts.set(state, (found = trajectoryFactsOf(state)));
  return found;
}
