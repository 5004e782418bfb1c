import { createHash } from 'node:crypto';
import {
  addDays,
  addMonths,
  CalendarDate,
  calendarDate,
  calendarDateAt,
  composeNationalNumber,
  TargetGroupFacts,
  TrajectoryCommand,
} from '../libs/domain/src';
import type { IntakeProfile } from '../libs/domain/src/pillars/pillar-state';

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
  /** Recorded with the registration: the target group is derived from them. */
  targetGroupFacts?: TargetGroupFacts;
  intakeProfile?: IntakeProfile;
  /** What happened after the contract (and the VDAB registration), in order, each sent to its endpoint. */
  later?: LaterCommand[];
}

/** The commands a demo sends after the contract, and the endpoint of each (the body is the command's fields). */
const LATER_COMMAND_PATHS = {
  EnrolInMoCourse: 'mo/enrolments',
  RecordMoTestResult: 'mo/test-results',
  ReferToNt2Course: 'nt2/referrals',
  EnrolInNt2Course: 'nt2/enrolments',
  LogParticipationActivity: 'participation/activities',
  GrantExemption: 'target-group/exemption',
} as const;
export type LaterCommand = Extract<TrajectoryCommand, { type: keyof typeof LATER_COMMAND_PATHS }>;

/** Every target-group fact of a third-country national on a first stay in Flanders since `firstRegisteredOn`: obliged. */
function obligedNewcomerFacts(firstRegisteredOn: CalendarDate): TargetGroupFacts {
  return {
    nationalityGroup: 'THIRD_COUNTRY',
    familyMemberOfEuEeaSwissNational: false,
    residenceRegion: 'FLANDERS',
    firstRegisteredInBelgiumOn: firstRegisteredOn,
    staysMoreThanThreeMonths: true,
    lawfulStay: true,
    previousResidenceOutsideFlanders: 'NONE',
    internationalProtection: 'NONE',
    ministerOfRecognisedReligion: false,
    holdsAttest: false,
    temporaryLabourMigrantTowardsPermanentStay: false,
    medicalCertificateOfSeriousIllnessOrDisability: false,
    belgianOrDutchDiploma: 'NONE',
    fullSchoolYearOfReceptionEducation: false,
  };
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
/** A valid national number for a demo newcomer born on `birthDate`. */
export function belgianNationalNumber(birthDate: string, serial: number): string {
  return composeNationalNumber(calendarDate(birthDate), serial);
}

/** The demo set, with dates counted back from `today`. */
export function demoTrajectories(today: CalendarDate): DemoTrajectory[] {
  const monthsAgo = (months: number, days = 0) => addDays(addMonths(today, -months), -days);
  const inProgressContract = monthsAgo(3);
  const after = (days: number) => addDays(inProgressContract, days);
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
    {
      key: 'pillars-in-progress',
      description:
        'obliged, contract 3 months ago: VDAB in time, MO passed at the second attempt, NT2 course started, 16 of 40 participation hours',
      newcomer: {
        givenName: 'Samira',
        familyName: 'Benali',
        birthDate: calendarDate('1990-05-05'),
        serial: 301,
        municipality: 'Gent',
      },
      agency: 'IN_GENT',
      counsellorId: 'counsellor-gent-1',
      targetGroupFacts: obligedNewcomerFacts(monthsAgo(5)),
      registeredOn: monthsAgo(4),
      intakeOn: monthsAgo(3, 14),
      intakeProfile: { working: false, studying: false, mayWork: true, literacy: 'LITERATE' },
      contractSignedOn: inProgressContract,
      vdabRegistration: { registeredOn: after(20), vdabClientReference: 'VDAB-DEMO-0002' },
      later: [
        { type: 'EnrolInMoCourse', provider: 'IN-Gent', language: 'Arabic', enrolledOn: after(7) },
        { type: 'RecordMoTestResult', takenOn: after(40), passed: false },
        { type: 'RecordMoTestResult', takenOn: after(60), passed: true, certificateNumber: 'MO-DEMO-0001' },
        {
          type: 'ReferToNt2Course',
          provider: 'CVO Gent',
          course: 'NT2 1.1',
          level: 'A2',
          referredOn: after(10),
        },
        {
          type: 'EnrolInNt2Course',
          provider: 'CVO Gent',
          course: 'NT2 1.1',
          level: 'A2',
          enrolledOn: after(21),
        },
        {
          type: 'LogParticipationActivity',
          kind: 'BUDDY',
          hours: 10,
          startedOn: after(30),
          endedOn: after(45),
          organisation: 'Buddywerking Gent',
          participantFeedback: 'goed contact, veel Nederlands gesproken',
        },
        {
          type: 'LogParticipationActivity',
          kind: 'VOLUNTEERING',
          hours: 6,
          startedOn: after(50),
          endedOn: after(52),
          organisation: 'Voedselbank Gent',
        },
      ],
    },
    {
      key: 'exempt-later',
      description:
        'obliged, contract a month ago, then exempt for a serious illness: the running VDAB deadline is waived',
      newcomer: {
        givenName: 'Youssef',
        familyName: 'Amrani',
        birthDate: calendarDate('1979-09-09'),
        serial: 77,
        municipality: 'Antwerpen',
      },
      agency: 'ATLAS',
      counsellorId: 'counsellor-atlas-1',
      targetGroupFacts: obligedNewcomerFacts(monthsAgo(3)),
      registeredOn: monthsAgo(2, 20),
      intakeOn: monthsAgo(2),
      contractSignedOn: addDays(today, -30),
      later: [
        {
          type: 'GrantExemption',
          reason: 'SERIOUS_ILLNESS_OR_DISABILITY',
          grantedOn: addDays(today, -5),
          explanation: 'medical certificate of the treating specialist',
        },
      ],
    },
  ];
}

export interface LoadDemoDataOptions {
  /** The anchor day the demo dates count back from; keep it between runs (default: today in Brussels). */
  today?: CalendarDate;
  log?: (message: string) => void;
  fetch?: typeof fetch;
  /**
   * A bearer access token of a counsellor of the agency (scripts/identity: the embedded provider's demo
   * counsellors): the API records them as the actor.
   */
  accessToken?: (agency: DemoTrajectory['agency']) => Promise<string | undefined>;
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
    options.accessToken ?? (async () => undefined),
  );
  const loaded: LoadedDemoTrajectory[] = [];
  for (const demo of demoTrajectories(today)) {
    const nationalNumber = belgianNationalNumber(demo.newcomer.birthDate, demo.newcomer.serial);
    client.actAs(demo.agency);
    const opened = await client.post(`${demo.key}/open`, '/trajectories', {
      nationalNumber,
      givenName: demo.newcomer.givenName,
      familyName: demo.newcomer.familyName,
      birthDate: demo.newcomer.birthDate,
      municipality: demo.newcomer.municipality,
      agency: demo.agency,
      ...(demo.counsellorId ? { counsellorId: demo.counsellorId } : {}),
      registeredOn: demo.registeredOn,
      ...(demo.targetGroupFacts ? { targetGroupFacts: demo.targetGroupFacts } : {}),
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
      const result = await client.post(`${demo.key}/intake`, `${path}/intake`, {
        intakeOn: demo.intakeOn,
        ...(demo.intakeProfile ? { profile: demo.intakeProfile } : {}),
      });
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
    for (const [index, command] of (demo.later ?? []).entries()) {
      const { type, ...body } = command;
      const endpoint = LATER_COMMAND_PATHS[type];
      const result = await client.post(`${demo.key}/${endpoint}#${index + 1}`, `${path}/${endpoint}`, body);
      steps.push(`${type}: ${result.summary}`);
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
    private readonly accessToken: (agency: DemoTrajectory['agency']) => Promise<string | undefined>,
  ) {}

  private agency: DemoTrajectory['agency'] = 'AGII';

  /** The demos of an agency are recorded by a counsellor of that agency. */
  actAs(agency: DemoTrajectory['agency']): void {
    this.agency = agency;
  }

  /**
   * POSTs with a deterministic Idempotency-Key. A 409 that says the fact is already there counts as done (an API
   * that checks state before keys, or a key that expired); anything else that is not 2xx is an error.
   */
  async post(step: string, path: string, body: unknown): Promise<PostResult> {
    const token = await this.accessToken(this.agency);
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'Idempotency-Key': idempotencyKey(`${this.keyPrefix}/${step}`),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
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
