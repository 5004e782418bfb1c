import type { RejectionWording } from '../rejection';

/**
 * Reasons of registration and the main line (intake, contract), the target group and exemptions, corrections, the
 * agency's letter, the VDAB registration, moves, transfers and reassignments.
 */
export const REGISTRATION_REJECTIONS = {
  // One reason per problem checkNationalNumber finds; the digits themselves stay out (personal data).
  NATIONAL_NUMBER_NOT_11_DIGITS: {
    code: 'INVALID_INPUT',
    message: 'nationalNumber must have 11 digits (YYMMDD SSS CC), dots, dashes and spaces allowed',
  },
  NATIONAL_NUMBER_CHECKSUM_MISMATCH: {
    code: 'INVALID_INPUT',
    message: 'nationalNumber checksum digits do not match (not a valid national number)',
  },
  NATIONAL_NUMBER_IMPOSSIBLE_MONTH: {
    code: 'INVALID_INPUT',
    message: 'nationalNumber month is not possible in a national number',
  },
  NATIONAL_NUMBER_IMPOSSIBLE_BIRTH_DATE: {
    code: 'INVALID_INPUT',
    message: 'nationalNumber birth date part is not a real date',
  },
  BIRTH_DATE_IN_FUTURE: { code: 'RULE_VIOLATION', message: 'birthDate is in the future (today is {today})' },
  BIRTH_DATE_NOT_IN_NATIONAL_NUMBER: {
    code: 'RULE_VIOLATION',
    message: 'birthDate does not match the birth date in the national number',
  },
  UNKNOWN_AGENCY: { code: 'INVALID_INPUT', message: '{field} "{agency}" is unknown' },
  REGISTRATION_BEFORE_BIRTH: { code: 'RULE_VIOLATION', message: 'registeredOn must not be before birthDate' },
  BEFORE_BIRTH_DATE: { code: 'RULE_VIOLATION', message: '{field} must not be before the birth date' },

  INTAKE_ALREADY_RECORDED: { code: 'INVALID_STATE', message: 'intake already recorded on {intakeOn}' },
  CONTRACT_ALREADY_SIGNED: { code: 'INVALID_STATE', message: 'contract already signed on {signedOn}' },
  CONTRACT_WITHOUT_INTAKE: {
    code: 'INVALID_STATE',
    message: 'the contract is signed after the intake; record the intake first',
  },
  CONTRACT_BEFORE_FIRST_POLICY_VERSION: {
    code: 'RULE_VIOLATION',
    message: 'no policy version governs contracts signed before {effectiveFrom}',
  },

  // The target group: the facts, the counsellor's recorded status, and when neither can change any more.
  TARGET_GROUP_FACT_AFTER_REFERENCE_DATE: {
    code: 'INVALID_INPUT',
    message: '{field} {date} is after the reference date {referenceDate}',
  },
  TARGET_GROUP_NOT_DERIVABLE: {
    code: 'INVALID_INPUT',
    message: 'the target group cannot be derived from these facts',
  },
  TARGET_GROUP_NOT_DERIVED: {
    code: 'INVALID_STATE',
    message: 'no target group was derived yet; record the facts first',
  },
  TARGET_GROUP_SETTLED_BY_EXEMPTION: {
    code: 'INVALID_STATE',
    message: 'an exemption was granted on {grantedOn}; the target group is settled',
  },
  TARGET_GROUP_SETTLED_BY_CONTRACT: {
    code: 'INVALID_STATE',
    message:
      'the contract was signed on {signedOn}; the target group is settled (grant an exemption instead)',
  },
  TARGET_GROUP_BRUSSELS_NEVER_OBLIGED: {
    code: 'RULE_VIOLATION',
    message:
      'a newcomer living in the Brussels-Capital Region is never obliged (Actieplan integratiebeleid l.977; Beleidsbrief 2015-2016 l.735: docs/sources.md); correct the residence region in the facts if it is wrong',
  },
  TARGET_GROUP_OVERRIDE_WITHOUT_REASON: {
    code: 'RULE_VIOLATION',
    message: 'overriding the derived target-group status requires a reason',
  },
  TARGET_GROUP_ALREADY_OBLIGED: {
    code: 'RULE_VIOLATION',
    message: 'the derived target-group status is already OBLIGED from {obligationStartsOn}',
  },
  TARGET_GROUP_ALREADY_EXEMPT: {
    code: 'RULE_VIOLATION',
    message: 'the derived target-group status is already EXEMPT ({exemptionReason})',
  },
  TARGET_GROUP_ALREADY_ENTITLED: {
    code: 'RULE_VIOLATION',
    message: 'the derived target-group status is already ENTITLED',
  },
  TARGET_GROUP_ALREADY_NOT_IN_TARGET_GROUP: {
    code: 'RULE_VIOLATION',
    message: 'the derived target-group status is already NOT_IN_TARGET_GROUP',
  },

  EXEMPTION_WITHOUT_TARGET_GROUP: {
    code: 'INVALID_STATE',
    message:
      'no target group was derived yet; record the facts first (an exemption known then is one of them)',
  },
  EXEMPTION_ALREADY_GRANTED: {
    code: 'INVALID_STATE',
    message: 'an exemption was already granted on {grantedOn} ({exemptionReason})',
  },
  EXEMPTION_ALREADY_EXEMPT: { code: 'INVALID_STATE', message: 'the newcomer is already exempt' },
  EXEMPTION_UNDER_AGE_65: {
    code: 'RULE_VIOLATION',
    message: 'the newcomer is {age} on {grantedOn}; AGED_65_OR_OLDER needs {exemptionAge} or older',
  },

  // Corrections: one reason per correctable fact where the wording names it.
  CORRECTION_WITHOUT_REASON: { code: 'INVALID_INPUT', message: 'reason must explain the correction' },
  CORRECTION_NO_INTAKE_DATE: {
    code: 'INVALID_STATE',
    message: 'there is no recorded intake date to correct',
  },
  CORRECTION_NO_CONTRACT_SIGNING_DATE: {
    code: 'INVALID_STATE',
    message: 'there is no recorded contract signing date to correct',
  },
  CORRECTION_NO_VDAB_REGISTRATION_DATE: {
    code: 'INVALID_STATE',
    message: 'there is no recorded VDAB registration date to correct',
  },
  CORRECTION_SAME_INTAKE_DATE: { code: 'RULE_VIOLATION', message: 'the intake date is already {date}' },
  CORRECTION_SAME_CONTRACT_SIGNING_DATE: {
    code: 'RULE_VIOLATION',
    message: 'the contract signing date is already {date}',
  },
  CORRECTION_SAME_VDAB_REGISTRATION_DATE: {
    code: 'RULE_VIOLATION',
    message: 'the VDAB registration date is already {date}',
  },
  CORRECTION_INTAKE_BEFORE_REGISTRATION: {
    code: 'RULE_VIOLATION',
    message: 'the intake cannot be before the registration on {registeredOn}',
  },
  CORRECTION_INTAKE_AFTER_CONTRACT: {
    code: 'RULE_VIOLATION',
    message: 'the intake cannot be after the contract signed on {signedOn}',
  },
  CORRECTION_CONTRACT_BEFORE_INTAKE: {
    code: 'RULE_VIOLATION',
    message: 'the contract cannot be signed before the intake on {intakeOn}',
  },
  CORRECTION_CHANGES_POLICY_VERSION: {
    code: 'RULE_VIOLATION',
    message:
      'a contract signed on {signedOn} falls under policy {policyVersion}, not {recordedPolicyVersion}; the policy version of a running trajectory cannot change by correction',
  },
  CORRECTION_OUTSIDE_POLICY_VERSIONS: {
    code: 'RULE_VIOLATION',
    message:
      'a contract signed on {signedOn} falls under policy none, not {recordedPolicyVersion}; the policy version of a running trajectory cannot change by correction',
  },
  CORRECTION_MISSES_MET_DEADLINE: {
    code: 'RULE_VIOLATION',
    message:
      'after this correction the VDAB registration ({registeredOn}) would be later than its deadline ({dueOn}); a correction cannot turn a met deadline into a missed one',
  },
  CORRECTION_REOPENS_MISSED_DEADLINE: {
    code: 'RULE_VIOLATION',
    message:
      'the VDAB deadline was recorded as missed on {dueOn}; a correction cannot reopen or meet it (contest the violation file instead)',
  },

  AGENCY_LETTER_ALREADY_RECORDED: {
    code: 'INVALID_STATE',
    message: "the agency's letter was already recorded (sent on {sentOn} by {sendingAgency})",
  },
  VDAB_REGISTRATION_ALREADY_RECORDED: {
    code: 'INVALID_STATE',
    message: 'VDAB registration already recorded on {registeredOn} ({vdabClientReference})',
  },

  // Moves and transfers; agency names (agencyName) are the agencies' own Dutch names.
  MOVE_ABROAD_WITH_NIS_CODE: { code: 'INVALID_INPUT', message: 'nisCode must be absent for a move abroad' },
  NOT_A_NIS_CODE: {
    code: 'INVALID_INPUT',
    message:
      'nisCode must be the 5-digit NIS code of a Belgian municipality (or set abroad for a move abroad)',
  },
  MOVE_INTO_OTHER_AGENCYS_AREA: {
    code: 'RULE_VIOLATION',
    message:
      '{municipality} ({nisCode}) lies in the area of {agencyName}: transfer the trajectory to {agency}',
  },
  TRANSFER_TO_OWN_AGENCY: { code: 'RULE_VIOLATION', message: 'the trajectory is already owned by {agency}' },
  TRANSFER_WITHOUT_NIS_CODE: {
    code: 'INVALID_INPUT',
    message: 'nisCode of the new municipality is required for a transfer',
  },
  TRANSFER_INTO_OTHER_AGENCYS_AREA: {
    code: 'RULE_VIOLATION',
    message: '{municipality} ({nisCode}) lies in the area of {agencyName}, not of {toAgencyName}',
  },
  TRANSFER_OUTSIDE_FLANDERS_AND_BRUSSELS: {
    code: 'RULE_VIOLATION',
    message:
      '{municipality} ({nisCode}) lies outside Flanders and Brussels: no agency takes the trajectory over; record the move instead',
  },

  NOT_A_COUNSELLOR_ID: {
    code: 'INVALID_INPUT',
    message: 'toCounsellorId must be a counsellor id (letters, digits, ".", "_", "@" or "-", at most 100)',
  },
  ALREADY_ASSIGNED_TO_COUNSELLOR: {
    code: 'RULE_VIOLATION',
    message: 'the case is already assigned to {counsellorId}',
  },
  COUNSELLOR_IN_NO_OFFICE: {
    code: 'RULE_VIOLATION',
    message: 'counsellor {counsellorId} belongs to no office of {agency}; put them in an office first',
  },
} as const satisfies Record<string, RejectionWording>;
