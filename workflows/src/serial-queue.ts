/**
 * Runs jobs one after another. Update handlers are async and may interleave at every `await`; the workflow
 * is the single writer of its stream, so each command decides and appends against the state left by the one
 * before it.
 */
export function createSerialQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
