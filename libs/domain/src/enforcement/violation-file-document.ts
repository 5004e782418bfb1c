import { policyVersionById, PolicyVersionId } from '../policy/policy-versions';
import { CalendarDate } from '../time/calendar-date';
import { FineDecision } from '../trajectory/commands';
import {
  DeadlineKind,
  DeadlineState,
  TrajectoryEvent,
  ViolationKind,
  ViolationState,
} from '../trajectory/events';
import { TrajectoryState } from '../trajectory/state';

/**
 * A violation file (inbreukdossier) as the document the enforcement officer decides on: the person, the
 * obligation, the facts, and the events and deadlines with the rule and its source. It carries the facts of the
 * file only (the access policy's `violation-file` view): to identify the person, their name, national number and
 * municipality; nothing of the pillars, the intake, the counsellor or free-text notes beyond the file's facts.
 */
export interface ViolationFileDocument {
  documentVersion: 1;
  violation: {
    violationId: string;
    trajectoryId: string;
    kind: ViolationKind;
    state: ViolationState;
    openedAt: string;
    facts: string;
    decision: { decision: FineDecision; amountEuro: number | null; decidedOn: CalendarDate } | null;
  };
  person: { givenName: string; familyName: string; nationalNumber: string; municipality: string };
  obligation: {
    /** OBLIGED, ENTITLED (voluntary contract), EXEMPT, ... as decided (or recorded) for the newcomer. */
    targetGroupStatus: string | null;
    obligationStartsOn: CalendarDate | null;
    /** The rule the status follows from, and its source. */
    rule: { id: string; source: string } | null;
    agency: string;
    registeredOn: CalendarDate;
    contract: { signedOn: CalendarDate; policyVersion: PolicyVersionId } | null;
    /** The fine the policy version allows, with its source. */
    fineRange: { minimumEuro: number; maximumEuro: number; source: string } | null;
  };
  /** Every deadline of the trajectory with the rule (policy version) and source it follows from. */
  deadlines: {
    deadlineId: string;
    kind: DeadlineKind;
    dueOn: CalendarDate;
    state: DeadlineState;
    countsFrom: { anchor: string; on: CalendarDate } | null;
    metOn: CalendarDate | null;
    policyVersion: PolicyVersionId;
    source: string;
    /** The deadline whose expiry opened this file. */
    ofThisFile: boolean;
  }[];
  /** The events that make the file, oldest first, each with its date and what it means. */
  events: { occurredAt: string; type: string; description: string }[];
}

/** The events that tell the story of an obligation and its breach; the rest (pillars, notes) stay out. */
const FILE_EVENTS = new Set<string>([
  'TrajectoryOpened',
  'TargetGroupDetermined',
  'TargetGroupOverridden',
  'ExemptionGranted',
  'AgencyLetterRecorded',
  'IntakeRecorded',
  'ContractSigned',
  'DeadlineSet',
  'DeadlineMet',
  'DeadlineMissed',
  'DeadlineMoved',
  'DeadlineWaived',
  'VdabRegistrationRecorded',
  'TrajectorySuspended',
  'TrajectoryResumed',
  'ViolationOpened',
  'ViolationWithdrawn',
  'FineDecisionRecorded',
  'TrajectoryClosed',
]);

/** Builds the document of one violation file from the trajectory's state and events; undefined: no such file. */
export function violationFileDocument(
  state: TrajectoryState,
  events: readonly TrajectoryEvent[],
  violationId: string,
): ViolationFileDocument | undefined {
  const violation = state.violations.find((candidate) => candidate.violationId === violationId);
  if (!violation) return undefined;
  const targetGroup = state.targetGroup;
  const status = targetGroup?.exemption
    ? { status: 'EXEMPT' }
    : (targetGroup?.override?.recorded ?? targetGroup?.derived);
  const policy = state.contract ? policyVersionById(state.contract.policyVersion) : undefined;
  return {
    documentVersion: 1,
    violation: {
      violationId: violation.violationId,
      trajectoryId: state.trajectoryId,
      kind: violation.kind,
      state: violation.state,
      openedAt: violation.openedAt,
      facts: violation.facts,
      decision: violation.decision
        ? {
            decision: violation.decision.decision,
            amountEuro: violation.decision.amountEuro ?? null,
            decidedOn: violation.decision.decidedOn,
          }
        : null,
    },
    person: {
      givenName: state.newcomer.givenName,
      familyName: state.newcomer.familyName,
      nationalNumber: state.newcomer.nationalNumber,
      municipality: state.residence?.municipality ?? state.newcomer.municipality,
    },
    obligation: {
      targetGroupStatus: status?.status ?? null,
      obligationStartsOn: status && 'obligationStartsOn' in status ? status.obligationStartsOn : null,
      rule: targetGroup?.derived.rule
        ? { id: targetGroup.derived.rule.id, source: targetGroup.derived.rule.source }
        : null,
      agency: state.agency,
      registeredOn: state.registeredOn,
      contract: state.contract ? { ...state.contract } : null,
      fineRange: policy ? { ...policy.parameters.fine } : null,
    },
    deadlines: state.deadlines.map((deadline) => ({
      deadlineId: deadline.deadlineId,
      kind: deadline.kind,
      dueOn: deadline.dueOn,
      state: deadline.state,
      countsFrom:
        deadline.anchor && deadline.anchorOn ? { anchor: deadline.anchor, on: deadline.anchorOn } : null,
      metOn: deadline.metOn ?? null,
      policyVersion: deadline.policyVersion,
      source: deadline.source,
      ofThisFile: deadline.deadlineId === violation.deadlineId,
    })),
    events: events
      .filter((event) => FILE_EVENTS.has(event.type) && concernsFile(event, violationId))
      .map((event) => ({ occurredAt: event.occurredAt, type: event.type, description: describe(event) })),
  };
}

/** The other files' openings and decisions belong to their own documents. */
function concernsFile(event: TrajectoryEvent, violationId: string): boolean {
  if (
    event.type === 'ViolationOpened' ||
    event.type === 'ViolationWithdrawn' ||
    event.type === 'FineDecisionRecorded'
  )
    return event.data.violationId === violationId;
  return true;
}

/** One line per event, in English like the API; the printable page says it in Dutch. */
function describe(event: TrajectoryEvent): string {
  switch (event.type) {
    case 'TrajectoryOpened':
      return `registered with ${event.data.agency} on ${event.data.registeredOn}`;
    case 'TargetGroupDetermined':
      return `target group: ${event.data.decision.status} (${event.data.decision.rule.id})`;
    case 'TargetGroupOverridden':
      return `target group recorded as ${event.data.recorded.status}`;
    case 'ExemptionGranted':
      return `exempted (${event.data.reason}) on ${event.data.grantedOn}`;
    case 'AgencyLetterRecorded':
      return `registered letter of the agency sent on ${event.data.sentOn}`;
    case 'IntakeRecorded':
      return `intake on ${event.data.intakeOn}`;
    case 'ContractSigned':
      return `contract signed on ${event.data.signedOn} under policy ${event.data.policyVersion}`;
    case 'DeadlineSet':
      return `deadline ${event.data.kind} due ${event.data.dueOn} (${event.data.source})`;
    case 'DeadlineMet':
      return `deadline ${event.data.deadlineId} met`;
    case 'DeadlineMissed':
      return `deadline ${event.data.kind} missed (due ${event.data.dueOn})`;
    case 'DeadlineMoved':
      return `deadline ${event.data.deadlineId} moved to ${event.data.dueOn}`;
    case 'DeadlineWaived':
      return `deadline ${event.data.deadlineId} waived`;
    case 'VdabRegistrationRecorded':
      return `registered with the public employment service on ${event.data.registeredOn}`;
    case 'TrajectorySuspended':
      return `suspended from ${event.data.suspendedFrom} (${event.data.reason})`;
    case 'TrajectoryResumed':
      return `resumed on ${event.data.resumedOn}`;
    case 'ViolationOpened':
      return `violation file opened: ${event.data.kind}`;
    case 'ViolationWithdrawn':
      return 'violation file withdrawn';
    case 'FineDecisionRecorded':
      return event.data.decision === 'FINE'
        ? `fine of ${event.data.amountEuro} euro decided on ${event.data.decidedOn}`
        : `no fine, decided on ${event.data.decidedOn}`;
    case 'TrajectoryClosed':
      return `trajectory closed on ${event.data.closedOn} (${event.data.reason})`;
    default:
      return event.type;
  }
}
