import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ProcessedCommand } from './processed-commands';
import type {
  TrajectoryCommand,
  RecordAttendance,
  AgreeWorkTrack,
  EnrolInMoCourse,
  LogParticipationActivity,
  OverrideTargetGroup,
  GrantExemption,
  RecordMoTestResult,
  RecordNt2TestResult,
  RecordTargetGroupFacts,
  ReferToNt2Course,
  EnrolInNt2Course,
  AdjustNt2Target,
  ReportViolation,
  WaivePillar,
  CorrectFact,
  RecordFineDecision,
  ResumeTrajectory,
  SuspendTrajectory,
  TransferTrajectory,
  ReassignCounsellor,
  CloseTrajectory,
  OpenTrajectory,
  RecordContract,
  RecordIntake,
  RecordVdabRegistration,
  RecordMove,
  RecordAgencyLetter,
  RecordFollowUpTestResult,
  RecordDeclarationOfEffort,
  TrajectoryState,
  DeadlineClock,
} from '../../libs/domain/src';

/**
 * The messages a trajectory workflow accepts, shared by the workflow and its clients.
 * Every command is an Update: validated against the current state before it is accepted, answered once the
 * resulting events are durably in the event store.
 */
export const TASK_QUEUE_DEFAULT = 'trajectories';

export function trajectoryWorkflowId(trajectoryId: string): string {
  return `trajectory-${trajectoryId}`;
}

/** Who asked, and the request's idempotency key; recorded in every event's metadata. */
export interface CommandMetadata {
  /** The verified caller's subject (a person's account or a partner system's client id). */
  actor: string;
  /** The caller's role and organisation, from the same access token. */
  actorRole?: string;
  actorOrganisation?: string;
  idempotencyKey?: string;
  correlationId?: string;
}

export type CommandEnvelope<C> = { command: C; metadata: CommandMetadata };

/** What an accepted command answers: the stream version after its events and the events' types. */
export interface CommandResult {
  trajectoryId: string;
  version: number;
  events: string[];
}

export interface TrajectoryWorkflowInput {
  trajectoryId: string;
  /** Carried over by continue-as-new: the state folded so far. Absent on the first run. */
  state?: TrajectoryState;
  /** Carried over by continue-as-new: the answers given to recent Idempotency-Keys. */
  processedCommands?: ProcessedCommand[];
  /** Continue-as-new once the history has this many events (default 5,000; tests use a small number). */
  continueAsNewAfterHistoryEvents?: number;
  /**
   * Tests only: the clock on which the trajectory's deadlines fall due (a compressed one, so that a deadline falls
   * due seconds later); absent: the legal clock. The API sets it only when test clocks are enabled.
   */
  deadlineClock?: DeadlineClock;
  /**
   * Start from the event store: the workflow reads its stream's folded state (and the answers to its recorded
   * Idempotency-Keys) before it decides anything. For trajectories written in bulk and for restarts from the legal
   * record (`pending_workflow_starts`); its timers follow, a deadline already past is recorded as missed at once.
   */
  fromStream?: boolean;
}

/** Shown in the Temporal UI beside each trajectory workflow, so operators can tell cases apart. */
export interface TrajectoryMemo {
  agency: string;
  status: string;
  phase: string;
  version: number;
}

export interface TrajectoryWorkflowResult {
  trajectoryId: string;
  status: TrajectoryState['status'] | 'NEVER_OPENED';
  version: number;
}

export const openTrajectoryUpdate = defineUpdate<CommandResult, [CommandEnvelope<OpenTrajectory>]>(
  'openTrajectory',
);
export const recordIntakeUpdate = defineUpdate<CommandResult, [CommandEnvelope<RecordIntake>]>(
  'recordIntake',
);
export const recordContractUpdate = defineUpdate<CommandResult, [CommandEnvelope<RecordContract>]>(
  'recordContract',
);
export const recordVdabRegistrationUpdate = defineUpdate<
  CommandResult,
  [CommandEnvelope<RecordVdabRegistration>]
>('recordVdabRegistration');
export const closeTrajectoryUpdate = defineUpdate<CommandResult, [CommandEnvelope<CloseTrajectory>]>(
  'closeTrajectory',
);
export const suspendTrajectoryUpdate = defineUpdate<CommandResult, [CommandEnvelope<SuspendTrajectory>]>(
  'suspendTrajectory',
);
export const resumeTrajectoryUpdate = defineUpdate<CommandResult, [CommandEnvelope<ResumeTrajectory>]>(
  'resumeTrajectory',
);
export const transferTrajectoryUpdate = defineUpdate<CommandResult, [CommandEnvelope<TransferTrajectory>]>(
  'transferTrajectory',
);
/**
 * A team lead hands the case to another counsellor of the agency. A new update handler only: registering it emits
 * no workflow command, so histories recorded before it replay unchanged and no patch is needed.
 */
export const reassignCounsellorUpdate = defineUpdate<CommandResult, [CommandEnvelope<ReassignCounsellor>]>(
  'reassignCounsellor',
);
export const correctFactUpdate = defineUpdate<CommandResult, [CommandEnvelope<CorrectFact>]>('correctFact');
export const recordFineDecisionUpdate = defineUpdate<CommandResult, [CommandEnvelope<RecordFineDecision>]>(
  'recordFineDecision',
);
export const recordTargetGroupFactsUpdate = defineUpdate<
  CommandResult,
  [CommandEnvelope<RecordTargetGroupFacts>]
>('recordTargetGroupFacts');
export const overrideTargetGroupUpdate = defineUpdate<CommandResult, [CommandEnvelope<OverrideTargetGroup>]>(
  'overrideTargetGroup',
);
export const grantExemptionUpdate = defineUpdate<CommandResult, [CommandEnvelope<GrantExemption>]>(
  'grantExemption',
);
export const enrolInMoCourseUpdate = defineUpdate<CommandResult, [CommandEnvelope<EnrolInMoCourse>]>(
  'enrolInMoCourse',
);
export const recordMoTestResultUpdate = defineUpdate<CommandResult, [CommandEnvelope<RecordMoTestResult>]>(
  'recordMoTestResult',
);
export const recordAttendanceUpdate = defineUpdate<CommandResult, [CommandEnvelope<RecordAttendance>]>(
  'recordAttendance',
);
export const referToNt2CourseUpdate = defineUpdate<CommandResult, [CommandEnvelope<ReferToNt2Course>]>(
  'referToNt2Course',
);
export const enrolInNt2CourseUpdate = defineUpdate<CommandResult, [CommandEnvelope<EnrolInNt2Course>]>(
  'enrolInNt2Course',
);
export const adjustNt2TargetUpdate = defineUpdate<CommandResult, [CommandEnvelope<AdjustNt2Target>]>(
  'adjustNt2Target',
);
export const recordNt2TestResultUpdate = defineUpdate<CommandResult, [CommandEnvelope<RecordNt2TestResult>]>(
  'recordNt2TestResult',
);
export const agreeWorkTrackUpdate = defineUpdate<CommandResult, [CommandEnvelope<AgreeWorkTrack>]>(
  'agreeWorkTrack',
);
export const logParticipationActivityUpdate = defineUpdate<
  CommandResult,
  [CommandEnvelope<LogParticipationActivity>]
>('logParticipationActivity');
export const waivePillarUpdate = defineUpdate<CommandResult, [CommandEnvelope<WaivePillar>]>('waivePillar');
export const reportViolationUpdate = defineUpdate<CommandResult, [CommandEnvelope<ReportViolation>]>(
  'reportViolation',
);
export const recordMoveUpdate = defineUpdate<CommandResult, [CommandEnvelope<RecordMove>]>('recordMove');
export const recordAgencyLetterUpdate = defineUpdate<CommandResult, [CommandEnvelope<RecordAgencyLetter>]>(
  'recordAgencyLetter',
);
export const recordFollowUpTestResultUpdate = defineUpdate<
  CommandResult,
  [CommandEnvelope<RecordFollowUpTestResult>]
>('recordFollowUpTestResult');
export const recordDeclarationOfEffortUpdate = defineUpdate<
  CommandResult,
  [CommandEnvelope<RecordDeclarationOfEffort>]
>('recordDeclarationOfEffort');

/** For diagnostics and the fold-equals-workflow check; reads for users come from the read models. */
export const trajectoryStateQuery = defineQuery<TrajectoryState | undefined>('trajectoryState');

/** ApplicationFailure type of a command the rules refused; details[0] is the domain Rejection. */
export const COMMAND_REJECTED = 'CommandRejected';

/** Every command a trajectory accepts; the workflow registers a validated handler for each. */
export const TRAJECTORY_COMMAND_UPDATES: readonly UpdateDefinition<
  CommandResult,
  [CommandEnvelope<TrajectoryCommand>]
>[] = [
  openTrajectoryUpdate,
  recordIntakeUpdate,
  recordContractUpdate,
  recordVdabRegistrationUpdate,
  closeTrajectoryUpdate,
  suspendTrajectoryUpdate,
  resumeTrajectoryUpdate,
  transferTrajectoryUpdate,
  reassignCounsellorUpdate,
  correctFactUpdate,
  recordFineDecisionUpdate,
  recordTargetGroupFactsUpdate,
  overrideTargetGroupUpdate,
  grantExemptionUpdate,
  enrolInMoCourseUpdate,
  recordMoTestResultUpdate,
  recordAttendanceUpdate,
  referToNt2CourseUpdate,
  enrolInNt2CourseUpdate,
  adjustNt2TargetUpdate,
  recordNt2TestResultUpdate,
  agreeWorkTrackUpdate,
  logParticipationActivityUpdate,
  waivePillarUpdate,
  reportViolationUpdate,
  recordMoveUpdate,
  recordAgencyLetterUpdate,
  recordFollowUpTestResultUpdate,
  recordDeclarationOfEffortUpdate,
];
