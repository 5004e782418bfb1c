import {
  DeadlineKind,
  DeadlineState,
  InternationalProtection,
  NationalityGroup,
  POLICY_VERSIONS,
  PolicyVersionId,
  RecordedTargetGroupStatus,
  Region,
  TargetGroupFacts,
  TrajectoryPhase,
  TrajectoryStatus,
  ViolationKind,
  ViolationState,
} from '../../../../libs/domain/src';
import type { PillarApplicability, PillarStatus } from '../../../../libs/domain/src/pillars/pillar-state';

/**
 * Value lists of the domain's union types, for validation and the OpenAPI document. Written as records so
 * that a value added to a union in the domain fails compilation here until it is listed.
 */
function valuesOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

export const DEADLINE_STATES = valuesOf<DeadlineState>({
  OPEN: true,
  MET: true,
  MISSED: true,
  SUSPENDED: true,
  WAIVED: true,
});
export const DEADLINE_KINDS = valuesOf<DeadlineKind>({
  VDAB_REGISTRATION: true,
  ACTIRIS_REGISTRATION: true,
  AGENCY_REGISTRATION: true,
  FOLLOW_UP_B1_ORAL: true,
});
export const VIOLATION_STATES = valuesOf<ViolationState>({ OPEN: true, DECIDED: true, WITHDRAWN: true });
export const VIOLATION_KINDS = valuesOf<ViolationKind>({
  VDAB_REGISTRATION_DEADLINE_MISSED: true,
  AGENCY_REGISTRATION_DEADLINE_MISSED: true,
  FOLLOW_UP_DEADLINE_MISSED: true,
  REFUSAL_TO_SIGN: true,
  IRREGULAR_ATTENDANCE: true,
});
export const TRAJECTORY_STATUSES = valuesOf<TrajectoryStatus>({ OPEN: true, SUSPENDED: true, CLOSED: true });
export const TRAJECTORY_PHASES = valuesOf<TrajectoryPhase>({
  REGISTERED: true,
  INTAKE_DONE: true,
  CONTRACT_SIGNED: true,
  ATTEST_ISSUED: true,
});
export const POLICY_VERSION_IDS: PolicyVersionId[] = POLICY_VERSIONS.map((version) => version.id);

/** Target-group facts (libs/domain/src/target-group/target-group-facts.ts) that take a value from a list. */
export const NATIONALITY_GROUPS = valuesOf<NationalityGroup>({
  BELGIAN: true,
  EU_EEA_SWISS: true,
  THIRD_COUNTRY: true,
});
export const REGIONS = valuesOf<Region>({ FLANDERS: true, BRUSSELS: true, WALLONIA: true });
export const INTERNATIONAL_PROTECTIONS = valuesOf<InternationalProtection>({
  NONE: true,
  APPLICANT: true,
  RECOGNISED_REFUGEE: true,
  SUBSIDIARY_PROTECTION: true,
});
export type PreviousResidenceOutsideFlanders = NonNullable<
  TargetGroupFacts['previousResidenceOutsideFlanders']
>;
export const PREVIOUS_RESIDENCES_OUTSIDE_FLANDERS = valuesOf<PreviousResidenceOutsideFlanders>({
  NONE: true,
  BRUSSELS: true,
  WALLONIA: true,
});
export type BelgianOrDutchDiploma = NonNullable<TargetGroupFacts['belgianOrDutchDiploma']>;
export const BELGIAN_OR_DUTCH_DIPLOMAS = valuesOf<BelgianOrDutchDiploma>({
  NONE: true,
  SECONDARY: true,
  HIGHER: true,
});

/** The statuses a counsellor can record by hand: UNDETERMINED is never recorded. */
export type RecordedTargetGroupStatusCode = RecordedTargetGroupStatus['status'];
export const RECORDED_TARGET_GROUP_STATUSES = valuesOf<RecordedTargetGroupStatusCode>({
  OBLIGED: true,
  ENTITLED: true,
  EXEMPT: true,
  NOT_IN_TARGET_GROUP: true,
});

export const PILLAR_APPLICABILITIES = valuesOf<PillarApplicability>({
  REQUIRED: true,
  OPTIONAL: true,
  NOT_APPLICABLE: true,
});
export const PILLAR_STATUSES = valuesOf<PillarStatus>({
  NOT_STARTED: true,
  IN_PROGRESS: true,
  COMPLETED: true,
  WAIVED: true,
});

/** Value lists the domain keeps with the pillars but does not export from its index. */
export {
  LITERACY_PROFILES,
  NT2_LEVELS,
  PARTICIPATION_ACTIVITY_KINDS,
} from '../../../../libs/domain/src/pillars/pillar-state';
export type {
  LiteracyProfile,
  ParticipationActivityKind,
} from '../../../../libs/domain/src/pillars/pillar-state';
