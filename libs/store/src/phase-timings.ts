/**
 * Wall time spent per named phase in this process, summed over its runs: where a bulk path (a file import) spends its
 * time, read by the import's completion and printed by its benchmark. Phases of lanes that run side by side overlap,
 * so their sum can exceed the wall time. Off unless a process turns it on (the worker with `IMPORT_PHASE_TIMINGS`):
 * the append path then keeps no process-wide counters.
 */
export interface PhaseTiming {
  ms: number;
  runs: number;
}

const totals = new Map<string, PhaseTiming>();
let recording = false;

/** Turns the timings on or off for this process (off: `timedPhase` only runs its work). */
export function recordPhaseTimings(on: boolean): void {
  recording = on;
  if (!on) totals.clear();
}

export async function timedPhase<T>(phase: string, work: () => Promise<T>): Promise<T> {
  if (!recording) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    addPhaseTime(phase, performance.now() - started);
  }
}

export function addPhaseTime(phase: string, ms: number): void {
  if (!recording) return;
  const total = totals.get(phase);
  if (total) {
    total.ms += ms;
    total.runs += 1;
  } else totals.set(phase, { ms, runs: 1 });
}

/** The totals since the last call (rounded to ms), and starts anew. */
export function takePhaseTimings(): Record<string, PhaseTiming> {
  const taken = Object.fromEntries(
    [...totals].map(([phase, { ms, runs }]) => [phase, { ms: Math.round(ms), runs }]),
  );
  totals.clear();
  return taken;
}
