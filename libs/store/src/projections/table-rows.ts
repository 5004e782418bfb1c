import type { EntityManager } from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/**
 * Writes entity-shaped rows as sets, one statement per table whatever the number of rows: the rows travel as one JSON
 * array and `json_populate_recordset` turns it into the table's own row type (dates, numerics, jsonb).
 */
export class TableRows {
  private readonly table: string;
  private readonly columns: { property: string; column: string }[];
  private readonly keyColumns: string[];
  private readonly columnList: string;

  constructor(readonly metadata: EntityMetadata) {
    this.table = quote(metadata.tableName);
    this.columns = metadata.columns.map((column) => ({
      property: column.propertyName,
      column: column.databaseName,
    }));
    this.keyColumns = metadata.primaryColumns.map((column) => column.databaseName);
    this.columnList = this.columns.map(({ column }) => quote(column)).join(', ');
  }

  /** The row as the table stores it: column names, instants as ISO strings, undefined as null. */
  toColumns(row: object): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const { property, column } of this.columns) {
      const value = (row as Record<string, unknown>)[property];
      values[column] = value instanceof Date ? value.toISOString() : (value ?? null);
    }
    return values;
  }

  /** The primary key of a row in `toColumns` form, as one string. */
  keyOf(columns: Record<string, unknown>): string {
    return JSON.stringify(this.keyColumns.map((column) => columns[column]));
  }

  async insert(manager: EntityManager, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (!rows.length) return;
    await manager.query(
      `INSERT INTO ${this.table} (${this.columnList})
       SELECT ${this.columnList} FROM json_populate_recordset(NULL::${this.table}, $1::json)`,
      [JSON.stringify(rows)],
    );
  }

  async upsert(manager: EntityManager, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (!rows.length) return;
    const updates = this.columns
      .filter(({ column }) => !this.keyColumns.includes(column))
      .map(({ column }) => `${quote(column)} = EXCLUDED.${quote(column)}`)
      .join(', ');
    await manager.query(
      `INSERT INTO ${this.table} (${this.columnList})
       SELECT ${this.columnList} FROM json_populate_recordset(NULL::${this.table}, $1::json)
       ON CONFLICT (${this.keyColumns.map(quote).join(', ')}) DO UPDATE SET ${updates}`,
      [JSON.stringify(rows)],
    );
  }

  async delete(manager: EntityManager, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (!rows.length) return;
    const matches = this.keyColumns
      .map((column) => `${this.table}.${quote(column)} = gone.${quote(column)}`)
      .join(' AND ');
    await manager.query(
      `DELETE FROM ${this.table} USING json_populate_recordset(NULL::${this.table}, $1::json) gone WHERE ${matches}`,
      [JSON.stringify(rows)],
    );
  }

  /** Removes every row of the trajectories (all read models are keyed by trajectory first). */
  async deleteTrajectories(manager: EntityManager, trajectoryIds: readonly string[]): Promise<void> {
    await manager.query(`DELETE FROM ${this.table} WHERE trajectory_id = ANY($1)`, [trajectoryIds]);
  }
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
