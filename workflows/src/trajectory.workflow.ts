import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  currentUpdateInfo,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertMemo,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  awaitsViolationDecisions,
  DeadlineClock,
  decide,
  expireDeadlines,
  fold,
  LEGAL_DEADLINE_CLOCK,
  MaybeTrajectoryState,
  nextDeadlineExpiry,
  Rejection,
  because,
  TrajectoryCommand,
  TrajectoryEvent,
  TrajectoryState,
} from '../../libs/domain/src';
import {
  AppendEventsRequest,
  AppendEventsResult,
  IncidentReport,
  NEWCOMER_HAS_ACTIVE_TRAJECTORY,
  NON_RETRYABLE_APPEND_ERRORS,
  STREAM_VERSION_CONFLICT,
  TrajectoryActivities,
  UNSTORABLE_EVENT_DATA,
} from './activities';
import {
  COMMAND_REJECTED,
  CommandEnvelope,
  CommandMetadata,
  CommandResult,
  TRAJECTORY_COMMAND_UPDATES,
  TrajectoryMemo,
  trajectoryStateQuery,
  TrajectoryWorkflowInput,
  TrajectoryWorkflowResult,
} from './definitions';
import {
  INCIDENT_NOT_OPEN,
  retryIncidentUpdate,
  RetryIncidentRequest,
  RetryIncidentResult,
} from './incident-definitions';
import {
  findProcessed,
  fingerprint,
  isSameCommand,
  ProcessedCommand,
  rememberProcessed,
} from './processed-commands';
import { commandRejected } from './command-rejection';
import { createSerialQueue } from './serial-queue';
import { unstorableTextField } from './unstorable-text';

const { appendEvents } = proxyActivities<TrajectoryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: NON_RETRYABLE_APPEND_ERRORS,
  },
});

/**
 * The append since ONE_TASK_PER_COMMAND_PATCH: a local activity, so a command is one workflow task (the event store
 * makes an identical re-append a no-op, so a local activity's retries are as safe as an ordinary one's). Retried for
 * about 15 seconds (a database restart); past that the trajectory holds the command in an incident.
 */
const { appendEvents: appendEventsLocally } = proxyLocalActivities<TrajectoryActivities>({
  startToCloseTimeout: '5 seconds',
  scheduleToCloseTimeout: '20 seconds',
  retry: {
    initialInterval: '200 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '2 seconds',
    // About 15 seconds of attempts (the schedule-to-close timeout alone is not enforced across a workflow task
    // heartbeat of the SDK).
    maximumAttempts: 10,
    nonRetryableErrorTypes: NON_RETRYABLE_APPEND_ERRORS,
  },
});

/** An incident's report is retried until the database takes it: operators must see every incident. */
const { reportIncident } = proxyLocalActivities<TrajectoryActivities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Reads of the stream (catch-up, start from the stream) are retried until the database answers. */
const { readStreamAfter, loadStream } = proxyLocalActivities<TrajectoryActivities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '5 seconds' },
});

/** A workflow started by update-with-start that never received its opening command gives up after this. */
const OPENING_GRACE_PERIOD = '1 day';
/** Continue-as-new well before Temporal's history limits; the state and pending deadlines carry over. */
const MAX_HISTORY_EVENTS = 5_000;
/** Patch: trajectories keep a memo with their agency, status and phase (added after the first histories). */
const MEMO_PATCH = 'trajectory-memo';
/** Patch: a closed trajectory waits for the decisions on its open violation files (it used to end at once). */
const VIOLATION_FILES_PATCH = 'violation-files-outlive-closure';
/**
 * Patch: one workflow task per command. The append runs as a local activity; the memo (without the version) is
 * upserted only when it changes; the deadline timer is kept while the next deadline stays the same. Histories
 * recorded before it replay with the ordinary activity, a memo per command and a timer per loop.
 */
const ONE_TASK_PER_COMMAND_PATCH = 'one-workflow-task-per-command';
/**
 * Patch: a trajectory started with a (test) deadline clock sets its deadline timers on that clock. Asked only when
 * the input carries one, so histories without it replay without the marker.
 */
const DEADLINE_CLOCK_PATCH = 'timers-deadline-clock';

/**
 * Patch: a test result's certificate number is required with a pass and refused with a fail. A test result
 * accepted before it replays under the rules it was accepted with.
 */
const CERTIFICATE_NUMBER_PATCH = 'partners-certificate-number';

/**
 * Patch: the workflow is no longer the only writer of its stream (bulk openings and bulk links append at the
 * stream's version). When its append meets another writer's events (a version conflict), it reads them, folds them
 * and decides again: a command on the new state, a deadline expiry anew (a deadline met meanwhile is not missed).
 * A command the state refuses (INVALID_STATE) is checked against the stream the same way before it is refused.
 * Histories from before it replay as they ran: a conflict answered the command, or held the expiry in an incident.
 */
const CATCH_UP_PATCH = 'stream-catch-up';
/** Catch-ups one decision makes before its conflict stands (each one read the writes of another writer). */
const MAX_CATCH_UPS = 5;

/** The rules a command is decided under on replay: a test result from before the patch, without certificates. */
function decisionRules(command: TrajectoryCommand): { withoutCertificateNumbers?: true } {
  if (command.type !== 'RecordMoTestResult' && command.type !== 'RecordNt2TestResult') return {};
  return patched(CERTIFICATE_NUMBER_PATCH) ? {} : { withoutCertificateNumbers: true };
}

/** The open incident a trajectory holds a command for. */
interface OpenIncident {
  incidentId: string;
  commandType: string;
  cause: string;
  retries: number;
  openedAt: string;
  updatedAt: string;
}

/**
 * One newcomer's trajectory: it accepts commands as Updates, checks them against the domain rules, records the
 * resulting events, and keeps a timer on the next deadline. It is not its stream's only writer (bulk openings and
 * bulk links append too; the store's expected version gives each version one writer): it catches up with what
 * others appended and decides again (CATCH_UP_PATCH), and it can start from its stream (`fromStream`). When
 * a deadline expires unmet it records the miss and the violation. It ends when the trajectory closes and the
 * enforcement officer has decided every violation file the trajectory opened.
 */
export async function trajectoryWorkflow(input: TrajectoryWorkflowInput): Promise<TrajectoryWorkflowResult> {
  const { trajectoryId } = input;
  const historyLimit = input.continueAsNewAfterHistoryEvents ?? MAX_HISTORY_EVENTS;
  let state: TrajectoryState | undefined = input.state;
  let processedCommands: ProcessedCommand[] = input.processedCommands ?? [];
  const serially = createSerialQueue();
  /** False while a workflow started from its stream has not read it yet: commands wait for it. */
  let streamLoaded = !(input.fromStream && input.state === undefined);
  const deadlineClock: DeadlineClock =
    input.deadlineClock && patched(DEADLINE_CLOCK_PATCH) ? input.deadlineClock : LEGAL_DEADLINE_CLOCK;

  let lastMemo: string | undefined;
  let incident: OpenIncident | undefined;
  let incidentRetryRequested = false;
  /** Counts the outcomes of attempts made while an incident is open, for the retries waiting on one. */
  let incidentAttempts = 0;
  let deadlineTimer: { expiry: number; fired: boolean; scope: CancellationScope } | undefined;

  async function record(
    events: TrajectoryEvent[],
    metadata: RecordMetadata,
    refusalsAnswerTheCommand = true,
    mayCatchUp = false,
  ): Promise<TrajectoryEvent[]> {
    const expectedVersion = state?.version ?? 0;
    const oneTask = patched(ONE_TASK_PER_COMMAND_PATCH);
    const request: AppendEventsRequest = {
      streamId: trajectoryId,
      expectedVersion,
      events,
      // A retried workflow task decides again, maybe at another time: the causation id lets the store recognise
      // the same command (or the same expiry at this version) and answer with what it stored.
      metadata:
        oneTask && metadata.causationId === undefined
          ? { ...metadata, causationId: `${metadata.commandType ?? 'system'}@${expectedVersion}` }
          : metadata,
    };
    const appended = oneTask
      ? await appendHoldingIncidents(
          request,
          metadata.commandType ?? 'unknown',
          refusalsAnswerTheCommand,
          mayCatchUp,
        )
      : await appendEvents(request);
    const stored = appended.events ?? events;
    state = fold(stored, state);
    if (state && patched(MEMO_PATCH)) {
      if (!oneTask) upsertMemo({ ...memoOf(state) });
      else updateMemoIfChanged(state);
    }
    return stored;
  }

  /**
   * Decides (with `decideOn`, on the current state) and records the events. Another writer's events at the same
   * version are read and folded, and the decision is made again on the new state (CATCH_UP_PATCH); a decision
   * with no events records nothing. A rejection (thrown by `decideOn`) of INVALID_STATE is checked the same way.
   */
  async function recordDecision(
    decideOn: (current: MaybeTrajectoryState) => TrajectoryEvent[],
    metadata: RecordMetadata,
    refusalsAnswerTheCommand = true,
  ): Promise<TrajectoryEvent[]> {
    let caughtUp = false;
    for (let catchUps = 0; ; catchUps += 1) {
      let events: TrajectoryEvent[];
      try {
        events = decideOn(state);
      } catch (error) {
        if (caughtUp || !isStateRejection(error) || !patched(CATCH_UP_PATCH) || !(await catchUp()))
          throw error;
        caughtUp = true;
        continue;
      }
      if (events.length === 0) return [];
      try {
        return await record(events, metadata, refusalsAnswerTheCommand, catchUps < MAX_CATCH_UPS);
      } catch (error) {
        if (catchUps >= MAX_CATCH_UPS || !isVersionConflict(error) || !patched(CATCH_UP_PATCH)) throw error;
        await catchUp();
        caughtUp = true;
      }
    }
  }

  /** Folds the events other writers appended after the state's version; true when there were any. */
  async function catchUp(): Promise<boolean> {
    const events = await readStreamAfter({ streamId: trajectoryId, version: state?.version ?? 0 });
    if (events.length === 0) return false;
    state = fold(events, state);
    if (state && patched(MEMO_PATCH)) updateMemoIfChanged(state);
    return true;
  }

  function updateMemoIfChanged(current: TrajectoryState): void {
    const memo = { agency: current.agency, status: current.status, phase: current.phase };
    const text = JSON.stringify(memo);
    if (text === lastMemo) return;
    // The version left the memo with the patch (it changed on every command); a memo from before loses it.
    upsertMemo(lastMemo === undefined ? { ...memo, version: undefined } : memo);
    lastMemo = text;
  }

  /**
   * Appends through the local activity. The store's refusals (a data error, another active trajectory, a reused
   * key) answer the command; any other failure that outlasts the retries opens an incident: the command is held
   * (its client gets its answer after an operator's retry succeeds), new commands are refused with the reason.
   */
  async function appendHoldingIncidents(
    request: AppendEventsRequest,
    commandType: string,
    refusalsAnswerTheCommand: boolean,
    mayCatchUp: boolean,
  ): Promise<AppendEventsResult> {
    for (;;) {
      try {
        const appended = await appendEventsLocally(request);
        await closeIncident();
        return appended;
      } catch (error) {
        if (
          (refusalsAnswerTheCommand && isStoreRefusal(error)) ||
          (mayCatchUp && isVersionConflict(error) && patched(CATCH_UP_PATCH))
        ) {
          await closeIncident();
          throw error;
        }
        await holdInIncident(commandType, causeOf(error));
      }
    }
  }

  async function holdInIncident(commandType: string, cause: string): Promise<void> {
    const now = new Date().toISOString();
    incident = incident
      ? { ...incident, cause, retries: incident.retries + 1, updatedAt: now }
      : { incidentId: uuid4(), commandType, cause, retries: 0, openedAt: now, updatedAt: now };
    incidentRetryRequested = false;
    incidentAttempts += 1;
    await reportIncident(reportOf(incident, 'OPEN'));
    await condition(() => incidentRetryRequested);
  }

  async function closeIncident(): Promise<void> {
    if (!incident) return;
    const resolved = { ...incident, updatedAt: new Date().toISOString() };
    incident = undefined;
    incidentAttempts += 1;
    await reportIncident(reportOf(resolved, 'RESOLVED'));
  }

  function reportOf(open: OpenIncident, incidentState: IncidentReport['state']): IncidentReport {
    return { ...open, trajectoryId, state: incidentState };
  }

  function validateIncidentRetry({ incidentId }: RetryIncidentRequest): void {
    if (incident?.incidentId !== incidentId)
      throw ApplicationFailure.create({
        type: INCIDENT_NOT_OPEN,
        message: `trajectory ${trajectoryId} holds no open incident ${incidentId}`,
        nonRetryable: true,
      });
  }

  async function retryIncident({ incidentId }: RetryIncidentRequest): Promise<RetryIncidentResult> {
    const attemptsBefore = incidentAttempts;
    incidentRetryRequested = true;
    await condition(() => incidentAttempts > attemptsBefore);
    return incident?.incidentId === incidentId
      ? { incidentId, resolved: false, cause: incident.cause }
      : { incidentId, resolved: true };
  }

  function validate({ command, metadata }: CommandEnvelope<TrajectoryCommand>): void {
    // Not read yet: the command waits for the stream and is decided on it.
    if (!streamLoaded) return;
    const previous = findProcessed(processedCommands, metadata.idempotencyKey);
    if (previous) {
      if (!isSameCommand(previous, command)) throw commandRejected(idempotencyKeyReused(metadata));
      return;
    }
    if (incident) throw commandRejected(heldByIncident(trajectoryId, incident));
    const decision = decide(state, command, { now: Date.now() });
    // A refusal for where the trajectory stands may be out of date (another writer may have moved the stream on):
    // the handler reads the stream before it refuses.
    if (!decision.accepted && decision.rejection.code !== 'INVALID_STATE')
      throw commandRejected(decision.rejection);
  }

  async function execute({ command, metadata }: CommandEnvelope<TrajectoryCommand>): Promise<CommandResult> {
    const causationId = currentUpdateInfo()?.id;
    return serially(async () => {
      const previous = findProcessed(processedCommands, metadata.idempotencyKey);
      if (previous) {
        if (!isSameCommand(previous, command)) throw commandRejected(idempotencyKeyReused(metadata));
        return previous.result;
      }
      // Decided again: an earlier queued command (or another writer) may have changed the state since validation.
      const decideCommand = (current: MaybeTrajectoryState): TrajectoryEvent[] => {
        const decision = decide(current, command, { now: Date.now(), ...decisionRules(command) });
        if (!decision.accepted) throw commandRejected(decision.rejection);
        return decision.events;
      };
      const recorded = await recordDecision(decideCommand, {
        ...metadata,
        causationId,
        commandType: command.type,
      }).catch((error: unknown) => {
        throw refusedByStore(error) ?? unstorable(error, command) ?? error;
      });
      const result: CommandResult = {
        trajectoryId,
        version: state?.version ?? 0,
        events: recorded.map((event) => event.type),
      };
      if (metadata.idempotencyKey) {
        processedCommands = rememberProcessed(processedCommands, {
          key: metadata.idempotencyKey,
          fingerprint: fingerprint(command),
          result,
        });
      }
      return result;
    });
  }

  if (!streamLoaded) {
    // Queued first, so every command's job runs after it.
    void serially(async () => {
      const start = await loadStream({ streamId: trajectoryId });
      state = start.state;
      processedCommands = start.processedCommands;
      streamLoaded = true;
      if (state && patched(MEMO_PATCH)) updateMemoIfChanged(state);
    });
  }

  for (const update of TRAJECTORY_COMMAND_UPDATES) setHandler(update, execute, { validator: validate });
  setHandler(retryIncidentUpdate, retryIncident, { validator: validateIncidentRetry });
  setHandler(trajectoryStateQuery, () => state);

  if (!(await condition(() => state !== undefined, OPENING_GRACE_PERIOD))) {
    return { trajectoryId, status: 'NEVER_OPENED', version: 0 };
  }

  while (state && isRunning(state)) {
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyLimit) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof trajectoryWorkflow>({
        trajectoryId,
        state,
        processedCommands,
        continueAsNewAfterHistoryEvents: input.continueAsNewAfterHistoryEvents,
        ...(input.deadlineClock ? { deadlineClock: input.deadlineClock } : {}),
      });
    }
    if (patched(ONE_TASK_PER_COMMAND_PATCH)) await untilChangedOrDeadlineTimer(state);
    else await untilChangedOrNextDeadline(state);
    await serially(async () => {
      if (!state || state.status === 'CLOSED') return;
      // Decided again after a catch-up: a deadline met meanwhile (a registration linked in bulk) is not missed.
      const expire = (current: MaybeTrajectoryState): TrajectoryEvent[] =>
        current && current.status !== 'CLOSED' ? expireDeadlines(current, Date.now(), deadlineClock) : [];
      await recordDecision(expire, { actor: 'system:deadline-timer', commandType: 'ExpireDeadlines' }, false);
    });
  }

  await condition(allHandlersFinished);
  return { trajectoryId, status: state?.status ?? 'NEVER_OPENED', version: state?.version ?? 0 };

  function isRunning(current: TrajectoryState): boolean {
    if (current.status !== 'CLOSED') return true;
    // Checked only where it matters, so that histories of trajectories that closed without open files replay
    // without the patch marker; those that closed with open files before the patch replay as ended.
    return awaitsViolationDecisions(current) && patched(VIOLATION_FILES_PATCH);
  }

  async function untilChangedOrNextDeadline(current: TrajectoryState): Promise<void> {
    const changed = () => state !== current;
    const expiry = nextDeadlineExpiry(current, deadlineClock);
    if (expiry === undefined) return condition(changed);
    const remaining = expiry - Date.now();
    if (remaining > 0) await condition(changed, remaining);
  }

  /** Like untilChangedOrNextDeadline, but one timer per next deadline instead of one per loop (per command). */
  async function untilChangedOrDeadlineTimer(current: TrajectoryState): Promise<void> {
    const expiry = nextDeadlineExpiry(current, deadlineClock);
    if (expiry !== undefined && expiry <= Date.now()) return;
    const timerStillRight = deadlineTimer
      ? deadlineTimer.expiry === expiry && !deadlineTimer.fired
      : expiry === undefined;
    if (!timerStillRight) {
      deadlineTimer?.scope.cancel();
      deadlineTimer = expiry === undefined ? undefined : startDeadlineTimer(expiry);
    }
    const timer = deadlineTimer;
    await condition(() => state !== current || (timer?.fired ?? false));
  }

  function startDeadlineTimer(expiry: number): { expiry: number; fired: boolean; scope: CancellationScope } {
    const scope = new CancellationScope();
    const timer = { expiry, fired: false, scope };
    scope
      .run(() => sleep(expiry - Date.now()))
      .then(
        () => {
          timer.fired = true;
        },
        () => undefined,
      );
    return timer;
  }
}

type RecordMetadata = CommandMetadata & { causationId?: string; commandType?: string };

function memoOf(state: TrajectoryState): TrajectoryMemo {
  return { agency: state.agency, status: state.status, phase: state.phase, version: state.version };
}

/** A refusal only the store can see (another trajectory's state) becomes a rejection like the rules' own. */
function refusedByStore(error: unknown): ApplicationFailure | undefined {
  const cause = activityFailureOf(error);
  if (!(cause instanceof ApplicationFailure) || cause.type !== NEWCOMER_HAS_ACTIVE_TRAJECTORY)
    return undefined;
  return commandRejected(because('NEWCOMER_HAS_ACTIVE_TRAJECTORY', {}, 'nationalNumber'));
}

/** The store cannot hold a value of the command (e.g. a NUL character): a rejection naming the field. */
function unstorable(error: unknown, command: TrajectoryCommand): ApplicationFailure | undefined {
  const cause = activityFailureOf(error);
  if (!(cause instanceof ApplicationFailure) || cause.type !== UNSTORABLE_EVENT_DATA) return undefined;
  const field = unstorableTextField(command);
  return commandRejected(
    field
      ? because('UNSTORABLE_TEXT', { field }, field)
      : because('UNSTORABLE_VALUE', { cause: cause.message }),
  );
}

function isVersionConflict(error: unknown): boolean {
  const cause = activityFailureOf(error);
  return cause instanceof ApplicationFailure && cause.type === STREAM_VERSION_CONFLICT;
}

/** The rules' refusal for where the trajectory stands (the state may be behind its stream). */
function isStateRejection(error: unknown): boolean {
  if (!(error instanceof ApplicationFailure) || error.type !== COMMAND_REJECTED) return false;
  const [reason] = (error.details ?? []) as Rejection[];
  return reason?.code === 'INVALID_STATE';
}

function isStoreRefusal(error: unknown): boolean {
  const cause = activityFailureOf(error);
  return cause instanceof ApplicationFailure && NON_RETRYABLE_APPEND_ERRORS.includes(cause.type ?? '');
}

/** An ordinary activity's failure arrives as an ActivityFailure around the cause, a local activity's as the cause. */
function activityFailureOf(error: unknown): unknown {
  return error instanceof ActivityFailure ? error.cause : error;
}

/** What an incident says failed: the activity's failure, which the worker keeps free of personal data. */
function causeOf(error: unknown): string {
  const failure = activityFailureOf(error) ?? error;
  const type = failure instanceof ApplicationFailure && failure.type ? `${failure.type}: ` : '';
  const message = failure instanceof Error ? failure.message : String(failure);
  return `${type}${message}`.slice(0, 500);
}

function heldByIncident(trajectoryId: string, open: OpenIncident): Rejection {
  return because('TRAJECTORY_ON_HOLD', {
    trajectoryId,
    incidentId: open.incidentId,
    commandType: open.commandType,
    cause: open.cause,
  });
}

function idempotencyKeyReused(metadata: CommandMetadata): Rejection {
  return because(
    'IDEMPOTENCY_KEY_REUSED',
    { idempotencyKey: `${metadata.idempotencyKey}` },
    'Idempotency-Key',
  );
}
