/**
 * CSV answers (RFC 4180): a header row of the column names, CRLF line ends, a field with a comma, quote or line
 * break quoted with its quotes doubled, lists joined by spaces, and a leading =, +, - or @ neutralised (it would be
 * a formula in a spreadsheet).
 */
export function toCsv<T>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  return [columns.join(','), ...rows.map((row) => columns.map((column) => csvField(row[column])).join(','))]
    .join('\r\n')
    .concat('\r\n');
}

export function csvField(value: unknown): string {
  const text = Array.isArray(value)
    ? value.join(' ')
    : value === null || value === undefined
      ? ''
      : String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Sets the headers of a CSV download named `filename`. */
export function asCsvDownload(
  response: { setHeader(name: string, value: string): void },
  filename: string,
): void {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
}
