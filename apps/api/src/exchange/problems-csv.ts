import type { ProblemRowView } from '../../../../libs/store/src';

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
  const lines = [
    COLUMNS.join(','),
    ...rows.map((row) => COLUMNS.map((column) => field(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}
