import type { DataSource } from 'typeorm';
import type { Agency, CalendarDate } from '../../../domain/src';
import type { Period } from '../../../domain/src/key-figures';

export interface MonthlyOpenings {
  month: number;
  agency: Agency;
  openings: number;
}

export interface ParticipationByAgency {
  agency: Agency;
  /** Contracts signed in the period with the participation pillar required. */
  required: number;
  completed: number;
  hours: number;
}

export interface ParticipationByKind {
  kind: string;
  activities: number;
  hours: number;
}

/** The annual report's tables that are not key figures: openings per month, and the participation pillar. */
export class AnnualReportQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Trajectories opened (registration date) per month and agency (the agency that owns them now). */
  openingsPerMonth(period: Period): Promise<MonthlyOpenings[]> {
    return this.dataSource.query(
      `SELECT extract(month FROM registered_on)::int AS month, agency, count(*)::int AS openings
         FROM trajectory_milestones
        WHERE registered_on BETWEEN $1::date AND $2::date
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [period.from, period.to],
    );
  }

  /** Per agency, of the contracts signed in the period: the participation pillar required, completed, its hours. */
  participationPerAgency(period: Period): Promise<ParticipationByAgency[]> {
    return this.dataSource.query(
      `SELECT agency,
              count(*) FILTER (WHERE participation_required)::int AS required,
              count(*) FILTER (WHERE participation_required AND participation_completed)::int AS completed,
              coalesce(sum(participation_hours) FILTER (WHERE participation_required), 0)::float8 AS hours
         FROM trajectory_milestones
        WHERE contract_on BETWEEN $1::date AND $2::date
        GROUP BY agency ORDER BY agency`,
      [period.from, period.to],
    );
  }

  /** Participation activities that ended in the period, per kind. */
  participationPerKind(period: Period): Promise<ParticipationByKind[]> {
    return this.dataSource.query(
      `SELECT kind, count(*)::int AS activities, coalesce(sum(hours), 0)::float8 AS hours
         FROM participation_activities
        WHERE ended_on BETWEEN $1::date AND $2::date
        GROUP BY kind ORDER BY kind`,
      [period.from, period.to],
    );
  }
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01` as CalendarDate, to: `${year}-12-31` as CalendarDate };
}
