import type { ClientBase } from 'pg';
import { finished } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { sameJson } from '../canonical-json';
import { copyIn } from '../postgres/copy-in';
import type { CopyColumn } from './copy-text';

/**
 * Writes entity-shaped rows as sets, one statement per table whatever the number of rows: each column travels as one
 * array parameter and `ROWS FROM (unnest(...), ...)` zips them back into rows (several times faster than JSON record
 * sets when rows carry large jsonb documents).
 */
export class TableRows {
  private readonly table: string;
  private readonly columns: { property: string; column: string; type: string }[];
  private readonly keyColumns: string[];
  private readonly keyProperties: string[];
  private readonly columnList: string;

  constructor(readonly metadata: EntityMetadata) {
    this.table = quote(metadata.tableName);
    this.columns = metadata.columns.map((column) => ({
      property: column.propertyName,
      column: column.databaseName,
      type: sqlType(column.type, `${metadata.tableName}.${column.databaseName}`),
    }));
    this.keyColumns = metadata.primaryColumns.map((column) => column.databaseName);
    this.keyProperties = metadata.primaryColumns.map((column) => column.propertyName);
    this.columnList = this.columns.map(({ column }) => quote(column)).join(', ');
  }

  /** The columns in the order `copy` writes them (see CopyText). */
  get copyColumns(): CopyColumn[] {
    return this.columns.map(({ property, type }) => ({ property, type }));
  }

  /** The row as the table stores it: column names, instants as ISO strings, undefined as null. */
  toColumns(row: object): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const { property, column } of this.columns)
      values[column] = columnValue((row as Record<string, unknown>)[property]);
    return values;
  }

  /**
   * Writes lines of COPY text in `copyColumns` order (see CopyText) with one COPY statement on the connection; `freeze`
   * (COPY FREEZE) only in the transaction that created or emptied the table.
   */
  async copy(client: ClientBase, lines: readonly Buffer[], freeze = false): Promise<void> {
    if (!lines.length) return;
    const stream = client.query(
      copyIn(`COPY ${this.table} (${this.columnList}) FROM STDIN${freeze ? ' (FREEZE)' : ''}`),
    );
    for (const chunk of lines) stream.write(chunk);
    stream.end();
    await finished(stream);
  }

  /** The primary key of a row in `toColumns` form, as one string. */
  keyOf(columns: Record<string, unknown>): string {
    return JSON.stringify(this.keyColumns.map((column) => columns[column]));
  }

  /** The primary key of an entity-shaped row, as `keyOf` gives it for the row's `toColumns` form. */
  keyOfRow(row: object): string {
    return JSON.stringify(
      this.keyProperties.map((property) => columnValue((row as Record<string, unknown>)[property])),
    );
  }

  /** Whether two entity-shaped rows have the same primary key (as `keyOfRow` gives it). */
  sameKey(a: object, b: object): boolean {
    for (const property of this.keyProperties)
      if (
        columnValue((a as Record<string, unknown>)[property]) !==
        columnValue((b as Record<string, unknown>)[property])
      )
        return false;
    return true;
  }

  /**
   * Whether two entity-shaped rows store the same values: scalars compared as `toColumns` writes them, documents
   * (jsonb) by their canonical JSON (a state read back from jsonb has its keys in another order than one folded in
   * memory).
   */
  sameRow(a: object, b: object): boolean {
    for (const { property } of this.columns) {
      const left = columnValue((a as Record<string, unknown>)[property]);
      const right = columnValue((b as Record<string, unknown>)[property]);
      if (!sameJson(left, right)) return false;
    }
    return true;
  }

  async insert(manager: EntityManager, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (!rows.length) return;
    await manager.query(`INSERT INTO ${this.table} (${this.columnList}) ${this.unnest()}`, this.arrays(rows));
  }

  async upsert(manager: EntityManager, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (!rows.length) return;
    const { sql, parameters } = this.upsertStatement(rows);
    await manager.query(sql, parameters);
  }

  /** The statement `upsert` sends (parameters from $1), for a caller that combines statements. */
  upsertStatement(rows: readonly Record<string, unknown>[]): Statement {
    const updates = this.columns
      .filter(({ column }) => !this.keyColumns.includes(column))
      .map(({ column }) => `${quote(column)} = EXCLUDED.${quote(column)}`)
      .join(', ');
    return {
      sql: `INSERT INTO ${this.table} (${this.columnList}) ${this.unnest()}
       ON CONFLICT (${this.keyColumns.map(quote).join(', ')}) DO UPDATE SET ${updates}`,
      parameters: this.arrays(rows),
    };
  }

  async delete(manager: EntityManager, keys: readonly Record<string, unknown>[]): Promise<void> {
    if (!keys.length) return;
    const { sql, parameters } = this.deleteStatement(keys);
    await manager.query(sql, parameters);
  }

  /** The statement `delete` sends (parameters from $1), for a caller that combines statements. */
  deleteStatement(keys: readonly Record<string, unknown>[]): Statement {
    const keyColumns = this.columns.filter(({ column }) => this.keyColumns.includes(column));
    const matches = keyColumns
      .map(({ column }) => `${this.table}.${quote(column)} = gone.${quote(column)}`)
      .join(' AND ');
    return {
      sql: `DELETE FROM ${this.table}
        USING unnest(${keyColumns.map(({ type }, index) => `$${index + 1}::${type}[]`).join(', ')})
              AS gone(${keyColumns.map(({ column }) => quote(column)).join(', ')})
        WHERE ${matches}`,
      parameters: keyColumns.map(({ column }) => keys.map((key) => key[column])),
    };
  }

  /**
   * The rows from one array per column, zipped by position. json and jsonb columns travel as one JSON array each (a
   * text array of JSON documents is slow to parse: every quote is escaped); a JSON null there is SQL NULL.
   */
  private unnest(): string {
    const sources = this.columns
      .map(({ type }, index) =>
        isJson(type) ? `${type}_array_elements($${index + 1}::${type})` : `unnest($${index + 1}::${type}[])`,
      )
      .join(', ');
    const aliases = this.columns.map((_, index) => `c${index}`);
    const values = this.columns
      .map(({ type }, index) =>
        type === 'jsonb'
          ? `NULLIF(c${index}, 'null'::jsonb)`
          : type === 'json' // json has no equality
            ? `CASE WHEN json_typeof(c${index}) = 'null' THEN NULL ELSE c${index} END`
            : `c${index}`,
      )
      .join(', ');
    return `SELECT ${values} FROM ROWS FROM (${sources}) AS source(${aliases.join(', ')})`;
  }

  private arrays(rows: readonly Record<string, unknown>[]): unknown[] {
    return this.columns.map(({ column, type }) => {
      const values = rows.map((row) => row[column]);
      return isJson(type) ? JSON.stringify(values) : values;
    });
  }

  /** Removes every row of the trajectories (all read models are keyed by trajectory first). */
  async deleteTrajectories(manager: EntityManager, trajectoryIds: readonly string[]): Promise<void> {
    await manager.query(`DELETE FROM ${this.table} WHERE trajectory_id = ANY($1)`, [trajectoryIds]);
  }
}

/** A property's value as the table stores it: instants as ISO strings, undefined as null. */
function columnValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/** One SQL statement and its parameters ($1, $2, ...). */
export interface Statement {
  sql: string;
  parameters: unknown[];
}

/**
 * Several data-modifying statements as one (each a WITH query of a statement that selects nothing): one round trip,
 * and atomic on its own. Their parameters are renumbered after one another. The statements must not touch the same
 * rows (they see one snapshot and run in no defined order).
 */
export function combinedStatement(statements: readonly Statement[]): Statement {
  if (statements.length === 1) return statements[0];
  const parameters: unknown[] = [];
  const parts = statements.map(({ sql, parameters: own }, index) => {
    const offset = parameters.length;
    parameters.push(...own);
    return `write_${index} AS (${sql.replace(/\$(\d+)/g, (_, number: string) => `$${Number(number) + offset}`)})`;
  });
  return { sql: `WITH ${parts.join(',\n')}\nSELECT 1`, parameters };
}

function isJson(type: string): boolean {
  return type === 'json' || type === 'jsonb';
}

export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const SQL_TYPES = new Set([
  'text',
  'boolean',
  'integer',
  'smallint',
  'bigint',
  'date',
  'timestamptz',
  'json',
  'jsonb',
  'numeric',
  'uuid',
]);

export function sqlType(type: unknown, column: string): string {
  if (typeof type === 'string' && SQL_TYPES.has(type)) return type;
  throw new Error(`read-model column ${column} needs one of the types ${[...SQL_TYPES].join(', ')}`);
}
