import type { Server } from 'node:http';
import { Client } from '@temporalio/client';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { AccessService } from '../apps/api/src/access/access.service';
import { AuthGuard } from '../apps/api/src/auth/auth.guard';
import { TrajectoryCommandsService } from '../apps/api/src/trajectories/trajectory-commands.service';
import { EncryptionCodec } from '../libs/codec/src';
import { EventStore } from '../libs/store/src';
import { AuditTrail } from '../libs/store/src/queries/audit-trail';

/**
 * Where one command's time goes at concurrency 1 (BENCH_COMMAND_TRACE=1): the API, the worker and the bench share
 * one process, so wrappers on the prototypes mark a timeline per traced request (intake and contract), from the
 * HTTP request's arrival to the client's read of the answer. The payload codec's calls locate the hops through
 * Temporal: the worker decodes the update, encodes the local activity's input, ... The table gives each segment's
 * median. Only meaningful with one command in flight (the marks go to the request that arrived last).
 */
type Mark = [label: string, at: number];
type Kind = 'intake' | 'contract';
interface Trace {
  kind: Kind;
  marks: Mark[];
}

let current: Mark[] | undefined;
let tracing = false;
const traces: Trace[] = [];

function mark(label: string): void {
  current?.push([label, performance.now()]);
}

function wrap(prototype: object, method: string, label: string): void {
  const target = prototype as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = target[method];
  target[method] = async function (this: unknown, ...args: unknown[]) {
    mark(`${label} start`);
    try {
      return await original.apply(this, args);
    } finally {
      mark(`${label} end`);
    }
  };
}

export function installTrace(): void {
  wrap(AuthGuard.prototype, 'canActivate', 'guard');
  wrap(AccessService.prototype, 'requireTrajectoryAccess', 'access read');
  wrap(TrajectoryCommandsService.prototype, 'send', 'service');
  wrap(Client.prototype, 'withDeadline', 'update');
  wrap(EventStore.prototype, 'append', 'append');
  wrap(AuditTrail.prototype, 'record', 'audit');
  wrap(EncryptionCodec.prototype, 'encode', 'encode');
  wrap(EncryptionCodec.prototype, 'decode', 'decode');
  wrap(PostgresQueryRunner.prototype, 'query', 'sql');
}

/** Starts a timeline for each intake or contract request the API receives while tracing is on. */
export function traceServer(server: Server): void {
  server.prependListener('request', (request: { url?: string }, response: NodeJS.EventEmitter) => {
    current = undefined;
    const kind = /\/(intake|contract)$/.exec(request.url ?? '')?.[1] as Kind | undefined;
    if (!tracing || !kind) return;
    const marks: Mark[] = [['request', performance.now()]];
    current = marks;
    response.on('finish', () => {
      marks.push(['finish', performance.now()]);
      traces.push({ kind, marks });
    });
  });
}

/** A mark from the bench's client (after the response's finish: it goes to the last request's timeline). */
export function clientMark(label: string): void {
  mark(label);
}

export function traceOn(on: boolean): void {
  tracing = on;
}

const SEGMENTS = [
  'HTTP, guard (request → service)',
  '  of which the access read',
  'service → update sent',
  'update sent → worker decodes it',
  'activation 1 (validate, decide, schedule)',
  'local activity dispatch',
  'append (EventStore.append)',
  '  of which SQL statements (count)',
  'activity result → workflow',
  'activation 2 (fold, memo, complete)',
  'completion → update answered',
  'audit entry',
  'answer → client has read it',
  'total',
] as const;

/** Per kind: the median ms of each segment over the traced commands; then forgets them. */
export function traceSummary(): string {
  const lines: string[] = [];
  for (const kind of ['intake', 'contract'] as const) {
    const rows = traces
      .filter((trace) => trace.kind === kind)
      .flatMap(({ marks }) => segmentsOf(marks) ?? []);
    lines.push(`${kind}: ${rows.length} commands, median ms per segment`);
    for (const segment of SEGMENTS)
      lines.push(
        `  ${median(rows.map((row) => row[segment]))
          .toFixed(2)
          .padStart(8)}  ${segment}`,
      );
  }
  traces.length = 0;
  return lines.join('\n');
}

function segmentsOf(marks: readonly Mark[]): Record<(typeof SEGMENTS)[number], number> | undefined {
  const t0 = marks[0][1];
  const find = (label: string, from = 0, last = false): number => {
    const indexes = marks
      .map((m, index) => (m[0] === label && index >= from ? index : -1))
      .filter((i) => i >= 0);
    return (last ? indexes.at(-1) : indexes[0]) ?? -1;
  };
  const at = (index: number) => marks[index][1] - t0;
  const sent = find('update start');
  const answered = find('update end');
  const appendStart = find('append start');
  const appendEnd = find('append end');
  const updateDecoded = find('decode start', sent);
  const activityDecoded = find('decode start', appendEnd);
  const read = find('client body read');
  if ([sent, answered, appendStart, appendEnd, updateDecoded, activityDecoded, read].includes(-1))
    return undefined;
  // The last encode before the append: the local activity's input; the last before the answer: the completion's.
  const inputEncoded = marks
    .slice(0, appendStart)
    .map((m) => m[0])
    .lastIndexOf('encode start');
  const completed = marks
    .slice(0, answered)
    .map((m) => m[0])
    .lastIndexOf('encode end');
  const span = (from: string, to: string) => at(find(to)) - at(find(from));
  const statements = marks.slice(appendStart, appendEnd).filter(([label]) => label === 'sql start').length;
  return {
    'HTTP, guard (request → service)': at(find('service start')),
    '  of which the access read': span('access read start', 'access read end'),
    'service → update sent': at(sent) - at(find('service start')),
    'update sent → worker decodes it': at(updateDecoded) - at(sent),
    'activation 1 (validate, decide, schedule)': at(inputEncoded) - at(updateDecoded),
    'local activity dispatch': at(appendStart) - at(inputEncoded),
    'append (EventStore.append)': at(appendEnd) - at(appendStart),
    '  of which SQL statements (count)': statements,
    'activity result → workflow': at(activityDecoded) - at(appendEnd),
    'activation 2 (fold, memo, complete)': at(completed) - at(activityDecoded),
    'completion → update answered': at(answered) - at(completed),
    'audit entry': span('audit start', 'audit end'),
    'answer → client has read it': at(read) - at(find('audit end')),
    total: at(read),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
