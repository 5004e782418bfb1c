import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { auditPurposeFrom, purposeRequired } from '../access/audit-purpose';
import type { AuditContext } from '../access/audit.interceptor';
import { ACCESS_ACTION, AuthenticatedRequest, PUBLIC_ROUTE } from '../access/access.decorators';
import { Action } from '../access/access-policy';
import { AccessService, requireAction } from '../access/access.service';
import { NoRoleError, TokenVerifier } from './token-verifier';
import { isTrajectoryId } from '../access/trajectory-id';
import type { CheckedTrajectoryRequest } from '../access/access.decorators';

/** Reading a case: what needs a purpose when the case is another counsellor's. */
const OPENING_A_CASE = new Set<Action>(['trajectory.read', 'trajectory.timeline']);

/**
 * Every route: a public one passes; any other needs a valid bearer token (401), an action its role may perform
 * (403; a route that names no action is refused: access fails closed) and, for a route on one trajectory
 * (`:id`), a trajectory within the caller's scope (404, like an unknown one).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest & { params?: Record<string, string> }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized(http.getResponse<ServerResponse>(), 'a bearer access token is required');
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof NoRoleError) throw new ForbiddenException(error.message);
      if (error instanceof UnauthorizedException) {
        throw unauthorized(http.getResponse<ServerResponse>(), error.message, 'invalid_token');
      }
      throw error;
    }
    const action = this.reflector.getAllAndOverride<Action | undefined>(ACCESS_ACTION, targets);
    if (!action) throw new ForbiddenException('this route has no access rule');
    requireAction(request.principal, action);
    const purpose = auditPurposeFrom(request.headers as IncomingHttpHeaders);
    let outsideCaseload = false;
    const trajectoryId = request.params?.id;
    // A malformed id is left to the route's validation (400).
    if (trajectoryId !== undefined && isTrajectoryId(trajectoryId)) {
      // One query: the scope, the caseload and the status a command checks before it is sent (kept on the request).
      const checked = await this.access.requireTrajectoryAccess(request.principal, action, trajectoryId);
      outsideCaseload = checked.outsideCaseload;
      (request as CheckedTrajectoryRequest).checkedTrajectory = checked.trajectory;
      if (outsideCaseload && OPENING_A_CASE.has(action) && !purpose) purposeRequired();
    }
    (request as { audit?: AuditContext }).audit = { action, purpose, outsideCaseload };
    return true;
  }
}

function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)$/i.exec(header.trim());
  return match?.[1];
}

/** RFC 6750 §3: a 401 names the scheme (and the error, when a token was given) in WWW-Authenticate. */
function unauthorized(response: ServerResponse, message: string, error?: string): UnauthorizedException {
  response.setHeader('WWW-Authenticate', error ? `Bearer error="${error}"` : 'Bearer');
  return new UnauthorizedException(message);
}
