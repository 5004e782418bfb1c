import type { ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { EventColumns } from './folded-streams';

export type StreamEventColumns = EventColumns & { stream_id: string; version: number };

/**
 * Every event of the store in (stream, version) order, the unique index's order, as batches of rows: one
 * `COPY (SELECT ... LIMIT batchSize) TO STDOUT` in PostgreSQL's binary format per `batchSize` events, each after the
 * last event of the one before. The rows are decoded here rather than by the driver's row parser, which would parse
 * every field through text; a stream may continue from one batch to the next.
 */
export async function* eventsInStreamOrder(
  client: ClientBase,
  batchSize: number,
): AsyncGenerator<StreamEventColumns[]> {
  let after: StreamEventColumns | undefined;
  for (;;) {
    const decoder = new EventRowDecoder();
    const keyset = after
      ? `WHERE (stream_id, version) > (${client.escapeLiteral(after.stream_id)}, ${after.version})`
      : '';
    const copy = client.query(
      copyTo(
        `COPY (SELECT stream_id, version, type, schema_version, occurred_at, data FROM events ${keyset}
                ORDER BY stream_id, version LIMIT ${batchSize}) TO STDOUT (FORMAT binary)`,
      ),
    );
    let rows = 0;
    for await (const chunk of copy as AsyncIterable<Buffer>) {
      const batch = decoder.push(chunk);
      if (!batch.length) continue;
      rows += batch.length;
      after = batch[batch.length - 1];
      yield batch;
    }
    decoder.end();
    if (rows < batchSize) return;
  }
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** PostgreSQL's timestamps count microseconds from 2000-01-01T00:00:00Z. */
const POSTGRES_EPOCH_MILLIS = Date.UTC(2000, 0, 1);
const FIELDS = 6;

/**
 * Decodes the binary COPY output of the query above, chunk by chunk: a row may be split anywhere between chunks,
 * the unfinished rest is kept for the next one.
 */
export class EventRowDecoder {
  private rest: Buffer | undefined;
  private headerRead = false;
  private trailerRead = false;

  push(chunk: Buffer): StreamEventColumns[] {
    const buffer = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    this.rest = undefined;
    let offset = 0;
    if (!this.headerRead) {
      if (buffer.length < SIGNATURE.length + 8) return this.keep(buffer, 0);
      if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE))
        throw new Error('not a binary COPY stream');
      const headerEnd = SIGNATURE.length + 8 + buffer.readInt32BE(SIGNATURE.length + 4);
      if (buffer.length < headerEnd) return this.keep(buffer, 0);
      offset = headerEnd;
      this.headerRead = true;
    }
    const rows: StreamEventColumns[] = [];
    while (offset + 2 <= buffer.length) {
      const fields = buffer.readInt16BE(offset);
      if (fields === -1) {
        this.trailerRead = true;
        offset += 2;
        break;
      }
      if (fields !== FIELDS) throw new Error(`an event row of ${fields} fields, not ${FIELDS}`);
      const end = rowEnd(buffer, offset + 2);
      if (end === undefined) break;
      rows.push(decodeRow(buffer, offset + 2));
      offset = end;
    }
    this.keep(buffer, offset);
    return rows;
  }

  /** Throws unless the stream ended with its trailer, after whole rows. */
  end(): void {
    if (!this.trailerRead || this.rest) throw new Error('the binary COPY stream of events ended early');
  }

  private keep(buffer: Buffer, offset: number): StreamEventColumns[] {
    if (offset < buffer.length) this.rest = buffer.subarray(offset);
    return [];
  }
}

/** Where the row whose fields start at `offset` ends, or undefined when it is not all in the buffer. */
function rowEnd(buffer: Buffer, offset: number): number | undefined {
  for (let field = 0; field < FIELDS; field += 1) {
    if (offset + 4 > buffer.length) return undefined;
    const length = buffer.readInt32BE(offset);
    offset += 4 + Math.max(length, 0);
  }
  return offset <= buffer.length ? offset : undefined;
}

function decodeRow(buffer: Buffer, offset: number): StreamEventColumns {
  const field = () => {
    const length = buffer.readInt32BE(offset);
    if (length < 0) throw new Error('an event row with a NULL field');
    const start = offset + 4;
    offset = start + length;
    return [start, offset] as const;
  };
  const text = () => {
    const [start, end] = field();
    return buffer.toString('utf8', start, end);
  };
  const int4 = () => buffer.readInt32BE(field()[0]);
  const streamId = text();
  const version = int4();
  const type = text();
  const schemaVersion = int4();
  const [at] = field();
  const micros = buffer.readInt32BE(at) * 2 ** 32 + buffer.readUInt32BE(at + 4);
  const [dataStart, dataEnd] = field(); // jsonb: a format version byte (1), then the document as text
  return {
    stream_id: streamId,
    version,
    type,
    schema_version: schemaVersion,
    occurred_at: new Date(POSTGRES_EPOCH_MILLIS + Math.floor(micros / 1000)),
    data: JSON.parse(buffer.toString('utf8', dataStart + 1, dataEnd)) as unknown,
  };
}
