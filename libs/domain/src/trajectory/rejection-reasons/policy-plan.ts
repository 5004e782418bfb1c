import type { RejectionWording } from '../rejection';

/** Reasons of the Horizontal Integration Policy Plan's actions: `actionStatus` is a status code (DELAYED, ...). */
export const POLICY_PLAN_REJECTIONS = {
  POLICY_ACTION_NOT_FOUND: { code: 'INVALID_STATE', message: 'the policy action does not exist' },
  POLICY_ACTION_STATUS_UNCHANGED: {
    code: 'INVALID_STATE',
    message: 'the action already has status {actionStatus} with this explanation',
  },
  // `value` is what was given, not a known status code.
  POLICY_ACTION_UNKNOWN_STATUS: { code: 'INVALID_INPUT', message: 'unknown status {value}' },
  POLICY_ACTION_EXPLANATION_REQUIRED: {
    code: 'RULE_VIOLATION',
    message: 'an explanation is required for status {actionStatus}',
  },
  // The statuses named are STATUSES_REQUIRING_EXPLANATION.
  POLICY_ACTION_EXPLANATION_NOT_EXPECTED: {
    code: 'RULE_VIOLATION',
    message: 'an explanation is given only for DELAYED, DROPPED and NOT_STARTED, not for {actionStatus}',
  },
  POLICY_ACTION_EXPLANATION_TOO_LONG: {
    code: 'INVALID_INPUT',
    message: 'the explanation is longer than {maxLength} characters',
  },
} as const satisfies Record<string, RejectionWording>;
