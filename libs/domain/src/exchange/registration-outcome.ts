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
  | { outcome: 'CONFLICT'; reason: string }
  | { outcome: 'UNMATCHED'; reason: string };

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
  if (!target) return { outcome: 'UNMATCHED', reason: 'no open trajectory for this newcomer' };
  if (registration.nationalNumber !== undefined && registration.nationalNumber !== target.nationalNumber)
    return { outcome: 'CONFLICT', reason: 'the national number does not belong to the trajectory' };
  if (target.vdabRegisteredOn === null) {
    if (target.status === 'CLOSED') return { outcome: 'UNMATCHED', reason: 'the trajectory is closed' };
    return { outcome: 'LINK' };
  }
  if (
    target.vdabRegisteredOn === registration.registeredOn &&
    target.vdabClientReference === registration.partnerDossierId
  )
    return { outcome: 'ALREADY_LINKED' };
  return {
    outcome: 'CONFLICT',
    reason: 'the trajectory already has another registration (different date or dossier id)',
  };
}
