import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  plainProblem,
  PROBLEM_CONTENT_TYPE,
  ProblemDetails,
  REJECTION_PROBLEM_TYPES,
  statusTitle,
} from './problem-details';
import { httpExceptionOfBodyError } from './request-body';

/** Members of Nest's own error bodies that problem details replace (status, title, detail). */
const NEST_MEMBERS = ['statusCode', 'error', 'message'];

/**
 * Every error the API answers, as RFC 9457 problem details (`application/problem+json`): validation, rule
 * rejections, unknown routes and trajectories, malformed or oversized bodies, unavailable services, and
 * anything unexpected (a 500 that says nothing about its cause; the cause goes to the log, without the
 * request's body or any SQL parameters).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<ServerResponse>();
    const problem = this.problemOf(exception, request);
    problem.instance = pathOf(request);
    if (response.headersSent) {
      response.end();
      return;
    }
    const body = JSON.stringify(problem);
    response.statusCode = problem.status;
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.setHeader('Content-Length', Buffer.byteLength(body));
    response.end(body);
  }

  problemOf(exception: unknown, request: Request): ProblemDetails {
    const httpException =
      exception instanceof HttpException ? exception : httpExceptionOfBodyError(exception);
    if (!httpException) {
      this.logger.error(
        { err: safeError(exception), method: request.method, path: pathOf(request) },
        'unexpected error answered with 500',
      );
      return plainProblem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        'the request could not be completed; it has been logged',
      );
    }
    const status = httpException.getStatus();
    if (status >= 500) {
      this.logger.warn({
        status,
        method: request.method,
        path: pathOf(request),
        reason: httpException.message,
      });
    }
    return problemOfHttpException(httpException);
  }
}

export function problemOfHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (typeof body === 'string') return plainProblem(status, body);
  const members = body as Record<string, unknown>;
  if (typeof members.type === 'string' && typeof members.title === 'string') {
    return { ...(members as unknown as ProblemDetails), status };
  }
  const detail = detailOf(members.message) ?? exception.message;
  const extensions = Object.fromEntries(
    Object.entries(members).filter(([key]) => !NEST_MEMBERS.includes(key)),
  );
  const rejectionType = typeof members.code === 'string' ? REJECTION_PROBLEM_TYPES[members.code] : undefined;
  if (rejectionType) return { ...rejectionType, status, detail, ...extensions };
  return { type: 'about:blank', title: statusTitle(status), status, detail, ...extensions };
}

type Request = IncomingMessage & { originalUrl?: string };

/** The path without its query string. */
function pathOf(request: Request): string {
  return (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';
}

function detailOf(message: unknown): string | undefined {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return undefined;
}

/** Name, message and stack only: a database error's own properties carry the SQL and its parameters. */
function safeError(error: unknown): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  return { type: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
}
