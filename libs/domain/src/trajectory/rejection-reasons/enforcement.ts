import type { RejectionWording } from '../rejection';

/** Reasons of enforcement: reported violations, who can be fined for what, fine decisions, suspension and closure. */
export const ENFORCEMENT_REJECTIONS = {
  REFUSAL_TO_SIGN_AFTER_CONTRACT: { code: 'INVALID_STATE', message: 'the contract was signed on {signedOn}' },
  ATTENDANCE_BEFORE_CONTRACT: {
    code: 'INVALID_STATE',
    message: 'attendance is followed once the contract is signed',
  },
  VIOLATION_FACTS_MISSING: { code: 'INVALID_INPUT', message: 'facts must describe what happened' },

  // Who can be fined (noViolationFileBecause): one reason per rule, the target group's code as a parameter.
  NO_VIOLATION_FILE_IN_BRUSSELS: {
    code: 'RULE_VIOLATION',
    message:
      'no violation file can open: administrative fines apply in Flanders, not in the Brussels-Capital Region (Handhaving inburgeringsbeleid §Wie, docs/sources.md)',
  },
  NO_VIOLATION_FILE_TARGET_GROUP_UNDETERMINED: {
    code: 'RULE_VIOLATION',
    message:
      'no violation file can open: the target group is still undetermined: no violation file can open until it is determined (Handhaving inburgeringsbeleid §Wie, docs/sources.md)',
  },
  NO_VIOLATION_FILE_NOT_IN_TARGET_GROUP: {
    code: 'RULE_VIOLATION',
    message: 'no violation file can open: the newcomer is not in the target group of the integration policy',
  },
  NO_VIOLATION_FILE_BEFORE_CONTRACT_NOT_OBLIGED: {
    code: 'RULE_VIOLATION',
    message:
      'no violation file can open: before a contract only an obliged newcomer can be in breach; this one is {targetGroup} and may decline (Handhaving inburgeringsbeleid §Wie, docs/sources.md)',
  },
  // A trajectory without recorded target-group facts predates the target groups: not known to be obliged.
  NO_VIOLATION_FILE_BEFORE_CONTRACT_NOT_KNOWN_OBLIGED: {
    code: 'RULE_VIOLATION',
    message:
      'no violation file can open: before a contract only an obliged newcomer can be in breach; this one is not known to be obliged and may decline (Handhaving inburgeringsbeleid §Wie, docs/sources.md)',
  },
  NO_VIOLATION_FILE_FOLLOW_UP_NOT_OBLIGED: {
    code: 'RULE_VIOLATION',
    message:
      'no violation file can open: the follow-up track binds obliged newcomers only; this one is {targetGroup} (Verplichting tot inburgering §Vervolgtraject, docs/sources.md)',
  },
  NO_VIOLATION_FILE_FOLLOW_UP_NOT_KNOWN_OBLIGED: {
    code: 'RULE_VIOLATION',
    message:
      'no violation file can open: the follow-up track binds obliged newcomers only; this one is not known to be obliged (Verplichting tot inburgering §Vervolgtraject, docs/sources.md)',
  },

  VIOLATION_NOT_FOUND: {
    code: 'INVALID_INPUT',
    message: 'violation {violationId} does not exist on this trajectory',
  },
  VIOLATION_WITHDRAWN: {
    code: 'INVALID_STATE',
    message: 'violation {violationId} was withdrawn: there is nothing to decide',
  },
  VIOLATION_ALREADY_DECIDED: {
    code: 'INVALID_STATE',
    message: 'violation {violationId} was already decided on {decidedOn}',
  },
  BEFORE_VIOLATION_FILE: {
    code: 'RULE_VIOLATION',
    message: '{field} must not be before the violation file was opened on {earliest}',
  },
  FINE_AMOUNT_WITHOUT_FINE: {
    code: 'INVALID_INPUT',
    message: 'amountEuro must be absent when the decision is NO_FINE',
  },
  FINE_WITHOUT_POLICY_VERSION: { code: 'RULE_VIOLATION', message: 'no policy version governs {decidedOn}' },
  FINE_AMOUNT_OUT_OF_RANGE: {
    code: 'RULE_VIOLATION',
    message:
      'amountEuro must be a whole number from {minimumEuro} to {maximumEuro} euro under policy {policyVersion} ({source})',
  },

  TRAJECTORY_ALREADY_SUSPENDED: {
    code: 'INVALID_STATE',
    message: 'trajectory is already suspended since {suspendedFrom}',
  },
  TRAJECTORY_NOT_SUSPENDED: { code: 'INVALID_STATE', message: 'trajectory is not suspended' },
} as const satisfies Record<string, RejectionWording>;
