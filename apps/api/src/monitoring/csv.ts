/**
 * RFC 4180 CSV of rows with fixed columns: CRLF line ends, a field with a comma, quote or line break quoted with
 * its quotes doubled. A field starting with =, +, - or @ is prefixed with ' so a spreadsheet does not run it.
 */
export function toCsv<Row extends object>(
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): string {
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => field(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

function field(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Whether the client asked for CSV: `format=csv`, or an Accept header naming text/csv. */
export function wantsCsv(format: string | undefined, accept: string | string[] | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  const header = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  return /(^|,)\s*text\/csv\s*(;|,|$)/i.test(header);
}
