import { ForbiddenException } from '@nestjs/common';
import type { Agency } from '../../../../libs/domain/src';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';

/**
 * The one agency whose offices the caller keeps: from the caller's read scope (access-policy.ts: a manager sees
 * their own agency), so the same place that decides what they see decides what they may define.
 */
export function agencyOfCaller(scope: ReadScope): Agency {
  const agencies = scope.agencies;
  if (agencies?.length !== 1 || scope.municipalities || scope.pillarApplies || scope.courseProvider) {
    throw new ForbiddenException('offices are kept by a manager of the agency they belong to');
  }
  return agencies[0]!;
}
