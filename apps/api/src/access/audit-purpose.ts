import type { IncomingHttpHeaders } from 'node:http';
import { badRequest } from '../http/validation-errors';

/** The header that says why personal data is accessed (Open Zaak's X-Audit-Toelichting is the model). */
export const AUDIT_PURPOSE_HEADER = 'X-Audit-Purpose';
export const MAX_PURPOSE_LENGTH = 500;

/** The purpose the caller gave, if any; a malformed one is a 400 naming the header. */
export function auditPurposeFrom(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers[AUDIT_PURPOSE_HEADER.toLowerCase()];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (value === undefined || value === '') return undefined;
  if (value.length > MAX_PURPOSE_LENGTH || !/^[\x20-\x7e]+$/.test(value)) {
    throw badRequest([
      {
        field: AUDIT_PURPOSE_HEADER,
        reason: `${AUDIT_PURPOSE_HEADER} must be at most ${MAX_PURPOSE_LENGTH} printable ASCII characters`,
      },
    ]);
  }
  return value;
}

/** Opening a case outside one's caseload needs a reason (issue 6 §3). */
export function purposeRequired(): never {
  throw badRequest([
    {
      field: AUDIT_PURPOSE_HEADER,
      reason: `${AUDIT_PURPOSE_HEADER} is required to open a case outside your caseload: say why`,
    },
  ]);
}
