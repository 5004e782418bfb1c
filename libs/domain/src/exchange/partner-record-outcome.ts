import type { Rejection } from '../trajectory/rejection';
import type { TrajectoryState } from '../trajectory/state';
import type { PartnerRecordCommand } from './partner-record-row';
import { RowProblem, rowProblem, rowProblemOfRejection } from './row-problem';

/**
 * What happens to one partner record (a row of a municipality's or test centre's file, or a single request).
 * - APPLIED: recorded on the newcomer's open trajectory (its events written);
 * - ALREADY_APPLIED: the trajectory holds this very record already (same data): no event;
 * - CONFLICT: the trajectory holds the same record with other data, or its state refuses it (no referral yet, the
 *   pillar does not apply, completed already);
 * - UNMATCHED: no open trajectory for the newcomer in the sender's scope (a municipality: residents only; a test
 *   centre: learners referred to or enrolled with it);
 * - INVALID: the row itself is wrong (row number, field, reason).
 */
export const PARTNER_RECORD_OUTCOMES = [
  'APPLIED',
  'ALREADY_APPLIED',
  'CONFLICT',
  'UNMATCHED',
  'INVALID',
] as const;
export type PartnerRecordOutcome = (typeof PARTNER_RECORD_OUTCOMES)[number];

export type PriorRecord = { found: 'NONE' } | { found: 'SAME' } | { found: 'OTHER'; problem: RowProblem };

/**
 * Whether the trajectory already holds this record: the same fact (same activity, enrolment, period or test)
 * with the same data is SAME (idempotent); with other data OTHER (a conflict the partner must sort out).
 */
export function priorRecord(command: PartnerRecordCommand, state: TrajectoryState): PriorRecord {
  const pillars = state.pillars;
  if (!pillars) return { found: 'NONE' };
  switch (command.type) {
    case 'LogParticipationActivity':
      return compare(
        pillars.PARTICIPATION.activities.find(
          (a) =>
            a.kind === command.kind &&
            a.startedOn === command.startedOn &&
            a.endedOn === command.endedOn &&
            a.organisation === command.organisation,
        ),
        (a) =>
          a.hours === command.hours &&
          (a.participantFeedback ?? '') === (command.participantFeedback ?? '') &&
          (a.organisationFeedback ?? '') === (command.organisationFeedback ?? ''),
        'RECORD_ACTIVITY_OTHER_HOURS',
      );
    case 'EnrolInMoCourse':
      return compare(
        pillars.MO.enrolments.find(
          (e) => e.provider === command.provider && e.enrolledOn === command.enrolledOn,
        ),
        (e) => e.language === command.language,
        'RECORD_ENROLMENT_OTHER_LANGUAGE',
      );
    case 'EnrolInNt2Course':
      return compare(
        (pillars.NT2.enrolments ?? []).find(
          (e) =>
            e.provider === command.provider &&
            e.course === command.course &&
            e.enrolledOn === command.enrolledOn,
        ),
        (e) => e.level === command.level,
        'RECORD_ENROLMENT_OTHER_LEVEL',
      );
    case 'RecordAttendance':
      return compare(
        (pillars[command.pillar].attendance ?? []).find(
          (a) => a.periodFrom === command.periodFrom && a.periodTo === command.periodTo,
        ),
        (a) => a.hoursScheduled === command.hoursScheduled && a.hoursAttended === command.hoursAttended,
        'RECORD_ATTENDANCE_OTHER_HOURS',
      );
    case 'RecordMoTestResult':
      return compare(
        pillars.MO.testAttempts.find((t) => t.takenOn === command.takenOn),
        (t) =>
          t.passed === command.passed &&
          (t.certificateNumber ?? null) === (command.certificateNumber ?? null),
        'RECORD_MO_RESULT_OTHER',
      );
    case 'RecordNt2TestResult':
      return compare(
        pillars.NT2.testResults.find((t) => t.level === command.level && t.takenOn === command.takenOn),
        (t) =>
          t.passed === command.passed &&
          (t.certificateNumber ?? null) === (command.certificateNumber ?? null) &&
          sameSkills(t.skills, command.skills),
        'RECORD_NT2_RESULT_OTHER',
      );
  }
}

type OtherRecord =
  | 'RECORD_ACTIVITY_OTHER_HOURS'
  | 'RECORD_ENROLMENT_OTHER_LANGUAGE'
  | 'RECORD_ENROLMENT_OTHER_LEVEL'
  | 'RECORD_ATTENDANCE_OTHER_HOURS'
  | 'RECORD_MO_RESULT_OTHER'
  | 'RECORD_NT2_RESULT_OTHER';

function compare<T>(found: T | undefined, same: (found: T) => boolean, other: OtherRecord): PriorRecord {
  if (found === undefined) return { found: 'NONE' };
  return same(found) ? { found: 'SAME' } : { found: 'OTHER', problem: rowProblem('row', other) };
}

function sameSkills(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return [...(a ?? [])].sort().join(' ') === [...(b ?? [])].sort().join(' ');
}

/**
 * The outcome of a record the trajectory refused: a refusal of one of its fields (a date before the referral,
 * hours out of range) makes the row INVALID naming that field; a refusal of where the trajectory stands is a
 * CONFLICT.
 */
export function outcomeOfRejection(rejection: Rejection): {
  outcome: 'INVALID' | 'CONFLICT';
  problem: RowProblem;
} {
  const problem = rowProblemOfRejection(rejection);
  if (rejection.field !== undefined && rejection.code !== 'INVALID_STATE')
    return { outcome: 'INVALID', problem };
  return { outcome: 'CONFLICT', problem: { ...problem, field: 'row' } };
}
