import type { Agency, Pillar } from '../../../domain/src';

/**
 * Which trajectories a caller may see, as data the queries turn into SQL (so lists, counts and pages are filtered
 * in the database, never after the fact). Every given condition must hold; `{}` is every trajectory, and
 * `NOTHING` none. The API derives it from the caller's role (apps/api/src/access/access-policy.ts).
 */
export interface ReadScope {
  /** Trajectories owned now by one of these agencies. */
  agencies?: readonly Agency[];
  /** Newcomers living in one of these municipalities (compared case-insensitively). */
  municipalities?: readonly string[];
  /** Newcomers living in none of these municipalities. */
  excludedMunicipalities?: readonly string[];
  /** Trajectories where this pillar applies (REQUIRED or OPTIONAL). */
  pillarApplies?: Pillar;
  /** Learners referred to or enrolled with this course provider (MO or NT2). */
  courseProvider?: string;
  /** Trajectories with at least one violation file. */
  withViolationFile?: boolean;
}

export const EVERYTHING: ReadScope = Object.freeze({});
export const NOTHING: ReadScope = Object.freeze({ agencies: [] });

/** Binds a value to the query and answers its placeholder. */
export type Bind = (value: unknown) => string;

/** For raw queries: values appended to `parameters` as `$n`. */
export function positional(parameters: unknown[]): Bind {
  return (value) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
}

/** For TypeORM query builders: values set as named parameters `:scope_n`. */
export function named(query: { setParameter(name: string, value: unknown): unknown }): Bind {
  let count = 0;
  return (value) => {
    const name = `scope_${count++}`;
    query.setParameter(name, value);
    return `:${name}`;
  };
}

/**
 * Whether the scope only asks for agencies and municipalities of residence: then it is a condition on any row that
 * keeps those two as `agency` and `municipality` (totals and counts kept per agency and residence).
 */
export function onAgencyAndResidenceOnly(scope: ReadScope): boolean {
  const answered: readonly string[] = ['agencies', 'municipalities', 'excludedMunicipalities'];
  return Object.keys(scope).every((key) => answered.includes(key));
}

/** The scope as one SQL condition on the trajectory_summaries row `alias`. */
export function scopeCondition(scope: ReadScope, alias: string, add: Bind): string {
  const conditions: string[] = [];
  if (scope.agencies !== undefined) conditions.push(`${alias}.agency = ANY(${add([...scope.agencies])})`);
  if (scope.municipalities !== undefined) {
    conditions.push(`lower(${alias}.municipality) = ANY(${add(scope.municipalities.map(lower))})`);
  }
  if (scope.excludedMunicipalities !== undefined) {
    conditions.push(
      `NOT (lower(${alias}.municipality) = ANY(${add(scope.excludedMunicipalities.map(lower))}))`,
    );
  }
  if (scope.pillarApplies !== undefined) {
    conditions.push(
      `EXISTS (SELECT 1 FROM pillars scope_pillar WHERE scope_pillar.trajectory_id = ${alias}.trajectory_id
          AND scope_pillar.pillar = ${add(scope.pillarApplies)} AND scope_pillar.applicability <> 'NOT_APPLICABLE')`,
    );
  }
  if (scope.courseProvider !== undefined) {
    const provider = add(JSON.stringify([{ provider: scope.courseProvider }]));
    conditions.push(
      `EXISTS (SELECT 1 FROM pillars scope_course WHERE scope_course.trajectory_id = ${alias}.trajectory_id
          AND scope_course.pillar IN ('MO', 'NT2')
          AND (scope_course.details->'enrolments' @> ${provider}::jsonb
               OR scope_course.details->'referrals' @> ${provider}::jsonb))`,
    );
  }
  if (scope.withViolationFile) {
    conditions.push(
      `EXISTS (SELECT 1 FROM violations scope_violation WHERE scope_violation.trajectory_id = ${alias}.trajectory_id)`,
    );
  }
  return conditions.length ? `(${conditions.join(' AND ')})` : 'true';
}

function lower(value: string): string {
  return value.toLowerCase();
}

/** The scope as a condition on any row with a trajectory id column (`trajectoryIdColumn`), without a join. */
export function scopeConditionOn(scope: ReadScope, trajectoryIdColumn: string, add: Bind): string {
  const condition = scopeCondition(scope, 'scope_summary', add);
  if (condition === 'true') return condition;
  return `EXISTS (SELECT 1 FROM trajectory_summaries scope_summary
    WHERE scope_summary.trajectory_id = ${trajectoryIdColumn} AND ${condition})`;
}
