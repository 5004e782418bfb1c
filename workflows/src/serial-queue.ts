/**
 * Runs jobs one after another. Update handlers are async and may interleave at every `await`; each command
 * decides and appends against the state left by the one before it (and catches up with other writers' events
 * when its append meets them).
 */
export function createSerialQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
