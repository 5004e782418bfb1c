import { Agency } from '../agency';
import { Nt2Level, Nt2Skill } from '../policy/pillar';
import { ResidenceRegion } from '../residence/municipality-area';
import { PolicyVersionId } from '../policy/policy-versions';
import { CalendarDate } from '../time/calendar-date';
import { evolvePillars, isPillarEvent } from '../pillars/evolve-pillars';
import { IntakeProfile, levelReached, PillarStates } from '../pillars/pillar-state';
import { ExemptionReason } from '../target-group/exemption-reasons';
import { TargetGroupDecision } from '../target-group/target-group-decision';
import { TargetGroupFacts } from '../target-group/target-group-facts';
import { RecordedTargetGroupStatus } from '../target-group/target-group-override';
import { ClosureReason, FineDecision, SuspensionReason } from './commands';
import {
  DeadlineKind,
  DeadlineSet,
  DeadlineState,
  FactCorrected,
  NewcomerDetails,
  TrajectoryEvent,
  ViolationKind,
  ViolationState,
  isEmploymentRegistration,
} from './events';

export type TrajectoryStatus = 'OPEN' | 'SUSPENDED' | 'CLOSED';

/** Where the trajectory stands in its main line: registration, intake, contract. */
export type TrajectoryPhase = 'REGISTERED' | 'INTAKE_DONE' | 'CONTRACT_SIGNED' | 'ATTEST_ISSUED';

export interface Deadline {
  deadlineId: string;
  kind: DeadlineKind;
  dueOn: CalendarDate;
  state: DeadlineState;
  policyVersion: PolicyVersionId;
  source: string;
  /** What the due date counts from, as the DeadlineSet said (kept for the read models and the audit). */
  anchor?: DeadlineSet['data']['anchor'];
  anchorOn?: CalendarDate;
  /** Set when the deadline is met. */
  metOn?: CalendarDate;
}

export interface Violation {
  violationId: string;
  kind: ViolationKind;
  deadlineId?: string;
  facts: string;
  openedAt: string;
  state: ViolationState;
  decision?: { decision: FineDecision; amountEuro?: number; decidedOn: CalendarDate; explanation?: string };
}

export interface TrajectoryState {
  trajectoryId: string;
  /** Number of events folded so far: the stream version the next append expects. */
  version: number;
  status: TrajectoryStatus;
  phase: TrajectoryPhase;
  newcomer: NewcomerDetails;
  agency: Agency;
  counsellorId?: string;
  registeredOn: CalendarDate;
  /** The day of the last transfer to another agency, when there was one. */
  lastTransferredOn?: CalendarDate;
  closure?: { reason: ClosureReason; closedOn: CalendarDate; explanation?: string };
  suspension?: { reason: SuspensionReason; suspendedFrom: CalendarDate };
  intakeOn?: CalendarDate;
  intakeProfile?: IntakeProfile;
  targetGroup?: {
    derived: TargetGroupDecision;
    facts: TargetGroupFacts;
    override?: { recorded: RecordedTargetGroupStatus; reason: string };
    /** An exemption granted later: it outranks the derived and the recorded status. */
    exemption?: { reason: ExemptionReason; grantedOn: CalendarDate; explanation?: string };
  };
  /** Set when the contract is signed: which pillars apply and how far each has come. */
  pillars?: PillarStates;
  attest?: { attestNumber: string; issuedOn: CalendarDate; conditions: string[] };
  contract?: { signedOn: CalendarDate; policyVersion: PolicyVersionId };
  vdabRegistration?: { registeredOn: CalendarDate; vdabClientReference: string };
  /** The agency's registered letter: the three months to report to an agency run from it. */
  agencyLetter?: { sentOn: CalendarDate; sendingAgency: Agency };
  /** Where the newcomer lives since the last recorded move; before one, the target-group facts say the region. */
  residence?: { movedOn: CalendarDate; municipality: string; nisCode?: string; region: ResidenceRegion };
  /** The follow-up track after the attest (B1 oral). */
  followUp?: {
    startedOn: CalendarDate;
    targetLevel: Nt2Level;
    skills: Nt2Skill[];
    dueOn: CalendarDate;
    policyVersion: PolicyVersionId;
    testResults: { level: Nt2Level; takenOn: CalendarDate; passed: boolean }[];
    completedOn?: CalendarDate;
  };
  /** Issued instead of the attest. */
  declarationOfEffort?: { issuedOn: CalendarDate; reason: string };
  deadlines: Deadline[];
  violations: Violation[];
}

/** State before the first event: nothing exists yet. */
export type MaybeTrajectoryState = TrajectoryState | undefined;

/** Applies one event to the state. Pure and total: the same events always fold to the same state. */
export function evolve(state: MaybeTrajectoryState, event: TrajectoryEvent): TrajectoryState {
  if (event.type === 'TrajectoryOpened') {
    return {
      trajectoryId: event.data.trajectoryId,
      version: 1,
      status: 'OPEN',
      phase: 'REGISTERED',
      newcomer: event.data.newcomer,
      agency: event.data.agency,
      counsellorId: event.data.counsellorId,
      registeredOn: event.data.registeredOn,
      deadlines: [],
      violations: [],
    };
  }
  if (!state) {
    throw new Error(`cannot apply ${event.type} before TrajectoryOpened`);
  }
  // The state is copied once per event, with its next version and the event's changes (a rebuild folds every event of
  // the store: a copy with the version and then another with the changes cost twice as much). The keys keep their
  // order: `version` and the others the state already has stay where they are.
  const version = state.version + 1;
  if (isPillarEvent(event)) {
    const pillars = evolvePillars(state.pillars, event);
    return state.pillars ? { ...state, version, pillars } : withAdded(state, { version, pillars });
  }
  switch (event.type) {
    case 'IntakeRecorded':
      return withAdded(
        state,
        { version, intakeOn: event.data.intakeOn },
        event.data.profile ? { intakeProfile: event.data.profile } : undefined,
        { phase: 'INTAKE_DONE' },
      );
    case 'TargetGroupDetermined':
      return withAdded(state, {
        version,
        targetGroup: { derived: event.data.decision, facts: event.data.facts },
      });
    case 'TargetGroupOverridden':
      return state.targetGroup
        ? {
            ...state,
            version,
            targetGroup: {
              ...state.targetGroup,
              override: { recorded: event.data.recorded, reason: event.data.reason },
            },
          }
        : { ...state, version };
    case 'ExemptionGranted': {
      const { reason, grantedOn, explanation } = event.data;
      return state.targetGroup
        ? {
            ...state,
            version,
            targetGroup: {
              ...state.targetGroup,
              exemption: { reason, grantedOn, ...(explanation ? { explanation } : {}) },
            },
          }
        : { ...state, version };
    }
    case 'AttestIssued':
      return withAdded(state, {
        version,
        phase: 'ATTEST_ISSUED',
        attest: {
          attestNumber: event.data.attestNumber,
          issuedOn: event.data.issuedOn,
          conditions: event.data.conditions,
        },
      });
    case 'ContractSigned':
      return withAdded(state, { version, contract: { ...event.data }, phase: 'CONTRACT_SIGNED' });
    case 'DeadlineSet':
      return {
        ...state,
        version,
        deadlines: [
          ...state.deadlines.filter((deadline) => deadline.deadlineId !== event.data.deadlineId),
          {
            deadlineId: event.data.deadlineId,
            kind: event.data.kind,
            dueOn: event.data.dueOn,
            state: 'OPEN',
            policyVersion: event.data.policyVersion,
            source: event.data.source,
            anchor: event.data.anchor,
            anchorOn: event.data.anchorOn,
          },
        ],
      };
    case 'VdabRegistrationRecorded':
      return withAdded(state, { version, vdabRegistration: { ...event.data } });
    case 'DeadlineMet':
      return withDeadline(state, version, event.data.deadlineId, { state: 'MET', metOn: event.data.metOn });
    case 'DeadlineMissed':
      return withDeadline(state, version, event.data.deadlineId, { state: 'MISSED' });
    case 'ViolationOpened':
      return {
        ...state,
        version,
        violations: [
          ...state.violations,
          {
            violationId: event.data.violationId,
            kind: event.data.kind,
            deadlineId: event.data.deadlineId,
            facts: event.data.facts,
            openedAt: event.occurredAt,
            state: 'OPEN',
          },
        ],
      };
    case 'TrajectorySuspended':
      return {
        ...state,
        version,
        status: 'SUSPENDED',
        suspension: { reason: event.data.reason, suspendedFrom: event.data.suspendedFrom },
        deadlines: state.deadlines.map((deadline) =>
          deadline.state === 'OPEN' && deadline.dueOn >= event.data.suspendedFrom
            ? { ...deadline, state: 'SUSPENDED' }
            : deadline,
        ),
      };
    case 'TrajectoryResumed': {
      const { suspension: _ended, ...resumed } = state;
      return {
        ...resumed,
        version,
        status: 'OPEN',
        deadlines: resumed.deadlines.map((deadline) =>
          deadline.state === 'SUSPENDED' ? { ...deadline, state: 'OPEN' } : deadline,
        ),
      };
    }
    case 'ViolationWithdrawn':
      return {
        ...state,
        version,
        violations: state.violations.map((violation) =>
          violation.violationId === event.data.violationId ? { ...violation, state: 'WITHDRAWN' } : violation,
        ),
      };
    case 'DeadlineWaived':
      return withDeadline(state, version, event.data.deadlineId, { state: 'WAIVED' });
    case 'DeadlineMoved':
      return withDeadline(state, version, event.data.deadlineId, { dueOn: event.data.dueOn });
    case 'TrajectoryTransferred': {
      const { counsellorId: _previousCounsellor, ...withoutCounsellor } = state;
      return {
        ...withoutCounsellor,
        version,
        agency: event.data.toAgency,
        lastTransferredOn: event.data.transferredOn,
        ...(event.data.counsellorId ? { counsellorId: event.data.counsellorId } : {}),
      };
    }
    case 'CounsellorReassigned':
      return { ...state, version, counsellorId: event.data.toCounsellorId };
    case 'FactCorrected':
      return correctFact(state, version, event);
    case 'AgencyLetterRecorded':
      return { ...state, version, agencyLetter: { ...event.data } };
    case 'NewcomerMoved': {
      const { movedOn, municipality, nisCode, region } = event.data;
      return {
        ...state,
        version,
        newcomer: { ...state.newcomer, municipality },
        residence: { movedOn, municipality, ...(nisCode ? { nisCode } : {}), region },
      };
    }
    case 'FollowUpStarted': {
      const { startedOn, targetLevel, skills, dueOn, policyVersion } = event.data;
      return withAdded(state, {
        version,
        followUp: { startedOn, targetLevel, skills, dueOn, policyVersion, testResults: [] },
      });
    }
    case 'FollowUpTestTaken': {
      if (!state.followUp) return { ...state, version };
      const { level, takenOn, passed } = event.data;
      const reached = passed && levelReached(level, state.followUp.targetLevel);
      return {
        ...state,
        version,
        followUp: {
          ...state.followUp,
          testResults: [...state.followUp.testResults, { level, takenOn, passed }],
          ...(reached && !state.followUp.completedOn ? { completedOn: takenOn } : {}),
        },
      };
    }
    case 'DeclarationOfEffortIssued':
      return {
        ...state,
        version,
        declarationOfEffort: { issuedOn: event.data.issuedOn, reason: event.data.reason },
      };
    case 'FineDecisionRecorded':
      return {
        ...state,
        version,
        violations: state.violations.map((violation) =>
          violation.violationId === event.data.violationId
            ? {
                ...violation,
                state: 'DECIDED',
                decision: {
                  decision: event.data.decision,
                  ...(event.data.amountEuro === undefined ? {} : { amountEuro: event.data.amountEuro }),
                  decidedOn: event.data.decidedOn,
                  ...(event.data.explanation === undefined ? {} : { explanation: event.data.explanation }),
                },
              }
            : violation,
        ),
      };
    case 'TrajectoryClosed':
      return {
        ...state,
        version,
        status: 'CLOSED',
        closure: {
          reason: event.data.reason,
          closedOn: event.data.closedOn,
          ...(event.data.explanation === undefined ? {} : { explanation: event.data.explanation }),
        },
        deadlines: state.deadlines.map((deadline) =>
          deadline.state === 'OPEN' || deadline.state === 'SUSPENDED'
            ? { ...deadline, state: 'WAIVED' as const }
            : deadline,
        ),
      };
  }
}

/**
 * `{ ...state, ...changes }` for changes that add keys the state may not have yet (the keys keep the order a spread
 * gives them): V8 (Node 20) spreads an object into a literal that adds keys ten times slower than Object.assign.
 */
function withAdded(
  state: TrajectoryState,
  ...changes: (Partial<TrajectoryState> | undefined)[]
): TrajectoryState {
  return Object.assign({}, state, ...changes);
}

export function fold(
  events: readonly TrajectoryEvent[],
  initial: MaybeTrajectoryState = undefined,
): MaybeTrajectoryState {
  return events.reduce<MaybeTrajectoryState>(evolve, initial);
}

function correctFact(state: TrajectoryState, version: number, event: FactCorrected): TrajectoryState {
  const { correctedDate } = event.data;
  switch (event.data.fact) {
    case 'INTAKE_DATE':
      return { ...state, version, intakeOn: correctedDate };
    case 'CONTRACT_SIGNING_DATE':
      return state.contract
        ? { ...state, version, contract: { ...state.contract, signedOn: correctedDate } }
        : { ...state, version };
    case 'VDAB_REGISTRATION_DATE':
      return state.vdabRegistration
        ? {
            ...state,
            version,
            vdabRegistration: { ...state.vdabRegistration, registeredOn: correctedDate },
            deadlines: state.deadlines.map((deadline) =>
              isEmploymentRegistration(deadline.kind) && deadline.state === 'MET'
                ? { ...deadline, metOn: correctedDate }
                : deadline,
            ),
          }
        : { ...state, version };
  }
}

function withDeadline(
  state: TrajectoryState,
  version: number,
  deadlineId: string,
  change: Partial<Deadline>,
): TrajectoryState {
  return {
    ...state,
    version,
    deadlines: state.deadlines.map((deadline) =>
      deadline.deadlineId === deadlineId ? { ...deadline, ...change } : deadline,
    ),
  };
}
