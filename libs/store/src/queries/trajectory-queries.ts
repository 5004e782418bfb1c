import { DataSource } from 'typeorm';
import { addDays, calendarDateAt, isCalendarDate } from '../../../domain/src';
import {
  ATTENTION_GROUPS,
  AttentionGroup,
  CASELOAD_DUE_SOON_DAYS,
} from '../../../domain/src/caseload/attention';
import {
  DeadlineRecord,
  EventRecord,
  PillarRecord,
  TrajectorySummaryRecord,
  ViolationRecord,
} from '../entities';
import type {
  CaseloadEntry,
  CaseloadFilter,
  TrajectorySearch,
  CaseloadItem,
  DeadlineFilter,
  DeadlineView,
  ParticipationHoursFilter,
  ParticipationHoursTotal,
  TimelineEntry,
  TrajectoryAccessView,
  TrajectoryQueries,
  TrajectoryStatusView,
  TrajectorySummaryView,
  ViolationFilter,
  ViolationListItem,
  WholeCaseloadReader,
} from '../read-models.types';
import { attentionGroupOfRank, attentionRank, attentionSlices } from './caseload-attention';
import { countedTotal } from './list-counts';
import { participationHourTotalsQuery } from './participation-hour-totals';
import { participationHoursPeriodQuery } from './participation-hours-period';
import { EVERYTHING, named, positional, ReadScope, scopeCondition, scopeConditionOn } from './read-scope';
import { toDeadlineView, toTimelineEntry, toTrajectorySummaryView, toViolationView } from './view-mappers';

export const DEFAULT_DEADLINE_PAGE_SIZE = 50;

const STATUS_COLUMNS: (keyof TrajectorySummaryRecord)[] = [
  'trajectoryId',
  'status',
  'agency',
  'closureReason',
  'closedOn',
];

function toStatusView(summary: TrajectorySummaryRecord): TrajectoryStatusView {
  const { trajectoryId, status, agency, closureReason, closedOn } = summary;
  return { trajectoryId, status, agency, closureReason, closedOn };
}
export const MAX_DEADLINE_PAGE_SIZE = 500;

/** The read side: lists, a trajectory's details and its timeline, from the read models and the event store. */
export class TypeOrmTrajectoryQueries implements TrajectoryQueries {
  constructor(private readonly dataSource: DataSource) {}

  async findTrajectory(
    trajectoryId: string,
    scope: ReadScope = EVERYTHING,
  ): Promise<TrajectorySummaryView | null> {
    const query = this.dataSource.manager
      .createQueryBuilder(TrajectorySummaryRecord, 'summary')
      .where('summary.trajectory_id = :trajectoryId', { trajectoryId });
    const summary = await query.andWhere(scopeCondition(scope, 'summary', named(query))).getOne();
    return summary ? this.withDetails(summary) : null;
  }

  async trajectoriesInScope(trajectoryIds: readonly string[], scope: ReadScope): Promise<Set<string>> {
    if (trajectoryIds.length === 0) return new Set();
    const parameters: unknown[] = [[...trajectoryIds]];
    const rows = await this.dataSource.query<{ trajectory_id: string }[]>(
      `SELECT summary.trajectory_id FROM trajectory_summaries summary
        WHERE summary.trajectory_id = ANY($1) AND ${scopeCondition(scope, 'summary', positional(parameters))}`,
      parameters,
    );
    return new Set(rows.map((row) => row.trajectory_id));
  }

  async findTrajectoryAccess(trajectoryId: string, scope: ReadScope): Promise<TrajectoryAccessView | null> {
    const parameters: unknown[] = [trajectoryId];
    const [row] = await this.dataSource.query<
      {
        trajectory_id: string;
        status: TrajectoryStatusView['status'];
        agency: TrajectoryStatusView['agency'];
        closure_reason: string | null;
        closed_on: string | null;
        counsellor_id: string | null;
      }[]
    >(
      `SELECT summary.trajectory_id, summary.status, summary.agency, summary.closure_reason, summary.closed_on,
              summary.counsellor_id
         FROM trajectory_summaries summary
        WHERE summary.trajectory_id = $1 AND ${scopeCondition(scope, 'summary', positional(parameters))}`,
      parameters,
    );
    if (!row) return null;
    return {
      status: {
        trajectoryId: row.trajectory_id,
        status: row.status,
        agency: row.agency,
        closureReason: row.closure_reason,
        closedOn: row.closed_on,
      },
      counsellorId: row.counsellor_id,
    };
  }

  async findTrajectoryStatus(trajectoryId: string): Promise<TrajectoryStatusView | null> {
    const summary = await this.dataSource.manager.findOne(TrajectorySummaryRecord, {
      select: Object.fromEntries(STATUS_COLUMNS.map((column) => [column, true])),
      where: { trajectoryId },
    });
    return summary ? toStatusView(summary) : null;
  }

  async findOpenTrajectoryStatusByNationalNumber(
    nationalNumber: string,
  ): Promise<TrajectoryStatusView | null> {
    const summary = await this.dataSource.manager
      .createQueryBuilder(TrajectorySummaryRecord, 'summary')
      .select(STATUS_COLUMNS.map((column) => `summary.${column}`))
      .where('summary.national_number = :nationalNumber', {
        nationalNumber: nationalNumber.replace(/[\s.-]/g, ''),
      })
      .andWhere(`summary.status <> 'CLOSED'`)
      .orderBy('summary.registered_on', 'DESC')
      .addOrderBy('summary.trajectory_id', 'ASC')
      .limit(1)
      .getOne();
    return summary ? toStatusView(summary) : null;
  }

  async findOpenTrajectoryByNationalNumber(nationalNumber: string): Promise<TrajectorySummaryView | null> {
    const summary = await this.dataSource.manager
      .createQueryBuilder(TrajectorySummaryRecord, 'summary')
      .where('summary.national_number = :nationalNumber', {
        nationalNumber: nationalNumber.replace(/[\s.-]/g, ''),
      })
      .andWhere(`summary.status <> 'CLOSED'`)
      .orderBy('summary.registered_on', 'DESC')
      .addOrderBy('summary.trajectory_id', 'ASC')
      .getOne();
    return summary ? this.withDetails(summary) : null;
  }

  async timeline(trajectoryId: string, scope: ReadScope = EVERYTHING): Promise<TimelineEntry[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(EventRecord, 'event')
      .innerJoin(TrajectorySummaryRecord, 'summary', 'summary.stream_id = event.stream_id')
      .where('summary.trajectory_id = :trajectoryId', { trajectoryId });
    const events = await query
      .andWhere(scopeCondition(scope, 'summary', named(query)))
      .orderBy('event.version', 'ASC')
      .getMany();
    return events.map(toTimelineEntry);
  }

  async listDeadlines(filter: DeadlineFilter): Promise<{ items: DeadlineView[]; total: number }> {
    const { limit, offset } = page(filter);
    const query = this.dataSource.manager.createQueryBuilder(DeadlineRecord, 'deadline');
    query.where(scopeConditionOn(filter.scope ?? EVERYTHING, 'deadline.trajectory_id', named(query)));
    const conditions: [column: string, operator: string, value: string | undefined][] = [
      ['state', '=', filter.state],
      ['kind', '=', filter.kind],
      ['agency', '=', filter.agency],
      ['counsellor_id', '=', filter.counsellorId],
      ['municipality', '=', filter.municipality],
      ['due_on', '>=', filter.dueFrom],
      ['due_on', '<=', filter.dueTo],
    ];
    conditions.forEach(([column, operator, value], index) => {
      if (value !== undefined)
        query.andWhere(`deadline.${column} ${operator} :value${index}`, { [`value${index}`]: value });
    });
    const total =
      filter.dueFrom === undefined && filter.dueTo === undefined
        ? await countedTotal(
            this.dataSource,
            'deadline_counts',
            conditions.map(([column, , value]) => [column, value] as [string, string | undefined]),
            filter.scope,
          )
        : undefined;
    // count(*), not TypeORM's COUNT(DISTINCT key): the rows are unique already, and the count is an index scan.
    const counted =
      total === undefined
        ? await query.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>()
        : { total };
    const deadlines = await query
      .orderBy('deadline.due_on', 'ASC')
      .addOrderBy('deadline.deadline_id', 'ASC')
      .addOrderBy('deadline.trajectory_id', 'ASC')
      .limit(limit)
      .offset(offset)
      .getMany();
    return { items: deadlines.map(toDeadlineView), total: counted?.total ?? 0 };
  }

  async listViolations(filter: ViolationFilter): Promise<{ items: ViolationListItem[]; total: number }> {
    const { limit, offset } = page(filter);
    // The filters are on the violation row (it carries the trajectory's agency and municipality); the join serves
    // the caller's scope and the page's people.
    const filtered = (scoped: boolean) => {
      const query = this.dataSource.manager.createQueryBuilder(ViolationRecord, 'violation');
      // Every violation has its summary: without a scope, the count needs no join.
      if (scoped) {
        query
          .innerJoin(TrajectorySummaryRecord, 'summary', 'summary.trajectory_id = violation.trajectory_id')
          .where(scopeCondition(filter.scope ?? EVERYTHING, 'summary', named(query)));
      }
      if (filter.state !== undefined) query.andWhere('violation.state = :state', { state: filter.state });
      if (filter.kind !== undefined) query.andWhere('violation.kind = :kind', { kind: filter.kind });
      if (filter.agency !== undefined)
        query.andWhere('violation.agency = :agency', { agency: filter.agency });
      return query;
    };
    const query = filtered(true);
    const unscoped = scopeCondition(filter.scope ?? EVERYTHING, 'summary', () => '') === 'true';
    const total = await countedTotal(
      this.dataSource,
      'violation_counts',
      [
        ['state', filter.state],
        ['kind', filter.kind],
        ['agency', filter.agency],
      ],
      filter.scope,
    );
    const counted =
      total === undefined
        ? await filtered(!unscoped).select('count(*)::int', 'total').getRawOne<{ total: number }>()
        : { total };
    const { entities, raw } = await query
      .addSelect('summary.national_number', 'person_national_number')
      .addSelect('summary.given_name', 'person_given_name')
      .addSelect('summary.family_name', 'person_family_name')
      .addSelect('summary.status', 'trajectory_status')
      .orderBy('violation.openedAt', 'ASC')
      .addOrderBy('violation.violationId', 'ASC')
      .limit(limit)
      .offset(offset)
      .getRawAndEntities<ViolationPersonRow>();
    const people = new Map(
      raw.map((row) => [`${row.violation_trajectory_id}/${row.violation_violation_id}`, row]),
    );
    return {
      items: entities.map((violation) => {
        const person = people.get(`${violation.trajectoryId}/${violation.violationId}`);
        if (!person) throw new Error(`violation ${violation.violationId} lost its trajectory in the join`);
        return {
          ...toViolationView(violation),
          agency: violation.agency,
          counsellorId: violation.counsellorId,
          municipality: violation.municipality,
          nationalNumber: person.person_national_number,
          givenName: person.person_given_name,
          familyName: person.person_family_name,
          trajectoryStatus: person.trajectory_status,
        };
      }),
      total: counted?.total ?? 0,
    };
  }

  async caseload(filter: CaseloadFilter): Promise<{ items: CaseloadEntry[]; total: number }> {
    const { limit, offset } = page(filter);
    const { where, sliced, parameters, bind } = caseloadSlices(filter);
    // The counts table counts per agency, counsellor and residence: exact only without the status and group filters.
    const counted =
      filter.status === undefined && filter.attention === undefined
        ? await countedTotal(
            this.dataSource,
            'caseload_counts',
            [
              ['counsellor_id', filter.counsellorId],
              ['agency', filter.agency],
            ],
            filter.scope,
          )
        : undefined;
    const total =
      counted ??
      (
        await this.dataSource.query<{ total: number }[]>(
          `SELECT (${sliced
            .map(
              ({ slice }) =>
                `(SELECT count(*) FROM trajectory_summaries summary WHERE ${where} AND ${slice})`,
            )
            .join(' + ')})::int AS total`,
          [...parameters],
        )
      )[0].total;
    // Each slice is read only as far as the page reaches; the page is the first rows of their union.
    const reach = bind(offset + limit);
    const rows = await this.dataSource.query<CaseloadSliceRow[]>(
      caseloadPage(where, sliced, { reach, limit: bind(limit), offset: bind(offset) }),
      parameters,
    );
    return { items: rows.map(toCaseloadEntry), total };
  }

  async readWholeCaseload(
    filter: CaseloadFilter,
    reader: WholeCaseloadReader,
    chunkSize = WHOLE_CASELOAD_CHUNK,
  ): Promise<number> {
    if (!Number.isInteger(chunkSize) || chunkSize < 1)
      throw new RangeError(`chunkSize must be an integer >= 1, got ${chunkSize}`);
    const { where, sliced, parameters } = caseloadSlices(filter);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // One snapshot for the order and the rows: a case that moves or closes meanwhile is read as it was.
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // The order on the index's columns alone, as a page finds its place; then the rows, a chunk at a time.
      const order: CaseloadOrderRow[] = await runner.query(
        caseloadUnion(where, sliced, 'ALL', CASELOAD_ORDER_COLUMNS),
        parameters,
      );
      await reader.trajectories(order.map((row) => row.trajectory_id));
      for (let start = 0; start < order.length; start += chunkSize) {
        const chunk = order.slice(start, start + chunkSize);
        const rows: CaseloadRow[] = await runner.query(
          `SELECT ${CASELOAD_COLUMNS} FROM trajectory_summaries summary WHERE summary.trajectory_id = ANY($1::text[])`,
          [chunk.map((row) => row.trajectory_id)],
        );
        const byId = new Map(rows.map((row) => [row.trajectory_id, row]));
        await reader.rows(
          chunk.map((place) =>
            toCaseloadEntry({
              ...byId.get(place.trajectory_id)!,
              attention_group_rank: place.attention_group_rank,
            }),
          ),
        );
      }
      await runner.query('COMMIT');
      return order.length;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * A national number (11 digits, separators ignored) is looked up exactly. Other text is the start of a name in
   * either order ("family given" or "given family", a family name's first letters, a given name), compared as
   * person_search_key normalises it (lower case, no accents, separators as one space; migration 1798400000000).
   * Open trajectories come first, then closed ones; within each, the persons whose family name the text starts,
   * in the order of family and given name, then those whose given name it starts, in the order of given and family
   * name. Each of the four parts is a range of an index read in that order and stops at the page, so the search
   * costs its page whether the text selects three persons or a hundred thousand.
   */
  async searchTrajectories(filter: TrajectorySearch): Promise<CaseloadItem[]> {
    const parameters: unknown[] = [];
    const digits = filter.text.replace(/[^0-9]/g, '');
    const scope = scopeCondition(filter.scope ?? EVERYTHING, 'summary', positional(parameters));
    const limit = filter.limit ?? 20;
    if (digits.length === 11) {
      parameters.push(digits);
      const rows = await this.dataSource.query<CaseloadRow[]>(
        `SELECT ${CASELOAD_COLUMNS} FROM trajectory_summaries summary
          WHERE ${scope} AND summary.national_number = $${parameters.length}
          ORDER BY summary.status = 'CLOSED', summary.family_name, summary.given_name, summary.trajectory_id
          LIMIT $${parameters.length + 1}`,
        [...parameters, limit],
      );
      return rows.map(toCaseloadItem);
    }
    parameters.push(filter.text, limit);
    const rows = await this.dataSource.query<CaseloadRow[]>(
      nameSearchSql(scope, `$${parameters.length - 1}`, `$${parameters.length}`),
      parameters,
    );
    return rows.map(toCaseloadItem);
  }

  async participationHours(filter: ParticipationHoursFilter): Promise<ParticipationHoursTotal[]> {
    for (const name of ['from', 'to'] as const) {
      const value = filter[name];
      if (value !== undefined && !isCalendarDate(value))
        throw new RangeError(`${name} must be a date (YYYY-MM-DD), got "${value}"`);
    }
    if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
      throw new RangeError(`from (${filter.from}) must not be after to (${filter.to})`);
    }
    const totals = participationHourTotalsQuery(filter) ?? participationHoursPeriodQuery(filter);
    if (totals) {
      const rows = await this.dataSource.query<ParticipationHoursRow[]>(totals.sql, totals.parameters);
      return rows.map((row) => ({ ...row, hours: Number(row.hours) }));
    }
    const parameters: unknown[] = [];
    const conditions: string[] = [
      scopeCondition(filter.scope ?? EVERYTHING, 'summary', positional(parameters)),
    ];
    for (const [column, operator, value] of [
      ['municipality', '=', filter.municipality],
      ['ended_on', '>=', filter.from],
      ['ended_on', '<=', filter.to],
    ] as const) {
      if (value === undefined) continue;
      parameters.push(value);
      conditions.push(`activity.${column} ${operator} $${parameters.length}`);
    }
    const rows = await this.dataSource.query<ParticipationHoursRow[]>(
      `SELECT activity.municipality, activity.kind, sum(activity.hours)::text AS hours,
              count(*)::int AS activities, count(DISTINCT activity.trajectory_id)::int AS trajectories
         FROM participation_activities activity
         JOIN trajectory_summaries summary ON summary.trajectory_id = activity.trajectory_id
        WHERE ${conditions.join(' AND ')}
        GROUP BY activity.municipality, activity.kind
        ORDER BY activity.municipality, activity.kind`,
      parameters,
    );
    return rows.map((row) => ({ ...row, hours: Number(row.hours) }));
  }

  private async withDetails(summary: TrajectorySummaryRecord): Promise<TrajectorySummaryView> {
    const { trajectoryId } = summary;
    const [deadlines, violations, pillars] = await Promise.all([
      this.dataSource.manager.find(DeadlineRecord, {
        where: { trajectoryId },
        order: { dueOn: 'ASC', deadlineId: 'ASC' },
      }),
      this.dataSource.manager.find(ViolationRecord, {
        where: { trajectoryId },
        order: { openedAt: 'ASC', violationId: 'ASC' },
      }),
      this.dataSource.manager.findBy(PillarRecord, { trajectoryId }),
    ]);
    return toTrajectorySummaryView(summary, deadlines, violations, pillars);
  }
}

const CASELOAD_COLUMNS = `summary.trajectory_id, summary.given_name, summary.family_name, summary.status,
  summary.phase, summary.agency, summary.counsellor_id, summary.registered_on, summary.next_deadline_id,
  summary.next_deadline_kind AS next_kind, summary.next_deadline_due_on AS next_due_on, summary.missed_deadlines,
  summary.open_violations`;

type CaseloadSliceRow = CaseloadRow & { attention_group_rank: number };

/** A case's place in its caseload's order (CASELOAD_ORDER_COLUMNS and its attention group). */
interface CaseloadOrderRow {
  trajectory_id: string;
  attention_group_rank: number;
}

/** Rows of a whole caseload read and handed on at a time: bounds what an export holds besides the order. */
const WHOLE_CASELOAD_CHUNK = 2_000;

/**
 * A caseload's filter as SQL: the conditions every row meets and, per attention group asked for, its slices
 * (attentionSlices), with the parameters bound so far.
 */
function caseloadSlices(filter: CaseloadFilter) {
  if (filter.counsellorId === undefined && filter.agency === undefined) {
    throw new RangeError('a caseload is of a counsellor or an agency: give counsellorId, agency or both');
  }
  const day = filter.today ?? calendarDateAt(Date.now());
  if (!isCalendarDate(day)) throw new RangeError(`today must be a date (YYYY-MM-DD), got "${day}"`);
  const parameters: unknown[] = [];
  const bind = positional(parameters);
  const conditions = [
    `summary.status <> 'CLOSED'`,
    scopeCondition(filter.scope ?? EVERYTHING, 'summary', bind),
  ];
  for (const [column, value] of [
    ['counsellor_id', filter.counsellorId],
    ['agency', filter.agency],
    ['status', filter.status],
  ] as const) {
    if (value !== undefined) conditions.push(`summary.${column} = ${bind(value)}`);
  }
  const bound = (value: string) => {
    let placeholder: string | undefined;
    return () => (placeholder ??= `${bind(value)}::date`);
  };
  const today = bound(day);
  const dueSoonUntil = bound(addDays(day, CASELOAD_DUE_SOON_DAYS));
  const sliced = (filter.attention === undefined ? ATTENTION_GROUPS : [filter.attention]).flatMap((group) =>
    attentionSlices(group, today, dueSoonUntil).map((slice) => ({ group, slice })),
  );
  return { where: conditions.join(' AND '), sliced, parameters, bind };
}

/**
 * The union of a caseload's slices in the caseload's order. Each slice is a range of a caseload index
 * (attentionSlices), read in its order and at most `reach` rows (a placeholder) of it; `columns` must include the
 * order's (CASELOAD_COLUMNS or CASELOAD_ORDER_COLUMNS).
 */
function caseloadUnion(
  where: string,
  sliced: readonly { group: AttentionGroup; slice: string }[],
  reach: string,
  columns = CASELOAD_COLUMNS,
): string {
  return `SELECT * FROM (${sliced
    .map(
      ({ group, slice }) =>
        `(SELECT ${columns}, ${attentionRank(group)} AS attention_group_rank
            FROM trajectory_summaries summary
           WHERE ${where} AND ${slice}
           ORDER BY summary.next_deadline_due_on, summary.registered_on, summary.trajectory_id
           LIMIT ${reach})`,
    )
    .join(' UNION ALL ')}) page
    ORDER BY attention_group_rank, next_due_on ASC NULLS LAST, registered_on, trajectory_id`;
}

/** The columns of a caseload's order: all in its indexes, so that its slices are read from the index alone. */
const CASELOAD_ORDER_COLUMNS = `summary.trajectory_id, summary.next_deadline_due_on AS next_due_on, summary.registered_on`;

/**
 * One page of a caseload: the page's place is found on the order's columns alone (index-only scans of the slices,
 * however deep the page), and only the page's rows are then read. Reading every column of every slice up to the
 * page's end took 2.5x as long at p95 over pages at offsets 0-5,000 of 77,562 cases (docs/performance.md, Lists).
 */
function caseloadPage(
  where: string,
  sliced: readonly { group: AttentionGroup; slice: string }[],
  placeholders: { reach: string; limit: string; offset: string },
): string {
  const { reach, limit, offset } = placeholders;
  return `SELECT ${CASELOAD_COLUMNS}, page.attention_group_rank
    FROM (${caseloadUnion(where, sliced, reach, CASELOAD_ORDER_COLUMNS)} LIMIT ${limit} OFFSET ${offset}) page
    JOIN trajectory_summaries summary ON summary.trajectory_id = page.trajectory_id
   ORDER BY page.attention_group_rank, page.next_due_on ASC NULLS LAST, page.registered_on, page.trajectory_id`;
}

function toCaseloadEntry(row: CaseloadSliceRow): CaseloadEntry {
  return { ...toCaseloadItem(row), attention: attentionGroupOfRank(row.attention_group_rank) };
}

/** A summary's search key in one name order, as indexed (migration 1798400000000). */
const searchKey = (first: string, second: string): string =>
  `(person_search_key(summary.${first} || ' ' || summary.${second}) COLLATE "C")`;

/**
 * The name search (see searchTrajectories): four index ranges, each read in its index's order up to the page, in
 * the order of the result. `text` and `limit` are parameter placeholders; the pattern is a constant when the
 * statement is planned with its parameters, so it is a range of the index.
 */
export function nameSearchSql(scope: string, text: string, limit: string): string {
  const pattern = `person_search_key(${text}) || '%'`;
  const familyFirst = searchKey('family_name', 'given_name');
  const givenFirst = searchKey('given_name', 'family_name');
  const parts = [false, true].flatMap((closed) =>
    [familyFirst, givenFirst].map(
      (key, part) => `(SELECT ${CASELOAD_COLUMNS}, ${closed ? 1 : 0} AS closed_rank, ${part} AS part_rank,
              ${key} AS sort_key
         FROM trajectory_summaries summary
        WHERE person_search_key(${text}) <> '' AND summary.status ${closed ? '=' : '<>'} 'CLOSED'
          AND ${key} LIKE ${pattern}
          ${part === 1 ? `AND NOT ${familyFirst} LIKE ${pattern}` : ''} AND ${scope}
        ORDER BY ${key}, summary.trajectory_id
        LIMIT ${limit})`,
    ),
  );
  return `SELECT found.* FROM (${parts.join(' UNION ALL ')}) found
    ORDER BY found.closed_rank, found.part_rank, found.sort_key, found.trajectory_id
    LIMIT ${limit}`;
}

/** Who a violation file is about, joined to the page's rows (one summary per violation). */
interface ViolationPersonRow {
  violation_trajectory_id: string;
  violation_violation_id: string;
  person_national_number: string;
  person_given_name: string;
  person_family_name: string;
  trajectory_status: ViolationListItem['trajectoryStatus'];
}

interface ParticipationHoursRow {
  municipality: string;
  kind: ParticipationHoursTotal['kind'];
  hours: string;
  activities: number;
  trajectories: number;
}

interface CaseloadRow {
  trajectory_id: string;
  given_name: string;
  family_name: string;
  status: CaseloadItem['status'];
  phase: CaseloadItem['phase'];
  agency: CaseloadItem['agency'];
  counsellor_id: string | null;
  registered_on: string;
  next_deadline_id: string | null;
  next_kind: NonNullable<CaseloadItem['nextDeadline']>['kind'] | null;
  next_due_on: string | null;
  missed_deadlines: number;
  open_violations: number;
}

function toCaseloadItem(row: CaseloadRow): CaseloadItem {
  return {
    trajectoryId: row.trajectory_id,
    givenName: row.given_name,
    familyName: row.family_name,
    status: row.status,
    phase: row.phase,
    agency: row.agency,
    counsellorId: row.counsellor_id,
    registeredOn: row.registered_on,
    nextDeadline:
      row.next_deadline_id !== null && row.next_kind !== null && row.next_due_on !== null
        ? { deadlineId: row.next_deadline_id, kind: row.next_kind, dueOn: row.next_due_on }
        : null,
    missedDeadlines: row.missed_deadlines,
    openViolations: row.open_violations,
  };
}

function page(filter: { limit?: number; offset?: number }): { limit: number; offset: number } {
  const limit = filter.limit ?? DEFAULT_DEADLINE_PAGE_SIZE;
  const offset = filter.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DEADLINE_PAGE_SIZE) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_DEADLINE_PAGE_SIZE}, got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0)
    throw new RangeError(`offset must be an integer >= 0, got ${offset}`);
  return { limit, offset };
}
