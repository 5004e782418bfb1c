import { combinedStatement } from './table-rows';

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
