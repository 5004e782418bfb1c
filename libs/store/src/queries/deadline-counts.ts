import type { DataSource } from 'typeorm';
import { addDays, DEADLINE_BUCKETS, DeadlineBucket, DUE_SOON_DAYS } from '../../../domain/src';
import {
  conditionsOf,
  DeadlineCounts,
  GROUP_KEY,
  MonitoringConditions,
  MonitoringFilter,
  MonitoringGroup,
  OFFICE_JOIN,
} from './deadline-monitoring';
import { positional } from './read-scope';

/**
 * The monitoring's counts from the sums per standing (libs/domain `deadlineStanding`, read model
 * `deadline_contributions`, summed per counsellor and per municipality), without reading every deadline:
 *
 * - a deadline fulfilled on or before `asOn` is in the met bucket of its standing: the sums count it;
 * - a missed one not fulfilled since is overdue once asOn is past its due date: the sums count it as overdue;
 * - another running unfulfilled one due before the month of asOn is overdue: the sums count it per due month;
 * - the others differ from their standing's count: fulfilled after asOn (not fulfilled yet on asOn), missed and due
 *   on or after asOn, or running and due from the month of asOn to asOn + 30 days. Those deadline rows are read
 *   (three index ranges, few rows for an asOn of today) and each adds its buckets on asOn minus what its standing
 *   counted.
 *
 * So the buckets stay the conditions of `MonitoringConditions` (the domain's `deadlineBuckets`), and the rows read
 * are the groups' sums plus about a month and a half of due dates. Undefined when no sums carry both the grouping
 * and the filters (a counsellor and a municipality): then the deadlines are counted one by one.
 */
export async function countsOfStandings(
  dataSource: DataSource,
  filter: MonitoringFilter,
  groupBy: MonitoringGroup,
): Promise<DeadlineCounts[] | undefined> {
  const sums = sumsFor(filter, groupBy);
  if (sums === undefined) return undefined;
  const parameters: unknown[] = [];
  const bind = positional(parameters);
  const where = conditionsOf(filter, bind);
  const on = new MonitoringConditions('deadline', filter.asOn, bind);
  const monthStart = `${bind(`${filter.asOn.slice(0, 7)}-01`)}::date`;
  const asOn = `${bind(filter.asOn)}::date`;
  const windowEnd = `${bind(addDays(filter.asOn, DUE_SOON_DAYS.dueWithin30))}::date`;
  const group = GROUP_KEY[groupBy];
  const join = groupBy === 'office' || filter.officeId !== undefined ? OFFICE_JOIN : '';

  /** What the sums counted for a bucket: the standing's measure (overdue: due before the month of asOn). */
  const summed: Record<DeadlineBucket, string> = {
    metOnTime: 'deadline.fulfilled_on_time',
    metLate: 'deadline.fulfilled_late',
    overdue: `deadline.missed_unfulfilled
      + CASE WHEN deadline.due_month < ${monthStart} THEN deadline.running_unfulfilled ELSE 0 END`,
    dueWithin7: '0',
    dueWithin30: '0',
  };
  /** The same, for one deadline row. */
  const counted: Record<DeadlineBucket, string> = {
    metOnTime: 'deadline.fulfilled_on <= deadline.due_on',
    metLate: 'deadline.fulfilled_on > deadline.due_on',
    overdue: `deadline.fulfilled_on IS NULL
      AND (deadline.state = 'MISSED' OR (${on.running} AND deadline.due_on < ${monthStart}))`,
    dueWithin7: 'false',
    dueWithin30: 'false',
  };
  const rows: DeadlineCounts[] = await dataSource.query(
    `SELECT key, min(label) AS label,
            ${DEADLINE_BUCKETS.map((bucket) => `sum("${bucket}")::int AS "${bucket}"`).join(', ')}
       FROM (
         SELECT ${group.key} AS key, min(${group.label}) AS label,
                ${DEADLINE_BUCKETS.map((bucket) => `sum(${summed[bucket]}) AS "${bucket}"`).join(', ')}
           FROM (SELECT * FROM ${sums} deadline WHERE deadline.due_month IS NULL
                 UNION ALL
                 SELECT * FROM ${sums} deadline WHERE deadline.due_month < ${monthStart}) deadline ${join}
          WHERE ${where}
          GROUP BY 1
         UNION ALL
         SELECT ${group.key} AS key, min(${group.label}) AS label,
                ${DEADLINE_BUCKETS.map(
                  (bucket) =>
                    `count(*) FILTER (WHERE ${on.bucket(bucket)}) - count(*) FILTER (WHERE ${counted[bucket]}) AS "${bucket}"`,
                ).join(', ')}
           FROM (${[
             `SELECT ${MONITORED_COLUMNS} FROM deadlines deadline WHERE deadline.fulfilled_on > ${asOn}`,
             `SELECT ${MONITORED_COLUMNS} FROM deadlines deadline
               WHERE deadline.fulfilled_on IS NULL AND deadline.state <> 'MISSED'
                 AND deadline.due_on BETWEEN ${monthStart} AND ${windowEnd}`,
             // State and fulfilment are what the partial index's predicate says (so the scan is index-only).
             `SELECT ${MONITORED_COLUMNS.replace('deadline.state', `'MISSED'::text AS state`).replace(
               'deadline.fulfilled_on',
               'NULL::date AS fulfilled_on',
             )}
                FROM deadlines deadline
               WHERE deadline.fulfilled_on IS NULL AND deadline.state = 'MISSED' AND deadline.due_on >= ${asOn}`,
           ].join(' UNION ALL ')}) deadline ${join}
          WHERE ${where}
          GROUP BY 1
       ) counted
      GROUP BY key
      ORDER BY key NULLS LAST`,
    parameters,
  );
  return rows;
}

/**
 * The columns the counts read, all in `deadlines_monitoring_idx` and `deadlines_agency_missed_unfulfilled_idx`:
 * each range is an index-only scan (one range per index, rather than one OR over them, which reads the rows).
 */
const MONITORED_COLUMNS = [
  'agency',
  'due_on',
  'kind',
  'state',
  'fulfilled_on',
  'counsellor_id',
  'municipality',
]
  .map((column) => `deadline.${column}`)
  .join(', ');

/**
 * The sums that carry what the query groups and filters by: per counsellor (also for offices) or per municipality
 * (also for the agency). None for both at once: a grouping by both would hold about one row per deadline.
 */
function sumsFor(filter: MonitoringFilter, groupBy: MonitoringGroup): string | undefined {
  const byCounsellor =
    groupBy === 'counsellor' ||
    groupBy === 'office' ||
    filter.counsellorId !== undefined ||
    filter.officeId !== undefined;
  const byMunicipality =
    groupBy === 'municipality' ||
    filter.municipality !== undefined ||
    filter.scope?.municipalities !== undefined ||
    filter.scope?.excludedMunicipalities !== undefined;
  if (byCounsellor && byMunicipality) return undefined;
  return byCounsellor ? 'deadline_counts_by_counsellor' : 'deadline_counts_by_municipality';
}
