import type { KeyFigureOf, SummablePopulation } from '../../../domain/src/key-figures';
import { SUMMED_KEY_FIGURES } from '../projections/key-figure-contributions.projection';
import { FACT_SOURCES } from './fact-sources';

/** The read model each population's facts are rows of, and which fact of the trajectory a row is. */
const READ_MODEL_OF: Record<SummablePopulation, { table: string; item: string }> = {
  trajectories: { table: 'trajectory_milestones', item: `''` },
  violations: { table: 'violations', item: 'f.violation_id' },
};

function literal(value: boolean | string): string {
  return typeof value === 'boolean' ? String(value).toUpperCase() : `'${value.replace(/'/g, "''")}'`;
}

/**
 * The rows of `key_figure_contributions` computed in SQL from the read models of the facts (`trajectory_milestones`,
 * `violations`), generated from the figures' definitions like the aggregates of `keyFigureStatement`: for existing
 * databases (the migration) and for data loaded by SQL (the benchmark). Columns in the table's order, named (the
 * cohort year last: added by migration KeyFigureYearlySums1798900000000; the migration that created the table
 * selects the columns it had by name). The projection
 * (libs/domain `contributionOf`) writes the same rows; a test holds the two together.
 */
export function keyFigureContributionsSql(): string {
  return SUMMED_KEY_FIGURES.map((figure: KeyFigureOf<SummablePopulation>) => {
    const population = figure.selection.population;
    const facts = FACT_SOURCES[population].facts as Record<string, string>;
    const { table, item } = READ_MODEL_OF[population];
    const cohort = facts[figure.selection.cohort as string];
    const aggregate = figure.aggregate;
    let value = 'NULL::integer';
    let known = '0';
    let matching = '0';
    switch (aggregate.kind) {
      case 'SHARE':
        known = `(${facts[aggregate.fact]} IS NOT NULL)::int`;
        matching = `coalesce(${facts[aggregate.fact]}, FALSE)::int * 100`;
        break;
      case 'MEDIAN':
      case 'MEAN':
      case 'SUM':
        known = `(${facts[aggregate.fact]} IS NOT NULL)::int`;
        matching = `coalesce(round(${facts[aggregate.fact]} * 100), 0)::int`;
        if (aggregate.kind === 'MEDIAN') value = `${facts[aggregate.fact]}::integer`;
        break;
      default:
        break;
    }
    const where = figure.selection.where;
    return `SELECT f.trajectory_id, ${literal(figure.id)} AS figure_id, ${item} AS item, ${cohort} AS cohort_on,
                   date_trunc('month', ${cohort})::date AS cohort_month, f.agency, f.municipality, f.counsellor_id,
                   ${value} AS value, 1 AS selected, ${known} AS known, ${matching} AS matching_hundredths,
                   make_date(extract(year FROM ${cohort})::int, 1, 1) AS cohort_year
              FROM ${table} f
             WHERE ${cohort} IS NOT NULL${where ? ` AND ${facts[where.fact]} = ${literal(where.equals)}` : ''}`;
  }).join('\n UNION ALL\n');
}

/**
 * The rows of `open_case_changes` computed in SQL from `trajectory_milestones` (libs/domain `openCaseChanges`: +1 on
 * the registration, −1 on the closure, not before the registration), for the migration and the benchmark; columns
 * named, in the table's order (the year of the change last). A test
 * holds them to the projection's rows.
 */
export function openCaseChangesSql(): string {
  const closedOn = 'greatest(f.closed_on, f.registered_on)';
  return `SELECT f.trajectory_id, 'REGISTERED' AS change, f.registered_on AS changed_on,
                 date_trunc('month', f.registered_on)::date AS changed_month, f.agency, f.municipality,
                 f.counsellor_id, 1 AS open, make_date(extract(year FROM f.registered_on)::int, 1, 1) AS changed_year
            FROM trajectory_milestones f
          UNION ALL
          SELECT f.trajectory_id, 'CLOSED', ${closedOn}, date_trunc('month', ${closedOn})::date,
                 f.agency, f.municipality, f.counsellor_id, -1, make_date(extract(year FROM ${closedOn})::int, 1, 1)
            FROM trajectory_milestones f
           WHERE f.closed_on IS NOT NULL`;
}
