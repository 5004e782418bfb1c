import type { DataSource } from 'typeorm';
import { EVERYTHING, onAgencyAndResidenceOnly, positional, ReadScope, scopeCondition } from './read-scope';

/**
 * A list's total from its counts table (migration 1797600000002: rows counted per value of the columns the list
 * filters on, kept by triggers), so the total costs a few rows, not the list. Undefined when the counts cannot answer
 * (a scope on something other than agency or residence): then the list counts its rows.
 */
export async function countedTotal(
  dataSource: DataSource,
  counts: 'caseload_counts' | 'deadline_counts' | 'violation_counts',
  equalities: readonly [column: string, value: string | undefined][],
  scope: ReadScope = EVERYTHING,
): Promise<number | undefined> {
  if (!onAgencyAndResidenceOnly(scope)) return undefined;
  const parameters: unknown[] = [];
  const conditions = [scopeCondition(scope, 'counted', positional(parameters))];
  for (const [column, value] of equalities) {
    if (value === undefined) continue;
    parameters.push(value);
    conditions.push(`counted.${column} = $${parameters.length}`);
  }
  const [{ total }] = await dataSource.query<{ total: number }[]>(
    `SELECT coalesce(sum(counted.n), 0)::int AS total FROM ${counts} counted WHERE ${conditions.join(' AND ')}`,
    parameters,
  );
  return total;
}
