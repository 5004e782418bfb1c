import type { PoolClient } from 'pg';
import { finished } from 'node:stream/promises';
import type { QueryRunner } from 'typeorm';
import { copyIn } from '../../libs/store/src/postgres/copy-in';
import { useStoreTestDatabase } from './store-test-database';

/**
 * A COPY that PostgreSQL refuses while the client still has much to send (a rebuild writes up to 8 MiB per statement):
 * the statement must reject with the server's error, and the connection must go on. With pg-copy-streams' own
 * stream, the data waiting for the socket to drain was sent after the refusal and the process died of a TypeError.
 */

const database = useStoreTestDatabase();
let queryRunner: QueryRunner;
let client: PoolClient;

beforeAll(async () => {
  queryRunner = database.dataSource.createQueryRunner();
  client = (await queryRunner.connect()) as PoolClient;
  await client.query('CREATE TEMPORARY TABLE copied (n int NOT NULL CHECK (n > 0), pad text NOT NULL)');
});

afterAll(async () => {
  await queryRunner.release();
});

/** `count` lines of about 1 kB, the first one refused by the table's check when `refusedFirst`. */
function lines(count: number, refusedFirst: boolean): Buffer {
  const pad = 'x'.repeat(1000);
  return Buffer.from(
    Array.from(
      { length: count },
      (_, index) => `${refusedFirst && index === 0 ? 0 : index + 1}\t${pad}\n`,
    ).join(''),
  );
}

async function copy(text: Buffer): Promise<void> {
  const stream = client.query(copyIn('COPY copied (n, pad) FROM STDIN'));
  for (let at = 0; at < text.length; at += 1 << 20) stream.write(text.subarray(at, at + (1 << 20)));
  stream.end();
  await finished(stream);
}

describe('copyIn', () => {
  it('writes the rows', async () => {
    await copy(lines(1_000, false));
    const [{ count }] = (await client.query<{ count: number }>('SELECT count(*)::int AS count FROM copied'))
      .rows;
    expect(count).toBe(1_000);
  });

  it("rejects with the server's error when a row is refused with 20 MB still to send, and the connection goes on", async () => {
    await expect(copy(lines(20_000, true))).rejects.toThrow(/violates check constraint "copied_n_check"/);
    // What a drain would have sent after the refusal has had its chance to run (and to crash the process).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [{ count }] = (await client.query<{ count: number }>('SELECT count(*)::int AS count FROM copied'))
      .rows;
    expect(count).toBe(1_000);
  });
});
