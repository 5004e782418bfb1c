import { endOfDayInstant } from '../../time/calendar-date';
import { CorrectableFact } from '../commands';
import { expireDeadlines, nextDeadlineExpiry } from '../deadline-expiry';
import { decide } from '../decide';
import { RejectionCode } from '../rejection';
import { fold } from '../state';
import {
  acceptedEvents,
  correctFact,
  expectedEvent,
  expireAt,
  FixtureDates,
  FixturePhase,
  History,
  NOW,
  openTrajectory,
  recordContract,
  recordIntake,
  recordVdabRegistration,
  rejectionOf,
  resumeTrajectory,
  run,
  suspendTrajectory,
  trajectoryAt,
  VDAB_DEADLINE_ID,
} from '../trajectory.fixtures';

const at = (now: number = NOW) => ({ now });
const iso = (epochMillis: number | undefined) =>
  epochMillis === undefined ? undefined : new Date(epochMillis).toISOString();

const REASON = 'typing error in the original record';

const vdabDeadline = (history: History) =>
  history.state.deadlines.find((deadline) => deadline.deadlineId === VDAB_DEADLINE_ID);

const corrected = (fact: CorrectableFact, previousDate: string, correctedDate: string, reason = REASON) =>
  expectedEvent('FactCorrected', { fact, previousDate, correctedDate, reason });

const moved = (previousDueOn: string, dueOn: string) =>
  expectedEvent('DeadlineMoved', {
    deadlineId: VDAB_DEADLINE_ID,
    kind: 'VDAB_REGISTRATION',
    previousDueOn,
    dueOn,
    reason: 'CORRECTION',
  });

const met = (metOn: string) =>
  expectedEvent('DeadlineMet', { deadlineId: VDAB_DEADLINE_ID, kind: 'VDAB_REGISTRATION', metOn });

/** Contract signed 2026-03-31, VDAB registration due 2026-05-31, missed at midnight (violation opened on 1 June). */
function missed(): History {
  return expireAt(
    trajectoryAt('CONTRACT_SIGNED', { signedOn: '2026-03-31' }),
    endOfDayInstant('2026-05-31' as never),
  );
}

describe('CorrectFact', () => {
  describe('each correctable fact', () => {
    it('INTAKE_DATE: corrects the intake; the contract-anchored VDAB deadline does not move', () => {
      const history = trajectoryAt('CONTRACT_SIGNED');
      expect(acceptedEvents(decide(history.state, correctFact('INTAKE_DATE', '2026-03-18'), at()))).toEqual([
        corrected('INTAKE_DATE', '2026-03-16', '2026-03-18'),
      ]);
      const { state } = run([correctFact('INTAKE_DATE', '2026-03-18')], NOW, history);
      expect(state.intakeOn).toBe('2026-03-18');
      expect(vdabDeadline({ state, events: [] })).toMatchObject({ state: 'OPEN', dueOn: '2026-06-30' });
    });

    it('INTAKE_DATE before the contract exists', () => {
      const history = trajectoryAt('INTAKE_DONE');
      expect(acceptedEvents(decide(history.state, correctFact('INTAKE_DATE', '2026-03-20'), at()))).toEqual([
        corrected('INTAKE_DATE', '2026-03-16', '2026-03-20'),
      ]);
    });

    it('CONTRACT_SIGNING_DATE: corrects the contract and moves the OPEN VDAB deadline with it', () => {
      const history = trajectoryAt('CONTRACT_SIGNED');
      expect(
        acceptedEvents(decide(history.state, correctFact('CONTRACT_SIGNING_DATE', '2026-05-04'), at())),
      ).toEqual([
        corrected('CONTRACT_SIGNING_DATE', '2026-04-30', '2026-05-04'),
        moved('2026-06-30', '2026-07-04'),
      ]);
      const after = run([correctFact('CONTRACT_SIGNING_DATE', '2026-05-04')], NOW, history);
      expect(after.state.contract).toEqual({ signedOn: '2026-05-04', policyVersion: '2023' });
      expect(vdabDeadline(after)).toMatchObject({ state: 'OPEN', dueOn: '2026-07-04' });
      expect(iso(nextDeadlineExpiry(after.state))).toBe('2026-07-04T22:00:00.000Z');
    });

    it('VDAB_REGISTRATION_DATE: corrects the registration and, through evolve, the metOn of the met deadline', () => {
      const history = trajectoryAt('VDAB_REGISTERED');
      expect(
        acceptedEvents(decide(history.state, correctFact('VDAB_REGISTRATION_DATE', '2026-05-25'), at())),
      ).toEqual([corrected('VDAB_REGISTRATION_DATE', '2026-05-20', '2026-05-25')]);
      const after = run([correctFact('VDAB_REGISTRATION_DATE', '2026-05-25')], NOW, history);
      expect(after.state.vdabRegistration).toEqual({
        registeredOn: '2026-05-25',
        vdabClientReference: 'VDAB-123456',
      });
      expect(vdabDeadline(after)).toMatchObject({ state: 'MET', metOn: '2026-05-25', dueOn: '2026-06-30' });
    });

    it('VDAB_REGISTRATION_DATE before the contract exists (no deadline yet)', () => {
      const history = run([recordVdabRegistration('2026-03-16')], NOW, trajectoryAt('INTAKE_DONE'));
      expect(
        acceptedEvents(decide(history.state, correctFact('VDAB_REGISTRATION_DATE', '2026-03-17'), at())),
      ).toEqual([corrected('VDAB_REGISTRATION_DATE', '2026-03-16', '2026-03-17')]);
    });

    it('keeps the reason, trimmed', () => {
      const { state } = trajectoryAt('CONTRACT_SIGNED');
      const [event] = acceptedEvents(
        decide(
          state,
          correctFact('INTAKE_DATE', '2026-03-18', '  intake was on Wednesday, not Monday '),
          at(),
        ),
      );
      expect(event.data).toMatchObject({ reason: 'intake was on Wednesday, not Monday' });
    });
  });

  describe('rejections', () => {
    it.each<
      [
        string,
        FixturePhase,
        CorrectableFact,
        string,
        string | undefined,
        RejectionCode,
        string | undefined,
        string,
      ]
    >([
      [
        'an unknown fact',
        'CONTRACT_SIGNED',
        'BIRTH_DATE' as CorrectableFact,
        '2026-03-18',
        REASON,
        'INVALID_INPUT',
        'fact',
        'fact must be one of INTAKE_DATE, CONTRACT_SIGNING_DATE, VDAB_REGISTRATION_DATE',
      ],
      [
        'an empty reason',
        'CONTRACT_SIGNED',
        'INTAKE_DATE',
        '2026-03-18',
        '',
        'INVALID_INPUT',
        'reason',
        'reason must explain the correction',
      ],
      [
        'a blank reason',
        'CONTRACT_SIGNED',
        'INTAKE_DATE',
        '2026-03-18',
        '  ',
        'INVALID_INPUT',
        'reason',
        'reason must explain the correction',
      ],
      [
        'a missing reason',
        'CONTRACT_SIGNED',
        'INTAKE_DATE',
        '2026-03-18',
        undefined,
        'INVALID_INPUT',
        'reason',
        'reason must explain the correction',
      ],
      [
        'a corrected date that is not a date',
        'CONTRACT_SIGNED',
        'INTAKE_DATE',
        '18-03-2026',
        REASON,
        'INVALID_INPUT',
        'correctedDate',
        'correctedDate must be a date (YYYY-MM-DD)',
      ],
      [
        'a corrected date in the future',
        'CONTRACT_SIGNED',
        'CONTRACT_SIGNING_DATE',
        '2026-06-16',
        REASON,
        'RULE_VIOLATION',
        'correctedDate',
        'correctedDate 2026-06-16 is in the future (today is 2026-06-15)',
      ],
      [
        'the same intake date',
        'CONTRACT_SIGNED',
        'INTAKE_DATE',
        '2026-03-16',
        REASON,
        'RULE_VIOLATION',
        'correctedDate',
        'the intake date is already 2026-03-16',
      ],
      [
        'the same contract date',
        'CONTRACT_SIGNED',
        'CONTRACT_SIGNING_DATE',
        '2026-04-30',
        REASON,
        'RULE_VIOLATION',
        'correctedDate',
        'the contract signing date is already 2026-04-30',
      ],
      [
        'the same VDAB registration date',
        'VDAB_REGISTERED',
        'VDAB_REGISTRATION_DATE',
        '2026-05-20',
        REASON,
        'RULE_VIOLATION',
        'correctedDate',
        'the VDAB registration date is already 2026-05-20',
      ],
      [
        'an intake before the registration',
        'CONTRACT_SIGNED',
        'INTAKE_DATE',
        '2026-03-01',
        REASON,
        'RULE_VIOLATION',
        'correctedDate',
        'the intake cannot be before the registration on 2026-03-02',
      ],
      [
        'an intake after the contract',
        'CONTRACT_SIGNED',
        'INTAKE_DATE',
        '2026-05-01',
        REASON,
        'RULE_VIOLATION',
        'correctedDate',
        'the intake cannot be after the contract signed on 2026-04-30',
      ],
      [
        'a contract before the intake',
        'CONTRACT_SIGNED',
        'CONTRACT_SIGNING_DATE',
        '2026-03-15',
        REASON,
        'RULE_VIOLATION',
        'correctedDate',
        'the contract cannot be signed before the intake on 2026-03-16',
      ],
      [
        'an intake that was never recorded',
        'REGISTERED',
        'INTAKE_DATE',
        '2026-03-18',
        REASON,
        'INVALID_STATE',
        undefined,
        'there is no recorded intake date to correct',
      ],
      [
        'a contract that was never signed',
        'INTAKE_DONE',
        'CONTRACT_SIGNING_DATE',
        '2026-04-30',
        REASON,
        'INVALID_STATE',
        undefined,
        'there is no recorded contract signing date to correct',
      ],
      [
        'a VDAB registration that was never recorded',
        'CONTRACT_SIGNED',
        'VDAB_REGISTRATION_DATE',
        '2026-05-20',
        REASON,
        'INVALID_STATE',
        undefined,
        'there is no recorded VDAB registration date to correct',
      ],
    ])('rejects %s', (_label, phase, fact, correctedDate, reason, code, field, message) => {
      const { state } = trajectoryAt(phase);
      const command = { ...correctFact(fact, correctedDate), reason: reason as string };
      expect(rejectionOf(decide(state, command, at()))).toEqual({ code, field, message });
    });

    it.each<[string, CorrectableFact, string]>([
      ['an intake on the registration day', 'INTAKE_DATE', '2026-03-02'],
      ['an intake on the contract day', 'INTAKE_DATE', '2026-04-30'],
      ['a contract on the intake day', 'CONTRACT_SIGNING_DATE', '2026-03-16'],
      ['a contract signed today', 'CONTRACT_SIGNING_DATE', '2026-06-15'],
    ])('accepts %s', (_label, fact, correctedDate) => {
      const { state } = trajectoryAt('CONTRACT_SIGNED');
      expect(acceptedEvents(decide(state, correctFact(fact, correctedDate), at()))[0].data).toMatchObject({
        fact,
        correctedDate,
      });
    });

    it('rejects a correction on a closed trajectory', () => {
      const { state } = trajectoryAt('CLOSED');
      expect(rejectionOf(decide(state, correctFact('INTAKE_DATE', '2026-03-18'), at()))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'trajectory is closed (MOVED_OUT_OF_FLANDERS on 2026-06-01)',
      });
    });
  });

  describe('the policy version cannot change by correction', () => {
    const early: Partial<FixtureDates> = { registeredOn: '2015-11-02', intakeOn: '2015-12-01' };

    it.each([
      ['2022-12-31', '2023-01-02', '2023', '2022'],
      ['2023-01-02', '2022-12-31', '2022', '2023'],
      ['2022-01-03', '2021-12-31', '2016', '2022'],
      ['2021-12-31', '2022-01-01', '2022', '2016'],
      ['2016-01-04', '2015-12-31', 'none', '2016'],
    ])(
      'signed %s, corrected to %s: falls under %s, not %s',
      (signedOn, correctedDate, correctedPolicy, policy) => {
        const { state } = trajectoryAt('CONTRACT_SIGNED', { ...early, signedOn });
        expect(state.contract?.policyVersion).toBe(policy);
        expect(rejectionOf(decide(state, correctFact('CONTRACT_SIGNING_DATE', correctedDate), at()))).toEqual(
          {
            code: 'RULE_VIOLATION',
            field: 'correctedDate',
            message:
              `a contract signed on ${correctedDate} falls under policy ${correctedPolicy}, not ${policy}; ` +
              'the policy version of a running trajectory cannot change by correction',
          },
        );
      },
    );

    it('a correction within the same version is accepted (2023-01-02 to 2023-01-01)', () => {
      const { state } = trajectoryAt('CONTRACT_SIGNED', { ...early, signedOn: '2023-01-02' });
      expect(acceptedEvents(decide(state, correctFact('CONTRACT_SIGNING_DATE', '2023-01-01'), at()))).toEqual(
        [corrected('CONTRACT_SIGNING_DATE', '2023-01-02', '2023-01-01'), moved('2023-03-02', '2023-03-01')],
      );
    });

    it('a correction that leaves the due date unchanged moves nothing (2022-12-31 and 2022-12-30: both due 2023-02-28)', () => {
      const { state } = trajectoryAt('CONTRACT_SIGNED', { ...early, signedOn: '2022-12-31' });
      expect(acceptedEvents(decide(state, correctFact('CONTRACT_SIGNING_DATE', '2022-12-30'), at()))).toEqual(
        [corrected('CONTRACT_SIGNING_DATE', '2022-12-31', '2022-12-30')],
      );
    });

    it('under the 2016 version (no VDAB deadline) only the fact is corrected', () => {
      const { state } = trajectoryAt('CONTRACT_SIGNED', {
        registeredOn: '2019-01-07',
        intakeOn: '2019-01-21',
        signedOn: '2019-02-04',
      });
      expect(acceptedEvents(decide(state, correctFact('CONTRACT_SIGNING_DATE', '2019-02-05'), at()))).toEqual(
        [corrected('CONTRACT_SIGNING_DATE', '2019-02-04', '2019-02-05')],
      );
    });
  });

  describe('an OPEN VDAB deadline', () => {
    it('moved into the past by a contract correction, then expires', () => {
      const history = trajectoryAt('CONTRACT_SIGNED');
      expect(
        acceptedEvents(decide(history.state, correctFact('CONTRACT_SIGNING_DATE', '2026-04-10'), at())),
      ).toEqual([
        corrected('CONTRACT_SIGNING_DATE', '2026-04-30', '2026-04-10'),
        moved('2026-06-30', '2026-06-10'),
      ]);
      const after = run([correctFact('CONTRACT_SIGNING_DATE', '2026-04-10')], NOW, history);
      expect(vdabDeadline(after)).toMatchObject({ state: 'OPEN', dueOn: '2026-06-10' });
      expect(iso(nextDeadlineExpiry(after.state))).toBe('2026-06-10T22:00:00.000Z');
      expect(expireDeadlines(after.state, NOW)).toEqual([
        expectedEvent('DeadlineMissed', {
          deadlineId: VDAB_DEADLINE_ID,
          kind: 'VDAB_REGISTRATION',
          dueOn: '2026-06-10',
        }),
        expect.objectContaining({
          type: 'ViolationOpened',
          data: expect.objectContaining({
            kind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
            deadlineId: VDAB_DEADLINE_ID,
          }),
        }),
      ]);
      expect(vdabDeadline(expireAt(after, NOW))).toMatchObject({ state: 'MISSED', dueOn: '2026-06-10' });
    });

    /** Registration recorded on 2026-03-12, then a backdated contract of 2026-01-10: due 2026-03-10, still OPEN. */
    function lateRegistrationBeforeTheContract(): History {
      return run([
        openTrajectory({ registeredOn: '2025-12-01' }),
        recordIntake('2025-12-15'),
        recordVdabRegistration('2026-03-12'),
        recordContract('2026-01-10'),
      ]);
    }

    it('is met when the registration date is corrected into time', () => {
      const history = lateRegistrationBeforeTheContract();
      expect(vdabDeadline(history)).toMatchObject({ state: 'OPEN', dueOn: '2026-03-10' });
      expect(
        acceptedEvents(decide(history.state, correctFact('VDAB_REGISTRATION_DATE', '2026-03-09'), at())),
      ).toEqual([corrected('VDAB_REGISTRATION_DATE', '2026-03-12', '2026-03-09'), met('2026-03-09')]);
    });

    it('is moved and met when the contract date is corrected so the registration is in time', () => {
      const history = lateRegistrationBeforeTheContract();
      expect(
        acceptedEvents(decide(history.state, correctFact('CONTRACT_SIGNING_DATE', '2026-01-12'), at())),
      ).toEqual([
        corrected('CONTRACT_SIGNING_DATE', '2026-01-10', '2026-01-12'),
        moved('2026-03-10', '2026-03-12'),
        met('2026-03-12'),
      ]);
    });
  });

  describe('a MET VDAB deadline', () => {
    it.each<[string, Partial<FixtureDates>, CorrectableFact, string, string, string]>([
      // label, fixture dates, fact, corrected date, registration after the correction, deadline after the correction
      [
        'a contract date two months before a later deadline',
        {},
        'CONTRACT_SIGNING_DATE',
        '2026-03-17',
        '2026-05-20',
        '2026-05-17',
      ],
      [
        'a registration date after the deadline',
        { signedOn: '2026-03-31' },
        'VDAB_REGISTRATION_DATE',
        '2026-06-01',
        '2026-06-01',
        '2026-05-31',
      ],
    ])(
      'rejects a correction that would make it late: %s',
      (_label, dates, fact, correctedDate, registeredOn, dueOn) => {
        const { state } = trajectoryAt('VDAB_REGISTERED', dates);
        expect(rejectionOf(decide(state, correctFact(fact, correctedDate), at()))).toEqual({
          code: 'RULE_VIOLATION',
          field: 'correctedDate',
          message: `after this correction the VDAB registration (${registeredOn}) would be later than its deadline (${dueOn}); a correction cannot turn a met deadline into a missed one`,
        });
      },
    );

    it('accepts a contract correction that keeps the registration on the (moved) due date', () => {
      const history = trajectoryAt('VDAB_REGISTERED');
      expect(
        acceptedEvents(decide(history.state, correctFact('CONTRACT_SIGNING_DATE', '2026-03-20'), at())),
      ).toEqual([
        corrected('CONTRACT_SIGNING_DATE', '2026-04-30', '2026-03-20'),
        moved('2026-06-30', '2026-05-20'),
      ]);
      const after = run([correctFact('CONTRACT_SIGNING_DATE', '2026-03-20')], NOW, history);
      expect(vdabDeadline(after)).toMatchObject({ state: 'MET', metOn: '2026-05-20', dueOn: '2026-05-20' });
    });

    it('accepts a registration date corrected to the due date itself', () => {
      const { state } = trajectoryAt('VDAB_REGISTERED', { signedOn: '2026-03-31' });
      expect(
        acceptedEvents(decide(state, correctFact('VDAB_REGISTRATION_DATE', '2026-05-31'), at())),
      ).toEqual([corrected('VDAB_REGISTRATION_DATE', '2026-05-20', '2026-05-31')]);
    });
  });

  describe('a MISSED VDAB deadline (due 2026-05-31)', () => {
    const reopenOrMeet = {
      code: 'RULE_VIOLATION',
      field: 'correctedDate',
      message:
        'the VDAB deadline was recorded as missed on 2026-05-31; a correction cannot reopen or meet it (contest the violation file instead)',
    };

    it.each([
      ['to a due date not yet passed (2026-06-20)', '2026-04-20'],
      ['to a due date of today (2026-06-15, still running until midnight)', '2026-04-15'],
    ])('rejects a contract correction that would reopen it: %s', (_label, signedOn) => {
      const { state } = missed();
      expect(rejectionOf(decide(state, correctFact('CONTRACT_SIGNING_DATE', signedOn), at()))).toEqual(
        reopenOrMeet,
      );
    });

    it('rejects a contract correction that would put the (late) registration in time', () => {
      const { state } = run([recordVdabRegistration('2026-06-05')], NOW, missed());
      expect(rejectionOf(decide(state, correctFact('CONTRACT_SIGNING_DATE', '2026-04-10'), at()))).toEqual(
        reopenOrMeet,
      );
    });

    it('rejects a registration date correction that would meet it', () => {
      const { state } = run([recordVdabRegistration('2026-06-05')], NOW, missed());
      expect(rejectionOf(decide(state, correctFact('VDAB_REGISTRATION_DATE', '2026-05-30'), at()))).toEqual(
        reopenOrMeet,
      );
    });

    it.each([
      ['an earlier due date', '2026-03-25', '2026-05-25'],
      ['a later due date that has also passed', '2026-04-14', '2026-06-14'],
    ])('accepts a contract correction to %s; the deadline stays MISSED', (_label, signedOn, dueOn) => {
      const history = missed();
      expect(
        acceptedEvents(decide(history.state, correctFact('CONTRACT_SIGNING_DATE', signedOn), at())),
      ).toEqual([corrected('CONTRACT_SIGNING_DATE', '2026-03-31', signedOn), moved('2026-05-31', dueOn)]);
      const after = run([correctFact('CONTRACT_SIGNING_DATE', signedOn)], NOW, history);
      expect(vdabDeadline(after)).toMatchObject({ state: 'MISSED', dueOn });
      expect(after.state.violations).toEqual(history.state.violations);
    });

    it('accepts a late registration date corrected to another late date, and an intake correction', () => {
      const history = run([recordVdabRegistration('2026-06-05')], NOW, missed());
      expect(
        acceptedEvents(decide(history.state, correctFact('VDAB_REGISTRATION_DATE', '2026-06-04'), at())),
      ).toEqual([corrected('VDAB_REGISTRATION_DATE', '2026-06-05', '2026-06-04')]);
      expect(acceptedEvents(decide(history.state, correctFact('INTAKE_DATE', '2026-03-17'), at()))).toEqual([
        corrected('INTAKE_DATE', '2026-03-16', '2026-03-17'),
      ]);
    });
  });

  describe('a VDAB deadline moved by a suspension keeps the suspended days', () => {
    /** Suspended 2026-05-01 to 2026-05-11: the deadline of 2026-06-30 moved 10 days to 2026-07-10. */
    const extended = (now: number = NOW) =>
      run(
        [suspendTrajectory('2026-05-01'), resumeTrajectory('2026-05-11')],
        now,
        trajectoryAt('CONTRACT_SIGNED', {}, now),
      );

    it('an intake correction does not move it back', () => {
      const history = extended();
      expect(vdabDeadline(history)).toMatchObject({ state: 'OPEN', dueOn: '2026-07-10' });
      expect(acceptedEvents(decide(history.state, correctFact('INTAKE_DATE', '2026-03-18'), at()))).toEqual([
        corrected('INTAKE_DATE', '2026-03-16', '2026-03-18'),
      ]);
    });

    it('a contract correction moves it by the correction only', () => {
      const history = extended();
      expect(
        acceptedEvents(decide(history.state, correctFact('CONTRACT_SIGNING_DATE', '2026-04-20'), at())),
      ).toEqual([
        corrected('CONTRACT_SIGNING_DATE', '2026-04-30', '2026-04-20'),
        moved('2026-07-10', '2026-06-30'),
      ]);
    });

    it('a registration met only thanks to the suspension stays correctable', () => {
      const later = Date.parse('2026-07-15T10:00:00Z');
      const history = run([recordVdabRegistration('2026-07-05')], later, extended(later));
      expect(vdabDeadline(history)).toMatchObject({ state: 'MET', metOn: '2026-07-05', dueOn: '2026-07-10' });
      expect(
        acceptedEvents(decide(history.state, correctFact('INTAKE_DATE', '2026-03-18'), at(later))).map(
          (e) => e.type,
        ),
      ).toEqual(['FactCorrected']);
      expect(
        acceptedEvents(
          decide(history.state, correctFact('VDAB_REGISTRATION_DATE', '2026-07-08'), at(later)),
        ).map((e) => e.type),
      ).toEqual(['FactCorrected']);
    });

    it('while suspended, a contract correction moves the SUSPENDED deadline and the resumption moves it further', () => {
      const history = run(
        [suspendTrajectory('2026-06-01'), correctFact('CONTRACT_SIGNING_DATE', '2026-05-04')],
        NOW,
        trajectoryAt('CONTRACT_SIGNED'),
      );
      expect(history.events.slice(-2)).toEqual([
        corrected('CONTRACT_SIGNING_DATE', '2026-04-30', '2026-05-04'),
        moved('2026-06-30', '2026-07-04'),
      ]);
      expect(vdabDeadline(history)).toMatchObject({ state: 'SUSPENDED', dueOn: '2026-07-04' });
      const resumed = run([resumeTrajectory('2026-06-11')], NOW, history);
      expect(vdabDeadline(resumed)).toMatchObject({ state: 'OPEN', dueOn: '2026-07-14' });
    });
  });

  describe('the history', () => {
    it('keeps the original events; the fold of all events shows the corrected values', () => {
      const history = trajectoryAt('VDAB_REGISTERED');
      const original = JSON.parse(JSON.stringify(history.events));
      const after = run(
        [
          correctFact('INTAKE_DATE', '2026-03-18'),
          correctFact('INTAKE_DATE', '2026-03-17', 'second look at the signed form'),
          correctFact('VDAB_REGISTRATION_DATE', '2026-05-22'),
        ],
        NOW,
        history,
      );
      expect(after.events.slice(0, history.events.length)).toEqual(original);
      expect(after.events.find((e) => e.type === 'IntakeRecorded')?.data).toMatchObject({
        intakeOn: '2026-03-16',
      });
      expect(after.events.slice(history.events.length)).toEqual([
        corrected('INTAKE_DATE', '2026-03-16', '2026-03-18'),
        corrected('INTAKE_DATE', '2026-03-18', '2026-03-17', 'second look at the signed form'),
        corrected('VDAB_REGISTRATION_DATE', '2026-05-20', '2026-05-22'),
      ]);
      const folded = fold(after.events);
      expect(folded).toEqual(after.state);
      expect(folded?.intakeOn).toBe('2026-03-17');
      expect(folded?.vdabRegistration?.registeredOn).toBe('2026-05-22');
      expect(folded?.deadlines.find((d) => d.deadlineId === VDAB_DEADLINE_ID)).toMatchObject({
        metOn: '2026-05-22',
      });
      expect(folded?.version).toBe(after.events.length);
    });
  });
});
