import type { RejectionWording } from '../rejection';

/** Reasons of the pillars' decisions (MO, NT2, WORK, participation, attendance) and of the follow-up track. */
export const PILLAR_REJECTIONS = {
  PILLARS_NOT_STARTED: {
    code: 'INVALID_STATE',
    message: 'the pillars start when the contract is signed; record the contract first',
  },
  NOT_AN_NT2_LEVEL: { code: 'INVALID_INPUT', message: '{field} must be A1, A2 or B1' },
  PILLAR_ALREADY_COMPLETED: { code: 'INVALID_STATE', message: 'the {pillar} pillar is already completed' },
  PILLAR_ALREADY_WAIVED: { code: 'INVALID_STATE', message: 'the {pillar} pillar is already waived' },

  MO_TEST_WITHOUT_ENROLMENT: {
    code: 'INVALID_STATE',
    message: 'an MO test result needs an MO course enrolment first',
  },
  NT2_ENROLMENT_WITHOUT_REFERRAL: {
    code: 'INVALID_STATE',
    message: 'an NT2 enrolment follows a referral to an NT2 course; record the referral first',
  },
  NT2_TEST_WITHOUT_REFERRAL: {
    code: 'INVALID_STATE',
    message: 'an NT2 test result needs a referral to an NT2 course first',
  },
  NT2_SKILLS_NOT_DISTINCT: { code: 'INVALID_INPUT', message: '{field} must be distinct values of {allowed}' },

  // The literacy recorded at the intake can only be LITERATE here: the other two allow an adjusted target.
  NT2_ADJUSTED_TARGET_LEARNER_LITERATE: {
    code: 'RULE_VIOLATION',
    message:
      'an adjusted NT2 target is for illiterate and low-literate learners (BBT 2020-2021 l.1109-1117); the intake recorded {literacy}',
  },
  NT2_ADJUSTED_TARGET_NO_LITERACY: {
    code: 'RULE_VIOLATION',
    message:
      'an adjusted NT2 target is for illiterate and low-literate learners (BBT 2020-2021 l.1109-1117); the intake recorded no literacy',
  },
  NT2_ADJUSTED_TARGET_NOT_LOWER: {
    code: 'RULE_VIOLATION',
    message: '{field} must be below the current target {currentTargetLevel}: the adjusted path lowers it',
  },
  NT2_TARGET_BELOW_POLICY_MINIMUM: {
    code: 'RULE_VIOLATION',
    message: 'policy {policyId} allows no NT2 target below {lowestLevel} ({source})',
  },
  NT2_TARGET_NOT_LOWERED_BY_POLICY: {
    code: 'RULE_VIOLATION',
    message: 'policy {policyId} sets no NT2 level below {targetLevel} ({source})',
  },
  // `skills`: the literacy track's skills in English ("listening and speaking"), as the message has always said.
  NT2_TARGET_NOT_LOWERED_BY_POLICY_LITERACY_TRACK: {
    code: 'RULE_VIOLATION',
    message:
      'policy {policyId} sets no NT2 level below {targetLevel} ({source}); the literacy track is {literacyTrackLevel} for {skills} only ({literacyTrackSource})',
  },

  // `pillarReason`: the English reason in the message; the params carry the reason's key (PILLAR_REASON_KEYS)
  // under that name, with its own params, for a reader's language to word it (see pillarNotApplicable).
  WORK_PILLAR_NOT_APPLICABLE: {
    code: 'RULE_VIOLATION',
    message: 'the WORK pillar does not apply: {pillarReason}',
  },
  PARTICIPATION_PILLAR_NOT_APPLICABLE: {
    code: 'RULE_VIOLATION',
    message: 'the participation pillar does not apply: {pillarReason}',
  },
  PARTICIPATION_HOURS_OUT_OF_RANGE: {
    code: 'INVALID_INPUT',
    message: '{field} must be more than 0 and at most {maxHours}, in quarter hours',
  },
  PARTICIPATION_ACTIVITY_ENDS_BEFORE_START: {
    code: 'RULE_VIOLATION',
    message: '{field} must not be before startedOn',
  },

  WAIVED_PILLAR_NOT_APPLICABLE: {
    code: 'RULE_VIOLATION',
    message: '{pillar} does not apply: nothing to waive',
  },

  ATTENDANCE_NOT_OF_A_COURSE: { code: 'INVALID_INPUT', message: '{field} must be MO or NT2' },
  ATTENDANCE_WITHOUT_MO_ENROLMENT: {
    code: 'INVALID_STATE',
    message: 'attendance of the MO course needs an MO enrolment first',
  },
  ATTENDANCE_WITHOUT_NT2_REFERRAL: {
    code: 'INVALID_STATE',
    message: 'attendance of the NT2 course needs an NT2 referral first',
  },
  ATTENDANCE_PERIOD_ENDS_BEFORE_START: {
    code: 'RULE_VIOLATION',
    message: '{field} must not be before periodFrom',
  },
  ATTENDANCE_HOURS_SCHEDULED_NOT_POSITIVE: { code: 'INVALID_INPUT', message: '{field} must be more than 0' },
  ATTENDANCE_HOURS_ATTENDED_OUT_OF_RANGE: {
    code: 'INVALID_INPUT',
    message: '{field} must be from 0 to hoursScheduled ({hoursScheduled})',
  },

  CERTIFICATE_NUMBER_NOT_TEXT: { code: 'INVALID_INPUT', message: '{field} must be text' },
  CERTIFICATE_NUMBER_WITH_FAIL: { code: 'INVALID_INPUT', message: '{field} is only given with a pass' },
  CERTIFICATE_NUMBER_MISSING: { code: 'INVALID_INPUT', message: '{field} is required with a pass' },
  CERTIFICATE_NUMBER_TOO_LONG: {
    code: 'INVALID_INPUT',
    message: '{field} must be at most {maxLength} characters',
  },

  NO_FOLLOW_UP_TRACK: { code: 'INVALID_STATE', message: 'the trajectory has no follow-up track' },
  FOLLOW_UP_TRACK_COMPLETED: {
    code: 'INVALID_STATE',
    message: 'the follow-up track was completed on {completedOn}',
  },
  DECLARATION_OF_EFFORT_WITHOUT_CONTRACT: {
    code: 'INVALID_STATE',
    message: 'a declaration of effort follows a signed contract',
  },
  DECLARATION_OF_EFFORT_AFTER_ATTEST: {
    code: 'INVALID_STATE',
    message: 'the attest was issued on {issuedOn}',
  },
  DECLARATION_OF_EFFORT_NOT_IN_POLICY: {
    code: 'RULE_VIOLATION',
    message: 'policy {policyId} has no declaration of effort',
  },
  DECLARATION_OF_EFFORT_WITHOUT_REASON: {
    code: 'INVALID_INPUT',
    message: '{field} must say why the objectives are impossible to reach',
  },
} as const satisfies Record<string, RejectionWording>;
