import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { plainProblem, PROBLEM_CONTENT_TYPE } from './problem-details';

/**
 * Requests Node's HTTP parser refuses before any route sees them (a header with a NUL or a line break, headers
 * over the size limit, a malformed request line) are answered with problem details too, then the connection
 * is closed.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const problem = plainProblem(
      status,
      status === 431
        ? 'the request headers are too large'
        : 'the request is not valid HTTP (a header or the request line is malformed)',
    );
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${status} ${problem.title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
