import type { Agency } from '../../../domain/src';
import type { KeyFigure, Period, Population } from '../../../domain/src/key-figures';
import { positional } from '../queries/read-scope';
import { FACT_SOURCES, FactSource, Grouping } from './fact-sources';

/** Which facts the figures cover: a period, and optionally one agency, municipality or office, and a breakdown. */
export interface KeyFigureFilter {
  period: Period;
  groupBy?: Grouping;
  agency?: Agency;
  municipality?: string;
  officeId?: string;
}

export interface KeyFigureStatement {
  sql: string;
  parameters: unknown[];
}

/**
 * One aggregate query for a figure: the SQL twin of `aggregateInputs(selectFacts(...))` in the domain, built from
 * the figure's definition (selection and aggregate), so the definition stays in one place. Rows: `group_key` and
 * the AggregateInputs columns.
 */
export function keyFigureStatement(figure: KeyFigure, filter: KeyFigureFilter): KeyFigureStatement {
  const population: Population = figure.selection.population;
  const source = FACT_SOURCES[population] as unknown as FactSource<Population>;
  const facts = source.facts as Record<string, string>;
  // $1, $2: the period's bounds as instants (the commands' source reads events by them).
  const parameters: unknown[] = [filter.period.from, filter.period.to];
  const add = positional(parameters);
  const from = `(($1::date)::timestamp AT TIME ZONE 'Europe/Brussels')`;
  const until = `((($2::date) + 1)::timestamp AT TIME ZONE 'Europe/Brussels')`;
  // The period is not empty (and both bounds are typed in every statement).
  const conditions: string[] = ['$1::date <= $2::date'];

  const { cohort, where } = figure.selection;
  if (cohort === 'OPEN_AT_END') {
    conditions.push(
      `${facts.registeredOn} <= $2::date`,
      `(${facts.closedOn} IS NULL OR ${facts.closedOn} > $2::date)`,
    );
  } else {
    const instant = (source.instantFacts as Record<string, string> | undefined)?.[cohort];
    conditions.push(
      instant
        ? `${instant} >= ${from} AND ${instant} < ${until}`
        : `${facts[cohort]} BETWEEN $1::date AND $2::date`,
    );
  }
  if (where) conditions.push(`${facts[where.fact]} = ${add(where.equals)}`);
  if (filter.agency !== undefined) conditions.push(`${facts.agency} = ${add(filter.agency)}`);
  if (filter.municipality !== undefined) {
    conditions.push(`lower(${facts.municipality}) = lower(${add(filter.municipality)})`);
  }
  if (filter.officeId !== undefined) conditions.push(`${source.groups.office} = ${add(filter.officeId)}`);

  const group = filter.groupBy ? source.groups[filter.groupBy] : 'NULL::text';
  const sql = `SELECT ${group} AS group_key, ${aggregateColumns(figure, facts)}
    FROM ${source.from.replace(/\$1/g, from).replace(/\$2/g, until)}
   WHERE ${conditions.join(' AND ')}
   ${filter.groupBy ? 'GROUP BY 1' : ''}`;
  return { sql, parameters };
}

function aggregateColumns(figure: KeyFigure, facts: Record<string, string>): string {
  const aggregate = figure.aggregate;
  let known = '0';
  let matching = '0';
  let median = 'NULL::float8';
  let counsellors = '0';
  switch (aggregate.kind) {
    case 'SHARE':
      known = `count(${facts[aggregate.fact]})`;
      matching = `count(*) FILTER (WHERE ${facts[aggregate.fact]})`;
      break;
    case 'MEDIAN':
    case 'MEAN':
    case 'SUM':
      known = `count(${facts[aggregate.fact]})`;
      matching = `coalesce(sum(${facts[aggregate.fact]}), 0)`;
      if (aggregate.kind === 'MEDIAN') {
        median = `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${facts[aggregate.fact]})`;
      }
      break;
    case 'COUNT':
      break;
    case 'PER_COUNSELLOR':
    case 'PER_COUNSELLOR_WEEK':
      known = `count(${facts[aggregate.counsellor]})`;
      counsellors = `count(DISTINCT ${facts[aggregate.counsellor]})`;
      break;
  }
  return `count(*)::int AS selected, ${known}::int AS known, ${matching}::float8 AS matching,
          ${median} AS median, ${counsellors}::int AS counsellors`;
}
