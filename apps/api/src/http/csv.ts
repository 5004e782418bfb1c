/**
 * The API's one CSV writer (RFC 4180): a header row of the column names, CRLF line ends, a field with a comma,
 * quote or line break quoted with its quotes doubled. A column may name a nested value (`nextDeadline.dueOn`).
 * Numbers stay numbers (-3 is -3); text starting with =, +, -, @, a tab or a carriage return would be a formula in
 * a spreadsheet and is neutralised with a leading ' (OWASP, CSV injection).
 */
export function toCsv<Row extends object>(columns: CsvColumns<Row>, rows: readonly Row[]): string {
  return csvHeader(columns) + csvLines(columns, rows);
}

/** Columns of a CSV of `Row`: its keys, or a nested value's path (`nextDeadline.dueOn`). */
export type CsvColumns<Row extends object> = readonly (
  (keyof Row & string) | `${keyof Row & string}.${string}`
)[];

/** A CSV's header row, with its line end: what a CSV written a part at a time begins with. */
export function csvHeader(columns: readonly string[]): string {
  return `${columns.join(',')}\r\n`;
}

/** Rows of a CSV, each with its line end (toCsv's rows, for a CSV written a part at a time). */
export function csvLines<Row extends object>(columns: CsvColumns<Row>, rows: readonly Row[]): string {
  return rows
    .map((row) => `${columns.map((column) => csvField(valueAt(row, column))).join(',')}\r\n`)
    .join('');
}

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  const text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value) && value.every((item) => typeof item !== 'object')
        ? value.join(' ')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value as string);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function valueAt(row: object, column: string): unknown {
  let value: unknown = row;
  for (const key of column.split('.')) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Whether the client asked for CSV: `format=csv`, or else an Accept header naming text/csv. */
export function wantsCsv(format: unknown, accept: string | string[] | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  const header = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  return /(^|,)\s*text\/csv\s*(;|,|$)/i.test(header);
}

/** Sets the headers of a CSV download named `filename`. */
export function asCsvDownload(
  response: { setHeader(name: string, value: string): void },
  filename: string,
): void {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
}
