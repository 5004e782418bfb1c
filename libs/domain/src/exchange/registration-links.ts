import { decide } from '../trajectory/decide';
import type { TrajectoryEvent } from '../trajectory/events';
import type { Rejection } from '../trajectory/rejection';
import { fold, TrajectoryState } from '../trajectory/state';
import { decideLink, LinkTarget, trajectoryRefusedReason } from './registration-outcome';

/** A valid partner registration as linking decides it (the row's national number, when it gave one). */
export interface RegistrationToDecide {
  nationalNumber?: string;
  registeredOn: string;
  partnerDossierId: string;
}

/**
 * What one registration does to the trajectory it was matched to, decided on the trajectory's folded state:
 * LINK carries the events the trajectory's own `decide` gives for `RecordVdabRegistration` (the registration and,
 * when in time, the met deadline and withdrawn violations) and the state they fold to.
 */
export type RegistrationLinkDecision =
  | { outcome: 'LINK'; events: TrajectoryEvent[]; state: TrajectoryState }
  | { outcome: 'ALREADY_LINKED' }
  /** A conflict the trajectory's own rules gave carries their refusal (`refusal`), worded in `reason` too. */
  | { outcome: 'CONFLICT'; reason: string; refusal?: Rejection }
  | { outcome: 'UNMATCHED'; reason: string };

/** The trajectory as `decideLink` judges it, read from its folded state. */
export function linkTargetOf(state: TrajectoryState): LinkTarget {
  return {
    nationalNumber: state.newcomer.nationalNumber,
    status: state.status,
    vdabRegisteredOn: state.vdabRegistration?.registeredOn ?? null,
    vdabClientReference: state.vdabRegistration?.vdabClientReference ?? null,
  };
}

/**
 * Decides a registration against the trajectory's state with the same rules the trajectory workflow applies to
 * its `recordVdabRegistration` update: first the link rules (`decideLink`), then the trajectory's `decide`. A
 * registration the trajectory refuses (a suspended trajectory in its follow-up track, a date it does not accept)
 * is a conflict naming the trajectory's reason, as when the workflow refuses it.
 */
export function decideRegistrationLink(
  state: TrajectoryState | undefined,
  registration: RegistrationToDecide,
  now: number,
): RegistrationLinkDecision {
  const link = decideLink(registration, state && linkTargetOf(state));
  if (link.outcome !== 'LINK') return link;
  const decision = decide(
    state,
    {
      type: 'RecordVdabRegistration',
      registeredOn: registration.registeredOn,
      vdabClientReference: registration.partnerDossierId,
    },
    { now },
  );
  if (!decision.accepted)
    return {
      outcome: 'CONFLICT',
      reason: trajectoryRefusedReason(decision.rejection.message),
      refusal: decision.rejection,
    };
  return { outcome: 'LINK', events: decision.events, state: fold(decision.events, state) as TrajectoryState };
}

/**
 * Decides the registrations one trajectory received, in their order: each is judged on the state the ones
 * before it left (the second of two different registrations is a conflict, a repeat of the first is already
 * linked). At most one of them links.
 */
export function decideRegistrationLinks(
  state: TrajectoryState | undefined,
  registrations: readonly RegistrationToDecide[],
  now: number,
): RegistrationLinkDecision[] {
  let current = state;
  return registrations.map((registration) => {
    const decision = decideRegistrationLink(current, registration, now);
    if (decision.outcome === 'LINK') current = decision.state;
    return decision;
  });
}
