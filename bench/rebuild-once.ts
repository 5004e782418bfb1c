import { createDataSource, rebuildReadModels, tuneGarbageCollectionForRebuild } from '../libs/store/src';
import type { RebuildResult } from '../libs/store/src';

/** What the parent (rebuild.bench) asks of a child: one rebuild of `url`'s read models. */
export interface RebuildOnceRequest {
  url: string;
  workers: number;
  writers: 1 | 2;
}

/** What the child answers: the rebuild's result, its wall time and this process's CPU time (its threads' included). */
export interface RebuildOnceAnswer {
  result: RebuildResult;
  ms: number;
  cpuMs: number;
}

/**
 * One rebuild in a process of its own, as `npm run rebuild` runs it (libs/store/src/rebuild.ts): the process tunes its
 * garbage collection, opens one connection and rebuilds once, with nothing warmed up by an earlier rebuild (its
 * compiled code, the memory it has mapped). The time is taken around the rebuild alone, as the command reports it.
 */
async function main(): Promise<void> {
  const request = JSON.parse(process.env.BENCH_REBUILD_ONCE ?? '') as RebuildOnceRequest;
  tuneGarbageCollectionForRebuild();
  const dataSource = await createDataSource(request.url, {
    poolSize: 1,
    applicationName: 'bench-rebuild',
  }).initialize();
  try {
    const [started, startedCpu] = [performance.now(), process.cpuUsage()];
    const result = await rebuildReadModels(dataSource, {
      workers: request.workers,
      writers: request.writers,
    });
    const used = process.cpuUsage(startedCpu);
    const answer: RebuildOnceAnswer = {
      result,
      ms: performance.now() - started,
      cpuMs: (used.user + used.system) / 1000,
    };
    process.send!(answer);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
