import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

/** The parts of pg-copy-streams' COPY FROM stream (7.0.0) that `copyIn` guards; not in its type declarations. */
interface CopyInInternals {
  connection: unknown;
  flush(callback?: () => void): void;
}

/**
 * A `COPY ... FROM STDIN` stream for `client.query`, as pg-copy-streams' `from` makes it, except that it sends nothing
 * once PostgreSQL has refused the statement. pg-copy-streams drops the connection when the server answers an error
 * (a constraint a row breaks, say), but data still waiting for the socket to drain is sent when it drains, and that
 * throws a TypeError from a socket event: the process died of it instead of the statement rejecting with the
 * server's error (test/store/copy-in.test.ts).
 */
export function copyIn(sql: string): CopyStreamQuery {
  const stream = copyFrom(sql);
  const internals = stream as unknown as CopyInInternals;
  const flush = internals.flush.bind(stream);
  // Set on the instance before anything is written, so that every later flush (and each one a drain calls back) is this one.
  internals.flush = (callback) => {
    if (internals.connection) flush(callback);
  };
  return stream;
}
