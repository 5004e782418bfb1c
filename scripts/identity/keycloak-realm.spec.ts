import { readFileSync } from 'node:fs';
import { DEMO_IDENTITIES } from '../../libs/identity/src';
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
});
