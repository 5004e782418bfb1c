import { isAgency } from '../../agency';
import { RecordAgencyLetter } from '../commands';
import { AgencyLetterRecorded, trajectoryEvent } from '../events';
import { because } from '../rejection';
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
      because('AGENCY_LETTER_ALREADY_RECORDED', {
        sentOn: state.agencyLetter.sentOn,
        sendingAgency: state.agencyLetter.sendingAgency,
      }),
    );
  }
  if (!isAgency(command.sendingAgency)) {
    return reject(
      because('UNKNOWN_AGENCY', { field: 'sendingAgency', agency: command.sendingAgency }, 'sendingAgency'),
    );
  }
  const sentOn = pastOrToday(command.sentOn, 'sentOn', today);
  if (isRejection(sentOn)) return reject(sentOn);
  if (sentOn < state.newcomer.birthDate) {
    return reject(because('BEFORE_BIRTH_DATE', { field: 'sentOn' }, 'sentOn'));
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
