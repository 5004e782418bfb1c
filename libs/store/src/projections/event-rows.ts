import type { EventColumns } from './folded-streams';

export type StreamEventColumns = EventColumns & { stream_id: string; version: number };

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** PostgreSQL's timestamps count microseconds from 2000-01-01T00:00:00Z. */
const POSTGRES_EPOCH_MILLIS = Date.UTC(2000, 0, 1);
const FIELDS = 6;

/**
 * The rows of PostgreSQL's binary COPY output of events (the columns of `StreamEventColumns`, in its order), chunk by
 * chunk: a row may be split anywhere between chunks, the unfinished rest is kept for the next one. `push` answers the
 * whole rows, their bytes as COPY sent them (without the header), for `decodeEventRows`.
 */
export class EventRowFramer {
  private rest: Buffer | undefined;
  private headerRead = false;
  private trailerRead = false;

  push(chunk: Buffer): Buffer {
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
    const start = offset;
    let rowsEnd: number | undefined;
    while (offset + 2 <= buffer.length) {
      const fields = buffer.readInt16BE(offset);
      if (fields === -1) {
        this.trailerRead = true;
        rowsEnd = offset;
        offset += 2;
        break;
      }
      if (fields !== FIELDS) throw new Error(`an event row of ${fields} fields, not ${FIELDS}`);
      const end = rowEnd(buffer, offset + 2);
      if (end === undefined) break;
      offset = end;
    }
    const rows = buffer.subarray(start, rowsEnd ?? offset);
    this.keep(buffer, offset);
    return rows;
  }

  /** Throws unless the stream ended with its trailer, after whole rows. */
  end(): void {
    if (!this.trailerRead || this.rest) throw new Error('the binary COPY stream of events ended early');
  }

  private keep(buffer: Buffer, offset: number): Buffer {
    if (offset < buffer.length) this.rest = buffer.subarray(offset);
    return EMPTY;
  }
}

const EMPTY = Buffer.alloc(0);

/** The offset of each row in whole rows of the binary COPY output (as `EventRowFramer.push` answers them). */
export function* rowOffsets(rows: Buffer): Generator<number> {
  for (let offset = 0; offset < rows.length; offset = rowEnd(rows, offset + 2) as number) yield offset;
}

/** The stream of the row at `offset` (latin1: for comparing, not for showing). */
export function streamKeyAt(rows: Buffer, offset: number): string {
  const length = rows.readInt32BE(offset + 2);
  return rows.toString('latin1', offset + 6, offset + 6 + length);
}

/** Decodes whole rows of the binary COPY output (as `EventRowFramer.push` answers them). */
export function decodeEventRows(rows: Buffer): StreamEventColumns[] {
  return [...eventRowsOf(rows)];
}

/**
 * The rows of whole rows of the binary COPY output (as `EventRowFramer.push` answers them), each decoded when it is
 * reached: a caller that is done with a row before the next one (a fold) keeps only one alive, so that the garbage
 * collector has less to copy.
 */
export function* eventRowsOf(rows: Buffer): Generator<StreamEventColumns> {
  for (const offset of rowOffsets(rows)) yield decodeRow(rows, offset + 2);
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
  // Each field: its length (int32; -1 is NULL, which no column of events holds), then its bytes.
  let length = fieldLength(buffer, offset);
  const streamId = buffer.toString('utf8', offset + 4, (offset += 4 + length));
  length = fieldLength(buffer, offset);
  const version = buffer.readInt32BE(offset + 4);
  offset += 4 + length;
  length = fieldLength(buffer, offset);
  const type = buffer.toString('utf8', offset + 4, (offset += 4 + length));
  length = fieldLength(buffer, offset);
  const schemaVersion = buffer.readInt32BE(offset + 4);
  offset += 4 + length;
  length = fieldLength(buffer, offset);
  const micros = buffer.readInt32BE(offset + 4) * 2 ** 32 + buffer.readUInt32BE(offset + 8);
  offset += 4 + length;
  length = fieldLength(buffer, offset);
  // jsonb: a format version byte (1), then the document as text
  const data = JSON.parse(buffer.toString('utf8', offset + 5, offset + 4 + length)) as unknown;
  return {
    stream_id: streamId,
    version,
    type,
    schema_version: schemaVersion,
    occurred_at: new Date(POSTGRES_EPOCH_MILLIS + Math.floor(micros / 1000)),
    data,
  };
}

function fieldLength(buffer: Buffer, offset: number): number {
  const length = buffer.readInt32BE(offset);
  if (length < 0) throw new Error('an event row with a NULL field');
  return length;
}
