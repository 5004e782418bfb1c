import type { ParticipationHoursFilter } from '../read-models.types';
import { EVERYTHING, positional, ReadScope, scopeCondition } from './read-scope';

/** Scope conditions the totals can answer: they keep the trajectories' agency and residence, nothing else. */
const ANSWERED_BY_TOTALS: readonly (keyof ReadScope)[] = [
  'agencies',
  'municipalities',
  'excludedMunicipalities',
];

/**
 * The participation-hours report from participation_hour_totals (see its migration), when it can answer: no
 * period (the totals are of all time) and a scope on agency or residence only. A few dozen rows, whatever the
 * number of trajectories. Answers undefined otherwise: then the activities are summed.
 */
export function participationHourTotalsQuery(
  filter: ParticipationHoursFilter,
): { sql: string; parameters: unknown[] } | undefined {
  const scope = filter.scope ?? EVERYTHING;
  if (filter.from !== undefined || filter.to !== undefined) return undefined;
  if (Object.keys(scope).some((key) => !ANSWERED_BY_TOTALS.includes(key as keyof ReadScope)))
    return undefined;
  const parameters: unknown[] = [];
  // Named as on trajectory_summaries, so the scope's condition reads the residence as the newcomer's municipality.
  const conditions = [scopeCondition(scope, 'total', positional(parameters))];
  if (filter.municipality !== undefined) {
    parameters.push(filter.municipality);
    conditions.push(`total.coordinating_municipality = $${parameters.length}`);
  }
  return {
    sql: `SELECT total.coordinating_municipality AS municipality, total.kind, sum(total.hours)::text AS hours,
                 sum(total.activities)::int AS activities, sum(total.trajectories)::int AS trajectories
            FROM (SELECT agency, residence AS municipality, municipality AS coordinating_municipality, kind, hours,
                         activities, trajectories
                    FROM participation_hour_totals) total
           WHERE ${conditions.join(' AND ')}
           GROUP BY total.coordinating_municipality, total.kind
          HAVING sum(total.trajectories) > 0
           ORDER BY total.coordinating_municipality, total.kind`,
    parameters,
  };
}
