import { Injectable } from '@nestjs/common';
import { Agency, AGENCY_CODES, calendarDateAt, CalendarDate, daysBetween } from '../../../../libs/domain/src';
import type { Period } from '../../../../libs/domain/src/key-figures';
import {
  AnnualReportQueries,
  MonthlyOpenings,
  ParticipationByAgency,
  ParticipationByKind,
  yearPeriod,
} from '../../../../libs/store/src/key-figures';
import { DeadlineMonitoring } from '../../../../libs/store/src/queries/deadline-monitoring';
import { KeyFiguresFilterQuery } from '../key-figures/dto/key-figures.query';
import { KeyFiguresAnswer, KeyFiguresService } from '../key-figures/key-figures.service';

export interface DeadlineOutcomes {
  agency: Agency;
  fallingDue: number;
  metOnTime: number;
  metLate: number;
  missed: number;
  pending: number;
}

/** Everything the annual report shows, as known on `knownOn` (the year's last day, or today for this year). */
export interface AnnualReport {
  year: number;
  period: Period;
  knownOn: CalendarDate;
  openings: MonthlyOpenings[];
  deadlines: DeadlineOutcomes[];
  keyFigures: KeyFiguresAnswer;
  participation: ParticipationByAgency[];
  participationKinds: ParticipationByKind[];
}

/** The annual report on inburgering (BBT 2020-2021 l.1392-1394): its data, from the read models. */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly queries: AnnualReportQueries,
    private readonly monitoring: DeadlineMonitoring,
    private readonly keyFigures: KeyFiguresService,
  ) {}

  async report(year: number): Promise<AnnualReport> {
    const period = yearPeriod(year);
    const today = calendarDateAt(Date.now());
    const knownOn = today < period.to ? today : period.to;
    const query = Object.assign(new KeyFiguresFilterQuery(), { from: period.from, to: knownOn });
    const [openings, deadlines, keyFigures, participation, participationKinds] = await Promise.all([
      this.queries.openingsPerMonth(period),
      this.deadlineOutcomes(year, knownOn),
      this.keyFigures.figures(query, 'agency'),
      this.queries.participationPerAgency(period),
      this.queries.participationPerKind(period),
    ]);
    return { year, period, knownOn, openings, deadlines, keyFigures, participation, participationKinds };
  }

  /**
   * The deadlines falling due in the ISO weeks that start in the year, per agency, and how they turned out as known
   * on `knownOn`: the deadline monitoring's own definitions (libs/domain deadline-outcome.ts), summed over weeks.
   */
  private async deadlineOutcomes(year: number, knownOn: CalendarDate): Promise<DeadlineOutcomes[]> {
    const weeks = Math.ceil((daysBetween(`${year}-01-01` as CalendarDate, knownOn) + 1) / 7) + 1;
    // Every agency's deadlines (the report is aggregates only, like the key figures).
    const trend = await this.monitoring.trend(
      { asOn: knownOn, scope: { agencies: AGENCY_CODES } },
      weeks,
      'agency',
    );
    return AGENCY_CODES.map((agency) => {
      const rows = trend.filter((row) => row.key === agency && row.weekStart.startsWith(`${year}-`));
      const sum = (field: keyof Omit<DeadlineOutcomes, 'agency'>) =>
        rows.reduce((total, row) => total + row[field], 0);
      return {
        agency,
        fallingDue: sum('fallingDue'),
        metOnTime: sum('metOnTime'),
        metLate: sum('metLate'),
        missed: sum('missed'),
        pending: sum('pending'),
      };
    });
  }
}
