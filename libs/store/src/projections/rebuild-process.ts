import { setFlagsFromString } from 'node:v8';

/**
 * Tunes this process's garbage collector for rebuilding (`npm run rebuild`, `npm run bench:rebuild`): call it once,
 * first. A rebuild moves ~650 bytes of buffers per event through its main thread (the events read, their pieces,
 * the COPY text coming back from the folding thread), memory outside V8's heap. By default V8 runs a full
 * mark-compact of the heap every ~64 MB of such memory, whether the heap grew or not: 28 per rebuild of 293,867
 * events, each marking every module's objects on the main thread and concurrently on helper threads.
 * Accounting that memory in the heap's global limit lets it grow with the heap's own growth factor: 10-13 full
 * collections, and ~0.5-0.9 s less CPU per rebuild on 2 cores (docs/performance.md, Rebuild). The flag only changes
 * when V8 collects, not what; a process that does not rebuild needs no call.
 *
 * The folding threads (FoldWorkers), started after this call, begin with 32 MiB semi-spaces. A fold's garbage dies
 * young (a state per event, rows, strings), so V8 never grew the thread's young generation past its 1 MiB start and
 * scavenged it 308 times per rebuild of 293,867 events (478 ms); from 32 MiB, 52 times (134 ms), and the incremental
 * mark-compacts of the thread went from 8 to 1. Twelve alternated rebuilds (ABBA): this process's CPU time 5.68 s
 * against 6.12 (medians); the wall time did not move beyond the machine's noise (docs/performance.md, Rebuild). 64 MiB
 * was no better. The main thread's heap was sized at its start and keeps its semi-spaces.
 */
export function tuneGarbageCollectionForRebuild(): void {
  setFlagsFromString('--external-memory-accounted-in-global-limit');
  setFlagsFromString(`--min-semi-space-size=${FOLDING_SEMI_SPACE_MB}`);
}

/** The largest the folding threads' young generation allows (fold-workers: 128 MiB). */
const FOLDING_SEMI_SPACE_MB = 32;
