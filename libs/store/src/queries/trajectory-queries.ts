import { DataSource } from 'typeorm';
import { isCalendarDate } from '../../../domain/src';
import {
  DeadlineRecord,
  EventRecord,
  PillarRecord,
  TrajectorySummaryRecord,
  ViolationRecord,
} from '../entities';
import type {
  CaseloadFilter,
  CaseloadItem,
  DeadlineFilter,
  DeadlineView,
  ParticipationHoursFilter,
  ParticipationHoursTotal,
  TimelineEntry,
  TrajectoryQueries,
  TrajectoryStatusView,
  TrajectorySummaryView,
  ViolationFilter,
  ViolationListItem,
} from '../read-models.types';
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

  async findTrajectory(trajectoryId: string): Promise<TrajectorySummaryView | null> {
    const summary = await this.dataSource.manager.findOneBy(TrajectorySummaryRecord, { trajectoryId });
    return summary ? this.withDetails(summary) : null;
  }

  async findTrajectoryStatus(trajectoryId: string): Promise<TrajectoryStatusView | null> {
    const summary = await this.dataSource.manager.findOne(TrajectorySummaryRecord, {
      select: STATUS_COLUMNS,
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

  async timeline(trajectoryId: string): Promise<TimelineEntry[]> {
    const events = await this.dataSource.manager
      .createQueryBuilder(EventRecord, 'event')
      .innerJoin(TrajectorySummaryRecord, 'summary', 'summary.stream_id = event.stream_id')
      .where('summary.trajectory_id = :trajectoryId', { trajectoryId })
      .orderBy('event.version', 'ASC')
      .getMany();
    return events.map(toTimelineEntry);
  }

  async listDeadlines(filter: DeadlineFilter): Promise<{ items: DeadlineView[]; total: number }> {
    const { limit, offset } = page(filter);
    const query = this.dataSource.manager.createQueryBuilder(DeadlineRecord, 'deadline');
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
    const [deadlines, total] = await query
      .orderBy('deadline.due_on', 'ASC')
      .addOrderBy('deadline.deadline_id', 'ASC')
      .addOrderBy('deadline.trajectory_id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items: deadlines.map(toDeadlineView), total };
  }

  async listViolations(filter: ViolationFilter): Promise<{ items: ViolationListItem[]; total: number }> {
    const { limit, offset } = page(filter);
    const query = this.dataSource.manager
      .createQueryBuilder(ViolationRecord, 'violation')
      .innerJoinAndMapOne(
        'violation.trajectory',
        TrajectorySummaryRecord,
        'summary',
        'summary.trajectory_id = violation.trajectory_id',
      );
    if (filter.state !== undefined) query.andWhere('violation.state = :state', { state: filter.state });
    if (filter.kind !== undefined) query.andWhere('violation.kind = :kind', { kind: filter.kind });
    if (filter.agency !== undefined) query.andWhere('summary.agency = :agency', { agency: filter.agency });
    const [violations, total] = await query
      .orderBy('violation.openedAt', 'ASC')
      .addOrderBy('violation.violationId', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return {
      items: violations.map((violation) => {
        const { trajectory } = violation as ViolationRecord & { trajectory: TrajectorySummaryRecord };
        return {
          ...toViolationView(violation),
          agency: trajectory.agency,
          counsellorId: trajectory.counsellorId,
          municipality: trajectory.municipality,
          nationalNumber: trajectory.nationalNumber,
          givenName: trajectory.givenName,
          familyName: trajectory.familyName,
          trajectoryStatus: trajectory.status,
        };
      }),
      total,
    };
  }

  async caseload(filter: CaseloadFilter): Promise<{ items: CaseloadItem[]; total: number }> {
    const { limit, offset } = page(filter);
    if (filter.counsellorId === undefined && filter.agency === undefined) {
      throw new RangeError('a caseload is of a counsellor or an agency: give counsellorId, agency or both');
    }
    const parameters: unknown[] = [];
    const conditions = [`summary.status <> 'CLOSED'`];
    for (const [column, value] of [
      ['counsellor_id', filter.counsellorId],
      ['agency', filter.agency],
    ] as const) {
      if (value === undefined) continue;
      parameters.push(value);
      conditions.push(`summary.${column} = $${parameters.length}`);
    }
    const where = conditions.join(' AND ');
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM trajectory_summaries summary WHERE ${where}`,
      parameters,
    );
    const rows = await this.dataSource.query<CaseloadRow[]>(
      `SELECT summary.trajectory_id, summary.given_name, summary.family_name, summary.status, summary.phase,
              summary.agency, summary.counsellor_id, summary.registered_on,
              next.deadline_id AS next_deadline_id, next.kind AS next_kind, next.due_on AS next_due_on,
              missed.count AS missed_deadlines, open_violations.count AS open_violations
         FROM trajectory_summaries summary
         LEFT JOIN LATERAL (
           SELECT deadline.deadline_id, deadline.kind, deadline.due_on
             FROM deadlines deadline
            WHERE deadline.trajectory_id = summary.trajectory_id AND deadline.state = 'OPEN'
            ORDER BY deadline.due_on, deadline.deadline_id
            LIMIT 1
         ) next ON true
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS count FROM deadlines deadline
            WHERE deadline.trajectory_id = summary.trajectory_id AND deadline.state = 'MISSED'
         ) missed
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS count FROM violations violation
            WHERE violation.trajectory_id = summary.trajectory_id AND violation.state = 'OPEN'
         ) open_violations
        WHERE ${where}
        ORDER BY CASE WHEN open_violations.count > 0 THEN 0 WHEN missed.count > 0 THEN 1 ELSE 2 END,
                 next.due_on ASC NULLS LAST, summary.registered_on ASC, summary.trajectory_id ASC
        LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
      [...parameters, limit, offset],
    );
    return { items: rows.map(toCaseloadItem), total };
  }

  async participationHours(filter: ParticipationHoursFilter): Promise<ParticipationHoursTotal[]> {
    const parameters: string[] = [];
    const conditions: string[] = [];
    for (const [column, operator, value, name] of [
      ['municipality', '=', filter.municipality, 'municipality'],
      ['ended_on', '>=', filter.from, 'from'],
      ['ended_on', '<=', filter.to, 'to'],
    ] as const) {
      if (value === undefined) continue;
      if (name !== 'municipality' && !isCalendarDate(value)) {
        throw new RangeError(`${name} must be a date (YYYY-MM-DD), got "${value}"`);
      }
      parameters.push(value);
      conditions.push(`activity.${column} ${operator} $${parameters.length}`);
    }
    if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
      throw new RangeError(`from (${filter.from}) must not be after to (${filter.to})`);
    }
    const rows = await this.dataSource.query<ParticipationHoursRow[]>(
      `SELECT activity.municipality, activity.kind, sum(activity.hours)::text AS hours,
              count(*)::int AS activities, count(DISTINCT activity.trajectory_id)::int AS trajectories
         FROM participation_activities activity
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
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
