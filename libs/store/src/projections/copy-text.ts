/** A column as COPY's text format writes it: the row's property and the column's SQL type. */
export interface CopyColumn {
  property: string;
  type: string;
}

/**
 * Entity-shaped rows as lines of COPY's text format, one column after the other as `columns` lists them: the same
 * values `TableRows.insert` writes, without the JSON and array parameters in between. Plain data, so that a worker
 * thread can encode rows for a table it only knows by its columns.
 */
export class CopyText {
  private readonly fields: ((value: unknown) => string)[];

  constructor(private readonly columns: readonly CopyColumn[]) {
    this.fields = columns.map(({ type }) => copyField(type));
  }

  /** The rows as lines, each ending in a newline. */
  lines(rows: readonly object[]): string {
    let lines = '';
    for (const row of rows) {
      for (let index = 0; index < this.columns.length; index += 1) {
        const value = (row as Record<string, unknown>)[this.columns[index].property];
        lines += (index ? '\t' : '') + (value == null ? '\\N' : this.fields[index](value));
      }
      lines += '\n';
    }
    return lines;
  }
}

/** How a column's value is written in COPY's text format (null aside): as `toColumns` and the casts read it. */
function copyField(type: string): (value: unknown) => string {
  switch (type) {
    case 'jsonb':
      return (value) => copyText(JSON.stringify(value));
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? (value ? 't' : 'f') : copyText(String(value)));
    case 'timestamptz':
    case 'date':
      return (value) => copyText(value instanceof Date ? value.toISOString() : String(value));
    default:
      return (value) => copyText(String(value));
  }
}

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function copyText(text: string): string {
  return COPY_SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (special) => COPY_ESCAPES[special]) : text;
}
