import type { ParticipationHoursFilter } from '../read-models.types';
import { EVERYTHING, onAgencyAndResidenceOnly, positional, scopeCondition } from './read-scope';

/** The first day of the month of `date` (YYYY-MM-DD). */
const monthOf = (date: string): string => `${date.slice(0, 7)}-01`;

/** The first day of the month `months` after the month of `date`. */
function monthAfter(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The day before `date`. */
function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** How a period splits: its whole months, and the days at its edges outside them. */
export interface PeriodSplit {
  /** First days of the first and the last whole month; undefined when the period holds no whole month. */
  months?: { first: string; last: string; lastDay: string };
  /** Ranges of days (inclusive) outside the whole months. */
  edges: { from: string; to: string }[];
  /** Days of the first month before the period, when the period starts in the middle of a month. */
  before?: { from: string; to: string };
}

/** The whole months of the period from `from` to `to` (inclusive dates) and its edge days. */
export function splitPeriod(from: string, to: string): PeriodSplit {
  const first = from.endsWith('-01') ? from : monthAfter(from, 1);
  const afterTo = dayBefore(monthAfter(to, 1)) === to ? monthAfter(to, 1) : monthOf(to);
  if (first >= afterTo) return { edges: [{ from, to }] };
  const last = monthAfter(afterTo, -1);
  const edges = [];
  if (from < first) edges.push({ from, to: dayBefore(first) });
  if (afterTo <= to) edges.push({ from: afterTo, to });
  return {
    months: { first, last, lastDay: dayBefore(afterTo) },
    edges,
    ...(from < first ? { before: { from: monthOf(from), to: dayBefore(from) } } : {}),
  };
}

/**
 * The participation-hours report for a period of one coordinating municipality, from participation_hour_months
 * (whole months) and participation_hour_days (the edge days), when they can answer: a municipality, both ends of
 * the period, and a scope on agency or residence only (the rows keep the trajectory's agency and residence).
 * Answers undefined otherwise: then the activities are summed. The same figures as the activities' sums:
 * hours and activities add up; a trajectory is counted on its first day in the period, the one whose previous day
 * (of the same municipality and kind) lies before `from` or is none. For the whole months the month of the previous
 * day says it, except when it is the month `from` falls in: those days are counted from the days table.
 */
export function participationHoursPeriodQuery(
  filter: ParticipationHoursFilter,
): { sql: string; parameters: unknown[] } | undefined {
  const { municipality, from, to } = filter;
  const scope = filter.scope ?? EVERYTHING;
  if (municipality === undefined || from === undefined || to === undefined) return undefined;
  if (!onAgencyAndResidenceOnly(scope)) return undefined;
  const parameters: unknown[] = [];
  const add = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  // The rows name the residence as trajectory_summaries does (municipality), so the scope reads it as residence.
  const scoped = scopeCondition(scope, 'total', positional(parameters));
  const coordinating = add(municipality);
  let periodStart: string | undefined;
  const split = splitPeriod(from, to);
  const days = `(SELECT municipality AS coordinating_municipality, residence AS municipality, agency, kind, day,
                        previous_day, hours, activities FROM participation_hour_days) total`;
  const parts: string[] = [];
  if (split.months) {
    parts.push(`SELECT total.kind, total.hours, total.activities,
                       CASE WHEN total.previous_month < ${add(monthOf(from))}::date THEN total.days ELSE 0 END AS trajectories
                  FROM (SELECT municipality AS coordinating_municipality, residence AS municipality, agency, kind,
                               month, previous_month, hours, activities, days FROM participation_hour_months) total
                 WHERE total.coordinating_municipality = ${coordinating}
                   AND total.month >= ${add(split.months.first)}::date AND total.month <= ${add(split.months.last)}::date
                   AND ${scoped}`);
    if (split.before) {
      parts.push(`SELECT total.kind, 0, 0, 1 FROM ${days}
                   WHERE total.coordinating_municipality = ${coordinating}
                     AND total.previous_day >= ${add(split.before.from)}::date
                     AND total.previous_day <= ${add(split.before.to)}::date
                     AND total.day >= ${add(split.months.first)}::date AND total.day <= ${add(split.months.lastDay)}::date
                     AND ${scoped}`);
    }
  }
  for (const edge of split.edges) {
    parts.push(`SELECT total.kind, total.hours, total.activities,
                       CASE WHEN total.previous_day IS NULL OR total.previous_day < ${(periodStart ??= add(from))}::date THEN 1 ELSE 0 END
                  FROM ${days}
                 WHERE total.coordinating_municipality = ${coordinating}
                   AND total.day >= ${add(edge.from)}::date AND total.day <= ${add(edge.to)}::date AND ${scoped}`);
  }
  return {
    sql: `SELECT ${coordinating}::text AS municipality, counted.kind, sum(counted.hours)::text AS hours,
                 sum(counted.activities)::int AS activities, sum(counted.trajectories)::int AS trajectories
            FROM (${parts.join(' UNION ALL ')}) counted (kind, hours, activities, trajectories)
           GROUP BY counted.kind HAVING sum(counted.activities) > 0
           ORDER BY counted.kind`,
    parameters,
  };
}
