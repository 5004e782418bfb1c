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
  return toCsv(COLUMNS, rows as unknown as readonly Record<string, unknown>[]);
}

/** Rows as CSV (RFC 4180) under a header of `columns`; absent values are empty fields. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => field(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

function field(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}
