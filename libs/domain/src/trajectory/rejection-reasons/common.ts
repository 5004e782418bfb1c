import type { RejectionWording } from '../rejection';

/**
 * Reasons any command can meet: where the trajectory stands, and the dates every command carries. A date before an
 * earlier fact it must follow has one reason per fact (see `tooEarly`).
 */
export const COMMON_REJECTIONS = {
  TRAJECTORY_EXISTS: { code: 'INVALID_STATE', message: 'trajectory {trajectoryId} already exists' },
  TRAJECTORY_NOT_FOUND: { code: 'INVALID_STATE', message: 'trajectory does not exist' },
  TRAJECTORY_CLOSED: {
    code: 'INVALID_STATE',
    message: 'trajectory is closed ({closureReason} on {closedOn})',
  },
  TRAJECTORY_SUSPENDED: {
    code: 'INVALID_STATE',
    message: 'trajectory is suspended since {suspendedFrom}; resume it first',
  },
  IN_FOLLOW_UP_TRACK: {
    code: 'INVALID_STATE',
    message: 'the attest was issued on {issuedOn}; the trajectory is in its follow-up track',
  },
  NOT_A_DATE: { code: 'INVALID_INPUT', message: '{field} must be a date (YYYY-MM-DD)' },
  DATE_IN_FUTURE: { code: 'RULE_VIOLATION', message: '{field} {date} is in the future (today is {today})' },
  BEFORE_REGISTRATION: {
    code: 'RULE_VIOLATION',
    message: '{field} must not be before the registration on {earliest}',
  },
  BEFORE_INTAKE: { code: 'RULE_VIOLATION', message: '{field} must not be before the intake on {earliest}' },
  BEFORE_CONTRACT: {
    code: 'RULE_VIOLATION',
    message: '{field} must not be before the contract on {earliest}',
  },
  BEFORE_ATTEST: { code: 'RULE_VIOLATION', message: '{field} must not be before the attest on {earliest}' },
  BEFORE_SUSPENSION: {
    code: 'RULE_VIOLATION',
    message: '{field} must not be before the suspension on {earliest}',
  },
  BEFORE_ENROLMENT: {
    code: 'RULE_VIOLATION',
    message: '{field} must not be before the enrolment on {earliest}',
  },
  BEFORE_REFERRAL: {
    code: 'RULE_VIOLATION',
    message: '{field} must not be before the referral on {earliest}',
  },
  BEFORE_TRANSFER_TO_AGENCY: {
    code: 'RULE_VIOLATION',
    message: '{field} must not be before the transfer to this agency on {earliest}',
  },
  BEFORE_PREVIOUS_TRANSFER: {
    code: 'RULE_VIOLATION',
    message: '{field} must not be before the previous transfer on {earliest}',
  },
  BEFORE_PREVIOUS_MOVE: {
    code: 'RULE_VIOLATION',
    message: '{field} must not be before the previous move on {earliest}',
  },
  MUST_NOT_BE_EMPTY: { code: 'INVALID_INPUT', message: '{field} must not be empty' },
  MUST_BE_TRUE_OR_FALSE: { code: 'INVALID_INPUT', message: '{field} must be true or false' },
  MUST_BE_ONE_OF: { code: 'INVALID_INPUT', message: '{field} must be one of {allowed}' },
} as const satisfies Record<string, RejectionWording>;
