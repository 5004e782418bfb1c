import type { Rejection } from '../trajectory/rejection';

/**
 * What happens to one partner registration. Every row of a bulk file gets exactly one of these.
 * - LINKED: recorded on the newcomer's open trajectory (one VdabRegistrationRecorded event);
 * - ALREADY_LINKED: the trajectory already carries this very registration (same date, same dossier id): no event;
 * - CONFLICT: the trajectory carries another registration, or the row's identifiers disagree;
 * - UNMATCHED: no open trajectory for the newcomer;
 * - INVALID: the row itself is wrong (row number, field, reason).
 * CONFLICT and UNMATCHED go to the reconciliation queue; nothing is dropped.
 */
export const REGISTRATION_OUTCOMES = [
  'LINKED',
  'ALREADY_LINKED',
  'CONFLICT',
  'UNMATCHED',
  'INVALID',
] as const;
export type RegistrationOutcome = (typeof REGISTRATION_OUTCOMES)[number];

export type LinkDecision =
  | { outcome: 'LINK' }
  | { outcome: 'ALREADY_LINKED' }
  | { outcome: 'CONFLICT'; reason: string; refusal?: Rejection }
  | { outcome: 'UNMATCHED'; reason: string };

/**
 * Why a registration goes to the reconciliation queue, by key: the queue keeps the text, which a reader's language
 * finds its key from again (linkReasonOf).
 */
export const LINK_REASONS = {
  NO_OPEN_TRAJECTORY: 'no open trajectory for this newcomer',
  NATIONAL_NUMBER_MISMATCH: 'the national number does not belong to the trajectory',
  TRAJECTORY_CLOSED: 'the trajectory is closed',
  OTHER_REGISTRATION: 'the trajectory already has another registration (different date or dossier id)',
} as const;

/** LINK_REASONS' keys, and a registration the trajectory itself refused (its own words follow). */
export type LinkReasonKey = keyof typeof LINK_REASONS | 'TRAJECTORY_REFUSED';

const REFUSED = 'the trajectory refused it: ';

/** The reason of a registration the trajectory refused, in the trajectory's words (its rejection's message). */
export function trajectoryRefusedReason(message: string): string {
  return `${REFUSED}${message}`;
}

/** A queued reason's key, with the trajectory's words for a refusal; undefined for a text no rule here writes. */
export function linkReasonOf(reason: string): { key: LinkReasonKey; detail?: string } | undefined {
  if (reason.startsWith(REFUSED)) return { key: 'TRAJECTORY_REFUSED', detail: reason.slice(REFUSED.length) };
  const key = (Object.keys(LINK_REASONS) as (keyof typeof LINK_REASONS)[]).find(
    (candidate) => LINK_REASONS[candidate] === reason,
  );
  return key && { key };
}

/** The trajectory a registration was matched to, as far as linking cares. */
export interface LinkTarget {
  nationalNumber: string;
  status: string;
  vdabRegisteredOn: string | null;
  vdabClientReference: string | null;
}

/** Decides what to do with a valid registration given the trajectory it matched (undefined: none). */
export function decideLink(
  registration: { nationalNumber?: string; registeredOn: string; partnerDossierId: string },
  target: LinkTarget | undefined,
): LinkDecision {
  if (!target) return { outcome: 'UNMATCHED', reason: LINK_REASONS.NO_OPEN_TRAJECTORY };
  if (registration.nationalNumber !== undefined && registration.nationalNumber !== target.nationalNumber)
    return { outcome: 'CONFLICT', reason: LINK_REASONS.NATIONAL_NUMBER_MISMATCH };
  if (target.vdabRegisteredOn === null) {
    if (target.status === 'CLOSED') return { outcome: 'UNMATCHED', reason: LINK_REASONS.TRAJECTORY_CLOSED };
    return { outcome: 'LINK' };
  }
  if (
    target.vdabRegisteredOn === registration.registeredOn &&
    target.vdabClientReference === registration.partnerDossierId
  )
    return { outcome: 'ALREADY_LINKED' };
  return {
    outcome: 'CONFLICT',
    reason: LINK_REASONS.OTHER_REGISTRATION,
  };
}
