import { isAgency } from '../../agency';
import { RecordAgencyLetter } from '../commands';
import { AgencyLetterRecorded, trajectoryEvent } from '../events';
import { rejection } from '../rejection';
import { evolve, TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject } from './decision';
import { agencyRegistrationFollowing } from './target-group';

/**
 * The obligation arises with the first registration in the national register, but the three months to report to
 * an agency run in practice from the agency's registered letter (Verplichting tot inburgering §Aanmelden,
 * docs/sources.md). Recording the letter sets that deadline for an obliged newcomer; without a letter there is no
 * reporting deadline and so no file for late registration.
 */
export function recordAgencyLetter(
  state: TrajectoryState,
  command: RecordAgencyLetter,
  { today, now }: DecisionTime,
): Decision {
  if (state.agencyLetter) {
    return reject(
      rejection(
        'INVALID_STATE',
        `the agency's letter was already recorded (sent on ${state.agencyLetter.sentOn} by ${state.agencyLetter.sendingAgency})`,
      ),
    );
  }
  if (!isAgency(command.sendingAgency)) {
    return reject(
      rejection('INVALID_INPUT', `sendingAgency "${command.sendingAgency}" is unknown`, 'sendingAgency'),
    );
  }
  const sentOn = pastOrToday(command.sentOn, 'sentOn', today);
  if (isRejection(sentOn)) return reject(sentOn);
  if (sentOn < state.newcomer.birthDate) {
    return reject(rejection('RULE_VIOLATION', 'sentOn must not be before the birth date', 'sentOn'));
  }
  const letter = trajectoryEvent<AgencyLetterRecorded>(
    'AgencyLetterRecorded',
    { sentOn, sendingAgency: command.sendingAgency },
    now,
  );
  return accept(
    letter,
    ...agencyRegistrationFollowing(evolve(state, letter), `letter sent on ${sentOn}`, now),
  );
}
