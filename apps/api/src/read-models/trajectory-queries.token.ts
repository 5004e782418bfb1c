/** Injection token of the read side (`TrajectoryQueries` from libs/store). */
export const TRAJECTORY_QUERIES = Symbol('TrajectoryQueries');
