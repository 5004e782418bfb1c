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
 */
export function tuneGarbageCollectionForRebuild(): void {
  setFlagsFromString('--external-memory-accounted-in-global-limit');
}
