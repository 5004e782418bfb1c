import { vdabRegistrationDueDate } from '../deadlines/vdab-registration-deadline';
import { attestIfDue, pillarCompletions } from '../pillars/pillar-progress';
import { addDays, calendarDateAt, CalendarDate, daysBetween, endOfDayInstant } from '../time/calendar-date';
import { decide } from '../trajectory/decide';
import { expireDeadlines } from '../trajectory/deadline-expiry';
import {
  DeadlineKind,
  DeadlineMoved,
  DeadlineSet,
  isEmploymentRegistration,
  PillarsDetermined,
  TrajectoryEvent,
  VdabRegistrationRecorded,
  ViolationKind,
} from '../trajectory/events';
import { evolve, MaybeTrajectoryState, TrajectoryState } from '../trajectory/state';
import { PolicyOverride, scenarioPolicy } from './policy-override';

/**
 * Replays one trajectory's recorded events under a changed policy parameter, with the domain's own functions, and
 * answers the events it would have had. Commands are not recorded, so the replay keeps the recorded *facts* (the
 * contract, the VDAB registration and its date, participation activities and their hours, test results, moves,
 * suspensions, closures...) and re-derives what follows from them by rule:
 * - the VDAB (Actiris) registration deadline, from its anchors under the override (`vdabRegistrationDueDate`),
 *   moved by the same days as the recorded one (suspensions);
 * - whether the registration met it: the recorded registration is decided again (`decide` with
 *   `RecordVdabRegistration` on its recorded date and time);
 * - deadlines that expire (`expireDeadlines`, at each deadline's expiry, as the workflow's timer does) and the
 *   violation files they open;
 * - pillar completions and the attest (`pillarCompletions`, `attestIfDue`) after each recorded command, with the
 *   participation target from the override.
 * The recorded derived events of those kinds are dropped. Events are replayed up to `until` (epoch ms); the
 * deadlines that expire by then are expired. Nothing is written anywhere: the result is a new array.
 *
 * Known limits: a fine decision or closure recorded for a violation file that the scenario does not open is still
 * applied as recorded; the follow-up track's facts are applied as recorded whatever the scenario's attest date.
 */
export interface ScenarioReplay {
  events: TrajectoryEvent[];
  state: MaybeTrajectoryState;
  /** Set when a recorded fact no longer fits the scenario's state (the replay stops there). */
  divergedAt?: { type: TrajectoryEvent['type']; occurredAt: string; reason: string };
}

const REDERIVED_DEADLINES: ReadonlySet<DeadlineKind> = new Set([
  'VDAB_REGISTRATION',
  'ACTIRIS_REGISTRATION',
  'FOLLOW_UP_B1_ORAL',
]);
const REDERIVED_VIOLATIONS: ReadonlySet<ViolationKind> = new Set([
  'VDAB_REGISTRATION_DEADLINE_MISSED',
  'FOLLOW_UP_DEADLINE_MISSED',
]);

export function replayUnderPolicy(
  recorded: readonly TrajectoryEvent[],
  override: PolicyOverride,
  until: number,
): ScenarioReplay {
  const replay = new Replay(override);
  const droppedViolations = new Set<string>();
  for (const group of byCommand(recorded)) {
    const at = Date.parse(group[0].occurredAt);
    if (at > until) break;
    replay.runTimers(at);
    const kept = group.filter((event) => !isRederived(event, droppedViolations));
    try {
      for (const event of kept) replay.applyRecorded(event, at);
      if (kept.length > 0 && !kept.some((event) => event.type === 'VdabRegistrationRecorded')) {
        replay.consequences(at);
      }
    } catch (error) {
      return replay.result({
        type: group[0].type,
        occurredAt: group[0].occurredAt,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  replay.runTimers(until);
  return replay.result();
}

class Replay {
  private state: MaybeTrajectoryState;
  private readonly events: TrajectoryEvent[] = [];
  /** The recorded and the scenario due date of each re-derived deadline, to move it by the same days. */
  private readonly recordedDue = new Map<string, CalendarDate>();

  constructor(private readonly override: PolicyOverride) {}

  result(divergedAt?: ScenarioReplay['divergedAt']): ScenarioReplay {
    return { events: this.events, state: this.state, ...(divergedAt ? { divergedAt } : {}) };
  }

  applyRecorded(event: TrajectoryEvent, at: number): void {
    switch (event.type) {
      case 'PillarsDetermined':
        return this.apply(this.withParticipationTarget(event));
      case 'DeadlineSet':
        return this.apply(isEmploymentRegistration(event.data.kind) ? this.withScenarioDue(event) : event);
      case 'DeadlineMoved':
        return this.apply(this.movedLikeRecorded(event));
      case 'VdabRegistrationRecorded':
        return this.decideRegistration(event, at);
      default:
        return this.apply(event);
    }
  }

  /** What follows by rule after a command: completed pillars, then the attest (as `decide` does). */
  consequences(at: number): void {
    if (!this.state || this.state.status === 'CLOSED') return;
    for (const completion of pillarCompletions(this.state, at)) this.apply(completion);
    for (const event of attestIfDue(this.state as TrajectoryState, calendarDateAt(at), at)) this.apply(event);
  }

  /** Expires the re-derived deadlines whose last day ended by `until`, each at its own expiry. */
  runTimers(until: number): void {
    for (;;) {
      const state = this.state;
      if (!state || state.status === 'CLOSED') return;
      const open = state.deadlines.filter(
        (deadline) => deadline.state === 'OPEN' && REDERIVED_DEADLINES.has(deadline.kind),
      );
      if (open.length === 0) return;
      const expiry = Math.min(...open.map((deadline) => endOfDayInstant(deadline.dueOn)));
      if (expiry > until) return;
      const expired = expireDeadlines({ ...state, deadlines: open }, expiry);
      if (expired.length === 0) return;
      for (const event of expired) this.apply(event);
    }
  }

  private apply(event: TrajectoryEvent): void {
    this.state = evolve(this.state, event);
    this.events.push(event);
  }

  private withParticipationTarget(event: PillarsDetermined): PillarsDetermined {
    const hours = this.override.participationHours;
    const participation = event.data.PARTICIPATION;
    if (hours === undefined || participation.targetHours === 0) return event;
    const policy = scenarioPolicy(event.data.policyVersion, this.override);
    const targetHours = policy.parameters.participation?.hours ?? participation.targetHours;
    return { ...event, data: { ...event.data, PARTICIPATION: { ...participation, targetHours } } };
  }

  private withScenarioDue(event: DeadlineSet): DeadlineSet {
    this.recordedDue.set(event.data.deadlineId, event.data.dueOn);
    const dueOn = vdabRegistrationDueDate(scenarioPolicy(event.data.policyVersion, this.override), {
      contractSignedOn: this.state?.contract?.signedOn,
      intakeOn: this.state?.intakeOn,
    });
    return dueOn ? { ...event, data: { ...event.data, dueOn } } : event;
  }

  private movedLikeRecorded(event: DeadlineMoved): DeadlineMoved {
    const recordedBefore = this.recordedDue.get(event.data.deadlineId);
    const scenario = this.state?.deadlines.find((deadline) => deadline.deadlineId === event.data.deadlineId);
    if (recordedBefore === undefined || !scenario) return event;
    this.recordedDue.set(event.data.deadlineId, event.data.dueOn);
    const dueOn = addDays(scenario.dueOn, daysBetween(recordedBefore, event.data.dueOn));
    return { ...event, data: { ...event.data, dueOn } };
  }

  /** The registration decided again on the scenario's state: met or not against the scenario's due date. */
  private decideRegistration(event: VdabRegistrationRecorded, at: number): void {
    const decision = decide(
      this.state,
      {
        type: 'RecordVdabRegistration',
        registeredOn: event.data.registeredOn,
        vdabClientReference: event.data.vdabClientReference,
      },
      { now: at },
    );
    if (!decision.accepted) {
      this.apply(event);
      this.consequences(at);
      return;
    }
    for (const decided of decision.events) this.apply(decided);
  }
}

/** Recorded events of one command share their instant: they are replayed together, consequences after. */
function byCommand(events: readonly TrajectoryEvent[]): TrajectoryEvent[][] {
  const groups: TrajectoryEvent[][] = [];
  for (const event of events) {
    const last = groups[groups.length - 1];
    if (last && last[0].occurredAt === event.occurredAt) last.push(event);
    else groups.push([event]);
  }
  return groups;
}

function isRederived(event: TrajectoryEvent, droppedViolations: Set<string>): boolean {
  switch (event.type) {
    case 'PillarCompleted':
    case 'AttestIssued':
    case 'FollowUpStarted':
      return true;
    case 'TrajectoryClosed':
      return event.data.reason === 'ATTEST_ISSUED';
    case 'DeadlineSet':
      return event.data.kind === 'FOLLOW_UP_B1_ORAL';
    case 'DeadlineMet':
      return isEmploymentRegistration(event.data.kind);
    case 'DeadlineMissed':
      return REDERIVED_DEADLINES.has(event.data.kind);
    case 'ViolationOpened':
      if (!REDERIVED_VIOLATIONS.has(event.data.kind)) return false;
      droppedViolations.add(event.data.violationId);
      return true;
    case 'ViolationWithdrawn':
      return droppedViolations.has(event.data.violationId);
    default:
      return false;
  }
}
