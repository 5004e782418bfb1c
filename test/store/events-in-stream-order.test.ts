import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import { buildWorkload } from '../../bench/trajectory-workload';
import { eventRows } from '../../libs/store/src';
import { decodeEventRows, EventRowFramer } from '../../libs/store/src/projections/event-rows';
import { eventsInStreamOrder } from '../../libs/store/src/projections/events-in-stream-order';
import { useBulkLoadedDatabase } from './store-test-database';

/**
 * The rebuild reads the events as PostgreSQL's binary COPY and decodes the rows itself: they must be the rows the
 * driver gives for the same query, whatever the text holds and wherever the chunks of the stream are cut. In a
 * database of its own, so that it holds only these few events.
 */

const database = useBulkLoadedDatabase('inburgering_events_copy_test', () => {
  const rows = buildWorkload('events-copy', 6, 2).trajectories.flatMap(({ appends }) =>
    appends.flatMap(eventRows),
  );
  rows[1] = {
    ...rows[1],
    data: { ...(rows[1].data as object), note: 'tab\there, line\nbreak, \\ and "quotes"' },
  };
  rows[2] = { ...rows[2], data: { ...(rows[2].data as object), note: 'Liège — café ✓ 😀', empty: '' } };
  rows[3] = { ...rows[3], occurred_at: '1999-12-31T23:59:59.999Z' };
  loaded = rows.length;
  return rows;
});
let dataSource: DataSource;
let queryRunner: QueryRunner;
let client: PoolClient;
let expected: unknown[];
let loaded: number;

const SELECT = 'SELECT stream_id, version, type, schema_version, occurred_at, data FROM events';

beforeAll(async () => {
  dataSource = database.dataSource;
  queryRunner = dataSource.createQueryRunner();
  client = (await queryRunner.connect()) as PoolClient;
  expected = (await client.query(`${SELECT} ORDER BY stream_id, version`)).rows;
  expect(expected.length).toBe(loaded);
});

describe('events in stream order, from a binary COPY', () => {
  // Released before the database's own teardown (an outer afterAll, which runs after this one).
  afterAll(async () => {
    await queryRunner?.release();
  });

  it.each([1, 2_000, 1 << 20])(
    'are the rows the driver parses, read in statements that end inside streams, in pieces of whole streams (%i bytes)',
    async (pieceBytes) => {
      const pieces: { stream_id: string }[][] = [];
      for await (const piece of eventsInStreamOrder(client, 4, pieceBytes))
        pieces.push(decodeEventRows(piece));

      expect(pieces.flat()).toEqual(expected);
      const streams = pieces.map((rows) => [...new Set(rows.map((row) => row.stream_id))]);
      expect(new Set(streams.flat()).size).toBe(streams.flat().length);
      if (pieceBytes === 1) expect(streams.every((ids) => ids.length === 1)).toBe(true);
    },
  );

  it.each([1, 3, 64, 1 << 20])('are decoded the same from chunks of %i bytes', async (size) => {
    const chunks: Buffer[] = [];
    const copy = client.query(
      copyTo(`COPY (${SELECT} ORDER BY stream_id, version) TO STDOUT (FORMAT binary)`),
    );
    for await (const chunk of copy as AsyncIterable<Buffer>) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);

    const framer = new EventRowFramer();
    const rows: unknown[] = [];
    for (let offset = 0; offset < bytes.length; offset += size) {
      rows.push(...decodeEventRows(framer.push(bytes.subarray(offset, offset + size))));
    }
    framer.end();

    expect(rows).toEqual(expected);
  });

  it('refuses a stream cut before its trailer', () => {
    const framer = new EventRowFramer();
    framer.push(Buffer.from('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0\0', 'latin1'));

    expect(() => framer.end()).toThrow('ended early');
  });
});
