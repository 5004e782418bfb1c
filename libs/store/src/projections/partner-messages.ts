import { isEmploymentRegistration, type Deadline, type TrajectoryState } from '../../../domain/src';
import type { RecordedTrajectoryEvent } from '../event-records';

/**
 * What partners are told, as a pure mapping of a new event and the state folded up to it. A message is caused by an
 * event, not by a state: the append writes the messages of each new event once (unique per causing event), and a
 * rebuild writes none. Each message carries only what its partner needs; only VDAB and Actiris get the national
 * number, to match the newcomer in their own files (over their authenticated channel). The others get ids and
 * dates and read the rest through the API, within their own scope.
 */
export const PARTNER_MESSAGE_KINDS = [
  'NewcomerMustRegister',
  'RegistrationNoLongerDue',
  'ViolationFileOpened',
  'ParticipationPillarEntered',
  'LearnerReferred',
] as const;
export type PartnerMessageKind = (typeof PARTNER_MESSAGE_KINDS)[number];

export const VDAB = 'VDAB';
export const ACTIRIS = 'ACTIRIS';
/** The enforcement officer's administration (Agentschap Binnenlands Bestuur). */
export const ENFORCEMENT_OFFICER = 'ABB';
export const NEWCOMER_MUST_REGISTER: PartnerMessageKind = 'NewcomerMustRegister';
export const REGISTRATION_NO_LONGER_DUE: PartnerMessageKind = 'RegistrationNoLongerDue';

/** A municipality as a partner: `municipality:<name>` (the name the trajectory records). */
export function municipalityPartner(municipality: string): string {
  return `municipality:${municipality}`;
}

/** A test centre or course provider as a partner: `test-centre:<provider>` (the organisation of its identity). */
export function testCentrePartner(provider: string): string {
  return `test-centre:${provider}`;
}

/** The partner's ids this mapping may address, for validating a subscription's partner. */
export const PARTNER_FORMAT = /^(VDAB|ACTIRIS|ABB|municipality:\S.*|test-centre:\S.*)$/;

/**
 * What VDAB (or Actiris in Brussels) receives: this newcomer must register as a job seeker by `dueOn`. When the
 * deadline moved (a suspension ended, a date was corrected), a new notice with the same `deadlineId` says the new
 * date and the one it replaces (`previousDueOn`).
 */
export interface NewcomerMustRegisterPayload {
  trajectoryId: string;
  nationalNumber: string;
  dueOn: string;
  previousDueOn?: string;
  deadlineId: string;
  policyVersion: string;
}

/**
 * What VDAB (or Actiris) receives when a registration deadline it was told stops running before the registration is
 * recorded: the trajectory is suspended (a new `NewcomerMustRegister` follows when it resumes) or the deadline is
 * waived (an exemption, or the trajectory closed). Identified by the ids of the notice it withdraws.
 */
export interface RegistrationNoLongerDuePayload {
  trajectoryId: string;
  deadlineId: string;
  previousDueOn: string;
  reason: 'SUSPENDED' | 'WAIVED';
}

export interface ViolationFileOpenedPayload {
  trajectoryId: string;
  violationId: string;
  violationKind: string;
  agency: string;
  openedAt: string;
  deadlineId?: string;
}

export interface ParticipationPillarEnteredPayload {
  trajectoryId: string;
  agency: string;
  municipality: string;
  applicability: string;
  targetHours: number;
  contractSignedOn: string;
}

export interface LearnerReferredPayload {
  trajectoryId: string;
  agency: string;
  provider: string;
  course: string;
  level: string;
  referredOn: string;
}

export interface PartnerMessage {
  partner: string;
  kind: PartnerMessageKind;
  payload:
    | NewcomerMustRegisterPayload
    | RegistrationNoLongerDuePayload
    | ViolationFileOpenedPayload
    | ParticipationPillarEnteredPayload
    | LearnerReferredPayload;
}

/**
 * The messages one new event causes, given the state folded up to and including it (`state`) and the state before
 * it (`previous`, undefined for a stream's first event).
 */
export function partnerMessagesFor(
  event: RecordedTrajectoryEvent,
  state: TrajectoryState,
  previous: TrajectoryState | undefined,
): PartnerMessage[] {
  switch (event.type) {
    case 'DeadlineSet':
    case 'DeadlineMoved':
      return registrationNotices(state, previous);
    case 'TrajectoryResumed':
      // A suspension that moved the deadline is told by the DeadlineMoved that follows, with the new date.
      return event.data.suspendedDays === 0 ? registrationNotices(state, previous) : [];
    case 'TrajectorySuspended':
    case 'DeadlineWaived':
    case 'TrajectoryClosed':
      return registrationWithdrawals(state, previous);
    case 'ViolationOpened': {
      const { violationId, kind, deadlineId } = event.data;
      // The facts are free text a counsellor wrote: the officer reads them in the violation file, not here.
      const payload: ViolationFileOpenedPayload = {
        trajectoryId: state.trajectoryId,
        violationId,
        violationKind: kind,
        agency: state.agency,
        openedAt: event.occurredAt,
        ...(deadlineId === undefined ? {} : { deadlineId }),
      };
      return [{ partner: ENFORCEMENT_OFFICER, kind: 'ViolationFileOpened', payload }];
    }
    case 'PillarsDetermined': {
      const participation = event.data.PARTICIPATION;
      if (participation.applicability === 'NOT_APPLICABLE' || !state.contract) return [];
      const payload: ParticipationPillarEnteredPayload = {
        trajectoryId: state.trajectoryId,
        agency: state.agency,
        municipality: state.newcomer.municipality,
        applicability: participation.applicability,
        targetHours: participation.targetHours,
        contractSignedOn: state.contract.signedOn,
      };
      return [
        {
          partner: municipalityPartner(state.newcomer.municipality),
          kind: 'ParticipationPillarEntered',
          payload,
        },
      ];
    }
    case 'Nt2Referred': {
      const { provider, course, level, referredOn } = event.data;
      const payload: LearnerReferredPayload = {
        trajectoryId: state.trajectoryId,
        agency: state.agency,
        provider,
        course,
        level,
        referredOn,
      };
      return [{ partner: testCentrePartner(provider), kind: 'LearnerReferred', payload }];
    }
    default:
      return [];
  }
}

/**
 * The employment service is told the registration deadline when the contract sets it, again each time its date
 * moves, and again when it runs again after a suspension; not once the registration is recorded (the deadline is
 * then met, or will be when the date is known to be in time), and not for a deadline that is no longer open.
 */
function registrationNotices(
  state: TrajectoryState,
  previous: TrajectoryState | undefined,
): PartnerMessage[] {
  if (state.vdabRegistration) return [];
  const before = deadlinesById(previous);
  return state.deadlines
    .filter((deadline) => {
      const earlier = before.get(deadline.deadlineId);
      return (
        isEmploymentRegistration(deadline.kind) &&
        deadline.state === 'OPEN' &&
        (earlier?.dueOn !== deadline.dueOn || earlier.state !== 'OPEN')
      );
    })
    .map((deadline) => {
      const previousDueOn = before.get(deadline.deadlineId)?.dueOn;
      return registrationNotice(
        state,
        deadline,
        previousDueOn === deadline.dueOn ? undefined : previousDueOn,
      );
    });
}

/** A registration deadline the employment service was told, stopped (suspended or waived) before it was met. */
function registrationWithdrawals(
  state: TrajectoryState,
  previous: TrajectoryState | undefined,
): PartnerMessage[] {
  if (state.vdabRegistration) return [];
  const before = deadlinesById(previous);
  return state.deadlines.flatMap((deadline) => {
    const earlier = before.get(deadline.deadlineId)?.state;
    if (!isEmploymentRegistration(deadline.kind) || (earlier !== 'OPEN' && earlier !== 'SUSPENDED'))
      return [];
    if (deadline.state === earlier || (deadline.state !== 'SUSPENDED' && deadline.state !== 'WAIVED'))
      return [];
    const payload: RegistrationNoLongerDuePayload = {
      trajectoryId: state.trajectoryId,
      deadlineId: deadline.deadlineId,
      previousDueOn: deadline.dueOn,
      reason: deadline.state,
    };
    return [{ partner: employmentService(deadline), kind: REGISTRATION_NO_LONGER_DUE, payload }];
  });
}

function deadlinesById(state: TrajectoryState | undefined): Map<string, Deadline> {
  return new Map((state?.deadlines ?? []).map((deadline) => [deadline.deadlineId, deadline] as const));
}

function employmentService(deadline: Deadline): string {
  return deadline.kind === 'ACTIRIS_REGISTRATION' ? ACTIRIS : VDAB;
}

function registrationNotice(
  state: TrajectoryState,
  deadline: Deadline,
  previousDueOn: string | undefined,
): PartnerMessage {
  const payload: NewcomerMustRegisterPayload = {
    trajectoryId: state.trajectoryId,
    nationalNumber: state.newcomer.nationalNumber,
    dueOn: deadline.dueOn,
    ...(previousDueOn === undefined ? {} : { previousDueOn }),
    deadlineId: deadline.deadlineId,
    policyVersion: deadline.policyVersion,
  };
  return {
    partner: employmentService(deadline),
    kind: NEWCOMER_MUST_REGISTER,
    payload,
  };
}
