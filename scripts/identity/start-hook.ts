import {
  demoAccessToken,
  DEMO_IDENTITIES,
  DEMO_PASSWORD,
  EmbeddedIdentityProvider,
  startEmbeddedIdentityProvider,
} from '../../libs/identity/src';

/** The port of the embedded OpenID provider under `npm start` (IDENTITY_PORT). */
export const DEFAULT_IDENTITY_PORT = 9000;

export interface StartedIdentity {
  /** OIDC_ISSUER and OIDC_AUDIENCE for the API's environment. */
  env: { OIDC_ISSUER: string; OIDC_AUDIENCE: string };
  /** A demo counsellor's token for an agency (for the demo data); undefined under an external issuer. */
  counsellorToken(agency: 'AGII' | 'ATLAS' | 'IN_GENT'): Promise<string | undefined>;
  /** A demo manager's token for an agency (for the demo offices); undefined under an external issuer. */
  managerToken(agency: 'AGII' | 'ATLAS' | 'IN_GENT'): Promise<string | undefined>;
  /** Lines for the start banner: the issuer, how to get a token, the demo users. */
  banner: string[];
  close(): Promise<void>;
}

const COUNSELLOR_OF = {
  AGII: 'counsellor-agii',
  ATLAS: 'counsellor-atlas',
  IN_GENT: 'counsellor-gent',
} as const;

const MANAGER_OF = {
  AGII: 'manager-agii',
  ATLAS: 'manager-atlas',
  IN_GENT: 'manager-gent',
} as const;

/**
 * The `npm start` hook for sign-in: with OIDC_ISSUER set, that provider is used as it is; otherwise the embedded
 * OpenID provider starts on IDENTITY_PORT (default 9000) with the demo users and partner systems.
 */
export async function startIdentity(log: (line: string) => void): Promise<StartedIdentity> {
  const external = process.env.OIDC_ISSUER;
  if (external) {
    const audience = process.env.OIDC_AUDIENCE || 'urn:inburgering:api';
    log(`using the OpenID provider ${external} (OIDC_ISSUER)`);
    return {
      env: { OIDC_ISSUER: external, OIDC_AUDIENCE: audience },
      counsellorToken: async () => undefined,
      managerToken: async () => undefined,
      banner: [`  Sign-in        ${external} (OIDC_ISSUER; audience ${audience})`],
      close: async () => undefined,
    };
  }
  const port = Number(process.env.IDENTITY_PORT || DEFAULT_IDENTITY_PORT);
  const provider: EmbeddedIdentityProvider = await startEmbeddedIdentityProvider({ port });
  log(`embedded OpenID provider at ${provider.issuer}`);
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (id: string): Promise<string> => {
    if (!tokens.has(id)) tokens.set(id, demoAccessToken(provider.issuer, id, provider.audience));
    return tokens.get(id)!;
  };
  return {
    env: { OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: provider.audience },
    counsellorToken: (agency) => tokenOf(COUNSELLOR_OF[agency]),
    managerToken: (agency) => tokenOf(MANAGER_OF[agency]),
    banner: [
      `  Sign-in        ${provider.issuer} (embedded OpenID provider, demo users, password "${DEMO_PASSWORD}")`,
      `  A token        TOKEN=$(npm run --silent token -- counsellor-gent)`,
      `                 curl -H "Authorization: Bearer $TOKEN" localhost:3000/caseload?agency=IN_GENT`,
      `  Demo users     ${DEMO_IDENTITIES.map((identity) => identity.id).join(', ')}`,
    ],
    close: () => provider.close(),
  };
}
