/**
 * Test fixtures for the trajectory specs: commands with sensible defaults and a builder that drives a
 * trajectory to a given phase through the real `decide` and `evolve`. Not exported from the library index.
 */
import {
  AdjustNt2Target,
  AgreeWorkTrack,
  CloseTrajectory,
  CounsellorClosureReason,
  CorrectableFact,
  CorrectFact,
  EnrolInMoCourse,
  EnrolInNt2Course,
  FineDecision,
  GrantExemption,
  LogParticipationActivity,
  OpenTrajectory,
  OverrideTargetGroup,
  RecordContract,
  RecordFineDecision,
  RecordIntake,
  RecordMoTestResult,
  RecordNt2TestResult,
  RecordTargetGroupFacts,
  RecordVdabRegistration,
  ReferToNt2Course,
  ReportableViolation,
  ReportViolation,
  ResumeTrajectory,
  SuspendTrajectory,
  SuspensionReason,
  TrajectoryCommand,
  TransferTrajectory,
  RecordMove,
  RecordAgencyLetter,
  WaivePillar,
} from './commands';
import { Agency } from '../agency';
import { composeNationalNumber } from '../newcomer/national-number';
import { CalendarDate } from '../time/calendar-date';
import { IntakeProfile } from '../pillars/pillar-state';
import { Nt2Level, Pillar } from '../policy/pillar';
import { ExemptionReason } from '../target-group/exemption-reasons';
import { TargetGroupFacts } from '../target-group/target-group-facts';
import { RecordedTargetGroupStatus } from '../target-group/target-group-override';
import { expireDeadlines } from './deadline-expiry';
import { decide, Decision } from './decide';
import { EVENT_SCHEMA_VERSIONS, TrajectoryEvent } from './events';
import { RejectionCode } from './rejection';
import { evolve, MaybeTrajectoryState, TrajectoryState } from './state';
import { policyVersionById } from '../policy/policy-versions';

/** Fixed "now" for every spec: 15 June 2026, noon in Brussels (CEST). */
export const NOW = Date.parse('2026-06-15T10:00:00Z');
export const NOW_ISO = '2026-06-15T10:00:00.000Z';
export const TODAY = '2026-06-15';

export const TRAJECTORY_ID = 'trj-0001';

/** The source the 2022 and 2023 versions cite for the VDAB rule, copied into every DeadlineSet. */
export const VDAB_SOURCE = policyVersionById('2023').vdabRegistration?.source ?? '';
export const VDAB_DEADLINE_ID = 'trj-0001:VDAB_REGISTRATION';

/** The published example national number 85.07.30-033.28 (born 30 July 1985). */
export const NATIONAL_NUMBER = '85073003328';

export type OpenTrajectoryOverrides = Partial<Omit<OpenTrajectory, 'type' | 'newcomer'>> & {
  newcomer?: Partial<OpenTrajectory['newcomer']>;
};

/** An OpenTrajectory for Amina El Idrissi (85.07.30-033.28) at IN-Gent, registered 2026-03-02; any field can be overridden. */
export function openTrajectory(overrides: OpenTrajectoryOverrides = {}): OpenTrajectory {
  return {
    type: 'OpenTrajectory',
    trajectoryId: TRAJECTORY_ID,
    agency: 'IN_GENT',
    counsellorId: 'counsellor-7',
    registeredOn: '2026-03-02',
    ...overrides,
    newcomer: {
      nationalNumber: '85.07.30-033.28',
      givenName: 'Amina',
      familyName: 'El Idrissi',
      birthDate: '1985-07-30',
      municipality: 'Gent',
      ...overrides.newcomer,
    },
  };
}

/** An intake; with a profile (work, study, right to work, literacy) when one is given. */
export const recordIntake = (intakeOn: string, profile?: IntakeProfile): RecordIntake => ({
  type: 'RecordIntake',
  intakeOn,
  ...(profile ? { profile } : {}),
});

export const recordContract = (signedOn: string): RecordContract => ({ type: 'RecordContract', signedOn });

export const recordVdabRegistration = (
  registeredOn: string,
  vdabClientReference = 'VDAB-123456',
): RecordVdabRegistration => ({
  type: 'RecordVdabRegistration',
  registeredOn,
  vdabClientReference,
});

export const closeTrajectory = (
  closedOn: string,
  reason: CounsellorClosureReason = 'MOVED_OUT_OF_FLANDERS',
  explanation?: string,
): CloseTrajectory => ({
  type: 'CloseTrajectory',
  reason,
  closedOn,
  ...(explanation ? { explanation } : {}),
});

export interface History {
  /** The state after every event, applied one at a time with `evolve`. */
  state: TrajectoryState;
  events: TrajectoryEvent[];
}

/** Decides and applies each command in turn; throws when one is rejected (a fixture must not silently stop short). */
export function run(commands: readonly TrajectoryCommand[], now: number = NOW, from?: History): History {
  let state: MaybeTrajectoryState = from?.state;
  const events = [...(from?.events ?? [])];
  for (const command of commands) {
    const decision = decide(state, command, { now });
    if (!decision.accepted) {
      throw new Error(`fixture command ${command.type} rejected: ${JSON.stringify(decision.rejection)}`);
    }
    for (const event of decision.events) {
      state = evolve(state, event);
      events.push(event);
    }
  }
  if (!state) throw new Error('fixture produced no trajectory');
  return { state, events };
}

export type FixturePhase = 'REGISTERED' | 'INTAKE_DONE' | 'CONTRACT_SIGNED' | 'VDAB_REGISTERED' | 'CLOSED';

export interface FixtureDates {
  registeredOn: string;
  intakeOn: string;
  /** Default 2026-04-30 (policy 2023): the VDAB registration is due 2026-06-30, still open on NOW. */
  signedOn: string;
  vdabRegisteredOn: string;
  closedOn: string;
}

export const DEFAULT_DATES: FixtureDates = {
  registeredOn: '2026-03-02',
  intakeOn: '2026-03-16',
  signedOn: '2026-04-30',
  vdabRegisteredOn: '2026-05-20',
  closedOn: '2026-06-01',
};

/**
 * A trajectory at a phase of its main line: registered, intake done, contract signed (VDAB deadline open),
 * registered with VDAB after the contract (deadline met), or closed after the contract (deadline waived).
 */
export function trajectoryAt(
  phase: FixturePhase,
  dates: Partial<FixtureDates> = {},
  now: number = NOW,
): History {
  const on = { ...DEFAULT_DATES, ...dates };
  const steps: TrajectoryCommand[] = [openTrajectory({ registeredOn: on.registeredOn })];
  if (phase === 'REGISTERED') return run(steps, now);
  steps.push(recordIntake(on.intakeOn));
  if (phase === 'INTAKE_DONE') return run(steps, now);
  steps.push(recordContract(on.signedOn));
  if (phase === 'CONTRACT_SIGNED') return run(steps, now);
  if (phase === 'VDAB_REGISTERED') return run([...steps, recordVdabRegistration(on.vdabRegisteredOn)], now);
  return run([...steps, closeTrajectory(on.closedOn)], now);
}

export const suspendTrajectory = (
  suspendedFrom: string,
  reason: SuspensionReason = 'ILLNESS',
  explanation?: string,
): SuspendTrajectory => ({
  type: 'SuspendTrajectory',
  reason,
  suspendedFrom,
  ...(explanation ? { explanation } : {}),
});

export const resumeTrajectory = (resumedOn: string): ResumeTrajectory => ({
  type: 'ResumeTrajectory',
  resumedOn,
});

/** A municipality in each agency's area, by NIS code. */
export const MUNICIPALITY_OF: Record<Agency, { municipality: string; nisCode: string }> = {
  AGII: { municipality: 'Mechelen', nisCode: '12025' },
  ATLAS: { municipality: 'Antwerpen', nisCode: '11002' },
  IN_GENT: { municipality: 'Gent', nisCode: '44021' },
};

export const transferTrajectory = (
  toAgency: Agency,
  transferredOn: string,
  counsellorId?: string,
  to: { municipality: string; nisCode: string } = MUNICIPALITY_OF[toAgency],
): TransferTrajectory => ({
  type: 'TransferTrajectory',
  toAgency,
  transferredOn,
  ...to,
  ...(counsellorId ? { counsellorId } : {}),
});

export const recordMove = (movedOn: string, municipality: string, nisCode?: string): RecordMove => ({
  type: 'RecordMove',
  movedOn,
  municipality,
  ...(nisCode ? { nisCode } : { abroad: true }),
});

export const recordAgencyLetter = (sentOn: string, sendingAgency: Agency = 'AGII'): RecordAgencyLetter => ({
  type: 'RecordAgencyLetter',
  sentOn,
  sendingAgency,
});

export const correctFact = (
  fact: CorrectableFact,
  correctedDate: string,
  reason = 'typing error in the original record',
): CorrectFact => ({ type: 'CorrectFact', fact, correctedDate, reason });

export const recordFineDecision = (
  violationId: string,
  decision: FineDecision,
  decidedOn: string,
  amountEuro?: number,
  explanation?: string,
): RecordFineDecision => ({
  type: 'RecordFineDecision',
  violationId,
  decision,
  ...(amountEuro === undefined ? {} : { amountEuro }),
  decidedOn,
  ...(explanation ? { explanation } : {}),
});

/** The id `expireDeadlines` gives the first violation of the fixture trajectory. */
export const FIRST_VIOLATION_ID = 'trj-0001:violation:1';

/** Applies events (e.g. from `expireDeadlines` or an accepted decision) to a history with `evolve`. */
export function applyEvents(history: History, events: readonly TrajectoryEvent[]): History {
  return {
    state: events.reduce<TrajectoryState>((state, event) => evolve(state, event), history.state),
    events: [...history.events, ...events],
  };
}

/** Lets the deadlines that have expired at `now` expire (missed, violation opened), as the workflow timer does. */
export function expireAt(history: History, now: number): History {
  return applyEvents(history, expireDeadlines(history.state, now));
}

/** The events of an accepted decision; throws with the rejection otherwise. */
export function acceptedEvents(decision: Decision): TrajectoryEvent[] {
  if (!decision.accepted) throw new Error(`expected acceptance, got ${JSON.stringify(decision.rejection)}`);
  return decision.events;
}

/** Code, field (undefined when the rejection has none) and message of a rejected decision; throws on acceptance. */
export function rejectionOf(decision: Decision): {
  code: RejectionCode;
  field: string | undefined;
  message: string;
} {
  if (decision.accepted) throw new Error(`expected rejection, got ${JSON.stringify(decision.events)}`);
  return {
    code: decision.rejection.code,
    field: decision.rejection.field,
    message: decision.rejection.message,
  };
}

/** An expected event as decided at `now` (default NOW). */
export const expectedEvent = (type: TrajectoryEvent['type'], data: object, now: number = NOW) => ({
  type,
  schemaVersion: EVENT_SCHEMA_VERSIONS[type],
  occurredAt: new Date(now).toISOString(),
  data,
});

/**
 * A valid national number (YYMMDD SSS CC) for a birth date, so that a newcomer of any age can be opened:
 * the check digits are 97 - (nine digits mod 97), with a "2" in front of the nine digits for births from 2000.
 */
export function nationalNumberFor(birthDate: string, sequence = '033'): string {
  return composeNationalNumber(birthDate as CalendarDate, Number(sequence));
}

/** The fixture newcomer with another birth date (and the national number that goes with it). */
export const newcomerBornOn = (birthDate: string): OpenTrajectoryOverrides['newcomer'] => ({
  birthDate,
  nationalNumber: nationalNumberFor(birthDate),
});

/**
 * Every target-group fact recorded for a third-country national on a first stay, nothing exempting, who was
 * first registered in Belgium on `firstRegisteredInBelgiumOn`: OBLIGED from that day in Flanders, ENTITLED in Brussels.
 */
export function thirdCountryNewcomerFacts(
  firstRegisteredInBelgiumOn: string,
  residenceRegion: 'FLANDERS' | 'BRUSSELS' = 'FLANDERS',
): TargetGroupFacts {
  return {
    nationalityGroup: 'THIRD_COUNTRY',
    familyMemberOfEuEeaSwissNational: false,
    residenceRegion,
    firstRegisteredInBelgiumOn: firstRegisteredInBelgiumOn as CalendarDate,
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

/** Settled in Flanders on 2026-02-15: OBLIGED from that day (agency registration due 2026-05-15). */
export const OBLIGED_FACTS: TargetGroupFacts = thirdCountryNewcomerFacts('2026-02-15');

/** The same newcomer living in Brussels: ENTITLED (no obligation in Brussels). */
export const BRUSSELS_FACTS: TargetGroupFacts = { ...OBLIGED_FACTS, residenceRegion: 'BRUSSELS' };

export const recordTargetGroupFacts = (facts: TargetGroupFacts): RecordTargetGroupFacts => ({
  type: 'RecordTargetGroupFacts',
  facts,
});

export const grantExemption = (
  grantedOn: string,
  reason: ExemptionReason = 'SERIOUS_ILLNESS_OR_DISABILITY',
  explanation?: string,
): GrantExemption => ({ type: 'GrantExemption', reason, grantedOn, ...(explanation ? { explanation } : {}) });

export const overrideTargetGroup = (
  recorded: RecordedTargetGroupStatus,
  reason = 'documents seen at the intake',
): OverrideTargetGroup => ({ type: 'OverrideTargetGroup', recorded, reason });

export interface SignedTrajectoryOptions extends Partial<
  Omit<FixtureDates, 'vdabRegisteredOn' | 'closedOn'>
> {
  /** Default the fixture newcomer's 1985-07-30: of working age for every contract date the specs use. */
  birthDate?: string;
  profile?: IntakeProfile;
  targetGroupFacts?: TargetGroupFacts;
  /** The agency's registered letter, recorded after the opening (the reporting deadline runs from it). */
  agencyLetterOn?: string;
}

/**
 * Opened, intake done and contract signed, with a chosen birth date, intake profile and target-group facts:
 * the pillars are determined and, when WORK applies, the VDAB deadline is open.
 */
export function contractSignedWith(options: SignedTrajectoryOptions = {}, now: number = NOW): History {
  const on = { ...DEFAULT_DATES, ...options };
  return run(
    [
      openTrajectory({
        registeredOn: on.registeredOn,
        ...(options.birthDate ? { newcomer: newcomerBornOn(options.birthDate) } : {}),
        ...(options.targetGroupFacts ? { targetGroupFacts: options.targetGroupFacts } : {}),
      }),
      ...(options.agencyLetterOn ? [recordAgencyLetter(options.agencyLetterOn)] : []),
      recordIntake(on.intakeOn, options.profile),
      recordContract(on.signedOn),
    ],
    now,
  );
}

/** Contract dates per policy version, each with its intake and registration before it (all before NOW). */
export const SIGNED_UNDER: Record<'2016' | '2022' | '2023', Partial<FixtureDates>> = {
  '2016': { registeredOn: '2019-01-07', intakeOn: '2019-01-21', signedOn: '2019-02-04' },
  '2022': { registeredOn: '2022-03-01', intakeOn: '2022-03-15', signedOn: '2022-04-01' },
  '2023': {
    registeredOn: DEFAULT_DATES.registeredOn,
    intakeOn: DEFAULT_DATES.intakeOn,
    signedOn: DEFAULT_DATES.signedOn,
  },
};

export const enrolInMoCourse = (
  enrolledOn: string,
  provider = 'Agentschap Integratie en Inburgering',
  language = 'Arabic',
): EnrolInMoCourse => ({ type: 'EnrolInMoCourse', provider, language, enrolledOn });

export const recordMoTestResult = (takenOn: string, passed: boolean): RecordMoTestResult => ({
  type: 'RecordMoTestResult',
  takenOn,
  passed,
  ...(passed ? { certificateNumber: `MO-${takenOn}` } : {}),
});

export const referToNt2Course = (
  referredOn: string,
  level: Nt2Level = 'A2',
  provider = 'CVO Gent',
  course = 'Nederlands 1.1',
): ReferToNt2Course => ({ type: 'ReferToNt2Course', provider, course, level, referredOn });

export const enrolInNt2Course = (
  enrolledOn: string,
  level: Nt2Level = 'A2',
  provider = 'CVO Gent',
  course = 'Nederlands 1.1',
): EnrolInNt2Course => ({ type: 'EnrolInNt2Course', provider, course, level, enrolledOn });

export const adjustNt2Target = (
  adjustedOn: string,
  targetLevel: Nt2Level = 'A1',
  reason = 'low-literate learner: adjusted path agreed with the course provider',
): AdjustNt2Target => ({ type: 'AdjustNt2Target', targetLevel, adjustedOn, reason });

export const recordNt2TestResult = (
  takenOn: string,
  level: Nt2Level,
  passed: boolean,
): RecordNt2TestResult => ({
  type: 'RecordNt2TestResult',
  level,
  takenOn,
  passed,
  ...(passed ? { certificateNumber: `NT2-${level}-${takenOn}` } : {}),
});

export const agreeWorkTrack = (
  agreedOn: string,
  description = 'orientation towards logistics',
): AgreeWorkTrack => ({
  type: 'AgreeWorkTrack',
  description,
  agreedOn,
});

/** A participation activity (default volunteering at a sports club, one day) of `hours` hours. */
export const logParticipationActivity = (
  hours: number,
  startedOn: string,
  overrides: Partial<Omit<LogParticipationActivity, 'type' | 'hours' | 'startedOn'>> = {},
): LogParticipationActivity => ({
  type: 'LogParticipationActivity',
  kind: 'VOLUNTEERING',
  hours,
  startedOn,
  endedOn: startedOn,
  organisation: 'KAA Gent Foundation',
  ...overrides,
});

export const waivePillar = (
  pillar: Pillar,
  waivedOn: string,
  reason = 'incapacity for work (medical certificate)',
): WaivePillar => ({ type: 'WaivePillar', pillar, reason, waivedOn });

export const reportViolation = (
  kind: ReportableViolation,
  observedOn: string,
  facts = 'did not attend the MO course three times without notice',
): ReportViolation => ({ type: 'ReportViolation', kind, observedOn, facts });

/**
 * The `PillarsDetermined` data for the fixture newcomer (born 1985-07-30, of working age; no intake profile,
 * no target group) under each policy version, the reasons written out from the versions' sources.
 */
export function defaultPillarsDetermined(policyVersion: '2016' | '2022' | '2023'): object {
  const { mo, nt2, attest } = policyVersionById(policyVersion).parameters;
  return {
    policyVersion,
    MO: { applicability: 'REQUIRED', reason: `${mo.requiredResult} (${mo.source})` },
    NT2: {
      applicability: 'REQUIRED',
      targetLevel: nt2.targetLevel,
      reason: `target ${nt2.targetLevel} (${nt2.targetLevelSource})`,
    },
    WORK:
      policyVersion === '2016'
        ? { applicability: 'NOT_APPLICABLE', reason: 'policy 2016 has no VDAB registration condition' }
        : { applicability: 'REQUIRED', reason: `VDAB registration within 2 months (${VDAB_SOURCE})` },
    PARTICIPATION:
      policyVersion === '2023'
        ? {
            applicability: 'REQUIRED',
            reason:
              'not voluntary, not working or studying: the 40-hour trajectory applies (Beleidsplan 2020-2024 l.203-222)',
            targetHours: 40,
          }
        : {
            applicability: 'NOT_APPLICABLE',
            reason: `policy ${policyVersion} has no participation pillar (${attest.source})`,
            targetHours: 0,
          },
  };
}
