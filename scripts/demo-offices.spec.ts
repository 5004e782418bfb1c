import { DEMO_IDENTITIES } from '../libs/identity/src/demo-identities';
import { DEMO_OFFICES, loadDemoOffices } from './demo-offices';
import { demoTrajectories } from './demo-data';
import { calendarDate } from '../libs/domain/src';

describe('demo offices', () => {
  it('place every demo counsellor and every counsellor of the demo trajectories in one office of their agency', () => {
    const placed = DEMO_OFFICES.flatMap((office) => office.counsellorIds.map((id) => [id, office.agency]));
    expect(new Set(placed.map(([id]) => id)).size).toBe(placed.length);
    const officeOf = new Map(placed as [string, string][]);
    for (const identity of DEMO_IDENTITIES.filter((candidate) => candidate.roles.includes('counsellor'))) {
      expect([identity.id, officeOf.get(identity.id)]).toEqual([identity.id, identity.organisation]);
    }
    for (const demo of demoTrajectories(calendarDate('2026-05-20'))) {
      if (demo.counsellorId) expect(officeOf.get(demo.counsellorId)).toBe(demo.agency);
    }
  });

  it('gives IN-Gent two offices, so that a case can be reassigned from one to the other', () => {
    expect(DEMO_OFFICES.filter((office) => office.agency === 'IN_GENT')).toHaveLength(2);
  });

  it('are sent with PUT and a manager token of their agency, offices before their counsellors', async () => {
    const calls: { method: string; url: string; authorization: string; body?: string }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({
        method: init.method ?? 'GET',
        url,
        authorization: headers.authorization ?? '',
        ...(init.body ? { body: init.body as string } : {}),
      });
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch;
    await loadDemoOffices('http://api.test/', {
      fetch: fakeFetch,
      managerToken: async (agency) => `m-${agency}`,
    });
    expect(calls.every((call) => call.method === 'PUT')).toBe(true);
    expect(calls.slice(0, 3)).toEqual([
      {
        method: 'PUT',
        url: 'http://api.test/offices/agii-brussel',
        authorization: 'Bearer m-AGII',
        body: '{"name":"Brussel"}',
      },
      {
        method: 'PUT',
        url: 'http://api.test/offices/agii-brussel/counsellors/counsellor-agii',
        authorization: 'Bearer m-AGII',
      },
      {
        method: 'PUT',
        url: 'http://api.test/offices/agii-brussel/counsellors/counsellor-agii-1',
        authorization: 'Bearer m-AGII',
      },
    ]);
    expect(calls.at(-1)).toEqual({
      method: 'PUT',
      url: 'http://api.test/offices/gent-noord/counsellors/counsellor-gent-2',
      authorization: 'Bearer m-IN_GENT',
    });
  });

  it('stop at the first refusal, naming the path', async () => {
    const refused = (async () => new Response('nope', { status: 403 })) as unknown as typeof fetch;
    await expect(
      loadDemoOffices('http://api.test', { fetch: refused, managerToken: async () => undefined }),
    ).rejects.toThrow('PUT /offices/agii-brussel answered 403');
  });
});
