import { LoggerService } from '@nestjs/common';
import { DefaultLogger, LogLevel as TemporalLogLevel, LogMetadata, Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';

/**
 * The worker's logs on pino: Temporal's runtime (worker state, activity and workflow task failures) and Nest's.
 * An error is logged by its type and message only: a database error's own properties carry the SQL and its
 * parameters, which hold personal data.
 */
const DROPPED_KEYS = new Set([
  'parameters',
  'query',
  'driverError',
  'detail',
  'args',
  'input',
  'payload',
  'payloads',
]);

export function sanitized(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { type: value.name, message: value.message };
  if (typeof value !== 'object' || value === null || depth > 3) return value;
  if (Array.isArray(value)) return value.map((item) => sanitized(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !DROPPED_KEYS.has(key))
      .map(([key, item]) => [key, sanitized(item, depth + 1)]),
  );
}

const TEMPORAL_TO_PINO: Record<TemporalLogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

export function installTemporalRuntimeLogger(logger: Logger, level: TemporalLogLevel = 'INFO'): void {
  Runtime.install({
    logger: new DefaultLogger(level, (entry) => {
      const meta = sanitized(entry.meta as LogMetadata | undefined) as Record<string, unknown> | undefined;
      logger[TEMPORAL_TO_PINO[entry.level]]({ ...meta, source: 'temporal' }, entry.message);
    }),
  });
}

/** Nest's logger interface over pino. */
export function nestLoggerOf(logger: Logger): LoggerService {
  const write =
    (level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal') =>
    (message: unknown, ...rest: unknown[]) => {
      const context =
        typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
      if (context === 'InstanceLoader' || context === 'NestFactory') return;
      logger[level]({ context }, typeof message === 'string' ? message : JSON.stringify(sanitized(message)));
    };
  return {
    log: write('info'),
    error: write('error'),
    warn: write('warn'),
    debug: write('debug'),
    verbose: write('trace'),
    fatal: write('fatal'),
  };
}
