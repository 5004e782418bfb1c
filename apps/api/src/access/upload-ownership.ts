import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { Agency, isAgency } from '../../../../libs/domain/src';
import type { Principal } from './principal';

/**
 * Who may read an uploaded file's import (its progress and its report of problem rows, which name rows of personal
 * data): only callers of the organisation that sent it. Anyone else is told it does not exist (404), on top of the
 * route's action (`@Allow`, access-policy.ts).
 */
export function requireOwnUpload<Upload>(
  caller: Principal,
  upload: Upload | null | undefined,
  senderOf: (upload: Upload) => string,
  description: string,
): Upload {
  if (!upload || senderOf(upload) !== caller.organisation)
    throw new NotFoundException(`${description} not found`);
  return upload;
}

/** The agency whose caseload a caller opens in bulk: their own (the policy gives `caseload.import` to agency roles). */
export function caseloadAgencyOf(caller: Principal): Agency {
  if (!isAgency(caller.organisation))
    throw new ForbiddenException('only an integration agency opens a caseload');
  return caller.organisation;
}
