import type { Logger } from 'pino';
import { createLogger } from '../libs/logging/src';

/** The orchestrator's logger: pretty in a terminal, JSON lines otherwise (see libs/logging). */
export const startLog: Logger = createLogger('start');

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
const PINO_LEVELS: Record<number, Level> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
const RESERVED = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'name', 'v']);

/**
 * A line a child wrote, re-logged as one of ours with `service` set: a pino JSON line keeps its level, message
 * and fields; other lines (Temporal's, PostgreSQL's) are debug unless they say they are a warning or an error.
 */
export function relayChildLine(service: string, line: string, logger: Logger = startLog): void {
  const child = logger.child({ service });
  const parsed = parseJsonLine(line);
  if (parsed) {
    const level = PINO_LEVELS[parsed.level as number] ?? 'info';
    const fields = Object.fromEntries(Object.entries(parsed).filter(([key]) => !RESERVED.has(key)));
    child[level](fields, typeof parsed.msg === 'string' ? parsed.msg : '');
    return;
  }
  child[levelOfText(line)](line);
}

function parseJsonLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && 'level' in value
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function levelOfText(line: string): Level {
  if (/\b(level=)?(fatal|panic)\b/i.test(line)) return 'error';
  if (/\blevel=error\b|\bERROR:|\bFATAL:/i.test(line)) return 'error';
  if (/\blevel=warn(ing)?\b|\bWARNING:/i.test(line)) return 'warn';
  return 'debug';
}
