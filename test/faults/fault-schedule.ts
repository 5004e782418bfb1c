export type Fault = 'worker-kill' | 'postgres-restart' | 'temporal-restart';

/**
 * The order of the faults: the worker kills spread over the run, the restarts of PostgreSQL and of Temporal in
 * between, each kind evenly spaced and never two restarts in a row (a third and two thirds into each share).
 */
export function faultSchedule(counts: {
  workerKills: number;
  postgresRestarts: number;
  temporalRestarts: number;
}): Fault[] {
  const at = (fault: Fault, total: number, offset: number) =>
    Array.from({ length: total }, (_, index) => ({ fault, position: (index + offset) / total }));
  return [
    ...at('worker-kill', counts.workerKills, 0.5),
    ...at('temporal-restart', counts.temporalRestarts, 0.33),
    ...at('postgres-restart', counts.postgresRestarts, 0.66),
  ]
    .sort((a, b) => a.position - b.position)
    .map(({ fault }) => fault);
}
