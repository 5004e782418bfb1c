import type { ServerResponse } from 'node:http';

/** How long a client may take to read what is already sent before the answer gives up on it. */
export const STALLED_CLIENT_MS = 60_000;

/**
 * An answer written as it is read (a whole caseload), waiting whenever the client reads slower than the rows come,
 * so that the API holds one part at a time. A client that goes away, or stops reading for `stalledAfterMs`, ends the
 * reading with an error: the reading holds a database connection and a snapshot meanwhile.
 */
export class StreamedAnswer {
  constructor(
    private readonly response: ServerResponse,
    private readonly stalledAfterMs = STALLED_CLIENT_MS,
  ) {}

  /** The status line and headers: from here on, a failure can only cut the answer short. */
  begin(contentType: string, downloadName?: string): void {
    this.response.statusCode = 200;
    this.response.setHeader('Content-Type', contentType);
    if (downloadName)
      this.response.setHeader('Content-Disposition', `attachment; filename="${downloadName}"`);
  }

  async write(text: string): Promise<void> {
    if (this.response.destroyed) throw new Error('the client closed the connection');
    if (this.response.write(text)) return;
    await new Promise<void>((drained, failed) => {
      const onDrain = () => settle(drained);
      const onClose = () => settle(() => failed(new Error('the client closed the connection')));
      const stalled = setTimeout(
        () => settle(() => failed(new Error(`the client read nothing for ${this.stalledAfterMs} ms`))),
        this.stalledAfterMs,
      );
      const settle = (then: () => void) => {
        clearTimeout(stalled);
        this.response.off('drain', onDrain);
        this.response.off('close', onClose);
        then();
      };
      this.response.once('drain', onDrain);
      this.response.once('close', onClose);
    });
  }

  end(text = ''): void {
    this.response.end(text);
  }
}
