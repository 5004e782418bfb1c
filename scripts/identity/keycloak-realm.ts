import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '../../apps/api/src/access/access-policy';
import { repositoryRoot } from '../repository-root';
import {
  DEFAULT_API_AUDIENCE,
  DEMO_IDENTITIES,
  DEMO_PASSWORD,
  WEB_APP_POST_LOGOUT_REDIRECT_URIS,
  WEB_APP_REDIRECT_URIS,
  WEB_CLIENT_ID,
} from '../../libs/identity/src';

export const REALM = 'inburgering';
export const REALM_FILE = join(repositoryRoot(__dirname), 'docker', 'keycloak', 'inburgering-realm.json');

/** The port `npm start` serves the API and the web app (/app/) on by default (PORT). */
export const DEFAULT_APP_PORT = 3000;

/**
 * The web app's redirect URIs for Keycloak: the embedded provider's loopback URIs on the default port (Keycloak
 * does not accept any port of a loopback address the way the embedded provider does), and the Vite dev server's.
 */
export function webRedirectUris(): string[] {
  return ['http://localhost:5173/*', ...WEB_APP_REDIRECT_URIS.map((uri) => withPort(uri, DEFAULT_APP_PORT))];
}

/** Where the web app returns after signing out at Keycloak (RP-initiated logout), on the default port. */
export function webPostLogoutRedirectUris(): string[] {
  return [
    'http://localhost:5173/*',
    ...WEB_APP_POST_LOGOUT_REDIRECT_URIS.map((uri) => withPort(uri, DEFAULT_APP_PORT)),
  ];
}

/** The origins of those redirect URIs (CORS for the token endpoint). */
export function webOrigins(): string[] {
  return [...new Set(webRedirectUris().map((uri) => new URL(uri.replace('*', '')).origin))];
}

function withPort(uri: string, port: number): string {
  const url = new URL(uri);
  url.port = String(port);
  return url.toString();
}

const attributeMapper = (claim: string) => ({
  name: claim,
  protocol: 'openid-connect',
  protocolMapper: 'oidc-usermodel-attribute-mapper',
  config: {
    'user.attribute': claim,
    'claim.name': claim,
    'jsonType.label': 'String',
    'access.token.claim': 'true',
    'id.token.claim': 'false',
    'userinfo.token.claim': 'true',
  },
});

/**
 * The Keycloak realm of docker-compose.yml, generated from the same demo users, partner systems and roles as the
 * embedded provider (`npm run build && node dist/scripts/identity/keycloak-realm.js && npx prettier --write docker/keycloak`
 * rewrites it; a unit test fails when the committed file differs). Tokens carry the claims the API reads: `roles`, `organisation`,
 * `municipality`, `region`, audience urn:inburgering:api.
 */
export function keycloakRealm(): Record<string, unknown> {
  const attributes = (identity: (typeof DEMO_IDENTITIES)[number]) => ({
    organisation: [identity.organisation],
    ...(identity.municipality ? { municipality: [identity.municipality] } : {}),
    ...(identity.region ? { region: [identity.region] } : {}),
  });
  return {
    realm: REALM,
    enabled: true,
    sslRequired: 'external',
    accessTokenLifespan: 3600,
    roles: { realm: ROLES.map((role) => ({ name: role, description: `access-policy.ts role ${role}` })) },
    defaultDefaultClientScopes: ['inburgering-api', 'profile'],
    clientScopes: [
      {
        name: 'inburgering-api',
        protocol: 'openid-connect',
        attributes: { 'include.in.token.scope': 'true' },
        protocolMappers: [
          {
            name: 'roles',
            protocol: 'openid-connect',
            protocolMapper: 'oidc-usermodel-realm-role-mapper',
            config: {
              'claim.name': 'roles',
              multivalued: 'true',
              'jsonType.label': 'String',
              'access.token.claim': 'true',
              'id.token.claim': 'false',
            },
          },
          attributeMapper('organisation'),
          attributeMapper('municipality'),
          attributeMapper('region'),
          {
            name: 'api-audience',
            protocol: 'openid-connect',
            protocolMapper: 'oidc-audience-mapper',
            config: { 'included.custom.audience': DEFAULT_API_AUDIENCE, 'access.token.claim': 'true' },
          },
        ],
      },
      { name: 'profile', protocol: 'openid-connect', attributes: { 'include.in.token.scope': 'true' } },
    ],
    components: {
      // Keycloak 24+ keeps only declared user attributes unless unmanaged ones are allowed.
      'org.keycloak.userprofile.UserProfileProvider': [
        {
          providerId: 'declarative-user-profile',
          config: {
            'kc.user.profile.config': [
              JSON.stringify({
                unmanagedAttributePolicy: 'ENABLED',
                attributes: [
                  { name: 'username', displayName: 'username' },
                  { name: 'email', displayName: 'email' },
                ],
              }),
            ],
          },
        },
      ],
    },
    clients: [
      {
        clientId: WEB_CLIENT_ID,
        publicClient: true,
        standardFlowEnabled: true,
        directAccessGrantsEnabled: false,
        redirectUris: webRedirectUris(),
        webOrigins: webOrigins(),
        attributes: {
          'pkce.code.challenge.method': 'S256',
          // Keycloak separates the URIs with "##".
          'post.logout.redirect.uris': webPostLogoutRedirectUris().join('##'),
        },
        defaultClientScopes: ['inburgering-api', 'profile'],
      },
      ...DEMO_IDENTITIES.filter((identity) => identity.kind === 'client').map((identity) => ({
        clientId: identity.id,
        name: identity.name,
        publicClient: false,
        secret: identity.kind === 'client' ? identity.secret : undefined,
        standardFlowEnabled: false,
        serviceAccountsEnabled: true,
        defaultClientScopes: ['inburgering-api'],
      })),
    ],
    users: DEMO_IDENTITIES.map((identity) =>
      identity.kind === 'user'
        ? {
            username: identity.id,
            enabled: true,
            firstName: identity.name,
            lastName: identity.organisation,
            email: `${identity.id}@demo.invalid`,
            emailVerified: true,
            credentials: [{ type: 'password', value: DEMO_PASSWORD, temporary: false }],
            realmRoles: identity.roles,
            attributes: attributes(identity),
          }
        : {
            username: `service-account-${identity.id}`,
            enabled: true,
            serviceAccountClientId: identity.id,
            realmRoles: identity.roles,
            attributes: attributes(identity),
          },
    ),
  };
}

export function realmFileContent(): string {
  return `${JSON.stringify(keycloakRealm(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(REALM_FILE, realmFileContent());
  process.stdout.write(`wrote ${REALM_FILE}\n`);
}
