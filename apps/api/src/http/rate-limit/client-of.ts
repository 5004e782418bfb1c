import type { AuthenticatedRequest } from '../../access/access.decorators';

/** The key a client's requests are counted under: its verified subject, else the address it calls from. */
export function clientOf(request: Partial<AuthenticatedRequest> & { ip?: string }): string {
  const principal = request.principal;
  if (principal) return `subject:${principal.organisation}/${principal.subject}`;
  return `address:${request.ip ?? 'unknown'}`;
}
