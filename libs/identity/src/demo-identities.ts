/**
 * The demo users and partner systems of the embedded OpenID provider (npm start, the tests) and of the Keycloak
 * realm in docker/keycloak (kept equal by hand: docker/keycloak/README.md). Their roles are the access policy's
 * (apps/api/src/access/access-policy.ts); the claims they carry are the ones any issuer must provide:
 * `roles` (array), `organisation`, and where the policy scopes by them `municipality` or `region`.
 */
export interface DemoIdentityClaims {
  roles: string[];
  organisation: string;
  municipality?: string;
  region?: 'FLANDERS' | 'BRUSSELS';
  name: string;
}

/** A person: signs in with authorization code + PKCE through the public client `inburgering-web`. */
export interface DemoUser extends DemoIdentityClaims {
  kind: 'user';
  /** Login name and subject. */
  id: string;
}

/** A partner system: client credentials with its own secret; the token's subject is the client id. */
export interface DemoClient extends DemoIdentityClaims {
  kind: 'client';
  id: string;
  secret: string;
}

export type DemoIdentity = DemoUser | DemoClient;

/** Every demo user's password. Demo only: the embedded provider refuses to run with NODE_ENV=production. */
export const DEMO_PASSWORD = 'demo';

/** The public client people sign in through (the web application of a later issue, the token command). */
export const WEB_CLIENT_ID = 'inburgering-web';
export const WEB_REDIRECT_URI = 'http://localhost:5173/callback';
/** Where the web app served by the API (apps/web at /app/) receives the code, on whatever loopback port it runs. */
export const WEB_APP_REDIRECT_URIS = [
  'http://127.0.0.1/app/callback',
  'http://localhost/app/callback',
] as const;
/** Where the web app returns after a sign-out at the provider (RP-initiated logout), on any loopback port. */
export const WEB_APP_POST_LOGOUT_REDIRECT_URIS = ['http://127.0.0.1/app/', 'http://localhost/app/'] as const;

const user = (id: string, claims: Omit<DemoUser, 'kind' | 'id'>): DemoUser => ({
  kind: 'user',
  id,
  ...claims,
});
const client = (id: string, claims: Omit<DemoClient, 'kind' | 'id' | 'secret'>): DemoClient => ({
  kind: 'client',
  id,
  secret: `${id}-secret`,
  ...claims,
});

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  user('counsellor-agii', { roles: ['counsellor'], organisation: 'AGII', name: 'Counsellor AGII' }),
  user('counsellor-atlas', { roles: ['counsellor'], organisation: 'ATLAS', name: 'Counsellor Atlas' }),
  user('counsellor-gent', { roles: ['counsellor'], organisation: 'IN_GENT', name: 'Counsellor IN-Gent' }),
  user('counsellor-gent-2', {
    roles: ['counsellor'],
    organisation: 'IN_GENT',
    name: 'Counsellor IN-Gent (second office)',
  }),
  user('manager-agii', { roles: ['manager'], organisation: 'AGII', name: 'Team lead AGII' }),
  user('manager-atlas', { roles: ['manager'], organisation: 'ATLAS', name: 'Team lead Atlas' }),
  user('manager-gent', { roles: ['manager'], organisation: 'IN_GENT', name: 'Team lead IN-Gent' }),
  user('vdab-mediator', {
    roles: ['work-partner'],
    organisation: 'VDAB',
    region: 'FLANDERS',
    name: 'VDAB mediator',
  }),
  user('coordinator-gent', {
    roles: ['municipality-coordinator'],
    organisation: 'Gent',
    municipality: 'Gent',
    name: 'Coordinator Gent',
  }),
  user('officer-abb', {
    roles: ['enforcement-officer'],
    organisation: 'ABB',
    name: 'Enforcement officer ABB',
  }),
  user('dpo', { roles: ['data-protection-officer'], organisation: 'AGII', name: 'Data-protection officer' }),
  user('operator', { roles: ['operator'], organisation: 'OPERATIONS', name: 'Operator' }),
  user('policy-coordinator', {
    roles: ['policy-coordinator'],
    organisation: 'ABB',
    name: 'Coordinator of the Horizontal Integration Policy Plan',
  }),
  client('vdab-system', { roles: ['work-partner'], organisation: 'VDAB', region: 'FLANDERS', name: 'VDAB' }),
  client('actiris-system', {
    roles: ['work-partner'],
    organisation: 'ACTIRIS',
    region: 'BRUSSELS',
    name: 'Actiris',
  }),
  client('test-centre-gent', {
    roles: ['test-centre'],
    organisation: 'CVO Gent',
    name: 'Test centre CVO Gent',
  }),
];

export function demoIdentity(id: string): DemoIdentity {
  const identity = DEMO_IDENTITIES.find((candidate) => candidate.id === id);
  if (!identity) {
    throw new Error(
      `no demo identity "${id}"; one of: ${DEMO_IDENTITIES.map((candidate) => candidate.id).join(', ')}`,
    );
  }
  return identity;
}
