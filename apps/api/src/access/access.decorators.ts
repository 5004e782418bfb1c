import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiHeader,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';
import type { TrajectoryStatusView } from '../../../../libs/store/src/read-models.types';
import { ErrorBody } from '../http/error-bodies';
import type { Action } from './access-policy';
import type { Principal } from './principal';
import { readScopeFor } from './read-scope-for';
import { AUDIT_PURPOSE_HEADER } from './audit-purpose';

export const ACCESS_ACTION = 'access:action';
export const PUBLIC_ROUTE = 'access:public';
export const BEARER_SCHEME = 'bearer';

/** A request after the guard: who calls. */
export type AuthenticatedRequest = { principal?: Principal; headers: Record<string, unknown> };

/**
 * A request on one trajectory (`:id`) after the guard: the trajectory's status as the guard's access check read it
 * (within the caller's scope), for a command's check before it is sent.
 */
export type CheckedTrajectoryRequest = AuthenticatedRequest & { checkedTrajectory?: TrajectoryStatusView };

/**
 * The action a route performs (access-policy.ts): a bearer token is required (401), the caller's role must be
 * allowed the action (403), and a trajectory named by the route's `:id` must lie within the caller's scope (404).
 */
export function Allow(action: Action): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_ACTION, action),
    ApiBearerAuth(BEARER_SCHEME),
    // Which roles may call the operation follows from this and access-policy.ts.
    ApiExtension('x-access-action', action),
    ApiHeader({
      name: AUDIT_PURPOSE_HEADER,
      required: false,
      description:
        'Why personal data is read or written (recorded in the audit trail); required when searching by ' +
        "national number or opening a case outside the caller's caseload.",
    }),
    ApiUnauthorizedResponse({ type: ErrorBody, description: 'No valid bearer token' }),
    ApiForbiddenResponse({ type: ErrorBody, description: "The caller's role may not do this" }),
  );
}

/** A route anyone may call without a token (health, the OpenAPI document): no personal data behind it. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_ROUTE, true);
}

export function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // The guard sets it on every route that is not public; reaching here without one is a programming error.
  if (!principal) throw new Error('no authenticated caller on this route: is it marked @Allow?');
  return principal;
}

/** The verified caller. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal =>
  principalOf(context),
);

/** The trajectories the caller may see, for the store's queries (filtered in SQL). */
export const CallerScope = createParamDecorator((_data: unknown, context: ExecutionContext): ReadScope =>
  readScopeFor(principalOf(context)),
);
