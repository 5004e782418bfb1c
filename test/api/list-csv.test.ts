import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';

type Content = Record<
  string,
  { schema?: { $ref?: string; type?: string; items?: unknown }; example?: string }
>;
type OpenApi = {
  paths: Record<
    string,
    Record<string, { 'x-access-action'?: string; responses?: Record<string, { content?: Content }> }>
  >;
  components: { schemas: Record<string, { properties?: Record<string, { type?: string }> }> };
};

/** Who may read each list (the access policy's action), and what a route needs besides `format`. */
const READER: Record<string, string> = {
  'caseload.list': 'counsellor-gent',
  'trajectory.read': 'counsellor-gent',
  'trajectory.timeline': 'counsellor-gent',
  'deadlines.list': 'manager-gent',
  'monitoring.read': 'manager-gent',
  'offices.manage': 'manager-gent',
  'violations.list': 'officer-abb',
  'reconciliation.work': 'counsellor-gent',
  'participation-hours.list': 'coordinator-gent',
  'audit.read': 'dpo',
  'incidents.manage': 'operator',
  'outbox.manage': 'operator',
  'policy-actions.read': 'policy-coordinator',
  'key-figures.read': 'manager-gent',
};
const QUERY: Record<string, Record<string, string>> = {
  '/caseload': { agency: 'IN_GENT' },
  '/caseload/export': { agency: 'IN_GENT' },
  '/caseload/search': { q: 'Csv' },
  '/monitoring/deadlines/cases': { bucket: 'overdue' },
};

/** Issue 9 §4: every list of the API as CSV, the same scope as its JSON, documented, problem details on errors. */
describe('CSV export of every list', () => {
  let system: TestSystem;
  let document: OpenApi;
  let trajectoryId: string;
  const familyName = `Csv${Date.now()}`;
  const counsellorId = `counsellor-csv-${Date.now()}`;

  beforeAll(async () => {
    system = await startTestSystem();
    document = (await system.http(null).get('/docs-json').expect(200)).body;
    // A counsellor of its own: other test files add to counsellor-gent's caseload, past any one page.
    const person = newcomer({ familyName, registeredOn: daysAgo(3), counsellorId });
    trajectoryId = (await system.http().post('/trajectories').send(person).expect(201)).body.trajectoryId;
  });
  afterAll(() => system?.close());

  const csvRoutes = () =>
    Object.entries(document.paths).flatMap(([path, item]) => {
      const content = item.get?.responses?.['200']?.content;
      return content?.['text/csv'] ? [{ path, action: item.get!['x-access-action']!, content }] : [];
    });

  it('documents text/csv beside the JSON of every GET route that answers a list', () => {
    const lists = Object.entries(document.paths).flatMap(([path, item]) => {
      const schema = item.get?.responses?.['200']?.content?.['application/json']?.schema;
      if (!schema) return [];
      const name = schema.$ref?.split('/').pop();
      const properties = name ? document.components.schemas[name]?.properties : undefined;
      const isList =
        schema.type === 'array' ||
        properties?.items?.type === 'array' ||
        properties?.events?.type === 'array';
      return isList ? [path] : [];
    });
    const withCsv = csvRoutes().map((route) => route.path);
    expect(lists.filter((path) => !withCsv.includes(path))).toEqual([]);
    for (const path of ['/caseload', '/deadlines', '/violations', '/reconciliation', '/incidents']) {
      expect(withCsv).toContain(path);
    }
    expect(withCsv).toEqual(expect.arrayContaining(['/participation-hours', '/policy-actions', '/audit']));
  });

  it('answers each of them as CSV under its documented header, for format=csv and for Accept: text/csv', async () => {
    const routes = csvRoutes().filter((route) => route.content['text/csv']?.example !== undefined);
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const route of routes) {
      const url = route.path.replace('{id}', trajectoryId).replace('{number}', '1.1.1');
      const identity = READER[route.action];
      expect({ url, identity }).toEqual({ url, identity: expect.any(String) });
      const answer = await system
        .http(identity)
        .get(url)
        .query({ ...QUERY[route.path], format: 'csv' });
      expect({ url, status: answer.status }).toEqual({ url, status: 200 });
      expect(answer.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="[\w-]+\.csv"$/);
      const header = route.content['text/csv']!.example!.split('\r\n')[0];
      expect({ url, header: answer.text.split('\r\n')[0] }).toEqual({ url, header });
      const byAccept = await system
        .http(identity)
        .get(url)
        .query(QUERY[route.path] ?? {})
        .set('Accept', 'text/csv');
      // (The audit trail grows by the read before: compare the header.)
      expect({ url, type: byAccept.headers['content-type'], header: byAccept.text.split('\r\n')[0] }).toEqual(
        {
          url,
          type: answer.headers['content-type'],
          header,
        },
      );
    }
  });

  it('lists as CSV what the JSON lists, within the caller scope (in SQL), and audits the persons exported', async () => {
    const query = { counsellorId, agency: 'IN_GENT', limit: 500 };
    const json = await system.http().get('/caseload').query(query).expect(200);
    const csv = await system
      .http()
      .get('/caseload')
      .query({ ...query, format: 'csv' })
      .expect(200);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(json.body.items.length + 1);
    const row = lines.find((line) => line.startsWith(trajectoryId))!;
    expect(row.split(',')).toEqual([
      trajectoryId,
      'Amina',
      familyName,
      'OPEN',
      expect.any(String),
      'IN_GENT',
      counsellorId,
      daysAgo(3),
      expect.any(String),
      expect.any(String),
      '0',
      '0',
      expect.stringMatching(/^(OVERDUE|DUE_SOON|WAITING_FOR_ME|ON_TRACK)$/),
    ]);
    // Another agency's counsellor asking for IN-Gent's caseload gets the header alone.
    const atlas = await system
      .http('counsellor-atlas')
      .get('/caseload')
      .query({ ...query, format: 'csv' });
    expect(atlas.status).toBe(200);
    expect(atlas.text).toBe(`${lines[0]}\r\n`);

    const correlationId = `csv-${Date.now()}`;
    await system
      .http()
      .get('/caseload')
      .query({ ...query, format: 'csv' })
      .set('X-Request-Id', correlationId);
    const [entry] = await system.database.query(
      `SELECT trajectory_ids FROM personal_data_access WHERE correlation_id = $1`,
      [correlationId],
    );
    expect(entry.trajectory_ids).toContain(trajectoryId);
  });

  it('answers problem details, not CSV, for a bad format, a bad filter or a refused role', async () => {
    const badFormat = await system.http().get('/deadlines').query({ format: 'xml' }).expect(400);
    expect(badFormat.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(badFormat.body.errors).toEqual([
      {
        field: 'format',
        detail: expect.stringMatching(/json, csv/),
        reason: 'MUST_BE_ONE_OF',
        params: { field: 'format', allowed: 'json, csv' },
      },
    ]);
    const badFilter = await system
      .http()
      .get('/deadlines')
      .query({ state: 'NOPE' })
      .set('Accept', 'text/csv');
    expect(badFilter.status).toBe(400);
    expect(badFilter.headers['content-type']).toMatch(/^application\/problem\+json/);
    const refused = await system
      .http('officer-abb')
      .get('/caseload')
      .query({ agency: 'IN_GENT', format: 'csv' });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
