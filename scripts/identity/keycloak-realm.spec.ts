import { readFileSync } from 'node:fs';
import { DEMO_IDENTITIES, WEB_APP_REDIRECT_URIS, WEB_CLIENT_ID } from '../../libs/identity/src';
import { ROLES } from '../../apps/api/src/access/access-policy';
import { keycloakRealm, REALM_FILE, realmFileContent } from './keycloak-realm';

describe('the Keycloak realm of docker-compose.yml', () => {
  it('is the one generated from the demo identities (regenerate it after changing them)', () => {
    expect(JSON.parse(readFileSync(REALM_FILE, 'utf8'))).toEqual(JSON.parse(realmFileContent()));
  });

  it('has every demo user and system, each with a role of the access policy', () => {
    const realm = keycloakRealm() as { users: { realmRoles: string[] }[] };
    expect(realm.users).toHaveLength(DEMO_IDENTITIES.length);
    for (const identity of DEMO_IDENTITIES) {
      for (const role of identity.roles) expect(ROLES).toContain(role);
    }
  });

  it('lets the web app served by npm start sign in like the embedded provider does (its /app/callback on port 3000)', () => {
    const realm = keycloakRealm() as {
      clients: { clientId: string; redirectUris?: string[]; webOrigins?: string[] }[];
    };
    const web = realm.clients.find((client) => client.clientId === WEB_CLIENT_ID)!;
    expect(web.redirectUris).toEqual(
      expect.arrayContaining([
        'http://localhost:5173/*',
        'http://localhost:3000/app/callback',
        'http://127.0.0.1:3000/app/callback',
      ]),
    );
    expect(web.redirectUris).toHaveLength(1 + WEB_APP_REDIRECT_URIS.length);
    expect(web.webOrigins).toEqual(
      expect.arrayContaining(['http://localhost:5173', 'http://localhost:3000', 'http://127.0.0.1:3000']),
    );
  });

  it("lets the web app's sign-out end the Keycloak session and come back to /app/ (RP-initiated logout)", () => {
    const realm = keycloakRealm() as {
      clients: { clientId: string; attributes?: Record<string, string> }[];
    };
    const web = realm.clients.find((client) => client.clientId === WEB_CLIENT_ID)!;
    expect(web.attributes?.['post.logout.redirect.uris']?.split('##')).toEqual([
      'http://localhost:5173/*',
      'http://127.0.0.1:3000/app/',
      'http://localhost:3000/app/',
    ]);
  });
});
