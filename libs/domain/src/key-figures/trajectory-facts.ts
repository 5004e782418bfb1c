import type { Agency } from '../agency';
import { addMonths, calendarDateAt, CalendarDate, daysBetween } from '../time/calendar-date';
import type { FineDecision } from '../trajectory/commands';
import type { TrajectoryState, TrajectoryStatus } from '../trajectory/state';

/**
 * What the key figures need to know about one trajectory, taken from its folded state: the milestones' dates and
 * the per-trajectory measures derived from them. The read model `trajectory_milestones` stores exactly these (one
 * row per trajectory), and the figures as of a past date take them from the state folded up to that date, so
 * both paths read the same mapping.
 */
export interface TrajectoryFacts {
  trajectoryId: string;
  agency: Agency;
  municipality: string;
  counsellorId: string | null;
  status: TrajectoryStatus;
  registeredOn: CalendarDate;
  intakeOn: CalendarDate | null;
  contractOn: CalendarDate | null;
  /** Registration with the public employment service (VDAB, or Actiris in Brussels). */
  vdabRegisteredOn: CalendarDate | null;
  /** Registered at the latest two calendar months after the contract (also when registered before it). */
  vdabWithinTwoMonths: boolean | null;
  firstNt2CourseOn: CalendarDate | null;
  daysIntakeToNt2Course: number | null;
  daysRegistrationToContract: number | null;
  firstMoTestOn: CalendarDate | null;
  moTestAttempts: number;
  moPassedFirstAttempt: boolean | null;
  moPassed: boolean | null;
  firstNt2TestOn: CalendarDate | null;
  nt2TestAttempts: number;
  nt2PassedFirstAttempt: boolean | null;
  nt2Passed: boolean | null;
  attestOn: CalendarDate | null;
  daysRegistrationToAttest: number | null;
  /** The fourth pillar (participation) is required for this newcomer's attest. */
  participationRequired: boolean;
  participationHours: number;
  participationCompleted: boolean;
  closedOn: CalendarDate | null;
}

/** One violation file, for the enforcement figures. */
export interface ViolationFacts {
  trajectoryId: string;
  agency: Agency;
  municipality: string;
  counsellorId: string | null;
  /** The day (Brussels) the file was opened. */
  openedOn: CalendarDate;
  decidedOn: CalendarDate | null;
  decision: FineDecision | null;
  amountEuro: number | null;
}

/** One counsellor command (the events one request recorded), for the workload figure. */
export interface CommandFacts {
  trajectoryId: string;
  /** The counsellor (token subject) who gave the command. */
  counsellor: string;
  agency: Agency;
  municipality: string;
  /** The day (Brussels) it was recorded. */
  recordedOn: CalendarDate;
}

/** The VDAB window of the key figure: two calendar months after the contract (BBT 2020-2021 l.1203-1205). */
export const VDAB_WINDOW_MONTHS = 2;

export function trajectoryFactsOf(state: TrajectoryState): TrajectoryFacts {
  const contractOn = state.contract?.signedOn ?? null;
  const vdabRegisteredOn = state.vdabRegistration?.registeredOn ?? null;
  const intakeOn = state.intakeOn ?? null;
  const nt2Courses = state.pillars?.NT2.enrolments.map((enrolment) => enrolment.enrolledOn) ?? [];
  const firstNt2CourseOn = earliest(nt2Courses);
  const moTests = [...(state.pillars?.MO.testAttempts ?? [])].sort(byTakenOn);
  const nt2Tests = [...(state.pillars?.NT2.testResults ?? [])].sort(byTakenOn);
  const attestOn = state.attest?.issuedOn ?? null;
  const participation = state.pillars?.PARTICIPATION;
  return {
    trajectoryId: state.trajectoryId,
    agency: state.agency,
    municipality: state.newcomer.municipality,
    counsellorId: state.counsellorId ?? null,
    status: state.status,
    registeredOn: state.registeredOn,
    intakeOn,
    contractOn,
    vdabRegisteredOn,
    vdabWithinTwoMonths:
      contractOn === null
        ? null
        : vdabRegisteredOn !== null && vdabRegisteredOn <= addMonths(contractOn, VDAB_WINDOW_MONTHS),
    firstNt2CourseOn,
    daysIntakeToNt2Course:
      intakeOn !== null && firstNt2CourseOn !== null ? daysBetween(intakeOn, firstNt2CourseOn) : null,
    daysRegistrationToContract: contractOn !== null ? daysBetween(state.registeredOn, contractOn) : null,
    firstMoTestOn: moTests[0]?.takenOn ?? null,
    moTestAttempts: moTests.length,
    moPassedFirstAttempt: moTests.length ? moTests[0].passed : null,
    moPassed: moTests.length ? moTests.some((test) => test.passed) : null,
    firstNt2TestOn: nt2Tests[0]?.takenOn ?? null,
    nt2TestAttempts: nt2Tests.length,
    nt2PassedFirstAttempt: nt2Tests.length ? nt2Tests[0].passed : null,
    nt2Passed: nt2Tests.length ? nt2Tests.some((test) => test.passed) : null,
    attestOn,
    daysRegistrationToAttest: attestOn !== null ? daysBetween(state.registeredOn, attestOn) : null,
    participationRequired: participation?.applicability === 'REQUIRED',
    participationHours: participation?.hours ?? 0,
    participationCompleted: participation?.status === 'COMPLETED',
    closedOn: state.closure?.closedOn ?? null,
  };
}

export function violationFactsOf(state: TrajectoryState): ViolationFacts[] {
  return state.violations.map((violation) => ({
    trajectoryId: state.trajectoryId,
    agency: state.agency,
    municipality: state.newcomer.municipality,
    counsellorId: state.counsellorId ?? null,
    openedOn: calendarDateAt(Date.parse(violation.openedAt)),
    decidedOn: violation.decision?.decidedOn ?? null,
    decision: violation.decision?.decision ?? null,
    amountEuro: violation.decision?.amountEuro ?? null,
  }));
}

function earliest(dates: readonly CalendarDate[]): CalendarDate | null {
  return dates.reduce<CalendarDate | null>(
    (first, date) => (first === null || date < first ? date : first),
    null,
  );
}

function byTakenOn(a: { takenOn: CalendarDate }, b: { takenOn: CalendarDate }): number {
  return a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : 0;
}
