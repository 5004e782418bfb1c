import type { ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { EventRowFramer, rowOffsets, streamKeyAt } from './event-rows';

/**
 * Every event of the store in (stream, version) order, the unique index's order, as pieces of whole streams: the
 * rows' bytes in PostgreSQL's binary COPY format (see EventRowFramer), undecoded, each piece the first streams that
 * hold at least `pieceBytes` bytes (a stream is never cut; the last piece may be smaller). Each piece owns its memory,
 * so that it can be transferred to a worker thread. One `COPY (SELECT ... LIMIT batchSize) TO STDOUT` per `batchSize`
 * events, each after the last event of the one before: a stream may continue from one statement to the next.
 */
export async function* eventsInStreamOrder(
  client: ClientBase,
  batchSize: number,
  pieceBytes: number,
): AsyncGenerator<Buffer> {
  const pieces = new StreamPieces(pieceBytes);
  let after: { streamId: string; version: number } | undefined;
  for (;;) {
    const framer = new EventRowFramer();
    const keyset = after
      ? `WHERE (stream_id, version) > (${client.escapeLiteral(after.streamId)}, ${after.version})`
      : '';
    const copy = client.query(
      copyTo(
        `COPY (SELECT stream_id, version, type, schema_version, occurred_at, data FROM events ${keyset}
                ORDER BY stream_id, version LIMIT ${batchSize}) TO STDOUT (FORMAT binary)`,
      ),
    );
    let rows = 0;
    for await (const chunk of copy as AsyncIterable<Buffer>) {
      const whole = framer.push(chunk);
      if (!whole.length) continue;
      const added = pieces.add(whole);
      rows += added.rows;
      after = added.last;
      yield* pieces.take();
    }
    framer.end();
    if (rows < batchSize) break;
  }
  yield* pieces.end();
}

/** Whole rows cut into pieces of whole streams, as they come. */
class StreamPieces {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private stream: string | undefined;
  private ready: Buffer[] = [];

  constructor(private readonly pieceBytes: number) {}

  /** Adds whole rows, answering how many and the keys of the last one. */
  add(rows: Buffer): { rows: number; last: { streamId: string; version: number } } {
    let count = 0;
    let cut = 0;
    let last = 0;
    for (const offset of rowOffsets(rows)) {
      count += 1;
      last = offset;
      const stream = streamKeyAt(rows, offset);
      if (stream === this.stream) continue;
      this.stream = stream;
      const before = this.pendingBytes + offset - cut;
      if (before > 0 && before >= this.pieceBytes) {
        this.pending.push(rows.subarray(cut, offset));
        this.ready.push(this.concatenated());
        cut = offset;
      }
    }
    this.pending.push(rows.subarray(cut));
    this.pendingBytes += rows.length - cut;
    const idLength = rows.readInt32BE(last + 2);
    const streamId = rows.toString('utf8', last + 6, last + 6 + idLength);
    return { rows: count, last: { streamId, version: rows.readInt32BE(last + 6 + idLength + 4) } };
  }

  /** The pieces cut so far. */
  take(): Buffer[] {
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  /** The pieces cut so far and the rest as the last one. */
  end(): Buffer[] {
    if (this.pendingBytes) this.ready.push(this.concatenated());
    return this.take();
  }

  /** The pending rows in a buffer of their own (not a slice of a pooled or shared one). */
  private concatenated(): Buffer {
    const piece = Buffer.allocUnsafeSlow(this.pending.reduce((bytes, part) => bytes + part.length, 0));
    let at = 0;
    for (const part of this.pending) at += part.copy(piece, at);
    this.pending = [];
    this.pendingBytes = 0;
    return piece;
  }
}

/**
 * The pieces of `source`, read ahead of the caller: while the caller folds or waits for its writes, the next pieces
 * are read (up to `maxBytes` of them held), so that the reading backend keeps working instead of waiting for its
 * socket to be drained. Ending early (a `return` or `throw` of the caller) stops the reading; a failure of the source
 * reaches the caller at the piece where it happened.
 */
export async function* readAhead(source: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const held: Buffer[] = [];
  let heldBytes = 0;
  let ended = false;
  let failure: { error: unknown } | undefined;
  let stopped = false;
  // Wakes whichever side waits: the caller for a piece, the reading for room.
  let wake: (() => void) | undefined;
  const signal = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  const waitForSignal = () => new Promise<void>((resolve) => (wake = resolve));
  const reading = (async () => {
    try {
      while (!stopped) {
        if (heldBytes >= maxBytes) {
          await waitForSignal();
          continue;
        }
        const next = await iterator.next();
        if (next.done) break;
        held.push(next.value);
        heldBytes += next.value.length;
        signal();
      }
    } catch (error) {
      failure = { error };
    } finally {
      ended = true;
      signal();
    }
  })();
  try {
    for (;;) {
      const piece = held.shift();
      if (piece) {
        heldBytes -= piece.length;
        signal();
        yield piece;
      } else if (failure) throw failure.error;
      else if (ended) return;
      else await waitForSignal();
    }
  } finally {
    stopped = true;
    signal();
    await reading;
    await iterator.return?.();
  }
}
