import {
  EXEMPTION_REASON_CODES,
  EXEMPTION_REASONS,
  ExemptionReason,
} from '../../target-group/exemption-reasons';
import { decide } from '../decide';
import { nextDeadlineExpiry } from '../deadline-expiry';
import { effectiveTargetGroup } from './target-group';
import {
  acceptedEvents,
  closeTrajectory,
  contractSignedWith,
  expectedEvent,
  expireAt,
  grantExemption,
  History,
  NOW,
  OBLIGED_FACTS,
  openTrajectory,
  overrideTargetGroup,
  recordIntake,
  recordTargetGroupFacts,
  recordVdabRegistration,
  rejectionOf,
  resumeTrajectory,
  run,
  suspendTrajectory,
  thirdCountryNewcomerFacts,
} from '../trajectory.fixtures';

const at = { now: NOW };

/** Obliged from 2026-02-15 (registered 2026-03-02, in time), contract 2026-04-30: VDAB registration due 2026-06-30. */
function obligedWithContract(birthDate?: string): History {
  return contractSignedWith({
    targetGroupFacts: OBLIGED_FACTS,
    agencyLetterOn: '2026-02-15',
    ...(birthDate ? { birthDate } : {}),
  });
}

const deadlineStates = (history: History) =>
  history.state.deadlines.map((deadline) => [deadline.kind, deadline.state]);

describe('GrantExemption: an exemption granted later', () => {
  it('makes the newcomer EXEMPT and waives the running VDAB deadline, so no timer is left to open a violation', () => {
    const history = obligedWithContract();
    expect(deadlineStates(history)).toEqual([
      ['AGENCY_REGISTRATION', 'MET'],
      ['VDAB_REGISTRATION', 'OPEN'],
    ]);
    const command = grantExemption(
      '2026-06-10',
      'SERIOUS_ILLNESS_OR_DISABILITY',
      '  medical certificate of 2026-06-08  ',
    );
    expect(acceptedEvents(decide(history.state, command, at))).toEqual([
      expectedEvent('ExemptionGranted', {
        reason: 'SERIOUS_ILLNESS_OR_DISABILITY',
        grantedOn: '2026-06-10',
        source: EXEMPTION_REASONS.SERIOUS_ILLNESS_OR_DISABILITY,
        explanation: 'medical certificate of 2026-06-08',
      }),
      expectedEvent('DeadlineWaived', {
        deadlineId: 'trj-0001:VDAB_REGISTRATION',
        kind: 'VDAB_REGISTRATION',
        reason: 'exempt from 2026-06-10: SERIOUS_ILLNESS_OR_DISABILITY',
      }),
    ]);

    const exempt = run([command], NOW, history);
    expect(effectiveTargetGroup(exempt.state)).toBe('EXEMPT');
    expect(exempt.state.targetGroup?.derived.status).toBe('OBLIGED');
    expect(exempt.state.targetGroup?.exemption).toEqual({
      reason: 'SERIOUS_ILLNESS_OR_DISABILITY',
      grantedOn: '2026-06-10',
      explanation: 'medical certificate of 2026-06-08',
    });
    expect(deadlineStates(exempt)).toEqual([
      ['AGENCY_REGISTRATION', 'MET'],
      ['VDAB_REGISTRATION', 'WAIVED'],
    ]);
    expect(nextDeadlineExpiry(exempt.state)).toBeUndefined();
    // long after the due date nothing is missed
    expect(expireAt(exempt, Date.parse('2026-09-01T10:00:00Z')).state.violations).toEqual([]);
  });

  it('keeps the trajectory open: the newcomer may go on voluntarily, and a VDAB registration is still recorded', () => {
    const exempt = run([grantExemption('2026-06-10')], NOW, obligedWithContract());
    expect(exempt.state.status).toBe('OPEN');
    const registered = run([recordVdabRegistration('2026-06-12')], NOW, exempt);
    expect(registered.state.vdabRegistration?.registeredOn).toBe('2026-06-12');
    expect(deadlineStates(registered)).toEqual([
      ['AGENCY_REGISTRATION', 'MET'],
      ['VDAB_REGISTRATION', 'WAIVED'],
    ]);
  });

  it('leaves a violation file that was already open with the enforcement officer', () => {
    const missed = expireAt(obligedWithContract(), Date.parse('2026-07-01T10:00:00Z'));
    expect(missed.state.violations.map((violation) => violation.state)).toEqual(['OPEN']);
    const later = Date.parse('2026-07-02T10:00:00Z');
    const events = acceptedEvents(decide(missed.state, grantExemption('2026-07-02'), { now: later }));
    expect(events.map((event) => event.type)).toEqual(['ExemptionGranted']);
    const exempt = run([grantExemption('2026-07-02')], later, missed);
    expect(exempt.state.violations.map((violation) => violation.state)).toEqual(['OPEN']);
  });

  it('is accepted during a suspension and waives the suspended deadline; resuming then moves nothing', () => {
    const suspended = run([suspendTrajectory('2026-06-01')], NOW, obligedWithContract());
    const exempt = run([grantExemption('2026-06-10')], NOW, suspended);
    expect(deadlineStates(exempt)).toEqual([
      ['AGENCY_REGISTRATION', 'MET'],
      ['VDAB_REGISTRATION', 'WAIVED'],
    ]);
    const resumed = run([resumeTrajectory('2026-06-15')], NOW, exempt);
    expect(resumed.events.at(-1)?.type).toBe('TrajectoryResumed');
    expect(resumed.state.deadlines).toEqual(exempt.state.deadlines);
  });

  it('can be granted before the contract: the contract signed afterwards is a voluntary one', () => {
    const registered = run([openTrajectory({ targetGroupFacts: OBLIGED_FACTS }), recordIntake('2026-03-16')]);
    const exempt = run([grantExemption('2026-03-20', 'BELGIAN_OR_DUTCH_DIPLOMA')], NOW, registered);
    expect(effectiveTargetGroup(exempt.state)).toBe('EXEMPT');
  });

  it.each(EXEMPTION_REASON_CODES.filter((reason) => reason !== 'AGED_65_OR_OLDER'))(
    'accepts reason %s',
    (reason) => {
      const events = acceptedEvents(
        decide(obligedWithContract().state, grantExemption('2026-06-10', reason), at),
      );
      expect(events[0]).toMatchObject({
        type: 'ExemptionGranted',
        data: { reason, source: EXEMPTION_REASONS[reason] },
      });
    },
  );

  describe('AGED_65_OR_OLDER needs the newcomer to be 65 on the day it is granted', () => {
    it('accepts it on the 65th birthday', () => {
      const history = obligedWithContract('1961-06-10');
      expect(
        acceptedEvents(decide(history.state, grantExemption('2026-06-10', 'AGED_65_OR_OLDER'), at))[0].type,
      ).toBe('ExemptionGranted');
    });

    it('refuses it the day before, naming the age', () => {
      const history = obligedWithContract('1961-06-10');
      expect(
        rejectionOf(decide(history.state, grantExemption('2026-06-09', 'AGED_65_OR_OLDER'), at)),
      ).toEqual({
        code: 'RULE_VIOLATION',
        field: 'reason',
        message: 'the newcomer is 64 on 2026-06-09; AGED_65_OR_OLDER needs 65 or older',
      });
    });
  });

  describe('refusals', () => {
    const signed = obligedWithContract();

    it.each<
      [
        string,
        ReturnType<typeof grantExemption>,
        { code: string; field: string | undefined; message: string },
      ]
    >([
      [
        'an unknown reason',
        grantExemption('2026-06-10', 'TIRED' as ExemptionReason),
        {
          code: 'INVALID_INPUT',
          field: 'reason',
          message: `reason must be one of ${EXEMPTION_REASON_CODES.join(', ')}`,
        },
      ],
      [
        'a date in the future',
        grantExemption('2026-06-16'),
        {
          code: 'RULE_VIOLATION',
          field: 'grantedOn',
          message: 'grantedOn 2026-06-16 is in the future (today is 2026-06-15)',
        },
      ],
      [
        'a date that is not one',
        grantExemption('2026-02-30'),
        { code: 'INVALID_INPUT', field: 'grantedOn', message: 'grantedOn must be a date (YYYY-MM-DD)' },
      ],
      [
        'a date before the registration',
        grantExemption('2026-03-01'),
        {
          code: 'RULE_VIOLATION',
          field: 'grantedOn',
          message: 'grantedOn must not be before the registration on 2026-03-02',
        },
      ],
    ])('%s', (_name, command, expected) => {
      expect(rejectionOf(decide(signed.state, command, at))).toEqual(expected);
    });

    it('before any target group was derived', () => {
      const registered = run([openTrajectory()]);
      expect(rejectionOf(decide(registered.state, grantExemption('2026-06-10'), at))).toMatchObject({
        code: 'INVALID_STATE',
        message: expect.stringContaining('no target group was derived yet'),
      });
    });

    it('a second time', () => {
      const exempt = run([grantExemption('2026-06-10')], NOW, signed);
      expect(rejectionOf(decide(exempt.state, grantExemption('2026-06-11', 'AGED_65_OR_OLDER'), at))).toEqual(
        {
          code: 'INVALID_STATE',
          field: undefined,
          message: 'an exemption was already granted on 2026-06-10 (SERIOUS_ILLNESS_OR_DISABILITY)',
        },
      );
    });

    it('for a newcomer who is exempt already', () => {
      const euNational = contractSignedWith({
        targetGroupFacts: { ...OBLIGED_FACTS, nationalityGroup: 'EU_EEA_SWISS' },
      });
      expect(effectiveTargetGroup(euNational.state)).toBe('EXEMPT');
      expect(rejectionOf(decide(euNational.state, grantExemption('2026-06-10'), at))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'the newcomer is already exempt',
      });
    });

    it('on a closed trajectory', () => {
      const closed = run([closeTrajectory('2026-06-01')], NOW, signed);
      expect(rejectionOf(decide(closed.state, grantExemption('2026-06-10'), at)).code).toBe('INVALID_STATE');
    });
  });

  describe('settles the target group', () => {
    const exempt = run(
      [grantExemption('2026-03-20')],
      NOW,
      run([openTrajectory({ targetGroupFacts: OBLIGED_FACTS })]),
    );

    it('new facts no longer derive it again', () => {
      expect(
        rejectionOf(
          decide(exempt.state, recordTargetGroupFacts(thirdCountryNewcomerFacts('2026-01-10')), at),
        ),
      ).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'an exemption was granted on 2026-03-20; the target group is settled',
      });
    });

    it('an override is refused', () => {
      expect(rejectionOf(decide(exempt.state, overrideTargetGroup({ status: 'ENTITLED' }), at)).code).toBe(
        'INVALID_STATE',
      );
    });

    it('after the contract an override is refused too, pointing to the exemption', () => {
      expect(
        rejectionOf(decide(obligedWithContract().state, overrideTargetGroup({ status: 'ENTITLED' }), at)),
      ).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message:
          'the contract was signed on 2026-04-30; the target group is settled (grant an exemption instead)',
      });
    });
  });
});
