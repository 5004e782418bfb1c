import type { ProblemRowView } from '../../../../libs/store/src';
import { toCsv } from '../http/csv';

const COLUMNS: (keyof ProblemRowView)[] = [
  'rowNumber',
  'outcome',
  'fields',
  'reason',
  'nationalNumber',
  'trajectoryId',
  'registeredOn',
  'office',
  'partnerDossierId',
];

/** Every problem row of an import as CSV (RFC 4180: comma, CRLF, quotes doubled), for the partner to correct. */
export function toProblemsCsv(rows: readonly ProblemRowView[]): string {
  return toCsv(COLUMNS, rows);
}
