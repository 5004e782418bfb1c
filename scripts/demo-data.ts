import { createHash } from 'node:crypto';
import {
  addDays,
  addMonths,
  CalendarDate,
  calendarDate,
  calendarDateAt,
  composeNationalNumber,
} from '../libs/domain/src';

/**
 * Demo trajectories for `npm start`, loaded through the public HTTP API only (exactly what a client could do).
 * Dates count back from an anchor day (`today`: the day of the first load, kept by the caller). Every request
 * carries an Idempotency-Key derived from the anchor and the step, and the same anchor gives the same request
 * bodies, so loading again after a restart answers with the trajectories made the first time instead of making
 * new ones (the API refuses a key reused with a different body, hence the anchor in the key).
 */
export interface DemoTrajectory {
  key: string;
  description: string;
  newcomer: {
    givenName: string;
    familyName: string;
    birthDate: CalendarDate;
    serial: number;
    municipality: string;
  };
  agency: 'AGII' | 'ATLAS' | 'IN_GENT';
  counsellorId?: string;
  registeredOn: CalendarDate;
  intakeOn?: CalendarDate;
  contractSignedOn?: CalendarDate;
  vdabRegistration?: { registeredOn: CalendarDate; vdabClientReference: string };
}

export interface LoadedDemoTrajectory {
  key: string;
  description: string;
  trajectoryId: string;
  name: string;
  nationalNumber: string;
  /** What the API reported for the last request (events of that step, or "already recorded"). */
  steps: string[];
}

/** Bump to load a fresh set next to an existing one (keys change, so nothing is replayed). */
const DEMO_SET = 'demo-v1';
const ACTOR = 'demo-data';

/** A valid national number for a demo newcomer born on `birthDate`. */
export function belgianNationalNumber(birthDate: string, serial: number): string {
  return composeNationalNumber(calendarDate(birthDate), serial);
}

/** The demo set, with dates counted back from `today`. */
export function demoTrajectories(today: CalendarDate): DemoTrajectory[] {
  const monthsAgo = (months: number, days = 0) => addDays(addMonths(today, -months), -days);
  return [
    {
      key: 'missed-vdab-deadline',
      description:
        'contract signed 3 months ago, no VDAB registration: the 2-month deadline is missed, a violation file is opened',
      newcomer: {
        givenName: 'Amina',
        familyName: 'Haddad',
        birthDate: calendarDate('1991-04-17'),
        serial: 124,
        municipality: 'Antwerpen',
      },
      agency: 'ATLAS',
      counsellorId: 'counsellor-atlas-1',
      registeredOn: monthsAgo(4),
      intakeOn: monthsAgo(3, 14),
      contractSignedOn: monthsAgo(3),
    },
    {
      key: 'vdab-deadline-met',
      description: 'contract signed 7 weeks ago, registered with VDAB 3 weeks later: deadline met',
      newcomer: {
        givenName: 'Oleksandr',
        familyName: 'Kovalenko',
        birthDate: calendarDate('1985-11-02'),
        serial: 37,
        municipality: 'Gent',
      },
      agency: 'IN_GENT',
      counsellorId: 'counsellor-gent-1',
      registeredOn: monthsAgo(3),
      intakeOn: addDays(today, -60),
      contractSignedOn: addDays(today, -49),
      vdabRegistration: { registeredOn: addDays(today, -28), vdabClientReference: 'VDAB-DEMO-0001' },
    },
    {
      key: 'vdab-deadline-running',
      description: 'contract signed 2 weeks ago: the VDAB registration deadline is open',
      newcomer: {
        givenName: 'Mariam',
        familyName: 'Yousef',
        birthDate: calendarDate('1998-07-30'),
        serial: 212,
        municipality: 'Mechelen',
      },
      agency: 'AGII',
      counsellorId: 'counsellor-agii-1',
      registeredOn: monthsAgo(1),
      intakeOn: addDays(today, -21),
      contractSignedOn: addDays(today, -14),
    },
    {
      key: 'just-registered',
      description: 'registered today, intake still to plan',
      newcomer: {
        givenName: 'Joao',
        familyName: 'Ferreira',
        birthDate: calendarDate('2003-02-11'),
        serial: 85,
        municipality: 'Leuven',
      },
      agency: 'AGII',
      registeredOn: today,
    },
  ];
}

export interface LoadDemoDataOptions {
  /** The anchor day the demo dates count back from; keep it between runs (default: today in Brussels). */
  today?: CalendarDate;
  log?: (message: string) => void;
  fetch?: typeof fetch;
}

export async function loadDemoData(
  apiBaseUrl: string,
  options: LoadDemoDataOptions = {},
): Promise<LoadedDemoTrajectory[]> {
  const today = options.today ?? calendarDateAt(Date.now());
  const client = new DemoClient(
    apiBaseUrl.replace(/\/+$/, ''),
    `${DEMO_SET}/${today}`,
    options.fetch ?? fetch,
  );
  const loaded: LoadedDemoTrajectory[] = [];
  for (const demo of demoTrajectories(today)) {
    const nationalNumber = belgianNationalNumber(demo.newcomer.birthDate, demo.newcomer.serial);
    const opened = await client.post(`${demo.key}/open`, '/trajectories', {
      nationalNumber,
      givenName: demo.newcomer.givenName,
      familyName: demo.newcomer.familyName,
      birthDate: demo.newcomer.birthDate,
      municipality: demo.newcomer.municipality,
      agency: demo.agency,
      ...(demo.counsellorId ? { counsellorId: demo.counsellorId } : {}),
      registeredOn: demo.registeredOn,
    });
    const trajectoryId = opened.body?.trajectoryId;
    if (typeof trajectoryId !== 'string') {
      throw new Error(
        `POST /trajectories for demo "${demo.key}" answered without a trajectoryId: ${JSON.stringify(opened.body)}`,
      );
    }
    const steps = [`opened: ${opened.summary}`];
    const path = `/trajectories/${encodeURIComponent(trajectoryId)}`;
    if (demo.intakeOn) {
      const result = await client.post(`${demo.key}/intake`, `${path}/intake`, { intakeOn: demo.intakeOn });
      steps.push(`intake ${demo.intakeOn}: ${result.summary}`);
    }
    if (demo.contractSignedOn) {
      const result = await client.post(`${demo.key}/contract`, `${path}/contract`, {
        signedOn: demo.contractSignedOn,
      });
      steps.push(`contract ${demo.contractSignedOn}: ${result.summary}`);
    }
    if (demo.vdabRegistration) {
      const result = await client.post(
        `${demo.key}/vdab-registration`,
        `${path}/vdab-registration`,
        demo.vdabRegistration,
      );
      steps.push(`VDAB registration ${demo.vdabRegistration.registeredOn}: ${result.summary}`);
    }
    options.log?.(`demo trajectory ${trajectoryId} (${demo.key}): ${steps.join('; ')}`);
    loaded.push({
      key: demo.key,
      description: demo.description,
      trajectoryId,
      name: `${demo.newcomer.givenName} ${demo.newcomer.familyName}`,
      nationalNumber,
      steps,
    });
  }
  return loaded;
}

interface PostResult {
  status: number;
  body: { trajectoryId?: unknown; version?: unknown; events?: unknown } | undefined;
  summary: string;
}

class DemoClient {
  constructor(
    private readonly baseUrl: string,
    private readonly keyPrefix: string,
    private readonly fetchImpl: typeof fetch,
  ) {}

  /**
   * POSTs with a deterministic Idempotency-Key. A 409 that says the fact is already there counts as done (an API
   * that checks state before keys, or a key that expired); anything else that is not 2xx is an error.
   */
  async post(step: string, path: string, body: unknown): Promise<PostResult> {
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'Idempotency-Key': idempotencyKey(`${this.keyPrefix}/${step}`),
        'X-Actor': ACTOR,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let parsed: PostResult['body'];
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (response.ok) {
      const events = Array.isArray(parsed?.events) ? parsed.events.join(', ') : '';
      return { status: response.status, body: parsed, summary: events || `HTTP ${response.status}` };
    }
    if (response.status === 409 && /already/i.test(text)) {
      return { status: response.status, body: parsed, summary: 'already recorded' };
    }
    throw new Error(`demo data: POST ${path} (${step}) answered ${response.status}: ${text.slice(0, 500)}`);
  }
}

/** A UUID (version 5 layout) derived from a name: the same demo step always sends the same key. */
export function idempotencyKey(name: string): string {
  const hash = createHash('sha1').update(`inburgering-demo:${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
