/**
 * Latency samples, throughput and the printed table. Every measured operation is paired with a baseline measured in
 * the same process, interleaved with it, and reported as a ratio: on a noisy machine the ratio is the stable figure.
 */

/** Counts the SQL statements sent (round trips); set by whoever owns the connections. */
let statementsSent: () => number = () => 0;

export function countStatementsWith(counter: () => number): void {
  statementsSent = counter;
}

export class Measurement {
  readonly samples: number[] = [];
  /** Wall time over which the samples were taken (ms); concurrent samples overlap, so it is not their sum. */
  wallMs = 0;
  /** Statements sent while this measurement's work ran (its work never overlaps another measurement's). */
  statements = 0;

  constructor(readonly name: string) {}

  get count(): number {
    return this.samples.length;
  }

  get statementsPerOperation(): number {
    return this.count ? this.statements / this.count : 0;
  }

  get opsPerSecond(): number {
    return this.wallMs > 0 ? (this.count * 1000) / this.wallMs : 0;
  }

  percentile(p: number): number {
    if (!this.samples.length) return Number.NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  }
}

/** Runs `work` and adds its latency to `measurement` (and, with `countStatements`, the statements it sent). */
export async function timed<T>(
  measurement: Measurement | undefined,
  work: () => Promise<T>,
  countStatements = false,
): Promise<T> {
  const statementsBefore = statementsSent();
  const started = performance.now();
  const result = await work();
  measurement?.samples.push(performance.now() - started);
  if (measurement && countStatements) measurement.statements += statementsSent() - statementsBefore;
  return result;
}

/** Runs `work` over `items` with `concurrency` workers (each takes the next item); adds the wall time. */
export async function runConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  measurement?: Measurement,
): Promise<void> {
  let next = 0;
  const statementsBefore = statementsSent();
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (measurement) {
    measurement.wallMs += performance.now() - started;
    measurement.statements += statementsSent() - statementsBefore;
  }
}

export interface TableRow {
  measurement: Measurement;
  /** Absent for a baseline row itself. */
  baseline?: Measurement;
}

/**
 * operation | count | p50 | p95 | ops/s | × baseline | statements per operation, where × baseline = baseline ops/s ÷
 * ops/s: how many times the operation costs what its baseline costs (for sequential runs, the ratio of mean latencies).
 */
export function formatTable(rows: TableRow[]): string {
  const header = ['operation', 'count', 'p50 ms', 'p95 ms', 'ops/s', '× baseline', 'stmts/op'];
  const lines = rows.map(({ measurement: m, baseline }) => [
    m.name,
    String(m.count),
    m.percentile(50).toFixed(2),
    m.percentile(95).toFixed(2),
    m.opsPerSecond.toFixed(0),
    baseline ? `${(baseline.opsPerSecond / m.opsPerSecond).toFixed(2)}×` : '(baseline)',
    m.statementsPerOperation.toFixed(1),
  ]);
  return renderTable(header, lines);
}

/** Columns padded to their widest cell: the first left-aligned, the figures right-aligned, a rule under the header. */
export function renderTable(header: string[], lines: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join(
    '\n',
  );
}

/** A size from the environment, or the fallback when unset. */
export function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function log(message: string): void {
  console.log(`[bench] ${message}`);
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
