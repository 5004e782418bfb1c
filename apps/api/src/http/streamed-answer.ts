import type { ServerResponse } from 'node:http';

/**
 * An answer written as it is read (a whole caseload), waiting whenever the client reads slower than the rows come,
 * so that the API holds one part at a time. A client that goes away ends the reading with an error.
 */
export class StreamedAnswer {
  constructor(private readonly response: ServerResponse) {}

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
    await new Promise<void>((drained, closed) => {
      const onDrain = () => settle(drained);
      const onClose = () => settle(() => closed(new Error('the client closed the connection')));
      const settle = (then: () => void) => {
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
