import { policyVersionById } from '../../policy/policy-versions';
import { endOfDayInstant } from '../../time/calendar-date';
import { FineDecision, TrajectoryCommand } from '../commands';
import { awaitsViolationDecisions, decide } from '../decide';
import { RejectionCode } from '../rejection';
import { fold } from '../state';
import {
  acceptedEvents,
  closeTrajectory,
  expectedEvent,
  expireAt,
  FIRST_VIOLATION_ID,
  History,
  NOW,
  recordFineDecision,
  recordVdabRegistration,
  rejectionOf,
  resumeTrajectory,
  run,
  suspendTrajectory,
  trajectoryAt,
  transferTrajectory,
  VDAB_DEADLINE_ID,
} from '../trajectory.fixtures';

const at = (now: number = NOW) => ({ now });

/**
 * Contract signed 2026-03-31, VDAB registration due 2026-05-31: missed at midnight in Brussels, so the violation
 * file is opened at 2026-05-31T22:00Z, which is 1 June in Brussels.
 */
function withViolation(): History {
  return expireAt(
    trajectoryAt('CONTRACT_SIGNED', { signedOn: '2026-03-31' }),
    endOfDayInstant('2026-05-31' as never),
  );
}

const fine = (amountEuro?: number, decidedOn = '2026-06-10') =>
  recordFineDecision(FIRST_VIOLATION_ID, 'FINE', decidedOn, amountEuro);

const rangeMessage = (policy: '2022' | '2023') =>
  `amountEuro must be a whole number from 50 to 5000 euro under policy ${policy} (${policyVersionById(policy).parameters.fine.source})`;

describe('RecordFineDecision', () => {
  it('the fixture has one open violation file, opened on 1 June in Brussels', () => {
    const { state } = withViolation();
    expect(state.violations).toEqual([
      expect.objectContaining({
        violationId: FIRST_VIOLATION_ID,
        kind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
        deadlineId: VDAB_DEADLINE_ID,
        openedAt: '2026-05-31T22:00:00.000Z',
        state: 'OPEN',
      }),
    ]);
  });

  it('records a fine and decides the violation file', () => {
    const history = withViolation();
    const command = recordFineDecision(
      FIRST_VIOLATION_ID,
      'FINE',
      '2026-06-10',
      250,
      'second reminder ignored',
    );
    expect(acceptedEvents(decide(history.state, command, at()))).toEqual([
      expectedEvent('FineDecisionRecorded', {
        violationId: FIRST_VIOLATION_ID,
        decision: 'FINE',
        amountEuro: 250,
        decidedOn: '2026-06-10',
        explanation: 'second reminder ignored',
      }),
    ]);
    const after = run([command], NOW, history);
    expect(after.state.violations).toEqual([
      expect.objectContaining({
        violationId: FIRST_VIOLATION_ID,
        state: 'DECIDED',
        decision: {
          decision: 'FINE',
          amountEuro: 250,
          decidedOn: '2026-06-10',
          explanation: 'second reminder ignored',
        },
      }),
    ]);
    expect(fold(after.events)).toEqual(after.state);
  });

  it('records no fine: no amount in the event or the decision', () => {
    const history = withViolation();
    const command = recordFineDecision(FIRST_VIOLATION_ID, 'NO_FINE', '2026-06-10');
    expect(acceptedEvents(decide(history.state, command, at()))).toEqual([
      expectedEvent('FineDecisionRecorded', {
        violationId: FIRST_VIOLATION_ID,
        decision: 'NO_FINE',
        decidedOn: '2026-06-10',
      }),
    ]);
    const [violation] = run([command], NOW, history).state.violations;
    expect(violation.state).toBe('DECIDED');
    expect(violation.decision).toEqual({ decision: 'NO_FINE', decidedOn: '2026-06-10' });
  });

  it.each([50, 51, 1234, 4999, 5000])('accepts a fine of %p euro', (amountEuro) => {
    const { state } = withViolation();
    expect(acceptedEvents(decide(state, fine(amountEuro), at()))[0].data).toMatchObject({
      decision: 'FINE',
      amountEuro,
    });
  });

  it.each([49, 5001, 10000, 12.5, 0, -50, Number.NaN, Number.POSITIVE_INFINITY, undefined])(
    'rejects a fine of %p euro (field amountEuro, the range in the message)',
    (amountEuro) => {
      const { state } = withViolation();
      const rejected = rejectionOf(decide(state, fine(amountEuro), at()));
      expect(rejected).toEqual({
        code: 'RULE_VIOLATION',
        field: 'amountEuro',
        message: rangeMessage('2023'),
      });
      expect(rejected.message).toContain('from 50 to 5000 euro');
    },
  );

  it("takes the range from the trajectory's policy version (2022)", () => {
    const { state } = expireAt(
      trajectoryAt('CONTRACT_SIGNED', {
        registeredOn: '2022-05-02',
        intakeOn: '2022-05-16',
        signedOn: '2022-06-01',
      }),
      endOfDayInstant('2022-08-01' as never),
    );
    expect(rejectionOf(decide(state, fine(5001, '2022-08-15'), at()))).toEqual({
      code: 'RULE_VIOLATION',
      field: 'amountEuro',
      message: rangeMessage('2022'),
    });
    expect(acceptedEvents(decide(state, fine(5000, '2022-08-15'), at()))).toHaveLength(1);
  });

  it.each<[string, TrajectoryCommand, RejectionCode, string, string]>([
    [
      'no fine with an amount',
      recordFineDecision(FIRST_VIOLATION_ID, 'NO_FINE', '2026-06-10', 250),
      'INVALID_INPUT',
      'amountEuro',
      'amountEuro must be absent when the decision is NO_FINE',
    ],
    [
      'no fine with an amount of 0',
      recordFineDecision(FIRST_VIOLATION_ID, 'NO_FINE', '2026-06-10', 0),
      'INVALID_INPUT',
      'amountEuro',
      'amountEuro must be absent when the decision is NO_FINE',
    ],
    [
      'an unknown decision',
      recordFineDecision(FIRST_VIOLATION_ID, 'WARNING' as FineDecision, '2026-06-10'),
      'INVALID_INPUT',
      'decision',
      'decision must be one of NO_FINE, FINE',
    ],
    [
      'an unknown violation',
      recordFineDecision('trj-0001:violation:9', 'FINE', '2026-06-10', 250),
      'INVALID_INPUT',
      'violationId',
      'violation trj-0001:violation:9 does not exist on this trajectory',
    ],
    [
      'a decision in the future',
      fine(250, '2026-06-16'),
      'RULE_VIOLATION',
      'decidedOn',
      'decidedOn 2026-06-16 is in the future (today is 2026-06-15)',
    ],
    [
      'a decision date that is not a date',
      fine(250, '2026/06/10'),
      'INVALID_INPUT',
      'decidedOn',
      'decidedOn must be a date (YYYY-MM-DD)',
    ],
    [
      'a decision well before the violation was opened',
      fine(250, '2026-05-20'),
      'RULE_VIOLATION',
      'decidedOn',
      'decidedOn must not be before the violation file was opened on 2026-06-01',
    ],
    [
      'a decision the day before the violation was opened in Brussels (its UTC date)',
      fine(250, '2026-05-31'),
      'RULE_VIOLATION',
      'decidedOn',
      'decidedOn must not be before the violation file was opened on 2026-06-01',
    ],
  ])('rejects %s', (_label, command, code, field, message) => {
    const { state } = withViolation();
    expect(rejectionOf(decide(state, command, at()))).toEqual({ code, field, message });
  });

  it('accepts a decision on the day the violation was opened (Brussels date)', () => {
    const { state } = withViolation();
    expect(acceptedEvents(decide(state, fine(250, '2026-06-01'), at()))[0].data).toMatchObject({
      decidedOn: '2026-06-01',
    });
  });

  it('rejects a decision on a trajectory without violations (field violationId)', () => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    expect(rejectionOf(decide(state, fine(250), at()))).toEqual({
      code: 'INVALID_INPUT',
      field: 'violationId',
      message: `violation ${FIRST_VIOLATION_ID} does not exist on this trajectory`,
    });
  });

  it.each<[FineDecision, number | undefined]>([
    ['FINE', 250],
    ['NO_FINE', undefined],
  ])('rejects deciding a violation twice (first %s) with INVALID_STATE', (decision, amountEuro) => {
    const { state } = run(
      [recordFineDecision(FIRST_VIOLATION_ID, decision, '2026-06-10', amountEuro)],
      NOW,
      withViolation(),
    );
    expect(
      rejectionOf(decide(state, recordFineDecision(FIRST_VIOLATION_ID, 'NO_FINE', '2026-06-12'), at())),
    ).toEqual({
      code: 'INVALID_STATE',
      field: undefined,
      message: `violation ${FIRST_VIOLATION_ID} was already decided on 2026-06-10`,
    });
  });

  describe('the obligation continues after a fine', () => {
    const fined = () => run([fine(250)], NOW, withViolation());

    it('the trajectory stays OPEN with its phase; the missed deadline stays MISSED', () => {
      const { state } = fined();
      expect(state.status).toBe('OPEN');
      expect(state.phase).toBe('CONTRACT_SIGNED');
      expect('closure' in state).toBe(false);
      expect(state.deadlines.find((d) => d.deadlineId === VDAB_DEADLINE_ID)).toMatchObject({
        state: 'MISSED',
      });
    });

    it('a (late) VDAB registration is still recorded; it does not meet the missed deadline', () => {
      const history = run([recordVdabRegistration('2026-06-12')], NOW, fined());
      expect(history.events.find((e) => e.type === 'VdabRegistrationRecorded')).toEqual(
        expectedEvent('VdabRegistrationRecorded', {
          registeredOn: '2026-06-12',
          vdabClientReference: 'VDAB-123456',
        }),
      );
      expect(history.state.vdabRegistration).toEqual({
        registeredOn: '2026-06-12',
        vdabClientReference: 'VDAB-123456',
      });
      expect(history.state.deadlines.find((d) => d.deadlineId === VDAB_DEADLINE_ID)).toMatchObject({
        state: 'MISSED',
      });
    });

    it.each<[string, TrajectoryCommand[]]>([
      ['suspension and resumption', [suspendTrajectory('2026-06-11'), resumeTrajectory('2026-06-13')]],
      ['transfer', [transferTrajectory('ATLAS', '2026-06-11')]],
      ['closure', [closeTrajectory('2026-06-12', 'CONTRACT_TERMINATED')]],
    ])('%s is accepted', (_label, commands) => {
      const history = run(commands, NOW, fined());
      expect(history.state.violations[0]).toMatchObject({ state: 'DECIDED', decision: { amountEuro: 250 } });
    });
  });

  it('a violation is decided while the trajectory is suspended', () => {
    const suspended = run([suspendTrajectory('2026-06-05')], NOW, withViolation());
    const events = acceptedEvents(decide(suspended.state, fine(300), at()));
    expect(events.map((e) => e.type)).toEqual(['FineDecisionRecorded']);
    const { state } = run([fine(300)], NOW, suspended);
    expect(state.status).toBe('SUSPENDED');
    expect(state.violations[0].decision).toEqual({
      decision: 'FINE',
      amountEuro: 300,
      decidedOn: '2026-06-10',
    });
  });
});

describe('a violation file outlives its trajectory', () => {
  const closedWithOpenFile = () =>
    run([closeTrajectory('2026-06-05', 'MOVED_OUT_OF_FLANDERS')], NOW, withViolation());

  it('a closed trajectory with an open file awaits the decision, and no longer once it is decided', () => {
    const closed = closedWithOpenFile();
    expect(closed.state.status).toBe('CLOSED');
    expect(awaitsViolationDecisions(closed.state)).toBe(true);
    const decided = run([fine(300)], NOW, closed);
    expect(decided.state.violations[0]).toMatchObject({ state: 'DECIDED', decision: { amountEuro: 300 } });
    expect(decided.state.status).toBe('CLOSED');
    expect(awaitsViolationDecisions(decided.state)).toBe(false);
  });

  it('the decision after closure is only the decision: no completion or attest follows', () => {
    expect(acceptedEvents(decide(closedWithOpenFile().state, fine(300), at())).map((e) => e.type)).toEqual([
      'FineDecisionRecorded',
    ]);
  });

  it('the rules still apply to it: a second decision and an amount out of range are refused', () => {
    const decided = run([fine(300)], NOW, closedWithOpenFile());
    expect(rejectionOf(decide(decided.state, fine(400), at())).code).toBe('INVALID_STATE');
    expect(rejectionOf(decide(closedWithOpenFile().state, fine(10_000), at()))).toMatchObject({
      code: 'RULE_VIOLATION',
      field: 'amountEuro',
    });
  });

  it('anything else on the closed trajectory is refused', () => {
    expect(
      rejectionOf(decide(closedWithOpenFile().state, recordVdabRegistration('2026-06-06'), at())),
    ).toEqual({
      code: 'INVALID_STATE',
      field: undefined,
      message: 'trajectory is closed (MOVED_OUT_OF_FLANDERS on 2026-06-05)',
    });
  });
});
