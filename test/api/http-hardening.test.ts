import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/api-app';
import { demoAccessToken } from '../../libs/identity/src';
import { testEnvironment } from '../support/environment';

/** Issue 6 §4 (HTTP): security headers on every answer, rate limiting per client, /docs only where configured. */
describe('HTTP hardening', () => {
  const environment = testEnvironment();
  let app: INestApplication;
  let counsellor: string;
  let otherCounsellor: string;

  beforeAll(async () => {
    app = await createApiApp({
      environment: { RUN_MIGRATIONS: false, RATE_LIMIT_PER_MINUTE: 5, API_DOCS: false },
      logger: ['error'],
    });
    counsellor = await demoAccessToken(environment.oidcIssuer, 'counsellor-gent');
    otherCounsellor = await demoAccessToken(environment.oidcIssuer, 'counsellor-agii');
  }, 60_000);
  afterAll(() => app?.close());

  const caseload = (token: string) =>
    request(app.getHttpServer()).get('/caseload?agency=IN_GENT').set('Authorization', `Bearer ${token}`);

  it('sends helmet security headers and a content security policy that allows only itself and the issuer', async () => {
    const answer = await request(app.getHttpServer()).get('/health');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(answer.headers['x-powered-by']).toBeUndefined();
    const policy = answer.headers['content-security-policy'] as string;
    expect(policy).toContain(`connect-src 'self' ${new URL(environment.oidcIssuer).origin}`);
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('answers 429 problem details with Retry-After once a client passes its limit, and counts clients apart', async () => {
    for (let i = 0; i < 5; i++) await caseload(counsellor).expect(200);
    const refused = await caseload(counsellor).expect(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(refused.body.detail).toMatch(/more than 5 requests in a minute/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another subject has its own budget (what it may see of IN-Gent's caseload is another test's concern).
    expect((await caseload(otherCounsellor)).status).not.toBe(429);
  });

  it('counts a request without a valid token against nobody: it is refused 401 before it is counted', async () => {
    for (let i = 0; i < 7; i++) {
      await request(app.getHttpServer())
        .get('/caseload')
        .set('Authorization', 'Bearer forged.token.x')
        .expect(401);
    }
  });

  it('does not serve /docs or /docs-json when API_DOCS is false', async () => {
    await request(app.getHttpServer()).get('/docs-json').expect(404);
    await request(app.getHttpServer()).get('/docs').expect(404);
  });
});
