import { trajectoryFactsOf, TrajectoryFacts } from '../../../domain/src/key-figures';
import type { TrajectoryState } from '../../../domain/src';

let last: { state: TrajectoryState; facts: TrajectoryFacts } | undefined;

/**
 * The domain's `trajectoryFactsOf`, computed once for the state the read models map one after the other: three of
 * them (the milestones, the key figures' contributions, the open-case changes) map the same state, and a rebuild maps
 * 20,000 states a second. A folded state is never changed after `evolve` made it (the next event makes a new one), so
 * its facts stay its own. The last state alone is kept: a WeakMap of every state made the rebuild slower.
 */
export function trajectoryFactsOfState(state: TrajectoryState): TrajectoryFacts {
  if (last?.state !== state) last = { state, facts: trajectoryFactsOf(state) };
  return last.facts;
}
