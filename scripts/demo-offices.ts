/**
 * The demo agencies' offices and which counsellors belong to each, for `npm start`: sent through the public API
 * (`PUT /offices/...`) with a manager's token, as a team lead would. PUT is idempotent, so loading again after a
 * restart changes nothing. The counsellors are the demo identities (libs/identity) and the counsellor ids the demo
 * trajectories are assigned to (scripts/demo-data.ts).
 */
export type DemoAgency = 'AGII' | 'ATLAS' | 'IN_GENT';

export interface DemoOffice {
  agency: DemoAgency;
  officeId: string;
  name: string;
  counsellorIds: string[];
}

export const DEMO_OFFICES: readonly DemoOffice[] = [
  {
    agency: 'AGII',
    officeId: 'agii-brussel',
    name: 'Brussel',
    counsellorIds: ['counsellor-agii', 'counsellor-agii-1'],
  },
  {
    agency: 'ATLAS',
    officeId: 'atlas-centrum',
    name: 'Antwerpen Centrum',
    counsellorIds: ['counsellor-atlas', 'counsellor-atlas-1'],
  },
  {
    agency: 'IN_GENT',
    officeId: 'gent-centrum',
    name: 'Gent Centrum',
    counsellorIds: ['counsellor-gent', 'counsellor-gent-1'],
  },
  { agency: 'IN_GENT', officeId: 'gent-noord', name: 'Gent Noord', counsellorIds: ['counsellor-gent-2'] },
];

export interface LoadDemoOfficesOptions {
  fetch?: typeof fetch;
  /** A bearer access token of a manager of the agency; undefined under an external issuer without demo users. */
  managerToken: (agency: DemoAgency) => Promise<string | undefined>;
  log?: (message: string) => void;
}

export async function loadDemoOffices(apiBaseUrl: string, options: LoadDemoOfficesOptions): Promise<void> {
  const base = apiBaseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;
  for (const office of DEMO_OFFICES) {
    const token = await options.managerToken(office.agency);
    const put = async (path: string, body?: object) => {
      const response = await fetchImpl(`${base}${path}`, {
        method: 'PUT',
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) {
        throw new Error(
          `demo offices: PUT ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
        );
      }
    };
    await put(`/offices/${office.officeId}`, { name: office.name });
    for (const counsellorId of office.counsellorIds) {
      await put(`/offices/${office.officeId}/counsellors/${encodeURIComponent(counsellorId)}`);
    }
    options.log?.(`demo office ${office.officeId} (${office.agency}): ${office.counsellorIds.join(', ')}`);
  }
}
