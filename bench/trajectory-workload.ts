import { createHash } from 'node:crypto';
import {
  addDays,
  Agency,
  CalendarDate,
  calendarDate,
  composeNationalNumber,
  daysBetween,
  decide,
  expireDeadlines,
  fold,
  MaybeTrajectoryState,
  SIMULATED_GIVEN_NAMES,
  TrajectoryCommand,
  TrajectoryEvent,
  TrajectoryState,
} from '../libs/domain/src';
import { thirdCountryNewcomerFacts } from '../libs/domain/src/trajectory/trajectory.fixtures';
import type { AppendRequest } from '../libs/store/src';

/**
 * A realistic, reproducible workload: trajectories in every phase (just opened, intake, contract with its VDAB
 * deadline open or missed, courses under way, completed with the attest), each driven command by command through the
 * domain's `decide` the way its workflow does, so the appends carry real event payloads. The appends are computed
 * up front: deciding is the workflow's work, not the store's, and the baseline inserts exactly the same rows.
 */

/** The benchmark's "today": no fact lies after it, deadlines due before it and not met are missed. */
export const BENCH_TODAY = calendarDate('2026-06-15');

/** ~100 open trajectories per caseworker (design target: 100,000 open, 1,000 caseworkers). */
export const TRAJECTORIES_PER_COUNSELLOR = 100;

const AGENCIES: readonly Agency[] = ['AGII', 'AGII', 'ATLAS', 'IN_GENT'];
export const MUNICIPALITIES: Record<Agency, readonly string[]> = {
  AGII: ['Leuven', 'Brugge', 'Mechelen', 'Hasselt', 'Kortrijk', 'Aalst', 'Genk', 'Oostende'],
  ATLAS: ['Antwerpen'],
  IN_GENT: ['Gent'],
};
/** The first ten of the simulated year's given names. */
export const GIVEN_NAMES = SIMULATED_GIVEN_NAMES.slice(0, 10);
export const FAMILY_NAMES = [
  'El Idrissi',
  'Kovalenko',
  'Haddad',
  'Tesfaye',
  'Rahimi',
  'Nowak',
  'Diallo',
  'Hussaini',
];
const FIRST_REGISTRATION = calendarDate('2023-01-02');

/** How far a trajectory has come; later phases need an earlier registration date to fit before BENCH_TODAY. */
type Phase = 'OPENED' | 'INTAKE' | 'CONTRACT' | 'COURSES' | 'ATTEST';
const PHASES: readonly (readonly [Phase, number])[] = [
  ['OPENED', 0.08],
  ['INTAKE', 0.1],
  ['CONTRACT', 0.22],
  ['COURSES', 0.35],
  ['ATTEST', 0.25],
];
/** Days from the registration to the phase's last fact. */
const PHASE_DAYS: Record<Phase, number> = { OPENED: 0, INTAKE: 14, CONTRACT: 30, COURSES: 130, ATTEST: 215 };

export interface WorkloadTrajectory {
  trajectoryId: string;
  agency: Agency;
  counsellorId: string;
  /** One append per command, in order; expectedVersion chains them. */
  appends: AppendRequest[];
}

export interface Workload {
  trajectories: WorkloadTrajectory[];
  counsellors: string[];
}

/**
 * `count` trajectories named `${prefix}-<n>`, over `counsellorCount` counsellors. Same arguments, same commands
 * (trajectory ids are derived, not random), so runs are comparable.
 */
export function buildWorkload(prefix: string, count: number, counsellorCount: number): Workload {
  const counsellors = Array.from({ length: counsellorCount }, (_, index) => counsellorName(index));
  return { trajectories: [...generateTrajectories(prefix, count, counsellorCount)], counsellors };
}

/** The trajectories of `buildWorkload`, one at a time: for volumes that do not fit in memory at once. */
export function* generateTrajectories(
  prefix: string,
  count: number,
  counsellorCount: number,
): Generator<WorkloadTrajectory> {
  const random = seededRandom(`${prefix}:${count}`);
  const counsellors = Array.from({ length: counsellorCount }, (_, index) => counsellorName(index));
  for (let index = 0; index < count; index += 1) {
    yield buildTrajectory(`${prefix}-${index}`, index, counsellors, random);
  }
}

export function counsellorName(index: number): string {
  return `counsellor-${String(index).padStart(4, '0')}`;
}

function buildTrajectory(
  name: string,
  index: number,
  counsellors: string[],
  random: () => number,
): WorkloadTrajectory {
  const trajectoryId = uuidFrom(name);
  const agency = AGENCIES[index % AGENCIES.length];
  const counsellorId = counsellors[Math.floor(random() * counsellors.length)];
  const municipalities = MUNICIPALITIES[agency];
  const municipality = municipalities[Math.floor(random() * municipalities.length)];
  const phase = pickPhase(random());
  const spread = daysBetween(FIRST_REGISTRATION, BENCH_TODAY) - PHASE_DAYS[phase];
  const registeredOn = addDays(FIRST_REGISTRATION, Math.floor(random() * spread));
  // Distinct newcomers (one active trajectory each): (birth date, serial) unique up to 5,000,000 trajectories, all
  // born before 2000, serials up to 500 (clone-trajectories uses the others).
  const birthDate = addDays(calendarDate('1970-01-01'), (index * 7_919) % 10_000);
  const script = new CommandScript(trajectoryId, registeredOn);

  script.run(0, {
    type: 'OpenTrajectory',
    trajectoryId,
    newcomer: {
      nationalNumber: composeNationalNumber(birthDate, 1 + (Math.floor(index / 10_000) % 500)),
      givenName: GIVEN_NAMES[index % GIVEN_NAMES.length],
      familyName: FAMILY_NAMES[Math.floor(random() * FAMILY_NAMES.length)],
      birthDate,
      municipality,
    },
    agency,
    counsellorId,
    registeredOn,
    targetGroupFacts: thirdCountryNewcomerFacts(addDays(registeredOn, -20 - Math.floor(random() * 40))),
  });
  if (phase === 'OPENED') return script.done(agency, counsellorId);

  const literate = random() < 0.8;
  script.run(14, {
    type: 'RecordIntake',
    intakeOn: script.date(14),
    profile: {
      working: false,
      studying: false,
      mayWork: true,
      literacy: literate ? 'LITERATE' : 'LOW_LITERATE',
    },
  });
  if (phase === 'INTAKE') return script.done(agency, counsellorId);

  script.run(30, { type: 'RecordContract', signedOn: script.date(30) });
  if (phase === 'CONTRACT') {
    // Some register with VDAB in time, the others miss the deadline: the workflow's timer records it.
    if (random() < 0.5) script.vdabRegistration(30 + 10 + Math.floor(random() * 40));
    else script.expireDeadlinesAfter(30 + 62);
    return script.done(agency, counsellorId);
  }

  script.run(35, {
    type: 'AgreeWorkTrack',
    description: 'Job search with VDAB guidance',
    agreedOn: script.date(35),
  });
  script.vdabRegistration(45);
  script.run(40, {
    type: 'EnrolInMoCourse',
    provider: 'Agentschap Integratie en Inburgering',
    language: 'Arabic',
    enrolledOn: script.date(40),
  });
  script.run(40, {
    type: 'ReferToNt2Course',
    provider: 'CVO',
    course: 'NT2 1.1-1.4',
    level: script.nt2Level(),
    referredOn: script.date(40),
  });
  script.attendance('MO', 41, 70, 20, 18);
  script.attendance('NT2', 41, 90, 60, 52);
  const firstMoPassed = random() < 0.7;
  script.run(100, {
    type: 'RecordMoTestResult',
    takenOn: script.date(100),
    passed: firstMoPassed,
    ...(firstMoPassed ? { certificateNumber: `MO-${script.date(100)}` } : {}),
  });
  script.activity('BUDDY', 14.75, 60, 120, 'Vzw De Buurt');
  if (phase === 'COURSES') return script.done(agency, counsellorId);

  if (!script.state.pillars?.MO || script.state.pillars.MO.status !== 'COMPLETED') {
    script.run(130, {
      type: 'RecordMoTestResult',
      takenOn: script.date(130),
      passed: true,
      certificateNumber: `MO-${script.date(130)}`,
    });
  }
  script.attendance('NT2', 91, 180, 80, 70);
  script.run(200, {
    type: 'RecordNt2TestResult',
    level: script.nt2Level(),
    takenOn: script.date(200),
    passed: true,
    certificateNumber: `NT2-${script.date(200)}`,
  });
  script.activity('VOLUNTEERING', 15.25, 121, 200, 'Sportclub');
  script.activity('INTRODUCTORY_INTERNSHIP', 10, 201, 215, 'Gemeente');
  return script.done(agency, counsellorId);
}

/** Runs commands through `decide` at the workflow time of their day and keeps the appends they produce. */
class CommandScript {
  private current: MaybeTrajectoryState;
  private readonly appends: AppendRequest[] = [];

  constructor(
    private readonly trajectoryId: string,
    private readonly registeredOn: CalendarDate,
  ) {}

  get state(): TrajectoryState {
    if (!this.current) throw new Error(`trajectory ${this.trajectoryId} is not opened`);
    return this.current;
  }

  /** The day `offset` days after the registration, never after BENCH_TODAY. */
  date(offset: number): CalendarDate {
    const day = addDays(this.registeredOn, offset);
    return day > BENCH_TODAY ? BENCH_TODAY : day;
  }

  nt2Level() {
    return this.state.pillars?.NT2.targetLevel ?? 'A2';
  }

  run(offset: number, command: TrajectoryCommand): void {
    const decision = decide(this.current, command, { now: this.instant(offset) });
    if (!decision.accepted) {
      throw new Error(
        `workload: ${command.type} rejected for ${this.trajectoryId}: ${decision.rejection.message}`,
      );
    }
    this.record(decision.events, command.type);
  }

  vdabRegistration(offset: number): void {
    this.run(offset, {
      type: 'RecordVdabRegistration',
      registeredOn: this.date(offset),
      vdabClientReference: `VDAB-${this.trajectoryId.slice(0, 8)}`,
    });
  }

  /** What the deadline timer does when it fires `offset` days after the registration (if that is not in the future). */
  expireDeadlinesAfter(offset: number): void {
    if (addDays(this.registeredOn, offset) > BENCH_TODAY) return;
    const events = expireDeadlines(this.state, this.instant(offset));
    if (events.length) this.record(events, 'ExpireDeadlines');
  }

  attendance(pillar: 'MO' | 'NT2', from: number, to: number, scheduled: number, attended: number): void {
    this.run(to, {
      type: 'RecordAttendance',
      pillar,
      periodFrom: this.date(from),
      periodTo: this.date(to),
      hoursScheduled: scheduled,
      hoursAttended: attended,
    });
  }

  activity(
    kind: 'BUDDY' | 'VOLUNTEERING' | 'INTRODUCTORY_INTERNSHIP',
    hours: number,
    from: number,
    to: number,
    organisation: string,
  ): void {
    this.run(to, {
      type: 'LogParticipationActivity',
      kind,
      hours,
      startedOn: this.date(from),
      endedOn: this.date(to),
      organisation,
      participantFeedback: 'goed',
    });
  }

  done(agency: Agency, counsellorId: string): WorkloadTrajectory {
    return { trajectoryId: this.trajectoryId, agency, counsellorId, appends: this.appends };
  }

  private instant(offset: number): number {
    return Date.parse(`${this.date(offset)}T10:00:00.000Z`);
  }

  private record(events: TrajectoryEvent[], commandType: string): void {
    const expectedVersion = this.current?.version ?? 0;
    const commandNumber = this.appends.length + 1;
    this.appends.push({
      streamId: this.trajectoryId,
      expectedVersion,
      events,
      metadata: {
        actor: commandType === 'ExpireDeadlines' ? 'system:deadline-timer' : 'caseworker-bench',
        commandType,
        idempotencyKey: `${this.trajectoryId}:command:${commandNumber}`,
        causationId: `${this.trajectoryId}:update:${commandNumber}`,
      },
    });
    this.current = fold(events, this.current);
  }
}

function pickPhase(draw: number): Phase {
  let cumulative = 0;
  for (const [phase, share] of PHASES) {
    cumulative += share;
    if (draw < cumulative) return phase;
  }
  return PHASES[PHASES.length - 1][0];
}

/** A version-4-shaped UUID derived from `name`. */
function uuidFrom(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** mulberry32, seeded from a string: reproducible draws in [0, 1). */
export function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
