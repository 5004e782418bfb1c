import { DataSource } from 'typeorm';
import {
  addDays,
  Agency,
  AGENCY_CODES,
  CalendarDate,
  DEADLINE_BUCKETS,
  DeadlineBucket,
  DeadlineKind,
  DeadlineState,
  DUE_SOON_DAYS,
  isoWeekLabel,
  isoWeekStart,
  RUNNING_DEADLINE_STATES,
} from '../../../domain/src';
import { countsOfStandings } from './deadline-counts';
import { Bind, EVERYTHING, positional, ReadScope, scopeCondition } from './read-scope';

/** What the dashboard groups by. */
export const MONITORING_GROUPS = ['agency', 'office', 'counsellor', 'municipality'] as const;
export type MonitoringGroup = (typeof MONITORING_GROUPS)[number];

export interface MonitoringFilter {
  /** The caller's scope (read-scope.ts), applied in SQL whatever the filters. */
  scope?: ReadScope;
  /** The reference day (Europe/Brussels). */
  asOn: CalendarDate;
  agency?: Agency;
  officeId?: string;
  counsellorId?: string;
  municipality?: string;
  kind?: DeadlineKind;
}

/** One group's counts; `key` is null for the deadlines without one (no counsellor, a counsellor in no office). */
export interface DeadlineCounts {
  key: string | null;
  /** The office's name when grouped by office; the key otherwise. */
  label: string | null;
  overdue: number;
  dueWithin7: number;
  dueWithin30: number;
  metLate: number;
  metOnTime: number;
}

export interface DeadlineTrendWeek {
  /** ISO week, `YYYY-Www`. */
  week: string;
  /** Its Monday. */
  weekStart: CalendarDate;
  key: string | null;
  label: string | null;
  fallingDue: number;
  metOnTime: number;
  metLate: number;
  missed: number;
  pending: number;
}

export interface MonitoredCase {
  trajectoryId: string;
  deadlineId: string;
  kind: DeadlineKind;
  dueOn: CalendarDate;
  state: DeadlineState;
  fulfilledOn: CalendarDate | null;
  agency: Agency;
  counsellorId: string | null;
  officeId: string | null;
  officeName: string | null;
  municipality: string;
}

export const GROUP_KEY: Record<MonitoringGroup, { key: string; label: string }> = {
  agency: { key: 'deadline.agency', label: 'deadline.agency' },
  office: { key: 'office.office_id', label: 'office.name' },
  counsellor: { key: 'deadline.counsellor_id', label: 'deadline.counsellor_id' },
  municipality: { key: 'deadline.municipality', label: 'deadline.municipality' },
};

/** A deadline's office: the office its counsellor belongs to in the deadline's agency (offices are data). */
export const OFFICE_JOIN = `
  LEFT JOIN counsellor_offices member ON member.counsellor_id = deadline.counsellor_id
  LEFT JOIN offices office ON office.office_id = member.office_id AND office.agency = deadline.agency`;

/**
 * The buckets of libs/domain deadline-outcome.ts (`deadlineBuckets`, `weeklyOutcome`) as SQL conditions on a
 * deadlines row: the same definitions, on the columns the deadlines projection writes from the domain's fold.
 */
export class MonitoringConditions {
  private readonly bound = new Map<string, string>();

  constructor(
    private readonly alias: string,
    private readonly asOnDay: CalendarDate,
    private readonly bind: Bind,
  ) {}

  /** A day as a placeholder, bound on first use (PostgreSQL refuses parameters a statement does not use). */
  private day(date: CalendarDate): string {
    let placeholder = this.bound.get(date);
    if (placeholder === undefined) {
      placeholder = `${this.bind(date)}::date`;
      this.bound.set(date, placeholder);
    }
    return placeholder;
  }

  private get asOn(): string {
    return this.day(this.asOnDay);
  }

  private get dueWithin7(): string {
    return this.day(addDays(this.asOnDay, DUE_SOON_DAYS.dueWithin7));
  }

  private get dueWithin30(): string {
    return this.day(addDays(this.asOnDay, DUE_SOON_DAYS.dueWithin30));
  }

  get fulfilled(): string {
    return `(${this.alias}.fulfilled_on IS NOT NULL AND ${this.alias}.fulfilled_on <= ${this.asOn})`;
  }

  get unfulfilled(): string {
    return `(${this.alias}.fulfilled_on IS NULL OR ${this.alias}.fulfilled_on > ${this.asOn})`;
  }

  get running(): string {
    return `${this.alias}.state IN (${RUNNING_DEADLINE_STATES.map((state) => `'${state}'`).join(', ')})`;
  }

  bucket(bucket: DeadlineBucket): string {
    const a = this.alias;
    switch (bucket) {
      case 'metOnTime':
        return `(${this.fulfilled} AND ${a}.fulfilled_on <= ${a}.due_on)`;
      case 'metLate':
        return `(${this.fulfilled} AND ${a}.fulfilled_on > ${a}.due_on)`;
      case 'overdue':
        return `(${this.unfulfilled} AND ${this.running} AND ${a}.due_on < ${this.asOn})`;
      case 'dueWithin7':
        return `(${this.unfulfilled} AND ${this.running} AND ${a}.due_on BETWEEN ${this.asOn} AND ${this.dueWithin7})`;
      case 'dueWithin30':
        return `(${this.unfulfilled} AND ${this.running} AND ${a}.due_on BETWEEN ${this.asOn} AND ${this.dueWithin30})`;
    }
  }

  /** The trend's outcomes (`weeklyOutcome`): missed = running, unfulfilled and past due; pending = not yet due. */
  missed(): string {
    return this.bucket('overdue');
  }

  pending(): string {
    return `(${this.unfulfilled} AND ${this.running} AND ${this.alias}.due_on >= ${this.asOn})`;
  }

  /** A deadline that fell due: it runs, or was fulfilled (suspended and waived ones did not). */
  fellDue(): string {
    return `(${this.fulfilled} OR ${this.running})`;
  }
}

/**
 * Deadline monitoring for managers (issue 9 §1): counts per group, the weekly trend, and the cases behind a
 * count. SQL over the deadlines read model (one row per deadline, with the trajectory's agency, counsellor and
 * municipality as they are now) and the offices tables; the caller's scope is applied to every query.
 */
export class DeadlineMonitoring {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts per group, from the sums per standing corrected by the few deadlines whose dates lie near or after
   * `asOn` (deadline-counts.ts). A scope that needs the trajectory itself (a pillar, a course provider, a violation
   * file), or a counsellor and a municipality at once, is not in those sums: then the deadlines are counted. Groups
   * without a counted deadline are not listed.
   */
  async counts(filter: MonitoringFilter, groupBy: MonitoringGroup): Promise<DeadlineCounts[]> {
    const rows =
      (needsTrajectory(filter.scope)
        ? undefined
        : await countsOfStandings(this.dataSource, filter, groupBy)) ??
      (await this.countsOfDeadlines(filter, groupBy));
    return rows.filter((row) => DEADLINE_BUCKETS.some((bucket) => row[bucket] !== 0));
  }

  /** The counts over every deadline row of the group (what the sums must equal; the path of per-trajectory scopes). */
  async countsOfDeadlines(filter: MonitoringFilter, groupBy: MonitoringGroup): Promise<DeadlineCounts[]> {
    const parameters: unknown[] = [];
    const bind = positional(parameters);
    const where = conditionsOf(filter, bind);
    const on = new MonitoringConditions('deadline', filter.asOn, bind);
    const group = GROUP_KEY[groupBy];
    const needsOffice = groupBy === 'office' || filter.officeId !== undefined;
    const rows: DeadlineCounts[] = await this.dataSource.query(
      `SELECT ${group.key} AS key, min(${group.label}) AS label,
              ${DEADLINE_BUCKETS.map((bucket) => `count(*) FILTER (WHERE ${on.bucket(bucket)})::int AS "${bucket}"`).join(',\n')}
         FROM deadlines deadline ${needsOffice ? OFFICE_JOIN : ''}
        WHERE ${where}
        GROUP BY ${group.key}
        ORDER BY ${group.key} NULLS LAST`,
      parameters,
    );
    return rows.filter((row) => DEADLINE_BUCKETS.some((bucket) => row[bucket] !== 0));
  }

  async trend(
    filter: MonitoringFilter,
    weeks: number,
    groupBy: MonitoringGroup | undefined,
  ): Promise<DeadlineTrendWeek[]> {
    const lastWeek = isoWeekStart(filter.asOn);
    const firstWeek = addDays(lastWeek, -7 * (weeks - 1));
    const parameters: unknown[] = [];
    const bind = positional(parameters);
    const where = conditionsOf(filter, bind);
    const on = new MonitoringConditions('deadline', filter.asOn, bind);
    const group = groupBy ? GROUP_KEY[groupBy] : undefined;
    const needsOffice = groupBy === 'office' || filter.officeId !== undefined;
    const rows: {
      week_start: CalendarDate;
      key: string | null;
      label: string | null;
      fallingDue: number;
      metOnTime: number;
      metLate: number;
      missed: number;
      pending: number;
    }[] = await this.dataSource.query(
      `SELECT date_trunc('week', deadline.due_on)::date AS week_start,
              ${group ? `${group.key} AS key, min(${group.label}) AS label` : 'NULL AS key, NULL AS label'},
              count(*) FILTER (WHERE ${on.fellDue()})::int AS "fallingDue",
              count(*) FILTER (WHERE ${on.bucket('metOnTime')})::int AS "metOnTime",
              count(*) FILTER (WHERE ${on.bucket('metLate')})::int AS "metLate",
              count(*) FILTER (WHERE ${on.missed()})::int AS "missed",
              count(*) FILTER (WHERE ${on.pending()})::int AS "pending"
         FROM deadlines deadline ${needsOffice ? OFFICE_JOIN : ''}
        WHERE ${where}
          AND deadline.due_on BETWEEN ${bind(firstWeek)}::date AND ${bind(addDays(lastWeek, 6))}::date
        GROUP BY 1${group ? `, ${group.key}` : ''}`,
      parameters,
    );
    const found = new Map(rows.map((row) => [`${row.week_start}|${row.key}`, row]));
    const groups = group ? [...new Map(rows.map((row) => [row.key, row.label])).entries()] : [[null, null]];
    groups.sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
    const result: DeadlineTrendWeek[] = [];
    for (let index = 0; index < weeks; index += 1) {
      const weekStart = addDays(firstWeek, 7 * index);
      for (const [key, label] of groups as [string | null, string | null][]) {
        const row = found.get(`${weekStart}|${key}`);
        result.push({
          week: isoWeekLabel(weekStart),
          weekStart,
          key,
          label,
          fallingDue: row?.fallingDue ?? 0,
          metOnTime: row?.metOnTime ?? 0,
          metLate: row?.metLate ?? 0,
          missed: row?.missed ?? 0,
          pending: row?.pending ?? 0,
        });
      }
    }
    return result;
  }

  /**
   * The cases behind one count, by due date; a page and the total. The total is the count itself (`counts`, from
   * the sums). The page is read per agency in the scope, each agency's rows in the page's order up to the page's end
   * (`pageOf`), then merged.
   */
  async cases(
    filter: MonitoringFilter,
    bucket: DeadlineBucket,
    page: { limit: number; offset: number },
  ): Promise<{ items: MonitoredCase[]; total: number }> {
    const [counted, rows] = await Promise.all([
      this.counts(filter, 'agency'),
      this.dataSource.query<CaseRow[]>(...pageOf(filter, bucket, page)),
    ]);
    const total = counted.reduce((sum, row) => sum + row[bucket], 0);
    return {
      total,
      items: rows.map((row) => ({
        trajectoryId: row.trajectory_id,
        deadlineId: row.deadline_id,
        kind: row.kind,
        dueOn: row.due_on,
        state: row.state,
        fulfilledOn: row.fulfilled_on,
        agency: row.agency,
        counsellorId: row.counsellor_id,
        officeId: row.office_id,
        officeName: row.office_name,
        municipality: row.municipality,
      })),
    };
  }
}

interface CaseRow {
  trajectory_id: string;
  deadline_id: string;
  kind: DeadlineKind;
  due_on: CalendarDate;
  state: DeadlineState;
  fulfilled_on: CalendarDate | null;
  agency: Agency;
  counsellor_id: string | null;
  office_id: string | null;
  office_name: string | null;
  municipality: string;
}

/**
 * The drill-down's page as one statement: for each agency the filter and scope allow, the bucket's deadlines in
 * the page's order up to the page's end, merged and cut to the page. A bucket of running, unfulfilled deadlines
 * (overdue, due within 7 or 30 days) is two parts per agency: those not fulfilled at all, read from
 * `deadlines_running_unfulfilled_page_idx` in the page's order (so the scan stops at the page), and those fulfilled
 * after `asOn` (few for a recent day). The conditions stay the bucket's own (`MonitoringConditions`).
 */
export function pageOf(
  filter: MonitoringFilter,
  bucket: DeadlineBucket,
  page: { limit: number; offset: number },
): [string, unknown[]] {
  const parameters: unknown[] = [];
  const bind = positional(parameters);
  const on = new MonitoringConditions('deadline', filter.asOn, bind);
  const where = `${conditionsOf(filter, bind)} AND ${on.bucket(bucket)}`;
  const parts =
    bucket === 'overdue' || bucket === 'dueWithin7' || bucket === 'dueWithin30'
      ? [
          `deadline.fulfilled_on IS NULL AND ${on.running}`,
          `deadline.fulfilled_on > ${bind(filter.asOn)}::date`,
        ]
      : ['true'];
  const agencies = AGENCY_CODES.filter(
    (agency) =>
      (filter.agency === undefined || filter.agency === agency) &&
      (filter.scope?.agencies === undefined || filter.scope.agencies.includes(agency)),
  );
  const order = 'ORDER BY deadline.due_on, deadline.trajectory_id, deadline.deadline_id';
  const end = bind(page.offset + page.limit);
  const branches = agencies.flatMap((agency) => {
    const agencyIs = `deadline.agency = ${bind(agency)}`;
    return parts.map(
      (part) => `(SELECT ${CASE_COLUMNS} FROM deadlines deadline ${OFFICE_JOIN}
        WHERE ${agencyIs} AND ${part} AND ${where} ${order} LIMIT ${end})`,
    );
  });
  if (!branches.length) return ['SELECT * FROM deadlines WHERE false', []];
  return [
    `SELECT * FROM (${branches.join('\n UNION ALL ')}) deadline ${order}
      LIMIT ${bind(page.limit)} OFFSET ${bind(page.offset)}`,
    parameters,
  ];
}

const CASE_COLUMNS = `deadline.trajectory_id, deadline.deadline_id, deadline.kind, deadline.due_on, deadline.state,
  deadline.fulfilled_on, deadline.agency, deadline.counsellor_id, office.office_id, office.name AS office_name,
  deadline.municipality`;

/**
 * The scope and the filters as one condition on the deadlines row `deadline`. The row carries the trajectory's
 * agency and municipality as the summary does (both mappings of the same folded state), so the scope applies to it
 * directly, without a join (read-scope.ts `scopeCondition`).
 */
export function conditionsOf(filter: MonitoringFilter, bind: Bind): string {
  const conditions = [scopeCondition(filter.scope ?? EVERYTHING, 'deadline', bind)];
  if (filter.agency !== undefined) conditions.push(`deadline.agency = ${bind(filter.agency)}`);
  if (filter.kind !== undefined) conditions.push(`deadline.kind = ${bind(filter.kind)}`);
  if (filter.counsellorId !== undefined)
    conditions.push(`deadline.counsellor_id = ${bind(filter.counsellorId)}`);
  if (filter.municipality !== undefined)
    conditions.push(`lower(deadline.municipality) = lower(${bind(filter.municipality)})`);
  if (filter.officeId !== undefined) conditions.push(`office.office_id = ${bind(filter.officeId)}`);
  return conditions.join(' AND ');
}

/** Whether the scope needs the trajectory's other rows (pillars, violations), which the sums do not carry. */
function needsTrajectory(scope: ReadScope | undefined): boolean {
  return (
    scope !== undefined &&
    (scope.pillarApplies !== undefined ||
      scope.courseProvider !== undefined ||
      scope.withViolationFile === true)
  );
}
