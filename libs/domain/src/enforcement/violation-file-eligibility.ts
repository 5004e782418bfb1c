import { ResidenceRegion } from '../residence/municipality-area';
import { effectiveTargetGroup } from '../trajectory/decisions/target-group';
import { ViolationKind } from '../trajectory/events';
import { because, Rejection } from '../trajectory/rejection';
import { TrajectoryState } from '../trajectory/state';

/**
 * Who can be fined, and for what (Handhaving inburgeringsbeleid; Verplichting tot inburgering: docs/sources.md):
 * - the system of administrative fines applies in Flanders, not in the Brussels-Capital Region;
 * - before a contract only an obliged newcomer can be in breach (late registration, refusal to sign): an entitled
 *   person may simply decline;
 * - once a contract is signed it binds obliged and entitled alike (and an exempt newcomer who signed one anyway);
 * - while the target group is UNDETERMINED, no file can open. A trajectory without any recorded facts predates the
 *   target groups: before a contract it is not known to be obliged, under a contract the contract binds it.
 */

/** When the breach lies: the duties before the contract, those of the contract, those after the attest. */
export type BreachStage = 'BEFORE_CONTRACT' | 'UNDER_CONTRACT' | 'FOLLOW_UP';

export const BREACH_STAGE: Record<ViolationKind, BreachStage> = {
  AGENCY_REGISTRATION_DEADLINE_MISSED: 'BEFORE_CONTRACT',
  REFUSAL_TO_SIGN: 'BEFORE_CONTRACT',
  VDAB_REGISTRATION_DEADLINE_MISSED: 'UNDER_CONTRACT',
  IRREGULAR_ATTENDANCE: 'UNDER_CONTRACT',
  FOLLOW_UP_DEADLINE_MISSED: 'FOLLOW_UP',
};

/** The region the newcomer lives in: the last recorded move, else the target-group facts. */
export function residenceRegionOf(state: TrajectoryState): ResidenceRegion | undefined {
  return state.residence?.region ?? state.targetGroup?.facts.residenceRegion;
}

/** Why no violation file of this kind can open on this trajectory now, or undefined when one can. */
export function noViolationFileBecause(state: TrajectoryState, kind: ViolationKind): Rejection | undefined {
  if (residenceRegionOf(state) === 'BRUSSELS') return because('NO_VIOLATION_FILE_IN_BRUSSELS');
  const status = effectiveTargetGroup(state);
  if (status === 'UNDETERMINED') return because('NO_VIOLATION_FILE_TARGET_GROUP_UNDETERMINED');
  const stage = BREACH_STAGE[kind];
  // A signed contract binds whoever signed it; trajectories without recorded facts predate target groups.
  if (stage === 'UNDER_CONTRACT') {
    return status === 'NOT_IN_TARGET_GROUP' ? because('NO_VIOLATION_FILE_NOT_IN_TARGET_GROUP') : undefined;
  }
  if (status !== 'OBLIGED') {
    if (stage === 'BEFORE_CONTRACT') {
      return status === undefined
        ? because('NO_VIOLATION_FILE_BEFORE_CONTRACT_NOT_KNOWN_OBLIGED')
        : because('NO_VIOLATION_FILE_BEFORE_CONTRACT_NOT_OBLIGED', { targetGroup: status });
    }
    return status === undefined
      ? because('NO_VIOLATION_FILE_FOLLOW_UP_NOT_KNOWN_OBLIGED')
      : because('NO_VIOLATION_FILE_FOLLOW_UP_NOT_OBLIGED', { targetGroup: status });
  }
  return undefined;
}

/**
 * A voluntary contract (entitled, or exempt and signed anyway) ends with the fine for breaking it: the file and
 * the trajectory close. An obliged newcomer's obligation continues after a fine, and a new breach can open a new file.
 */
export function fineEndsTrajectory(state: TrajectoryState, kind: ViolationKind): boolean {
  const status = effectiveTargetGroup(state);
  return BREACH_STAGE[kind] === 'UNDER_CONTRACT' && (status === 'ENTITLED' || status === 'EXEMPT');
}
