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

  it('gives up on a client that stops reading, instead of holding its snapshot for ever', async () => {
    const outcome = await new Promise<{ error: Error; afterMs: number }>((resolve, reject) => {
      const server = createServer(async (_request, response: ServerResponse) => {
        const answer = new StreamedAnswer(response, 300);
        const started = Date.now();
        try {
          for (let part = 0; part < 10_000; part += 1) await answer.write('x'.repeat(64 * 1024));
          reject(new Error('every part was written to a client that reads nothing'));
        } catch (error) {
          resolve({ error: error as Error, afterMs: Date.now() - started });
        } finally {
          response.destroy();
          server.close();
        }
      });
      server.listen(0, '127.0.0.1', () => {
        const request = get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, (response) =>
          response.pause(),
        );
        request.on('error', () => undefined);
      });
    });
    expect(outcome.error.message).toBe('the client read nothing for 300 ms');
    expect(outcome.afterMs).toBeLessThan(5_000);
  });
});
