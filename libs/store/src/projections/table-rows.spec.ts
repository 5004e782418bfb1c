import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { combinedStatement, TableRows } from './table-rows';

describe('combinedStatement', () => {
  it('keeps a single statement as it is', () => {
    const statement = { sql: 'DELETE FROM pillars WHERE trajectory_id = $1', parameters: ['t1'] };
    expect(combinedStatement([statement])).toBe(statement);
  });

  it('makes one statement of several, their parameters numbered after one another', () => {
    const combined = combinedStatement([
      {
        sql: 'INSERT INTO a (x, y) SELECT * FROM unnest($1::text[], $2::integer[])',
        parameters: [['p'], [1]],
      },
      { sql: 'DELETE FROM b USING unnest($1::text[]) AS gone(x) WHERE b.x = gone.x', parameters: [['q']] },
      { sql: 'INSERT INTO c (x) SELECT $1 WHERE $2 AND $1 IS NOT NULL', parameters: ['r', true] },
    ]);
    expect(combined.parameters).toEqual([['p'], [1], ['q'], 'r', true]);
    expect(combined.sql).toBe(
      'WITH write_0 AS (INSERT INTO a (x, y) SELECT * FROM unnest($1::text[], $2::integer[])),\n' +
        'write_1 AS (DELETE FROM b USING unnest($3::text[]) AS gone(x) WHERE b.x = gone.x),\n' +
        'write_2 AS (INSERT INTO c (x) SELECT $4 WHERE $5 AND $4 IS NOT NULL)\n' +
        'SELECT 1',
    );
  });
});

describe('TableRows, comparing the rows a model maps', () => {
  const column = (propertyName: string, databaseName: string, type: string) => ({
    propertyName,
    databaseName,
    type,
  });
  const key = column('trajectoryId', 'trajectory_id', 'text');
  const table = new TableRows({
    tableName: 'pillars',
    columns: [key, column('dueOn', 'due_on', 'timestamptz'), column('details', 'details', 'jsonb')],
    primaryColumns: [key],
  } as unknown as EntityMetadata);
  const row = (
    details: object,
    dueOn: Date | string | null | undefined = new Date('2026-03-01T00:00:00Z'),
  ) => ({
    trajectoryId: 't1',
    dueOn,
    details,
  });

  it('takes documents alike whatever the order of their keys, and instants as they are stored', () => {
    expect(table.sameRow(row({ a: 1, b: [{ c: 2, d: 3 }] }), row({ b: [{ d: 3, c: 2 }], a: 1 }))).toBe(true);
    expect(table.sameRow(row({}), row({}, '2026-03-01T00:00:00.000Z'))).toBe(true);
    expect(table.sameRow({ trajectoryId: 't1', details: {} }, row({}, null))).toBe(true);
  });

  it('tells rows apart by any value, in a document or not', () => {
    expect(table.sameRow(row({ a: 1, b: [2, 3] }), row({ a: 1, b: [3, 2] }))).toBe(false);
    expect(table.sameRow(row({}), row({}, new Date('2026-03-02T00:00:00Z')))).toBe(false);
    expect(table.sameRow(row({}), row({}, null))).toBe(false);
  });

  it('keys a row as its columns are keyed', () => {
    const mapped = row({});
    expect(table.keyOfRow(mapped)).toBe(table.keyOf(table.toColumns(mapped)));
  });
});
