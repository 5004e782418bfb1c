/**
 * What the workflow cache may hold within the heap V8 gives the worker's workflow thread (which has the process's
 * heap limit, `--max-old-space-size`): each cached workflow keeps its state and its own copy of the bundle's module
 * state there, about 0.27 MB in `bench/worker-rss.bench.ts`, on top of about 42 MB the thread holds empty. With
 * docker-compose's 192 MB heap and 1,000 cached workflows the thread ran out of memory between 500 and 1,000 open
 * trajectories and took the worker down; a cache that cannot fit is refused at start-up instead.
 */
export const CACHED_WORKFLOW_HEAP_MB = 0.3;
export const WORKFLOW_THREAD_BASE_HEAP_MB = 64;

/** The most workflows a heap of `heapLimitMb` holds, with the margins above. */
export function workflowCacheCapacity(heapLimitMb: number): number {
  return Math.max(0, Math.floor((heapLimitMb - WORKFLOW_THREAD_BASE_HEAP_MB) / CACHED_WORKFLOW_HEAP_MB));
}

/** Why `maxCachedWorkflows` cannot fit in a heap of `heapLimitMb`, naming the settings to change; undefined if it fits. */
export function workflowCacheProblem(maxCachedWorkflows: number, heapLimitMb: number): string | undefined {
  const capacity = workflowCacheCapacity(heapLimitMb);
  if (maxCachedWorkflows <= capacity) return undefined;
  return (
    `MAX_CACHED_WORKFLOWS=${maxCachedWorkflows} does not fit in V8's heap limit of ${Math.round(heapLimitMb)} MB ` +
    `(--max-old-space-size and the young generation) ` +
    `at about ${CACHED_WORKFLOW_HEAP_MB} MB per cached workflow plus ${WORKFLOW_THREAD_BASE_HEAP_MB} MB: ` +
    `set MAX_CACHED_WORKFLOWS to at most ${capacity}, or raise --max-old-space-size in NODE_OPTIONS`
  );
}
