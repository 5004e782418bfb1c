import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { IncomingHttpHeaders } from 'node:http';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { AuditTrail, PersonalDataAccess } from '../../../../libs/store/src/queries/audit-trail';
import type { Principal } from './principal';
import { isTrajectoryId } from './trajectory-id';

/** What the guard learned about a request, for its audit entry. */
export interface AuditContext {
  action: string;
  purpose: string | undefined;
  outsideCaseload: boolean;
}

export type AuditedRequest = {
  principal?: Principal;
  audit?: AuditContext;
  method: string;
  path: string;
  params?: Record<string, string>;
  headers: IncomingHttpHeaders;
};

/**
 * Records every call of a route that reads or writes personal data in the audit trail, in the same request: the
 * answer leaves only once its entry is stored (no entry, no answer). Which persons: the trajectory of the path, the
 * one a create made, or the rows a list returned.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly trail: AuditTrail,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    if (!request.principal || !request.audit) return next.handle();
    // A streaming route records its answer's entry itself; a refusal before it answers is recorded here.
    const answerRecordedByHandler = this.reflector.get<boolean>(AUDITED_BY_HANDLER, context.getHandler());
    const record = (status: number, body: unknown) =>
      this.trail.record(
        auditEntryOf(
          request,
          status,
          trajectoriesIn(request.params?.id ?? trajectoryOfViolation(request.params), body),
        ),
      );
    return next.handle().pipe(
      mergeMap((body) =>
        answerRecordedByHandler
          ? of(body)
          : from(record(successStatus(context, request.method), body)).pipe(mergeMap(async () => body)),
      ),
      catchError((error: unknown) =>
        from(record(error instanceof HttpException ? error.getStatus() : 500, undefined)).pipe(
          mergeMap(() => throwError(() => error)),
        ),
      ),
    );
  }
}

const AUDITED_BY_HANDLER = 'inburgering:audited-by-handler';

/**
 * A route that streams its answer records its answer's audit entry itself (auditEntryOf), before the first byte it
 * sends, since no answer passes through the interceptor to read the persons from. A refusal (an exception) is still
 * recorded by the interceptor.
 */
export const AuditedByHandler = (): MethodDecorator => SetMetadata(AUDITED_BY_HANDLER, true);

/** The audit entry of a request the guard marked for the audit, with the persons it touched. */
export function auditEntryOf(
  request: AuditedRequest,
  status: number,
  trajectoryIds: readonly string[],
): PersonalDataAccess {
  return {
    actor: request.principal!.subject,
    actorRole: request.principal!.role,
    actorOrganisation: request.principal!.organisation,
    action: request.audit!.action,
    method: request.method,
    resource: request.path,
    trajectoryIds: [...trajectoryIds],
    purpose: request.audit!.purpose ?? null,
    outsideCaseload: request.audit!.outsideCaseload,
    status,
    correlationId: headerValue(request.headers['x-request-id']),
  };
}

/** The persons a request touched; a malformed path id (answered 400) names nobody. */
/** A violation file's id begins with its trajectory's (`<trajectoryId>:violation:<n>`). */
function trajectoryOfViolation(params: Record<string, string> | undefined): string | undefined {
  return params?.violationId?.split(':')[0];
}

function trajectoriesIn(pathId: string | undefined, body: unknown): string[] {
  if (pathId !== undefined) return isTrajectoryId(pathId) ? [pathId] : [];
  if (!body || typeof body !== 'object') return [];
  const { trajectoryId, items } = body as { trajectoryId?: unknown; items?: unknown };
  if (typeof trajectoryId === 'string') return [trajectoryId];
  if (!Array.isArray(items)) return [];
  const ids = items.map((item) => (item as { trajectoryId?: unknown })?.trajectoryId);
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.length <= 200 ? first : null;
}

/** The status Nest will answer with (it is set on the response only after the interceptors). */
function successStatus(context: ExecutionContext, method: string): number {
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
  return declared ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
}
