import { decide } from '../trajectory/decide';
import {
  NATIONAL_NUMBER,
  NOW,
  recordVdabRegistration,
  trajectoryAt,
  VDAB_DEADLINE_ID,
} from '../trajectory/trajectory.fixtures';
import { decideRegistrationLink, decideRegistrationLinks } from './registration-links';

const registration = { nationalNumber: NATIONAL_NUMBER, registeredOn: '2026-06-10', partnerDossierId: 'V-1' };

describe('linking registrations on the trajectory state', () => {
  it('gives the events the trajectory workflow would record, its consequences with it', () => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    const decision = decideRegistrationLink(state, registration, NOW);
    const workflow = decide(state, recordVdabRegistration('2026-06-10', 'V-1'), { now: NOW });
    expect(workflow.accepted && decision.outcome === 'LINK').toBe(true);
    if (decision.outcome !== 'LINK' || !workflow.accepted) return;
    expect(decision.events).toEqual(workflow.events);
    expect(decision.events.map((event) => event.type).slice(0, 2)).toEqual([
      'VdabRegistrationRecorded',
      'DeadlineMet',
    ]);
    expect(decision.state.version).toBe(state.version + decision.events.length);
    expect(decision.state.deadlines.find((d) => d.deadlineId === VDAB_DEADLINE_ID)?.state).toBe('MET');
  });

  it('decides the rows of one trajectory in order: a repeat is already linked, another registration conflicts', () => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    const outcomes = decideRegistrationLinks(
      state,
      [registration, registration, { ...registration, partnerDossierId: 'V-2' }],
      NOW,
    ).map((decision) => decision.outcome);
    expect(outcomes).toEqual(['LINK', 'ALREADY_LINKED', 'CONFLICT']);
  });

  it('keeps the link rules: no trajectory, a closed one, a national number that is not the newcomer’s', () => {
    expect(decideRegistrationLink(undefined, registration, NOW)).toEqual({
      outcome: 'UNMATCHED',
      reason: 'no open trajectory for this newcomer',
    });
    expect(decideRegistrationLink(trajectoryAt('CLOSED').state, registration, NOW)).toEqual({
      outcome: 'UNMATCHED',
      reason: 'the trajectory is closed',
    });
    expect(
      decideRegistrationLink(
        trajectoryAt('REGISTERED').state,
        { ...registration, nationalNumber: '00000000097' },
        NOW,
      ),
    ).toMatchObject({ outcome: 'CONFLICT', reason: 'the national number does not belong to the trajectory' });
  });

  it('answers what the trajectory refuses as a conflict naming its reason, with the refusal for its reader', () => {
    const { state } = trajectoryAt('REGISTERED');
    expect(decideRegistrationLink(state, { ...registration, registeredOn: '2026-07-01' }, NOW)).toEqual({
      outcome: 'CONFLICT',
      reason: expect.stringMatching(/^the trajectory refused it: registeredOn/),
      refusal: expect.objectContaining({
        reason: 'DATE_IN_FUTURE',
        field: 'registeredOn',
        params: expect.objectContaining({ field: 'registeredOn', date: '2026-07-01' }),
      }),
    });
  });
});
