import { ParseUUIDPipe } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { badRequest } from '../http/validation-errors';

/** A UUID path parameter; a bad one is a 400 that names the parameter, like every other field. */
export const uuidParameter = (name: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => badRequest([{ field: name, reason: `${name} must be a UUID` }]),
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * For a command with a body: checks the path's id in the handler, after the body's validation, so a request with a
 * bad body and a bad id names the body's fields (as the trajectory commands do) and a good body with a bad id
 * names the id.
 */
export function assertUuid(name: string, value: string): string {
  if (!UUID.test(value)) throw badRequest([{ field: name, reason: `${name} must be a UUID` }]);
  return value;
}

const FILE_UPLOAD_PATHS = new Set([
  '/registration-imports',
  '/participation-activity-imports',
  '/course-record-imports',
  '/caseload-imports',
]);

/** A bulk file upload (a partner's, an agency's caseload): streamed by the import itself, never parsed as JSON. */
export function isPartnerFileUpload(request: IncomingMessage): boolean {
  const path = (request.url ?? '').split('?')[0]!.replace(/\/+$/, '');
  return request.method === 'POST' && FILE_UPLOAD_PATHS.has(path);
}
