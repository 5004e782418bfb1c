import { readFile } from 'node:fs/promises';

/** CPU seconds, per part of the system. */
export interface CpuSeconds {
  /** This process: the API, the worker and the benchmark's client. */
  node: number;
  temporal: number;
  /** The backends serving the benchmark's database. */
  postgres: number;
}

interface Snapshot {
  node: number;
  temporal: number;
  backends: Map<number, number>;
}

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux, whatever the kernel's HZ). */
const TICKS_PER_SECOND = 100;

/**
 * Sums the CPU time each call of `during` spends, per part: this process, the Temporal server's process and the
 * PostgreSQL backends `backendPids` lists (Linux: /proc/<pid>/stat). A backend that exits during a call takes that
 * call's time with it, and the server's background processes (WAL writer, checkpointer) are not counted: PostgreSQL's
 * figure is a lower bound. Calls must not overlap.
 */
export class CpuAccount {
  readonly spent: CpuSeconds = { node: 0, temporal: 0, postgres: 0 };

  constructor(
    private readonly temporalPid: number,
    private readonly backendPids: () => Promise<number[]>,
  ) {}

  async during<T>(work: () => Promise<T>): Promise<T> {
    const before = await this.snapshot();
    const result = await work();
    const after = await this.snapshot();
    this.spent.node += after.node - before.node;
    this.spent.temporal += after.temporal - before.temporal;
    for (const [pid, seconds] of after.backends)
      this.spent.postgres += Math.max(0, seconds - (before.backends.get(pid) ?? 0));
    return result;
  }

  private async snapshot(): Promise<Snapshot> {
    const pids = await this.backendPids();
    const { user, system } = process.cpuUsage();
    const [temporal, ...backends] = await Promise.all([this.temporalPid, ...pids].map(cpuSecondsOf));
    return {
      node: (user + system) / 1e6,
      temporal,
      backends: new Map(pids.map((pid, index) => [pid, backends[index]])),
    };
  }
}

async function cpuSecondsOf(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces, in parentheses): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}
