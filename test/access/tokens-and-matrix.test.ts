import { randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { ACCESS_POLICY, Action, mayPerform, Role } from '../../apps/api/src/access/access-policy';
import {
  clientCredentialsToken,
  DEMO_IDENTITIES,
  EXPIRING_CLIENT,
  EXPIRING_TOKEN_TTL_SECONDS,
  OTHER_AUDIENCE,
} from '../../libs/identity/src';
import { startTestSystem, TestSystem } from '../support/system';

interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  action: Action | undefined;
}

/**
 * The role × endpoint matrix, generated from the API's own OpenAPI document (so a new route is in it the moment
 * it exists): every operation, without a token and with each demo identity's token, gets the answer the access
 * policy says. Path ids are of no trajectory, so an allowed caller meets "not found" (404) or the body's
 * validation (400) and nothing is recorded; a refused role gets 403 before either.
 */
describe('tokens and the role × endpoint matrix', () => {
  let system: TestSystem;
  let operations: Operation[];

  beforeAll(async () => {
    system = await startTestSystem();
    const document = await system.http(null).get('/docs-json').expect(200);
    operations = Object.entries(
      document.body.paths as Record<string, Record<string, { 'x-access-action'?: Action }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method as Operation['method'],
        path: path.replace('{id}', randomUUID()).replace('{violationId}', 'v-1').replace('{pillar}', 'MO'),
        action: operation['x-access-action'],
      })),
    );
  });
  afterAll(() => system?.close());

  const call = (identity: string | null, { method, path }: Operation) =>
    method === 'get' ? system.http(identity).get(path) : system.http(identity)[method](path).send({});

  it('covers every operation, and every operation but health names its action', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((operation) => !operation.action).map((operation) => operation.path)).toEqual([
      '/health',
    ]);
  });

  it('answers 401 with a Bearer challenge to every operation but health without a token', async () => {
    for (const operation of operations) {
      const response = await call(null, operation);
      const expected = operation.action ? 401 : 200;
      expect([operation.method, operation.path, response.status]).toEqual([
        operation.method,
        operation.path,
        expected,
      ]);
      if (expected === 401) expect(response.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it.each(DEMO_IDENTITIES.map((identity) => [identity.id, identity.roles[0] as Role]))(
    '%s (%s) gets exactly what the policy allows',
    async (identity, role) => {
      for (const operation of operations.filter((candidate) => candidate.action)) {
        const response = await call(identity, operation);
        const allowed = mayPerform(role, operation.action!);
        const outcome = response.status === 403 ? 'refused' : 'allowed';
        expect([operation.method, operation.path, outcome]).toEqual([
          operation.method,
          operation.path,
          allowed ? 'allowed' : 'refused',
        ]);
        expect(response.status).not.toBe(401);
        if (allowed && /\/trajectories\/[0-9a-f-]{36}/.test(operation.path)) {
          // A trajectory that does not exist, or one outside the caller's scope: the same 404.
          expect([operation.path, response.status]).toEqual([operation.path, 404]);
        }
      }
    },
  );

  it('refuses an expired token, a token for another audience and one from another issuer', async () => {
    const issuer = process.env.OIDC_ISSUER!;
    const caseload = () => system.http(null).get('/caseload').query({ agency: 'IN_GENT' });

    const shortLived = await clientCredentialsToken(issuer, EXPIRING_CLIENT);
    await caseload().set('Authorization', `Bearer ${shortLived}`).expect(200);
    await new Promise((resolve) => setTimeout(resolve, EXPIRING_TOKEN_TTL_SECONDS * 1_000 + 1_100));
    const expired = await caseload().set('Authorization', `Bearer ${shortLived}`).expect(401);
    expect(expired.body.detail).toBe('the access token has expired');
    expect(expired.headers['www-authenticate']).toBe('Bearer error="invalid_token"');

    const otherAudience = await clientCredentialsToken(issuer, EXPIRING_CLIENT, OTHER_AUDIENCE);
    const wrongAudience = await caseload().set('Authorization', `Bearer ${otherAudience}`).expect(401);
    expect(wrongAudience.body.detail).toBe('the access token is not meant for this API (audience)');

    // A token someone signed with their own key, claiming the real issuer, then another one.
    const { privateKey } = await generateKeyPair('RS256');
    const forge = (iss: string) =>
      new SignJWT({ roles: ['manager'], organisation: 'IN_GENT' })
        .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
        .setSubject('intruder')
        .setIssuer(iss)
        .setAudience('urn:inburgering:api')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    const forged = await caseload()
      .set('Authorization', `Bearer ${await forge(issuer)}`)
      .expect(401);
    expect(forged.body.detail).toBe('the access token is not valid');
    const foreign = await caseload()
      .set('Authorization', `Bearer ${await forge('https://idp.example.org')}`)
      .expect(401);
    expect(foreign.body.detail).toMatch(/not valid|another issuer/);
    await caseload().set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
  });

  it('describes the bearer scheme in the OpenAPI document', async () => {
    const document = await system.http(null).get('/docs-json').expect(200);
    expect(document.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.body.paths['/caseload'].get.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(ACCESS_POLICY)).toContain('counsellor');
  });
});
