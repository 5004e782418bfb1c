import { Agency } from '../agency';
import { composeNationalNumber } from '../newcomer/national-number';
import { addDays, CalendarDate, calendarDate, daysBetween, endOfDayInstant } from '../time/calendar-date';
import { TargetGroupFacts } from '../target-group/target-group-facts';
import { TrajectoryCommand } from '../trajectory/commands';
import { DrivenTrajectory, driveTrajectory, TimedCommand } from './drive-trajectory';
import { seededRandom, uuidFromName } from './seeded-random';
import { simulatedName } from './simulated-names';

/**
 * A simulated intake year: the 2010 intake of adult newcomers in the Flemish Region as the first integrated action
 * plan counts it — 41,090 adults, 35.2% obliged, 54.1% entitled, 10.7% undetermined (Actieplan integratiebeleid
 * l.981-1019) — with plausible progress through the pillars, driven command by command through the domain
 * (`driveTrajectory`: decide, evolve, the deadline timers). The engine's rules start with the 2016 policy version,
 * so the intake is played out in a year the engine has rules for (default 2024, policy 2023 with the fourth pillar),
 * and followed until `followUntil`. Deterministic: the same options give the same trajectories.
 *
 * The progress rates are assumptions for demo and benchmark data, not sourced figures, except the VDAB share: about
 * half of the contract signers known to VDAB (BBT 2020-2021 l.1197). Agency shares are assumptions too.
 */
export const INTAKE_2010 = {
  adults: 41_090,
  shares: { OBLIGED: 0.352, ENTITLED: 0.541, UNDETERMINED: 0.107 },
  source: 'Actieplan integratiebeleid l.981-1019 (Figure 4: adult newcomers in the Flemish Region, 2010)',
} as const;

export type SimulatedTargetGroup = keyof typeof INTAKE_2010.shares;

export interface SimulationOptions {
  seed: string;
  count: number;
  /** The first newcomer's index (default 0): a later batch of the same seed continues with other newcomers. */
  firstIndex?: number;
  /** The year the intake registers in. */
  year: number;
  /** The last day whose facts are simulated; later deadlines stay open. */
  followUntil: CalendarDate;
}

export const DEFAULT_SIMULATION: SimulationOptions = {
  seed: 'intake-2010',
  count: INTAKE_2010.adults,
  year: 2024,
  followUntil: calendarDate('2025-12-31'),
};

export interface SimulatedNewcomerPlan {
  index: number;
  trajectoryId: string;
  agency: Agency;
  counsellorId: string;
  targetGroup: SimulatedTargetGroup;
  commands: TimedCommand[];
}

export interface SimulatedTrajectory extends DrivenTrajectory {
  plan: SimulatedNewcomerPlan;
}

/** Assumed: the two city agencies' share of the Flemish intake; the rest is the Flemish agency's. */
const AGENCY_SHARES: readonly [Agency, number][] = [
  ['ATLAS', 0.14],
  ['IN_GENT', 0.1],
  ['AGII', 0.76],
];
const MUNICIPALITIES: Record<Agency, readonly string[]> = {
  AGII: ['Leuven', 'Brugge', 'Mechelen', 'Hasselt', 'Kortrijk', 'Aalst', 'Genk', 'Oostende', 'Sint-Niklaas'],
  ATLAS: ['Antwerpen'],
  IN_GENT: ['Gent'],
};
const COUNSELLORS_PER_AGENCY: Record<Agency, number> = { AGII: 180, ATLAS: 35, IN_GENT: 25 };

/** Every trajectory of the simulated year, planned and driven through the domain, one at a time. */
export function* simulatedYear(
  options: SimulationOptions = DEFAULT_SIMULATION,
): Generator<SimulatedTrajectory> {
  const until = endOfDayInstant(options.followUntil);
  const first = options.firstIndex ?? 0;
  for (let index = first; index < first + options.count; index += 1) {
    const plan = planNewcomer(options, index);
    yield { plan, ...driveTrajectory(plan.commands, until) };
  }
}

/** The target group of the newcomer `index`: drawn with the 2010 shares from the seeded generator. */
export function drawTargetGroup(draw: number): SimulatedTargetGroup {
  const { OBLIGED, ENTITLED } = INTAKE_2010.shares;
  if (draw < OBLIGED) return 'OBLIGED';
  if (draw < OBLIGED + ENTITLED) return 'ENTITLED';
  return 'UNDETERMINED';
}

/** One newcomer's commands, from registration to wherever their trajectory has come by `followUntil`. */
export function planNewcomer(options: SimulationOptions, index: number): SimulatedNewcomerPlan {
  const random = seededRandom(`${options.seed}:${index}`);
  const chance = (probability: number) => random() < probability;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const targetGroup = drawTargetGroup(random());
  const agency = pickAgency(random());
  const trajectoryId = uuidFromName(`${options.seed}:trajectory:${index}`);
  const counsellorId = `${agency.toLowerCase()}-counsellor-${String(between(1, COUNSELLORS_PER_AGENCY[agency])).padStart(3, '0')}`;
  const yearStart = calendarDate(`${options.year}-01-01`);
  const registeredOn = addDays(yearStart, between(0, 364));
  const last = options.followUntil;
  const commands: TimedCommand[] = [];
  /** The plan with its commands in time order (they are planned pillar by pillar). */
  const planned = (): SimulatedNewcomerPlan => ({
    index,
    trajectoryId,
    agency,
    counsellorId,
    targetGroup,
    commands: [...commands].sort((a, b) => a.at - b.at),
  });
  /** A command on day `offset` after the registration, at 10:00 UTC plus a few minutes; none after `followUntil`. */
  const on = (offset: number, command: (date: CalendarDate) => TrajectoryCommand): boolean => {
    const date = addDays(registeredOn, offset);
    if (daysBetween(date, last) < 0) return false;
    commands.push({ at: Date.parse(`${date}T10:00:00Z`) + commands.length * 60_000, command: command(date) });
    return true;
  };
  // Distinct adults: birth dates spread over 1960-2005, serial 600 + index / 16,000 (the bench workload uses 1-500).
  const birthDate = addDays(calendarDate('1960-01-01'), (index * 7_919) % 16_000);
  const municipalities = MUNICIPALITIES[agency];
  on(0, (date) => {
    // The draw that chose the family name from a short list before: kept, so every later draw is what it was.
    random();
    return {
      type: 'OpenTrajectory',
      trajectoryId,
      agency,
      counsellorId,
      registeredOn: date,
      newcomer: {
        nationalNumber: composeNationalNumber(birthDate, 600 + Math.floor(index / 16_000)),
        ...simulatedName(index),
        birthDate,
        municipality: municipalities[Math.floor(random() * municipalities.length)],
      },
      ...(targetGroup === 'UNDETERMINED'
        ? {}
        : { targetGroupFacts: factsFor(targetGroup, registeredOn, between) }),
    };
  });

  const progress = PROGRESS[targetGroup];
  if (!chance(progress.intake)) return planned();
  let day = between(7, 45);
  on(day, (date) => ({ type: 'RecordIntake', intakeOn: date }));
  if (!chance(progress.contract)) return planned();
  day += between(0, 21);
  const contractDay = day;
  on(contractDay, (date) => ({ type: 'RecordContract', signedOn: date }));

  // VDAB: about half of the signers are known to VDAB (BBT 2020-2021 l.1197): half in time, a quarter late.
  const vdab = random();
  const vdabDay =
    vdab < 0.5 ? contractDay + between(3, 55) : vdab < 0.75 ? contractDay + between(65, 150) : undefined;
  if (vdabDay !== undefined) {
    on(vdabDay, (date) => ({
      type: 'RecordVdabRegistration',
      registeredOn: date,
      vdabClientReference: `VDAB-${String(index).padStart(6, '0')}`,
    }));
  }

  if (chance(progress.dropOut)) {
    on(contractDay + between(30, 300), (date) => ({
      type: 'CloseTrajectory',
      reason: 'CONTRACT_TERMINATED',
      closedOn: date,
    }));
  }
  if (chance(0.04)) {
    const from = contractDay + between(20, 200);
    on(from, (date) => ({ type: 'SuspendTrajectory', reason: 'ILLNESS', suspendedFrom: date }));
    on(from + between(30, 90), (date) => ({ type: 'ResumeTrajectory', resumedOn: date }));
  }

  const moEnrol = contractDay + between(7, 30);
  on(moEnrol, (date) => ({
    type: 'EnrolInMoCourse',
    provider: `${agency} MO`,
    language: 'Arabic',
    enrolledOn: date,
  }));
  const moTest = moEnrol + between(40, 90);
  const moPassed = chance(0.85);
  // A pass carries the test centre's certificate number (the standardised test's certificate).
  const certificate = (test: string, passed: boolean) =>
    passed ? { certificateNumber: `${test}-${agency}-${contractDay}-${between(100000, 999999)}` } : {};
  on(moTest, (date) => ({
    type: 'RecordMoTestResult',
    takenOn: date,
    passed: moPassed,
    ...certificate('MO', moPassed),
  }));
  if (!moPassed) {
    const retakePassed = chance(0.7);
    on(moTest + between(30, 60), (date) => ({
      type: 'RecordMoTestResult',
      takenOn: date,
      passed: retakePassed,
      ...certificate('MO', retakePassed),
    }));
  }

  const provider = agency === 'IN_GENT' ? 'CVO Gent' : agency === 'ATLAS' ? 'CVO Antwerpen' : 'CVO Leuven';
  const referral = contractDay + between(3, 20);
  on(referral, (date) => ({
    type: 'ReferToNt2Course',
    provider,
    course: 'NT2 A2',
    level: 'A2',
    referredOn: date,
  }));
  const nt2Enrol = referral + between(7, 40);
  on(nt2Enrol, (date) => ({
    type: 'EnrolInNt2Course',
    provider,
    course: 'NT2 A2',
    level: 'A2',
    enrolledOn: date,
  }));
  const nt2Test = nt2Enrol + between(120, 300);
  const nt2Passed = chance(0.7);
  on(nt2Test, (date) => ({
    type: 'RecordNt2TestResult',
    level: 'A2',
    takenOn: date,
    passed: nt2Passed,
    ...certificate('NT2', nt2Passed),
  }));
  if (!nt2Passed) {
    const retakePassed = chance(0.6);
    on(nt2Test + between(60, 120), (date) => ({
      type: 'RecordNt2TestResult',
      level: 'A2',
      takenOn: date,
      passed: retakePassed,
      ...certificate('NT2', retakePassed),
    }));
  }

  // The fourth pillar: activities of 6 to 16 hours until 40 hours, or fewer for who stops.
  const activities = chance(0.75) ? 6 : between(1, 2);
  let activityDay = contractDay + between(20, 60);
  for (let activity = 0; activity < activities; activity += 1) {
    const hours = between(6, 16);
    on(activityDay, (date) => ({
      type: 'LogParticipationActivity',
      kind: activity % 2 === 0 ? 'VOLUNTEERING' : 'BUDDY',
      hours,
      startedOn: date,
      endedOn: date,
      organisation: 'Vzw De Buurt',
    }));
    activityDay += between(14, 45);
  }
  return planned();
}

/** Assumed progress rates per target group: an obliged newcomer follows through more often than a volunteer. */
const PROGRESS: Record<SimulatedTargetGroup, { intake: number; contract: number; dropOut: number }> = {
  OBLIGED: { intake: 0.95, contract: 0.95, dropOut: 0.04 },
  ENTITLED: { intake: 0.85, contract: 0.8, dropOut: 0.08 },
  UNDETERMINED: { intake: 0.7, contract: 0.6, dropOut: 0.1 },
};

function pickAgency(draw: number): Agency {
  let cumulative = 0;
  for (const [agency, share] of AGENCY_SHARES) {
    cumulative += share;
    if (draw < cumulative) return agency;
  }
  return 'AGII';
}

/**
 * Facts the domain's target-group rules decide as planned: a third-country national on a first stay (OBLIGED), a
 * Belgian born abroad of a parent born abroad, settled over a year ago (ENTITLED). UNDETERMINED: no facts yet.
 */
function factsFor(
  targetGroup: 'OBLIGED' | 'ENTITLED',
  registeredOn: CalendarDate,
  between: (min: number, max: number) => number,
): TargetGroupFacts {
  const settled = addDays(
    registeredOn,
    -between(targetGroup === 'OBLIGED' ? 10 : 400, targetGroup === 'OBLIGED' ? 80 : 2000),
  );
  const common: TargetGroupFacts = {
    residenceRegion: 'FLANDERS',
    firstRegisteredInBelgiumOn: settled,
    staysMoreThanThreeMonths: true,
    lawfulStay: true,
    previousResidenceOutsideFlanders: 'NONE',
    internationalProtection: 'NONE',
    ministerOfRecognisedReligion: false,
    holdsAttest: false,
    medicalCertificateOfSeriousIllnessOrDisability: false,
    belgianOrDutchDiploma: 'NONE',
    fullSchoolYearOfReceptionEducation: false,
  };
  return targetGroup === 'OBLIGED'
    ? {
        ...common,
        nationalityGroup: 'THIRD_COUNTRY',
        familyMemberOfEuEeaSwissNational: false,
        temporaryLabourMigrantTowardsPermanentStay: false,
      }
    : { ...common, nationalityGroup: 'BELGIAN', bornAbroadWithParentBornAbroad: true };
}
