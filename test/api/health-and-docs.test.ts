import { startTestSystem, TestSystem } from '../support/system';

/** What an operator checks first: health of the parts, and the API's own description. */
describe('health and OpenAPI', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('reports PostgreSQL and Temporal as up', async () => {
    const response = await system.http().get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, temporal: { status: 'up' } },
    });
  });

  it('publishes an OpenAPI document generated from the code, and its UI', async () => {
    const document = await system.http().get('/docs-json').expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/trajectories',
      '/trajectories/{id}',
      '/trajectories/{id}/timeline',
      '/deadlines',
      '/caseload',
      '/health',
    ]) {
      expect(Object.keys(document.body.paths)).toContain(path);
    }
    const ui = await system.http().get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });
});
