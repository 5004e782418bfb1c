/** Who is signed in, as the API's access token says (the API decides access; the app only chooses what to show). */
export interface Session {
  accessToken: string;
  subject: string;
  role: string;
  organisation: string;
  municipality?: string;
  name: string;
  expiresAt?: number;
}

/** Reads the claims of a JWT access token (no verification: the API verifies every call). */
export function sessionFromAccessToken(accessToken: string, expiresAt?: number): Session {
  const [, payload = ''] = accessToken.split('.');
  const json = atob(
    payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '='),
  );
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as {
    sub?: string;
    roles?: string[];
    organisation?: string;
    municipality?: string;
    name?: string;
  };
  return {
    accessToken,
    subject: claims.sub ?? '',
    role: claims.roles?.[0] ?? '',
    organisation: claims.organisation ?? '',
    ...(claims.municipality ? { municipality: claims.municipality } : {}),
    name: claims.name ?? claims.sub ?? '',
    ...(expiresAt ? { expiresAt } : {}),
  };
}

/** Pages per role: what the menu offers and where a role lands after signing in. */
export const PAGES_OF_ROLE: Record<string, readonly string[]> = {
  counsellor: ['caseload', 'register', 'reconciliation'],
  manager: ['dashboard', 'caseload', 'reconciliation', 'caseload-import'],
  'work-partner': ['reconciliation', 'imports'],
  'municipality-coordinator': ['participation', 'participation-import'],
  'test-centre': ['course-records-import'],
  'enforcement-officer': ['violations'],
};

export function pagesOf(role: string): readonly string[] {
  return PAGES_OF_ROLE[role] ?? [];
}

/** Roles that see national numbers in full (they identify the person for their task); others see them masked. */
export function seesFullNationalNumber(role: string): boolean {
  return ['counsellor', 'work-partner', 'enforcement-officer'].includes(role);
}
