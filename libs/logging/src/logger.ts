import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';

/**
 * Structured logs for the API, the worker and the scripts: one JSON object a line in production (NODE_ENV=production,
 * or output that is not a terminal), pretty lines in a terminal when pino-pretty (a devDependency) is installed.
 * LOG_FORMAT=json|pretty and LOG_LEVEL override the choice. Fields that would carry personal data or secrets are
 * censored wherever they appear one level deep; the code should not log them in the first place.
 */
export type LogFormat = 'json' | 'pretty';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export const CENSORED_FIELDS = [
  'nationalNumber',
  'givenName',
  'familyName',
  'birthDate',
  'authorization',
  'password',
  'parameters',
  'body',
  // A PostgreSQL error's row values: "Failing row contains (...)", "Key (national_number)=(...)", the COPY line.
  'detail',
  'where',
];

export interface LoggerSettings {
  level?: LogLevel;
  format?: LogFormat;
  /** Where to write (default: standard output). */
  destination?: DestinationStream;
}

export function logFormat(
  environment: NodeJS.ProcessEnv = process.env,
  isTty = !!process.stdout.isTTY,
): LogFormat {
  const chosen = environment.LOG_FORMAT;
  if (chosen === 'json' || chosen === 'pretty') return chosen;
  return environment.NODE_ENV === 'production' || !isTty ? 'json' : 'pretty';
}

export function logLevel(
  environment: NodeJS.ProcessEnv = process.env,
  fallback: LogLevel = 'info',
): LogLevel {
  const chosen = environment.LOG_LEVEL?.toLowerCase() ?? '';
  return chosen === 'silent' || chosen in pino.levels.values ? (chosen as LogLevel) : fallback;
}

export function createLogger(name: string, settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    name,
    level: settings.level ?? logLevel(),
    redact: {
      paths: CENSORED_FIELDS.flatMap((field) => [field, `*.${field}`]),
      censor: '[censored]',
    },
  };
  if (settings.destination) return pino(options, settings.destination);
  const format = settings.format ?? logFormat();
  const pretty = format === 'pretty' ? prettyStream() : undefined;
  return pretty ? pino(options, pretty) : pino(options);
}

/** pino-pretty when installed (development); undefined in a production install, which then logs JSON. */
function prettyStream(): DestinationStream | undefined {
  let build: ((options: Record<string, unknown>) => DestinationStream) | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    build = require('pino-pretty') as typeof build;
  } catch {
    return undefined;
  }
  return build?.({
    colorize: !!process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss.l',
    // "[api] listening on ..." rather than the service on a line of its own.
    messageFormat: '{if service}[{service}] {end}{msg}',
    ignore: 'pid,hostname,service,reqId,source,sdkComponent,req,res,responseTime',
    sync: true,
  });
}

/** The least severe of Nest's log levels, as a pino level ('silent' for none). */
export function pinoLevelOfNestLevels(levels: readonly string[] | false): LogLevel {
  if (levels === false || levels.length === 0) return 'silent';
  const order: Array<[string, LogLevel]> = [
    ['verbose', 'trace'],
    ['debug', 'debug'],
    ['log', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
    ['fatal', 'fatal'],
  ];
  return order.find(([nest]) => levels.includes(nest))?.[1] ?? 'info';
}
