import { addDays, addMonths, CalendarDate } from '../../../domain/src';
import type { Period } from '../../../domain/src/key-figures';
import { positional } from '../queries/read-scope';
import type { KeyFigureFilter, KeyFigureStatement } from './key-figure-sql';

/** The sums table a filter reads: by agency, or the one finer grouping it needs (municipality or office). */
type SumsTable = 'agency' | 'municipality' | 'office';

/**
 * The whole months of a period: from the first of the month on or after `from` up to (excluding) the first of the
 * month of `to` + 1 day. Without a whole month both are `to` + 1 day, so every day is an edge day.
 */
export function wholeMonthsOf(period: Period): { from: CalendarDate; until: CalendarDate } {
  const firstOf = (date: CalendarDate) => `${date.slice(0, 7)}-01` as CalendarDate;
  const from = period.from.endsWith('-01') ? period.from : addMonths(firstOf(period.from), 1);
  const after = addDays(period.to, 1);
  const until = firstOf(after);
  return from < until ? { from, until } : { from: after, until: after };
}

/**
 * The whole calendar years of whole months (`wholeMonthsOf`): from the first of January on or after `from` up to
 * (excluding) the first of January on or before `until`. Without a whole year both are `until`.
 */
export function wholeYearsOf(months: { from: CalendarDate; until: CalendarDate }): {
  from: CalendarDate;
  until: CalendarDate;
} {
  const firstOf = (date: CalendarDate) => `${date.slice(0, 4)}-01-01` as CalendarDate;
  const from = months.from.endsWith('-01-01') ? months.from : addMonths(firstOf(months.from), 12);
  const until = firstOf(months.until);
  return from < until ? { from, until } : { from: months.until, until: months.until };
}

/** The groupings with sums per cohort year too (key-figure-contributions.projection.ts). */
const YEARLY: ReadonlySet<SumsTable> = new Set(['municipality', 'office']);

/**
 * Every summable figure's aggregation per group in one statement (libs/domain `contributionOf`; the projection
 * `key_figure_contributions` and its sums): the period's whole months from the sums per cohort month (a few rows per
 * month and group; by office, the office its counsellor belongs to now), by municipality or office its whole calendar
 * years from the sums per cohort year instead (a twelfth of the rows), the days before and after them from the sums
 * per day by agency, or for a finer grouping from the contributions themselves (two ranges of the index on the cohort day).
 * A median is read from the counts per value (whole days): the middle value, or the mean of the two middle ones,
 * as percentile_cont(0.5); the medians are joined to the totals on hashable equalities (`IS NOT DISTINCT FROM`
 * is a filter over every median of the figure: quadratic in the groups, by municipality). Undefined when the
 * filter needs both a municipality and a counsellor (a municipality filter with offices, or an office filter by
 * municipality): `keyFigureStatement` aggregates the facts then. The counts are summed as integers, the hundredths
 * as float8 (whole numbers, exact below 2^53; divided by 100 as the numeric division rounded to float8): a sum of
 * bigint is numeric, whose arithmetic took about 40% of the statement's server time by municipality.
 * Rows: `figure_id`, `group_key` and the AggregateInputs columns.
 */
export function summedKeyFiguresStatement(filter: KeyFigureFilter): KeyFigureStatement | undefined {
  const byMunicipality = filter.groupBy === 'municipality' || filter.municipality !== undefined;
  const byOffice = filter.groupBy === 'office' || filter.officeId !== undefined;
  if (byMunicipality && byOffice) return undefined;
  const table: SumsTable = byMunicipality ? 'municipality' : byOffice ? 'office' : 'agency';
  const months = wholeMonthsOf(filter.period);
  // The edge days: their sums per day when by agency, else the contributions themselves.
  const days = table === 'agency' ? 'key_figure_sums_by_day' : 'key_figure_contributions';
  const parameters: unknown[] = [filter.period.from, filter.period.to, months.from, months.until];
  // By municipality or office: the whole years ($5 to $6) from the sums per cohort year, the months around them
  // ($3 to $5, $6 to $4) from those per cohort month.
  const yearly = YEARLY.has(table);
  if (yearly) {
    const years = wholeYearsOf(months);
    parameters.push(years.from, years.until);
  }
  const add = positional(parameters);
  const conditions = (alias: string) => {
    const found: string[] = [];
    if (filter.agency !== undefined) found.push(`${alias}.agency = ${add(filter.agency)}`);
    if (filter.municipality !== undefined) {
      found.push(`lower(${alias}.municipality) = lower(${add(filter.municipality)})`);
    }
    if (filter.officeId !== undefined) found.push(`${officeOf(alias)} = ${add(filter.officeId)}`);
    return found.map((condition) => ` AND ${condition}`).join('');
  };
  // The sums by office carry the office; a contribution carries the counsellor, whose office is joined.
  const officeOf = (alias: string) => (alias === 's' ? 's.office_id' : 'office.office_id');
  const officeJoin = (alias: string) =>
    byOffice && alias !== 's'
      ? `LEFT JOIN counsellor_offices office ON office.counsellor_id = ${alias}.counsellor_id`
      : '';
  const group = (alias: string) =>
    filter.groupBy === 'office'
      ? officeOf(alias)
      : filter.groupBy
        ? `${alias}.${filter.groupBy}`
        : 'NULL::text';
  const sums = (from: string, until: string, per: 'month' | 'year') =>
    `SELECT s.figure_id, ${group('s')} AS group_key, s.value, s.selected, s.known, s.matching_hundredths
      FROM key_figure_${per === 'year' ? 'yearly_' : ''}sums_by_${table} s ${officeJoin('s')}
     WHERE s.cohort_${per} >= ${from}::date AND s.cohort_${per} < ${until}::date${conditions('s')}`;
  const summed = yearly
    ? [sums('$3', '$5', 'month'), sums('$5', '$6', 'year'), sums('$6', '$4', 'month')]
    : [sums('$3', '$4', 'month')];
  const sql = `WITH parts AS (
    ${summed.join('\n    UNION ALL\n    ')}
    UNION ALL
    SELECT c.figure_id, ${group('c')}, c.value, c.selected, c.known, c.matching_hundredths
      FROM ${days} c ${officeJoin('c')}
     WHERE c.cohort_on >= $1::date AND c.cohort_on < $3::date${conditions('c')}
    UNION ALL
    SELECT c.figure_id, ${group('c')}, c.value, c.selected, c.known, c.matching_hundredths
      FROM ${days} c ${officeJoin('c')}
     WHERE c.cohort_on >= $4::date AND c.cohort_on <= $2::date${conditions('c')}
  ), totals AS (
    SELECT figure_id, group_key, value, sum(selected::int) AS selected, sum(known::int) AS known,
           sum(matching_hundredths::float8) AS matching_hundredths
      FROM parts GROUP BY figure_id, group_key, value
  ), ranked AS (
    SELECT figure_id, group_key, value,
           sum(known::int) OVER (PARTITION BY figure_id, group_key ORDER BY value) AS through,
           sum(known::int) OVER (PARTITION BY figure_id, group_key) AS total
      FROM totals WHERE value IS NOT NULL AND known > 0
  ), medians AS (
    SELECT figure_id, group_key,
           (min(value) FILTER (WHERE through >= (total + 1) / 2) + min(value) FILTER (WHERE through >= total / 2 + 1))
             / 2.0 AS median
      FROM ranked GROUP BY figure_id, group_key
  )
  SELECT t.figure_id, t.group_key, sum(t.selected::int)::int AS selected, sum(t.known::int)::int AS known,
         sum(t.matching_hundredths) / 100 AS matching, min(m.median)::float8 AS median, 0 AS counsellors
    FROM totals t
    LEFT JOIN medians m ON m.figure_id = t.figure_id AND (m.group_key IS NULL) = (t.group_key IS NULL)
                       AND coalesce(m.group_key, '') = coalesce(t.group_key, '')
   WHERE $1::date <= $2::date
   GROUP BY t.figure_id, t.group_key`;
  return { sql, parameters };
}

/**
 * The open cases per counsellor at the period's end (`OPEN_AT_END`, PER_COUNSELLOR) from the open-case changes
 * (libs/domain `openCaseChanges`): per counsellor, the open cases now minus the changes after the period's last day:
 * the years after its year from their sums per year, the rest of its year after its month from their sums per month,
 * and the rest of its month from the changes themselves. Then per group
 * as the aggregate over the facts: all open cases (`selected`), those with a counsellor (`known`), and the
 * counsellors with at least one. By municipality (filter or grouping) the same from the sums per municipality and
 * counsellor; undefined for a municipality with an office (the facts are aggregated then).
 */
export function openAtEndStatement(filter: KeyFigureFilter): KeyFigureStatement | undefined {
  const byMunicipality = filter.groupBy === 'municipality' || filter.municipality !== undefined;
  const byOffice = filter.groupBy === 'office' || filter.officeId !== undefined;
  if (byMunicipality && byOffice) return undefined;
  const nextMonth = addMonths(`${filter.period.to.slice(0, 7)}-01` as CalendarDate, 1);
  const nextYear = nextMonth.endsWith('-01-01')
    ? nextMonth
    : (`${Number(nextMonth.slice(0, 4)) + 1}-01-01` as CalendarDate);
  const parameters: unknown[] = [filter.period.from, filter.period.to, nextMonth, nextYear];
  const add = positional(parameters);
  const conditions = ['$1::date <= $2::date'];
  if (filter.agency !== undefined) conditions.push(`x.agency = ${add(filter.agency)}`);
  if (filter.municipality !== undefined) {
    conditions.push(`lower(x.municipality) = lower(${add(filter.municipality)})`);
  }
  if (filter.officeId !== undefined) conditions.push(`office.office_id = ${add(filter.officeId)}`);
  const group =
    filter.groupBy === 'office' ? 'office.office_id' : filter.groupBy ? `x.${filter.groupBy}` : 'NULL::text';
  const [by, municipality] = byMunicipality ? ['municipality', 's.municipality, '] : ['counsellor', ''];
  const sql = `WITH x AS (
    SELECT s.agency, ${municipality}s.counsellor_id, s.open FROM open_cases_by_${by} s
    UNION ALL
    SELECT s.agency, ${municipality}s.counsellor_id, -s.open FROM open_case_changes_by_${by} s
     WHERE s.changed_month >= $3::date AND s.changed_month < $4::date
    UNION ALL
    SELECT s.agency, ${municipality}s.counsellor_id, -s.open FROM open_case_yearly_changes_by_${by} s
     WHERE s.changed_year >= $4::date
    UNION ALL
    SELECT c.agency, ${municipality.replace('s.', 'c.')}c.counsellor_id, -c.open FROM open_case_changes c
     WHERE c.changed_on > $2::date AND c.changed_on < $3::date
  ), per_counsellor AS (
    SELECT ${group} AS group_key, x.counsellor_id, sum(x.open::int)::int AS open
      FROM x ${byOffice ? 'LEFT JOIN counsellor_offices office ON office.counsellor_id = x.counsellor_id' : ''}
     WHERE ${conditions.join(' AND ')}
     GROUP BY 1, 2
  )
  SELECT group_key, sum(open)::int AS selected, coalesce(sum(open) FILTER (WHERE counsellor_id IS NOT NULL), 0)::int AS known,
         0::float8 AS matching, NULL::float8 AS median,
         (count(*) FILTER (WHERE counsellor_id IS NOT NULL AND open > 0))::int AS counsellors
    FROM per_counsellor
   GROUP BY group_key
  HAVING sum(open) <> 0`;
  return { sql, parameters };
}
