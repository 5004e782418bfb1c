import { createServer, get, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamedAnswer } from './streamed-answer';

describe('StreamedAnswer', () => {
  it('waits while the client reads slower, and fails when the client goes away instead of waiting for ever', async () => {
    const written: Promise<number> = new Promise((resolve, reject) => {
      const server = createServer(async (_request, response: ServerResponse) => {
        const answer = new StreamedAnswer(response);
        answer.begin('text/csv; charset=utf-8', 'caseload.csv');
        let parts = 0;
        try {
          // Far more than the socket's buffers hold: a write must wait for the client, which never reads on.
          for (; parts < 10_000; parts += 1) await answer.write('x'.repeat(64 * 1024));
          resolve(parts);
        } catch (error) {
          reject(Object.assign(error as Error, { parts }));
        } finally {
          server.close();
        }
      });
      server.listen(0, '127.0.0.1', () => {
        const request = get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, (response) => {
          // The client reads nothing, then goes away.
          response.pause();
          setTimeout(() => request.destroy(), 200);
        });
        request.on('error', () => undefined);
      });
    });
    const failure = await written.then(
      () => undefined,
      (error: Error & { parts: number }) => error,
    );
    expect(failure?.message).toBe('the client closed the connection');
    expect(failure!.parts).toBeLessThan(10_000);
  });
});
