import { DynamicModule, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger as PinoNestLogger, LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { createLogger, LogLevel } from '../../../../libs/logging/src';

/** Nest's start-up chatter: one line per module and per route (~60 lines). The banner says what matters. */
const QUIET_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** Nest's logger on pino, without the start-up chatter. */
@Injectable()
export class ApiLogger extends PinoNestLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && QUIET_CONTEXTS.has(context)) return;
    super.log(message, ...optionalParams);
  }
}

function pathOf(request: IncomingMessage & { originalUrl?: string }): string {
  return (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';
}

const PRINTABLE_ID = /^[\x21-\x7e]{1,200}$/;

/**
 * Request logging: one line per request with its method, path (no query string), status and time, and the
 * request id (X-Request-Id when usable). No headers, no bodies: they carry tokens and personal data.
 */
export function apiLoggerModule(level: LogLevel): DynamicModule {
  const logger: Logger = createLogger('api', { level });
  return LoggerModule.forRoot({
    pinoHttp: {
      logger,
      genReqId: (request: IncomingMessage) => {
        const given = request.headers['x-request-id'];
        return typeof given === 'string' && PRINTABLE_ID.test(given) ? given : randomUUID();
      },
      serializers: {
        req: (request: IncomingMessage & { id?: unknown; originalUrl?: string }) => ({
          id: request.id,
          method: request.method,
          path: pathOf(request),
        }),
        res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
      },
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
      customSuccessMessage: (request, response, responseTime) =>
        `${request.method} ${pathOf(request)} ${response.statusCode} (${Math.round(responseTime)} ms)`,
      customErrorMessage: (request, response) =>
        `${request.method} ${pathOf(request)} ${response.statusCode}`,
      quietReqLogger: true,
    },
  });
}
