import { evolve, TrajectoryState } from '../../../domain/src';
import {
  BRUSSELS_FACTS,
  closeTrajectory,
  contractSignedWith,
  correctFact,
  expireAt,
  FIRST_VIOLATION_ID,
  History,
  openTrajectory,
  recordContract,
  recordIntake,
  recordVdabRegistration,
  referToNt2Course,
  resumeTrajectory,
  run,
  suspendTrajectory,
  TRAJECTORY_ID,
  trajectoryAt,
  VDAB_DEADLINE_ID,
} from '../../../domain/src/trajectory/trajectory.fixtures';
import type { RecordedTrajectoryEvent } from '../event-records';
import { PartnerMessage, partnerMessagesFor } from './partner-messages';

/**
 * Every message the history's events cause, each mapped from its event, the state folded up to it and the state
 * before it.
 */
function messagesOf(history: History, fromEvent = 0): (PartnerMessage & { version: number })[] {
  let state: TrajectoryState | undefined;
  const messages: (PartnerMessage & { version: number })[] = [];
  history.events.forEach((event, index) => {
    const previous = state;
    state = evolve(state, event);
    if (index < fromEvent) return;
    const recorded = { ...event, streamId: TRAJECTORY_ID, version: index + 1 } as RecordedTrajectoryEvent;
    for (const message of partnerMessagesFor(recorded, state, previous))
      messages.push({ ...message, version: index + 1 });
  });
  return messages;
}

describe('partner messages are a mapping of each new event and the folded state', () => {
  it('a signed contract tells VDAB to register the newcomer by the deadline, and the municipality of the participation pillar', () => {
    const signed = trajectoryAt('CONTRACT_SIGNED');
    const messages = messagesOf(signed);

    expect(messages.map(({ partner, kind }) => [partner, kind])).toEqual([
      ['municipality:Gent', 'ParticipationPillarEntered'],
      ['VDAB', 'NewcomerMustRegister'],
    ]);
    expect(messages[1].payload).toEqual({
      trajectoryId: TRAJECTORY_ID,
      nationalNumber: '85073003328',
      dueOn: '2026-06-30',
      deadlineId: VDAB_DEADLINE_ID,
      policyVersion: '2023',
    });
    expect(messages[0].payload).toEqual({
      trajectoryId: TRAJECTORY_ID,
      agency: 'IN_GENT',
      municipality: 'Gent',
      applicability: 'REQUIRED',
      targetHours: 40,
      contractSignedOn: '2026-04-30',
    });
  });

  it('only VDAB gets the national number; no message carries a name or birth date', () => {
    const signed = trajectoryAt('CONTRACT_SIGNED');
    const referred = run([referToNt2Course('2026-05-04')], undefined, signed);
    const missed = expireAt(referred, Date.parse('2026-07-01T10:00:00Z'));
    const messages = messagesOf(missed);
    expect(new Set(messages.map((message) => message.kind)).size).toBe(4);
    for (const message of messages) {
      const text = JSON.stringify(message.payload);
      expect(text).not.toMatch(/Amina|El Idrissi|1985-07-30/);
      if (message.partner !== 'VDAB') expect(text).not.toContain('85073003328');
    }
  });

  it('sends nothing to VDAB when the registration was recorded before the contract', () => {
    const registeredFirst = run([
      openTrajectory(),
      recordIntake('2026-03-16'),
      recordVdabRegistration('2026-04-01'),
      recordContract('2026-04-30'),
    ]);
    expect(messagesOf(registeredFirst).map((message) => message.partner)).toEqual(['municipality:Gent']);
  });

  it('a Brussels resident: the registration notice goes to Actiris, not VDAB', () => {
    const brussels = contractSignedWith({ targetGroupFacts: BRUSSELS_FACTS });
    const notices = messagesOf(brussels).filter((message) => message.kind === 'NewcomerMustRegister');
    expect(notices.map((message) => message.partner)).toEqual(['ACTIRIS']);
  });

  it('each NT2 referral tells its course provider, in the order of the events', () => {
    const signed = trajectoryAt('CONTRACT_SIGNED');
    const referred = run(
      [
        referToNt2Course('2026-05-04', 'A1', 'CVO Gent', 'NT2 1.1'),
        referToNt2Course('2026-05-20', 'A2', 'CVO Gent', 'NT2 1.2'),
      ],
      undefined,
      signed,
    );
    const referrals = messagesOf(referred, signed.events.length);
    expect(referrals).toEqual([
      expect.objectContaining({
        partner: 'test-centre:CVO Gent',
        kind: 'LearnerReferred',
        payload: {
          trajectoryId: TRAJECTORY_ID,
          agency: 'IN_GENT',
          provider: 'CVO Gent',
          course: 'NT2 1.1',
          level: 'A1',
          referredOn: '2026-05-04',
        },
      }),
      expect.objectContaining({
        partner: 'test-centre:CVO Gent',
        payload: expect.objectContaining({ course: 'NT2 1.2' }),
      }),
    ]);
    expect(referrals[0].version).toBeLessThan(referrals[1].version);
  });

  it('a violation file goes to the enforcement officer with its ids and kind, not the free-text facts', () => {
    const missed = expireAt(trajectoryAt('CONTRACT_SIGNED'), Date.parse('2026-07-01T10:00:00Z'));
    const files = messagesOf(missed).filter((message) => message.partner === 'ABB');
    expect(files).toEqual([
      expect.objectContaining({
        kind: 'ViolationFileOpened',
        payload: {
          trajectoryId: TRAJECTORY_ID,
          violationId: FIRST_VIOLATION_ID,
          violationKind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
          agency: 'IN_GENT',
          openedAt: expect.any(String),
          deadlineId: VDAB_DEADLINE_ID,
        },
      }),
    ]);
  });

  it('events that concern no partner cause no message', () => {
    const registered = trajectoryAt('INTAKE_DONE');
    expect(messagesOf(registered)).toEqual([]);
  });

  describe('a moved registration deadline', () => {
    const signed = trajectoryAt('CONTRACT_SIGNED'); // VDAB registration due 2026-06-30
    const noticesAfter = (history: History, from = signed.events.length) =>
      messagesOf(history, from).filter((message) => message.kind === 'NewcomerMustRegister');

    it('a suspension that ends moves it: VDAB gets a new notice with the new date and the one it replaces', () => {
      const resumed = run(
        [suspendTrajectory('2026-05-10'), resumeTrajectory('2026-06-09')],
        undefined,
        signed,
      );
      expect(noticesAfter(resumed)).toEqual([
        expect.objectContaining({
          partner: 'VDAB',
          payload: {
            trajectoryId: TRAJECTORY_ID,
            nationalNumber: '85073003328',
            dueOn: '2026-07-30',
            previousDueOn: '2026-06-30',
            deadlineId: VDAB_DEADLINE_ID,
            policyVersion: '2023',
          },
        }),
      ]);
    });

    it('a corrected contract date moves it: a new notice', () => {
      const corrected = run([correctFact('CONTRACT_SIGNING_DATE', '2026-04-20')], undefined, signed);
      expect(noticesAfter(corrected).map(({ partner, payload }) => [partner, payload])).toEqual([
        ['VDAB', expect.objectContaining({ dueOn: '2026-06-20', previousDueOn: '2026-06-30' })],
      ]);
    });

    it('in Brussels the new notice goes to Actiris', () => {
      const brussels = contractSignedWith({ targetGroupFacts: BRUSSELS_FACTS });
      const resumed = run(
        [suspendTrajectory('2026-05-10'), resumeTrajectory('2026-05-20')],
        undefined,
        brussels,
      );
      expect(
        noticesAfter(resumed, brussels.events.length).map(({ partner, payload }) => [partner, payload]),
      ).toEqual([['ACTIRIS', expect.objectContaining({ dueOn: '2026-07-10', previousDueOn: '2026-06-30' })]]);
    });

    it('no new notice once the registration is recorded', () => {
      const registered = trajectoryAt('VDAB_REGISTERED');
      const corrected = run([correctFact('CONTRACT_SIGNING_DATE', '2026-04-25')], undefined, registered);
      expect(corrected.events.map((event) => event.type)).toContain('DeadlineMoved');
      expect(noticesAfter(corrected, registered.events.length)).toEqual([]);
    });
  });

  describe('a registration deadline that stops running', () => {
    const signed = trajectoryAt('CONTRACT_SIGNED'); // VDAB registration due 2026-06-30
    const registrationMessagesAfter = (history: History, from = signed.events.length) =>
      messagesOf(history, from)
        .filter((message) => message.partner === 'VDAB')
        .map(({ kind, payload }) => [kind, payload]);
    const withdrawn = (reason: string) => ({
      trajectoryId: TRAJECTORY_ID,
      deadlineId: VDAB_DEADLINE_ID,
      previousDueOn: '2026-06-30',
      reason,
    });

    it('a suspension tells VDAB the deadline no longer runs; a resumption that moved nothing tells it again', () => {
      const sameDay = run(
        [suspendTrajectory('2026-05-10'), resumeTrajectory('2026-05-10')],
        undefined,
        signed,
      );
      expect(registrationMessagesAfter(sameDay)).toEqual([
        ['RegistrationNoLongerDue', withdrawn('SUSPENDED')],
        ['NewcomerMustRegister', expect.not.objectContaining({ previousDueOn: expect.anything() })],
      ]);
      expect(registrationMessagesAfter(sameDay)[1][1]).toEqual(
        expect.objectContaining({ dueOn: '2026-06-30', deadlineId: VDAB_DEADLINE_ID }),
      );
    });

    it('a suspension that moved the deadline: withdrawn, then one notice with the new date', () => {
      const resumed = run(
        [suspendTrajectory('2026-05-10'), resumeTrajectory('2026-06-09')],
        undefined,
        signed,
      );
      expect(registrationMessagesAfter(resumed)).toEqual([
        ['RegistrationNoLongerDue', withdrawn('SUSPENDED')],
        [
          'NewcomerMustRegister',
          expect.objectContaining({ dueOn: '2026-07-30', previousDueOn: '2026-06-30' }),
        ],
      ]);
    });

    it('closing the trajectory waives it, also while suspended; nothing once the registration is recorded', () => {
      const closed = run([closeTrajectory('2026-05-10')], undefined, signed);
      expect(registrationMessagesAfter(closed)).toEqual([['RegistrationNoLongerDue', withdrawn('WAIVED')]]);

      const closedWhileSuspended = run(
        [suspendTrajectory('2026-05-10'), closeTrajectory('2026-05-20')],
        undefined,
        signed,
      );
      expect(registrationMessagesAfter(closedWhileSuspended)).toEqual([
        ['RegistrationNoLongerDue', withdrawn('SUSPENDED')],
        ['RegistrationNoLongerDue', withdrawn('WAIVED')],
      ]);

      const registered = trajectoryAt('VDAB_REGISTERED');
      const closedAfter = run([closeTrajectory('2026-06-10')], undefined, registered);
      expect(registrationMessagesAfter(closedAfter, registered.events.length)).toEqual([]);
    });

    it('a suspension from after the due date leaves the deadline running: nothing', () => {
      const late = run([suspendTrajectory('2026-07-05')], Date.parse('2026-07-06T09:00:00Z'), signed);
      expect(registrationMessagesAfter(late)).toEqual([]);
    });
  });
});
