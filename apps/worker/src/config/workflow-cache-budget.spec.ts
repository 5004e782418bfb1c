import { workflowCacheCapacity, workflowCacheProblem } from './workflow-cache-budget';

describe("the workflow cache within the worker's heap", () => {
  it('holds about 400 workflows in the 192 MB heap docker-compose gives the worker', () => {
    expect(workflowCacheCapacity(192)).toBe(426);
    expect(workflowCacheProblem(400, 192)).toBeUndefined();
  });

  it('refuses a cache that would run the workflow thread out of memory, naming both settings', () => {
    const problem = workflowCacheProblem(1_000, 192);
    expect(problem).toContain('MAX_CACHED_WORKFLOWS=1000');
    expect(problem).toContain('at most 426');
    expect(problem).toContain('--max-old-space-size');
  });

  it("leaves Node's default heap (gigabytes) room for the default cache", () => {
    expect(workflowCacheProblem(1_000, 2_048)).toBeUndefined();
  });

  it('holds nothing in a heap smaller than the empty thread', () => {
    expect(workflowCacheCapacity(32)).toBe(0);
    expect(workflowCacheProblem(0, 32)).toBeUndefined();
  });
});
