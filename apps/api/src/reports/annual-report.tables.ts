import { toCsv } from '../http/csv';
import { keyFiguresCsv } from '../key-figures/key-figures.csv';
import type { AnnualReport } from './annual-report.service';

/** The report's underlying tables, each a CSV file: `GET /reports/annual/:year/tables/:table.csv`. */
export const ANNUAL_REPORT_TABLES = {
  openings: (report: AnnualReport) => toCsv(['month', 'agency', 'openings'], report.openings),
  deadlines: (report: AnnualReport) =>
    toCsv(['agency', 'fallingDue', 'metOnTime', 'metLate', 'missed', 'pending'], report.deadlines),
  'key-figures': (report: AnnualReport) => keyFiguresCsv(report.keyFigures),
  participation: (report: AnnualReport) =>
    toCsv(['agency', 'required', 'completed', 'hours'], report.participation),
  'participation-activities': (report: AnnualReport) =>
    toCsv(['kind', 'activities', 'hours'], report.participationKinds),
} as const;

export type AnnualReportTable = keyof typeof ANNUAL_REPORT_TABLES;

export function isAnnualReportTable(value: string): value is AnnualReportTable {
  return Object.hasOwn(ANNUAL_REPORT_TABLES, value);
}
