import { certificateNumberOf } from './certificate-number';
import {
  applicabilityReasonOf,
  levelReached,
  NT2_LEVELS,
  PARTICIPATION_ACTIVITY_KINDS,
  ParticipationPillar,
  WorkPillar,
} from '../../pillars/pillar-state';
import { Nt2Level, NT2_SKILLS, PILLARS } from '../../policy/pillar';
import { ParameterisedPolicyVersion, policyVersionById } from '../../policy/policy-versions';
import { daysBetween } from '../../time/calendar-date';
import {
  AdjustNt2Target,
  AgreeWorkTrack,
  EnrolInMoCourse,
  EnrolInNt2Course,
  LogParticipationActivity,
  RecordAttendance,
  RecordMoTestResult,
  RecordNt2TestResult,
  ReferToNt2Course,
  WaivePillar,
} from '../commands';
import {
  AttendanceRecorded,
  DeadlineWaived,
  MoCourseEnrolled,
  MoTestTaken,
  Nt2CourseEnrolled,
  Nt2TargetAdjusted,
  Nt2Referred,
  Nt2TestTaken,
  ParticipationActivityLogged,
  PillarWaived,
  TrajectoryEvent,
  trajectoryEvent,
  WorkTrackAgreed,
  isEmploymentRegistration,
} from '../events';
import { because, Rejection } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject, tooEarly } from './decision';

/** A single activity longer than this is a typing error, not a day of volunteering. */
const MAX_ACTIVITY_HOURS = 40;

function pillarsStarted(state: TrajectoryState): Rejection | undefined {
  return state.pillars ? undefined : because('PILLARS_NOT_STARTED');
}

/** A level of the NT2 framework the tests know: A1, A2 or B1. */
function nt2Level(value: unknown, field: string): Rejection | undefined {
  return NT2_LEVELS.includes(value as Nt2Level) ? undefined : because('NOT_AN_NT2_LEVEL', { field }, field);
}

/** The course of a referral or an enrolment: provider, course and level, once the pillars exist. */
function nt2CourseProblem(
  state: TrajectoryState,
  course: { provider: string; course: string; level: Nt2Level },
) {
  return (
    pillarsStarted(state) ??
    required(course.provider, 'provider') ??
    required(course.course, 'course') ??
    nt2Level(course.level, 'level')
  );
}

function required(value: string | undefined, field: string): Rejection | undefined {
  return value?.trim() ? undefined : because('MUST_NOT_BE_EMPTY', { field }, field);
}

/**
 * The WORK or participation pillar does not apply, and why. The message says why in English; the params carry the
 * pillar and, as `pillarReason`, the reason's key with its own params, for the web to word ('pillarReason.<key>').
 * A pillar determined before reason keys has only its English text: that text stays the `pillarReason`.
 */
function pillarNotApplicable(
  pillar: 'WORK' | 'PARTICIPATION',
  state: WorkPillar | ParticipationPillar,
): Rejection {
  const refusal = because(
    pillar === 'WORK' ? 'WORK_PILLAR_NOT_APPLICABLE' : 'PARTICIPATION_PILLAR_NOT_APPLICABLE',
    { pillarReason: applicabilityReasonOf(state) },
  );
  const key = state.applicabilityReasonKey;
  return {
    ...refusal,
    params: key
      ? { ...state.applicabilityReasonParams, pillar, pillarReason: key }
      : { pillar, ...refusal.params },
  };
}

export function enrolInMoCourse(
  state: TrajectoryState,
  command: EnrolInMoCourse,
  { today, now }: DecisionTime,
): Decision {
  const problem =
    pillarsStarted(state) ?? required(command.provider, 'provider') ?? required(command.language, 'language');
  if (problem) return reject(problem);
  const enrolledOn = pastOrToday(command.enrolledOn, 'enrolledOn', today);
  if (isRejection(enrolledOn)) return reject(enrolledOn);
  return accept(
    trajectoryEvent<MoCourseEnrolled>(
      'MoCourseEnrolled',
      { provider: command.provider.trim(), language: command.language.trim(), enrolledOn },
      now,
    ),
  );
}

export function recordMoTestResult(
  state: TrajectoryState,
  command: RecordMoTestResult,
  { today, now, withoutCertificateNumbers }: DecisionTime,
): Decision {
  const problem = pillarsStarted(state);
  if (problem) return reject(problem);
  const enrolment = state.pillars!.MO.enrolments[0];
  if (!enrolment) return reject(because('MO_TEST_WITHOUT_ENROLMENT'));
  const takenOn = pastOrToday(command.takenOn, 'takenOn', today);
  if (isRejection(takenOn)) return reject(takenOn);
  if (takenOn < enrolment.enrolledOn) return reject(tooEarly('takenOn', enrolment.enrolledOn, 'enrolment'));
  if (typeof command.passed !== 'boolean')
    return reject(because('MUST_BE_TRUE_OR_FALSE', { field: 'passed' }, 'passed'));
  const certificateNumber = certificateNumberOf(
    command.passed,
    command.certificateNumber,
    withoutCertificateNumbers,
  );
  if (certificateNumber !== null && typeof certificateNumber !== 'string') return reject(certificateNumber);
  if (state.pillars!.MO.status === 'COMPLETED')
    return reject(because('PILLAR_ALREADY_COMPLETED', { pillar: 'MO' }));
  return accept(
    trajectoryEvent<MoTestTaken>('MoTestTaken', { takenOn, passed: command.passed, certificateNumber }, now),
  );
}

export function referToNt2Course(
  state: TrajectoryState,
  command: ReferToNt2Course,
  { today, now }: DecisionTime,
): Decision {
  const problem = nt2CourseProblem(state, command);
  if (problem) return reject(problem);
  const referredOn = pastOrToday(command.referredOn, 'referredOn', today);
  if (isRejection(referredOn)) return reject(referredOn);
  return accept(
    trajectoryEvent<Nt2Referred>(
      'Nt2Referred',
      { provider: command.provider.trim(), course: command.course.trim(), level: command.level, referredOn },
      now,
    ),
  );
}

/** An enrolment follows a referral (after the screening, BBT 2020-2021 l.1109-1117); it may be for another course. */
export function enrolInNt2Course(
  state: TrajectoryState,
  command: EnrolInNt2Course,
  { today, now }: DecisionTime,
): Decision {
  const problem = nt2CourseProblem(state, command);
  if (problem) return reject(problem);
  const enrolledOn = pastOrToday(command.enrolledOn, 'enrolledOn', today);
  if (isRejection(enrolledOn)) return reject(enrolledOn);
  const referral = state.pillars!.NT2.referrals[0];
  if (!referral) return reject(because('NT2_ENROLMENT_WITHOUT_REFERRAL'));
  if (enrolledOn < referral.referredOn)
    return reject(tooEarly('enrolledOn', referral.referredOn, 'referral'));
  return accept(
    trajectoryEvent<Nt2CourseEnrolled>(
      'Nt2CourseEnrolled',
      { provider: command.provider.trim(), course: command.course.trim(), level: command.level, enrolledOn },
      now,
    ),
  );
}

const ADJUSTED_PATH_LITERACY = ['LOW_LITERATE', 'ILLITERATE'];

/**
 * Why a counsellor may not lower the NT2 target to `targetLevel` under this policy version: a lower level only
 * where the version says so (`lowLiterateTargetLevel`). The literacy track itself is set at the contract.
 */
export function nt2LoweringRefusal(
  policy: ParameterisedPolicyVersion,
  targetLevel: Nt2Level,
): Rejection | undefined {
  const { lowLiterateTargetLevel, lowLiterateTargetLevelSource, literacyTrack } = policy.parameters.nt2;
  if (lowLiterateTargetLevel !== 'NOT_SET' && levelReached(targetLevel, lowLiterateTargetLevel))
    return undefined;
  const field = 'targetLevel';
  if (lowLiterateTargetLevel !== 'NOT_SET') {
    return because(
      'NT2_TARGET_BELOW_POLICY_MINIMUM',
      { policyId: policy.id, lowestLevel: lowLiterateTargetLevel, source: lowLiterateTargetLevelSource },
      field,
    );
  }
  const noLowerLevel = {
    policyId: policy.id,
    targetLevel: policy.parameters.nt2.targetLevel,
    source: lowLiterateTargetLevelSource,
  };
  if (!literacyTrack) return because('NT2_TARGET_NOT_LOWERED_BY_POLICY', noLowerLevel, field);
  return because(
    'NT2_TARGET_NOT_LOWERED_BY_POLICY_LITERACY_TRACK',
    {
      ...noLowerLevel,
      literacyTrackLevel: literacyTrack.targetLevel,
      skills: literacyTrack.skills.map((skill) => skill.toLowerCase()).join(' and '),
      literacyTrackSource: literacyTrack.source,
    },
    field,
  );
}

/** A lower NT2 target for an illiterate or low-literate learner; a test already passed at it completes the pillar. */
export function adjustNt2Target(
  state: TrajectoryState,
  command: AdjustNt2Target,
  { today, now }: DecisionTime,
): Decision {
  const problem = pillarsStarted(state) ?? required(command.reason, 'reason');
  if (problem) return reject(problem);
  const invalidTarget = nt2Level(command.targetLevel, 'targetLevel');
  if (invalidTarget) return reject(invalidTarget);
  const adjustedOn = pastOrToday(command.adjustedOn, 'adjustedOn', today);
  if (isRejection(adjustedOn)) return reject(adjustedOn);
  const literacy = state.intakeProfile?.literacy;
  if (!literacy) return reject(because('NT2_ADJUSTED_TARGET_NO_LITERACY'));
  if (!ADJUSTED_PATH_LITERACY.includes(literacy))
    return reject(because('NT2_ADJUSTED_TARGET_LEARNER_LITERATE', { literacy }));
  const nt2 = state.pillars!.NT2;
  if (nt2.status === 'COMPLETED') return reject(because('PILLAR_ALREADY_COMPLETED', { pillar: 'NT2' }));
  if (nt2.status === 'WAIVED') return reject(because('PILLAR_ALREADY_WAIVED', { pillar: 'NT2' }));
  if (levelReached(command.targetLevel, nt2.targetLevel)) {
    return reject(
      because(
        'NT2_ADJUSTED_TARGET_NOT_LOWER',
        { field: 'targetLevel', currentTargetLevel: nt2.targetLevel },
        'targetLevel',
      ),
    );
  }
  const refusal = nt2LoweringRefusal(policyVersionById(state.contract!.policyVersion), command.targetLevel);
  if (refusal) return reject(refusal);
  return accept(
    trajectoryEvent<Nt2TargetAdjusted>(
      'Nt2TargetAdjusted',
      {
        targetLevel: command.targetLevel,
        previousTargetLevel: nt2.targetLevel,
        adjustedOn,
        reason: command.reason.trim(),
      },
      now,
    ),
  );
}

export function recordNt2TestResult(
  state: TrajectoryState,
  command: RecordNt2TestResult,
  { today, now, withoutCertificateNumbers }: DecisionTime,
): Decision {
  const problem = pillarsStarted(state);
  if (problem) return reject(problem);
  const referral = state.pillars!.NT2.referrals[0];
  if (!referral) return reject(because('NT2_TEST_WITHOUT_REFERRAL'));
  const invalidLevel = nt2Level(command.level, 'level');
  if (invalidLevel) return reject(invalidLevel);
  const takenOn = pastOrToday(command.takenOn, 'takenOn', today);
  if (isRejection(takenOn)) return reject(takenOn);
  if (takenOn < referral.referredOn) return reject(tooEarly('takenOn', referral.referredOn, 'referral'));
  if (typeof command.passed !== 'boolean')
    return reject(because('MUST_BE_TRUE_OR_FALSE', { field: 'passed' }, 'passed'));
  const skills = command.skills;
  if (
    skills !== undefined &&
    (!Array.isArray(skills) ||
      skills.length === 0 ||
      !skills.every((skill) => NT2_SKILLS.includes(skill)) ||
      new Set(skills).size !== skills.length)
  ) {
    return reject(
      because('NT2_SKILLS_NOT_DISTINCT', { field: 'skills', allowed: NT2_SKILLS.join(', ') }, 'skills'),
    );
  }
  const certificateNumber = certificateNumberOf(
    command.passed,
    command.certificateNumber,
    withoutCertificateNumbers,
  );
  if (certificateNumber !== null && typeof certificateNumber !== 'string') return reject(certificateNumber);
  return accept(
    trajectoryEvent<Nt2TestTaken>(
      'Nt2TestTaken',
      {
        level: command.level,
        takenOn,
        passed: command.passed,
        ...(skills ? { skills: [...skills] } : {}),
        certificateNumber,
      },
      now,
    ),
  );
}

export function agreeWorkTrack(
  state: TrajectoryState,
  command: AgreeWorkTrack,
  { today, now }: DecisionTime,
): Decision {
  const problem = pillarsStarted(state) ?? required(command.description, 'description');
  if (problem) return reject(problem);
  if (state.pillars!.WORK.applicability === 'NOT_APPLICABLE')
    return reject(pillarNotApplicable('WORK', state.pillars!.WORK));
  const agreedOn = pastOrToday(command.agreedOn, 'agreedOn', today);
  if (isRejection(agreedOn)) return reject(agreedOn);
  return accept(
    trajectoryEvent<WorkTrackAgreed>(
      'WorkTrackAgreed',
      { description: command.description.trim(), agreedOn },
      now,
    ),
  );
}

export function logParticipationActivity(
  state: TrajectoryState,
  command: LogParticipationActivity,
  { today, now }: DecisionTime,
): Decision {
  const problem = pillarsStarted(state) ?? required(command.organisation, 'organisation');
  if (problem) return reject(problem);
  const participation = state.pillars!.PARTICIPATION;
  if (participation.applicability === 'NOT_APPLICABLE')
    return reject(pillarNotApplicable('PARTICIPATION', participation));
  if (!PARTICIPATION_ACTIVITY_KINDS.includes(command.kind)) {
    return reject(
      because('MUST_BE_ONE_OF', { field: 'kind', allowed: PARTICIPATION_ACTIVITY_KINDS.join(', ') }, 'kind'),
    );
  }
  if (
    typeof command.hours !== 'number' ||
    !(command.hours > 0) ||
    command.hours > MAX_ACTIVITY_HOURS ||
    Math.round(command.hours * 4) !== command.hours * 4
  ) {
    return reject(
      because('PARTICIPATION_HOURS_OUT_OF_RANGE', { field: 'hours', maxHours: MAX_ACTIVITY_HOURS }, 'hours'),
    );
  }
  const startedOn = pastOrToday(command.startedOn, 'startedOn', today);
  if (isRejection(startedOn)) return reject(startedOn);
  const endedOn = pastOrToday(command.endedOn, 'endedOn', today);
  if (isRejection(endedOn)) return reject(endedOn);
  if (daysBetween(startedOn, endedOn) < 0)
    return reject(because('PARTICIPATION_ACTIVITY_ENDS_BEFORE_START', { field: 'endedOn' }, 'endedOn'));
  if (state.contract && startedOn < state.contract.signedOn)
    return reject(tooEarly('startedOn', state.contract.signedOn, 'contract'));
  return accept(
    trajectoryEvent<ParticipationActivityLogged>(
      'ParticipationActivityLogged',
      {
        activityId: `${state.trajectoryId}:activity:${participation.activities.length + 1}`,
        kind: command.kind,
        hours: command.hours,
        startedOn,
        endedOn,
        organisation: command.organisation.trim(),
        municipality: command.municipality?.trim() || state.newcomer.municipality,
        ...(command.participantFeedback ? { participantFeedback: command.participantFeedback } : {}),
        ...(command.organisationFeedback ? { organisationFeedback: command.organisationFeedback } : {}),
      },
      now,
    ),
  );
}

/** An exemption granted later for one pillar; waiving WORK also waives the VDAB registration deadline. */
export function waivePillar(
  state: TrajectoryState,
  command: WaivePillar,
  { today, now }: DecisionTime,
): Decision {
  const problem = pillarsStarted(state) ?? required(command.reason, 'reason');
  if (problem) return reject(problem);
  if (!PILLARS.includes(command.pillar))
    return reject(because('MUST_BE_ONE_OF', { field: 'pillar', allowed: PILLARS.join(', ') }, 'pillar'));
  const pillar = state.pillars![command.pillar];
  if (pillar.applicability === 'NOT_APPLICABLE')
    return reject(because('WAIVED_PILLAR_NOT_APPLICABLE', { pillar: command.pillar }, 'pillar'));
  if (pillar.status === 'COMPLETED')
    return reject(because('PILLAR_ALREADY_COMPLETED', { pillar: command.pillar }));
  if (pillar.status === 'WAIVED') return reject(because('PILLAR_ALREADY_WAIVED', { pillar: command.pillar }));
  const waivedOn = pastOrToday(command.waivedOn, 'waivedOn', today);
  if (isRejection(waivedOn)) return reject(waivedOn);
  const events: TrajectoryEvent[] = [
    trajectoryEvent<PillarWaived>(
      'PillarWaived',
      { pillar: command.pillar, waivedOn, reason: command.reason.trim() },
      now,
    ),
  ];
  if (command.pillar === 'WORK') {
    for (const deadline of state.deadlines.filter(
      (candidate) =>
        isEmploymentRegistration(candidate.kind) &&
        (candidate.state === 'OPEN' || candidate.state === 'SUSPENDED'),
    )) {
      events.push(
        trajectoryEvent<DeadlineWaived>(
          'DeadlineWaived',
          {
            deadlineId: deadline.deadlineId,
            kind: deadline.kind,
            reason: `WORK pillar waived: ${command.reason.trim()}`,
          },
          now,
        ),
      );
    }
  }
  return { accepted: true, events };
}

/**
 * Attendance over a period. The sources set no minimum rate, so low attendance opens no violation by itself: the
 * counsellor judges and reports irregular attendance (ReportViolation).
 */
export function recordAttendance(
  state: TrajectoryState,
  command: RecordAttendance,
  { today, now }: DecisionTime,
): Decision {
  const problem = pillarsStarted(state);
  if (problem) return reject(problem);
  if (command.pillar !== 'MO' && command.pillar !== 'NT2')
    return reject(because('ATTENDANCE_NOT_OF_A_COURSE', { field: 'pillar' }, 'pillar'));
  const course = command.pillar === 'MO' ? state.pillars!.MO.enrolments[0] : state.pillars!.NT2.referrals[0];
  if (!course) {
    return reject(
      because(
        command.pillar === 'MO' ? 'ATTENDANCE_WITHOUT_MO_ENROLMENT' : 'ATTENDANCE_WITHOUT_NT2_REFERRAL',
      ),
    );
  }
  const periodFrom = pastOrToday(command.periodFrom, 'periodFrom', today);
  if (isRejection(periodFrom)) return reject(periodFrom);
  const periodTo = pastOrToday(command.periodTo, 'periodTo', today);
  if (isRejection(periodTo)) return reject(periodTo);
  if (periodTo < periodFrom)
    return reject(because('ATTENDANCE_PERIOD_ENDS_BEFORE_START', { field: 'periodTo' }, 'periodTo'));
  const { hoursScheduled, hoursAttended } = command;
  if (typeof hoursScheduled !== 'number' || !(hoursScheduled > 0)) {
    return reject(
      because('ATTENDANCE_HOURS_SCHEDULED_NOT_POSITIVE', { field: 'hoursScheduled' }, 'hoursScheduled'),
    );
  }
  if (typeof hoursAttended !== 'number' || hoursAttended < 0 || hoursAttended > hoursScheduled) {
    return reject(
      because(
        'ATTENDANCE_HOURS_ATTENDED_OUT_OF_RANGE',
        { field: 'hoursAttended', hoursScheduled },
        'hoursAttended',
      ),
    );
  }
  return accept(
    trajectoryEvent<AttendanceRecorded>(
      'AttendanceRecorded',
      { pillar: command.pillar, periodFrom, periodTo, hoursScheduled, hoursAttended },
      now,
    ),
  );
}
