import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  currentUpdateInfo,
  patched,
  proxyActivities,
  setHandler,
  upsertMemo,
  workflowInfo,
} from '@temporalio/workflow';
import {
  awaitsViolationDecisions,
  decide,
  expireDeadlines,
  fold,
  nextDeadlineExpiry,
  Rejection,
  rejection,
  TrajectoryCommand,
  TrajectoryEvent,
  TrajectoryState,
} from '../../libs/domain/src';
import {
  NEWCOMER_HAS_ACTIVE_TRAJECTORY,
  NON_RETRYABLE_APPEND_ERRORS,
  TrajectoryActivities,
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
import { findProcessed, fingerprint, ProcessedCommand, rememberProcessed } from './processed-commands';
import { createSerialQueue } from './serial-queue';

const { appendEvents } = proxyActivities<TrajectoryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: NON_RETRYABLE_APPEND_ERRORS,
  },
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
 * One newcomer's trajectory: the single writer of its event stream. It accepts commands as Updates, checks
 * them against the domain rules, records the resulting events, and keeps a timer on the next deadline; when
 * a deadline expires unmet it records the miss and the violation. It ends when the trajectory closes and the
 * enforcement officer has decided every violation file the trajectory opened.
 */
export async function trajectoryWorkflow(input: TrajectoryWorkflowInput): Promise<TrajectoryWorkflowResult> {
  const { trajectoryId } = input;
  const historyLimit = input.continueAsNewAfterHistoryEvents ?? MAX_HISTORY_EVENTS;
  let state: TrajectoryState | undefined = input.state;
  let processedCommands: ProcessedCommand[] = input.processedCommands ?? [];
  const serially = createSerialQueue();

  async function record(
    events: TrajectoryEvent[],
    metadata: CommandMetadata & { causationId?: string; commandType?: string },
  ): Promise<TrajectoryEvent[]> {
    const appended = await appendEvents({
      streamId: trajectoryId,
      expectedVersion: state?.version ?? 0,
      events,
      metadata,
    });
    const stored = appended.events ?? events;
    state = fold(stored, state);
    if (state && patched(MEMO_PATCH)) upsertMemo({ ...memoOf(state) });
    return stored;
  }

  function validate({ command, metadata }: CommandEnvelope<TrajectoryCommand>): void {
    const previous = findProcessed(processedCommands, metadata.idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint(command))
        throw commandRejected(idempotencyKeyReused(metadata));
      return;
    }
    const decision = decide(state, command, { now: Date.now() });
    if (!decision.accepted) throw commandRejected(decision.rejection);
  }

  async function execute({ command, metadata }: CommandEnvelope<TrajectoryCommand>): Promise<CommandResult> {
    const causationId = currentUpdateInfo()?.id;
    return serially(async () => {
      const previous = findProcessed(processedCommands, metadata.idempotencyKey);
      if (previous) {
        if (previous.fingerprint !== fingerprint(command))
          throw commandRejected(idempotencyKeyReused(metadata));
        return previous.result;
      }
      // Decided again: an earlier queued command may have changed the state since validation.
      const decision = decide(state, command, { now: Date.now() });
      if (!decision.accepted) throw commandRejected(decision.rejection);
      const recorded = await record(decision.events, {
        ...metadata,
        causationId,
        commandType: command.type,
      }).catch((error: unknown) => {
        throw refusedByStore(error) ?? error;
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

  for (const update of TRAJECTORY_COMMAND_UPDATES) setHandler(update, execute, { validator: validate });
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
      });
    }
    await untilChangedOrNextDeadline(state);
    await serially(async () => {
      if (!state || state.status === 'CLOSED') return;
      const expired = expireDeadlines(state, Date.now());
      if (expired.length)
        await record(expired, { actor: 'system:deadline-timer', commandType: 'ExpireDeadlines' });
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
    const expiry = nextDeadlineExpiry(current);
    if (expiry === undefined) return condition(changed);
    const remaining = expiry - Date.now();
    if (remaining > 0) await condition(changed, remaining);
  }
}

function memoOf(state: TrajectoryState): TrajectoryMemo {
  return { agency: state.agency, status: state.status, phase: state.phase, version: state.version };
}

function commandRejected(reason: Rejection): ApplicationFailure {
  return ApplicationFailure.create({
    type: COMMAND_REJECTED,
    message: reason.message,
    details: [reason],
    nonRetryable: true,
  });
}

/** A refusal only the store can see (another trajectory's state) becomes a rejection like the rules' own. */
function refusedByStore(error: unknown): ApplicationFailure | undefined {
  const cause = error instanceof ActivityFailure ? error.cause : undefined;
  if (!(cause instanceof ApplicationFailure) || cause.type !== NEWCOMER_HAS_ACTIVE_TRAJECTORY)
    return undefined;
  return commandRejected(rejection('INVALID_STATE', cause.message, 'nationalNumber'));
}

function idempotencyKeyReused(metadata: CommandMetadata): Rejection {
  return rejection(
    'INVALID_INPUT',
    `Idempotency-Key "${metadata.idempotencyKey}" was already used for a different request`,
    'Idempotency-Key',
  );
}
