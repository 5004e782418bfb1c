import { TrajectoryCommand } from '../commands';
import { decide } from '../decide';
import { RejectionCode } from '../rejection';
import {
  acceptedEvents,
  expectedEvent,
  expireAt,
  FixturePhase,
  History,
  NOW,
  OBLIGED_FACTS,
  openTrajectory,
  recordAgencyLetter,
  recordIntake,
  recordFineDecision,
  rejectionOf,
  reportViolation,
  run,
  suspendTrajectory,
  trajectoryAt,
} from '../trajectory.fixtures';

const at = (now: number = NOW) => ({ now });
const decideOn = (history: History, command: TrajectoryCommand, now: number = NOW) =>
  decide(history.state, command, at(now));

/** Only an obliged newcomer can refuse to sign in breach: the fixture newcomer with OBLIGED_FACTS. */
const obligedAt = (phase: 'REGISTERED' | 'INTAKE_DONE'): History =>
  run([
    openTrajectory({ targetGroupFacts: OBLIGED_FACTS }),
    ...(phase === 'INTAKE_DONE' ? [recordIntake('2026-03-16')] : []),
  ]);

describe('ReportViolation', () => {
  describe('REFUSAL_TO_SIGN: only before the contract', () => {
    it.each(['REGISTERED', 'INTAKE_DONE'] as const)(
      'accepted at %s from an obliged newcomer: opens a violation file',
      (phase) => {
        const history = obligedAt(phase);
        expect(
          acceptedEvents(
            decideOn(
              history,
              reportViolation(
                'REFUSAL_TO_SIGN',
                '2026-04-20',
                '  refused to sign at the second appointment ',
              ),
            ),
          ),
        ).toEqual([
          expectedEvent('ViolationOpened', {
            violationId: 'trj-0001:violation:1',
            kind: 'REFUSAL_TO_SIGN',
            facts: 'Observed on 2026-04-20: refused to sign at the second appointment',
          }),
        ]);
        const { state } = run([reportViolation('REFUSAL_TO_SIGN', '2026-04-20', 'refused')], NOW, history);
        expect(state.violations).toEqual([
          {
            violationId: 'trj-0001:violation:1',
            kind: 'REFUSAL_TO_SIGN',
            deadlineId: undefined,
            facts: 'Observed on 2026-04-20: refused',
            openedAt: '2026-06-15T10:00:00.000Z',
            state: 'OPEN',
          },
        ]);
      },
    );

    it.each<FixturePhase>(['CONTRACT_SIGNED', 'VDAB_REGISTERED'])(
      'refused at %s (INVALID_STATE)',
      (phase) => {
        expect(
          rejectionOf(decideOn(trajectoryAt(phase), reportViolation('REFUSAL_TO_SIGN', '2026-05-20'))),
        ).toEqual({
          code: 'INVALID_STATE',
          field: undefined,
          message: 'the contract was signed on 2026-04-30',
        });
      },
    );
  });

  describe('IRREGULAR_ATTENDANCE: only after the contract', () => {
    it.each<FixturePhase>(['CONTRACT_SIGNED', 'VDAB_REGISTERED'])('accepted at %s', (phase) => {
      expect(
        acceptedEvents(decideOn(trajectoryAt(phase), reportViolation('IRREGULAR_ATTENDANCE', '2026-06-01'))),
      ).toEqual([
        expectedEvent('ViolationOpened', {
          violationId: 'trj-0001:violation:1',
          kind: 'IRREGULAR_ATTENDANCE',
          facts: 'Observed on 2026-06-01: did not attend the MO course three times without notice',
        }),
      ]);
    });

    it.each<FixturePhase>(['REGISTERED', 'INTAKE_DONE'])('refused at %s (INVALID_STATE)', (phase) => {
      expect(
        rejectionOf(decideOn(trajectoryAt(phase), reportViolation('IRREGULAR_ATTENDANCE', '2026-04-20'))),
      ).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'attendance is followed once the contract is signed',
      });
    });
  });

  describe('input', () => {
    it.each<[string, TrajectoryCommand, RejectionCode, string, string]>([
      [
        'empty facts',
        reportViolation('IRREGULAR_ATTENDANCE', '2026-06-01', ''),
        'INVALID_INPUT',
        'facts',
        'facts must describe what happened',
      ],
      [
        'blank facts',
        reportViolation('IRREGULAR_ATTENDANCE', '2026-06-01', '   '),
        'INVALID_INPUT',
        'facts',
        'facts must describe what happened',
      ],
      [
        'no facts',
        {
          type: 'ReportViolation',
          kind: 'IRREGULAR_ATTENDANCE',
          observedOn: '2026-06-01',
          facts: undefined as unknown as string,
        },
        'INVALID_INPUT',
        'facts',
        'facts must describe what happened',
      ],
      [
        'a kind the counsellor cannot report (a missed deadline is opened by the system)',
        reportViolation('VDAB_REGISTRATION_DEADLINE_MISSED' as 'REFUSAL_TO_SIGN', '2026-06-01'),
        'INVALID_INPUT',
        'kind',
        'kind must be one of REFUSAL_TO_SIGN, IRREGULAR_ATTENDANCE',
      ],
      [
        'an observation date in the future',
        reportViolation('IRREGULAR_ATTENDANCE', '2026-06-16'),
        'RULE_VIOLATION',
        'observedOn',
        'observedOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
      [
        'an observation date that is not a date',
        reportViolation('IRREGULAR_ATTENDANCE', '01/06/2026'),
        'INVALID_INPUT',
        'observedOn',
        'observedOn must be a date (YYYY-MM-DD)',
      ],
    ])('refuses %s', (_label, command, code, field, message) => {
      expect(rejectionOf(decideOn(trajectoryAt('CONTRACT_SIGNED'), command))).toEqual({
        code,
        field,
        message,
      });
    });

    it('the input is checked before the phase: missing facts before the contract are INVALID_INPUT', () => {
      expect(
        rejectionOf(
          decideOn(trajectoryAt('REGISTERED'), reportViolation('IRREGULAR_ATTENDANCE', '2026-04-20', '')),
        ).code,
      ).toBe('INVALID_INPUT');
    });
  });

  describe('violation ids are numbered per trajectory', () => {
    it('one after the other', () => {
      const { state } = run(
        [
          reportViolation('IRREGULAR_ATTENDANCE', '2026-05-20', 'absent twice'),
          reportViolation('IRREGULAR_ATTENDANCE', '2026-06-03', 'absent again'),
        ],
        NOW,
        trajectoryAt('CONTRACT_SIGNED'),
      );
      expect(
        state.violations.map((violation) => [violation.violationId, violation.kind, violation.state]),
      ).toEqual([
        ['trj-0001:violation:1', 'IRREGULAR_ATTENDANCE', 'OPEN'],
        ['trj-0001:violation:2', 'IRREGULAR_ATTENDANCE', 'OPEN'],
      ]);
    });

    it('after a violation opened for a missed agency registration', () => {
      const late = run([
        openTrajectory({ registeredOn: '2026-05-16', targetGroupFacts: OBLIGED_FACTS }),
        recordAgencyLetter('2026-02-15'),
      ]);
      expect(late.state.violations.map((violation) => violation.violationId)).toEqual([
        'trj-0001:violation:1',
      ]);
      const events = acceptedEvents(decideOn(late, reportViolation('REFUSAL_TO_SIGN', '2026-06-01')));
      expect(events[0].data).toMatchObject({ violationId: 'trj-0001:violation:2', kind: 'REFUSAL_TO_SIGN' });
    });

    it('after a violation opened for a missed VDAB deadline, and decided ones still count', () => {
      const expiry = Date.parse('2026-06-30T22:00:00Z');
      const missed = expireAt(trajectoryAt('CONTRACT_SIGNED'), expiry);
      const later = Date.parse('2026-07-10T10:00:00Z');
      const decided = run(
        [recordFineDecision('trj-0001:violation:1', 'NO_FINE', '2026-07-10')],
        later,
        missed,
      );
      expect(decided.state.violations.map((violation) => violation.state)).toEqual(['DECIDED']);
      const events = acceptedEvents(
        decideOn(decided, reportViolation('IRREGULAR_ATTENDANCE', '2026-07-08'), later),
      );
      expect(events[0].data).toMatchObject({ violationId: 'trj-0001:violation:2' });
    });

    it('a reported violation is decided like any other', () => {
      const reported = run(
        [reportViolation('IRREGULAR_ATTENDANCE', '2026-06-01')],
        NOW,
        trajectoryAt('CONTRACT_SIGNED'),
      );
      const { state } = run(
        [recordFineDecision('trj-0001:violation:1', 'FINE', '2026-06-15', 150)],
        NOW,
        reported,
      );
      expect(state.violations[0]).toMatchObject({
        state: 'DECIDED',
        decision: { decision: 'FINE', amountEuro: 150, decidedOn: '2026-06-15' },
      });
    });
  });

  it('is refused while the trajectory is suspended and once it is closed', () => {
    const suspended = run([suspendTrajectory('2026-06-01')], NOW, trajectoryAt('CONTRACT_SIGNED'));
    expect(rejectionOf(decideOn(suspended, reportViolation('IRREGULAR_ATTENDANCE', '2026-06-02'))).code).toBe(
      'INVALID_STATE',
    );
    expect(
      rejectionOf(decideOn(trajectoryAt('CLOSED'), reportViolation('IRREGULAR_ATTENDANCE', '2026-06-02')))
        .code,
    ).toBe('INVALID_STATE');
  });
});
