import { SUSPENSION_REASONS, TrajectoryCommand } from '../commands';
import { expireDeadlines, nextDeadlineExpiry } from '../deadline-expiry';
import { decide } from '../decide';
import { DeadlineMoved, DeadlineState } from '../events';
import { RejectionCode } from '../rejection';
import { fold } from '../state';
import {
  acceptedEvents,
  closeTrajectory,
  correctFact,
  expectedEvent,
  expireAt,
  FixturePhase,
  History,
  NOW,
  recordContract,
  recordIntake,
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
const iso = (epochMillis: number | undefined) =>
  epochMillis === undefined ? undefined : new Date(epochMillis).toISOString();

/** A month after NOW: 15 July 2026, noon in Brussels. */
const LATER = Date.parse('2026-07-15T10:00:00Z');

/** The default trajectory (contract 2026-04-30, VDAB registration due 2026-06-30), suspended from 2026-06-01. */
function suspendedAt(phase: FixturePhase = 'CONTRACT_SIGNED', now: number = NOW): History {
  return run([suspendTrajectory('2026-06-01')], now, trajectoryAt(phase, {}, now));
}

const vdabDeadline = (history: History) =>
  history.state.deadlines.find((deadline) => deadline.deadlineId === VDAB_DEADLINE_ID);

describe('SuspendTrajectory', () => {
  it('suspends an open trajectory: the running VDAB deadline stops', () => {
    const history = trajectoryAt('CONTRACT_SIGNED');
    const events = acceptedEvents(
      decide(history.state, suspendTrajectory('2026-06-01', 'ILLNESS', 'hospitalised'), at()),
    );
    expect(events).toEqual([
      expectedEvent('TrajectorySuspended', {
        reason: 'ILLNESS',
        suspendedFrom: '2026-06-01',
        explanation: 'hospitalised',
      }),
    ]);
    const { state } = run([suspendTrajectory('2026-06-01', 'ILLNESS', 'hospitalised')], NOW, history);
    expect(state.status).toBe('SUSPENDED');
    expect(state.phase).toBe('CONTRACT_SIGNED');
    expect(state.suspension).toEqual({ reason: 'ILLNESS', suspendedFrom: '2026-06-01' });
    expect(state.deadlines).toEqual([
      expect.objectContaining({ deadlineId: VDAB_DEADLINE_ID, dueOn: '2026-06-30', state: 'SUSPENDED' }),
    ]);
  });

  it('leaves out an absent explanation', () => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    const [suspended] = acceptedEvents(decide(state, suspendTrajectory('2026-06-01', 'PREGNANCY'), at()));
    expect(suspended.data).toEqual({ reason: 'PREGNANCY', suspendedFrom: '2026-06-01' });
  });

  it.each(SUSPENSION_REASONS)('accepts the reason %s', (reason) => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    expect(
      acceptedEvents(decide(state, suspendTrajectory('2026-06-01', reason), at()))[0].data,
    ).toMatchObject({
      reason,
    });
  });

  it.each<[string, string, string, DeadlineState]>([
    ['due long after the start', '2026-04-30', '2026-06-01', 'SUSPENDED'], // due 2026-06-30
    ['suspended today', '2026-04-30', '2026-06-15', 'SUSPENDED'],
    ['due on the first suspended day', '2026-04-01', '2026-06-01', 'SUSPENDED'], // due 2026-06-01
    ['due the day before the suspension', '2026-04-01', '2026-06-02', 'OPEN'],
    ['due well before the suspension', '2026-03-20', '2026-06-02', 'OPEN'], // due 2026-05-20
  ])(
    'an OPEN deadline %s (signed %s, suspended from %s) becomes %s',
    (_label, signedOn, suspendedFrom, expected) => {
      const { state } = run(
        [suspendTrajectory(suspendedFrom)],
        NOW,
        trajectoryAt('CONTRACT_SIGNED', { signedOn }),
      );
      expect(state.deadlines.map((deadline) => deadline.state)).toEqual([expected]);
    },
  );

  it('a MET deadline stays MET', () => {
    const { state } = run([suspendTrajectory('2026-06-01')], NOW, trajectoryAt('VDAB_REGISTERED'));
    expect(state.deadlines).toEqual([expect.objectContaining({ state: 'MET', metOn: '2026-05-20' })]);
  });

  it('a MISSED deadline stays MISSED', () => {
    const missed = expireAt(trajectoryAt('CONTRACT_SIGNED', { signedOn: '2026-03-31' }), NOW); // due 2026-05-31
    const { state } = run([suspendTrajectory('2026-05-20')], NOW, missed);
    expect(state.deadlines).toEqual([expect.objectContaining({ state: 'MISSED', dueOn: '2026-05-31' })]);
  });

  it.each(['REGISTERED', 'INTAKE_DONE'] as const)(
    'suspends a trajectory at %s (no deadline yet)',
    (phase) => {
      const { state } = run([suspendTrajectory('2026-03-02')], NOW, trajectoryAt(phase));
      expect(state.status).toBe('SUSPENDED');
      expect(state.deadlines).toEqual([]);
    },
  );

  it.each<[string, string, string, RejectionCode, string, string]>([
    [
      'an unknown reason',
      'HOLIDAY',
      '2026-06-01',
      'INVALID_INPUT',
      'reason',
      'reason must be one of ILLNESS, PREGNANCY, FAMILY_CIRCUMSTANCES, OTHER',
    ],
    [
      'a start in the future',
      'ILLNESS',
      '2026-06-16',
      'RULE_VIOLATION',
      'suspendedFrom',
      'suspendedFrom 2026-06-16 is in the future (today is 2026-06-15)',
    ],
    [
      'a start that is not a date',
      'ILLNESS',
      '2026-06-31',
      'INVALID_INPUT',
      'suspendedFrom',
      'suspendedFrom must be a date (YYYY-MM-DD)',
    ],
    [
      'a start before the registration',
      'ILLNESS',
      '2026-03-01',
      'RULE_VIOLATION',
      'suspendedFrom',
      'suspendedFrom must not be before the registration on 2026-03-02',
    ],
  ])('rejects %s', (_label, reason, suspendedFrom, code, field, message) => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    expect(rejectionOf(decide(state, suspendTrajectory(suspendedFrom, reason as never), at()))).toEqual({
      code,
      field,
      message,
    });
  });

  it('accepts a start on the registration day', () => {
    const { state } = trajectoryAt('REGISTERED');
    expect(acceptedEvents(decide(state, suspendTrajectory('2026-03-02'), at()))).toHaveLength(1);
  });

  it('rejects a second suspension (INVALID_STATE naming the running one)', () => {
    const { state } = suspendedAt();
    expect(rejectionOf(decide(state, suspendTrajectory('2026-06-10', 'OTHER'), at()))).toEqual({
      code: 'INVALID_STATE',
      field: undefined,
      message: 'trajectory is already suspended since 2026-06-01',
    });
  });

  it('rejects suspending a closed trajectory', () => {
    const { state } = trajectoryAt('CLOSED');
    expect(rejectionOf(decide(state, suspendTrajectory('2026-06-10'), at()))).toEqual({
      code: 'INVALID_STATE',
      field: undefined,
      message: 'trajectory is closed (MOVED_OUT_OF_FLANDERS on 2026-06-01)',
    });
  });

  it('rejects suspending a trajectory that does not exist', () => {
    expect(rejectionOf(decide(undefined, suspendTrajectory('2026-06-10'), at())).code).toBe('INVALID_STATE');
  });
});

describe('while suspended', () => {
  it.each<[string, FixturePhase, TrajectoryCommand]>([
    ['RecordIntake', 'REGISTERED', recordIntake('2026-06-02')],
    ['RecordContract', 'INTAKE_DONE', recordContract('2026-06-02')],
    ['RecordContract with an invalid date (state first)', 'INTAKE_DONE', recordContract('not a date')],
  ])('%s is rejected with INVALID_STATE naming the suspension', (_label, phase, command) => {
    const { state } = suspendedAt(phase);
    expect(rejectionOf(decide(state, command, at()))).toEqual({
      code: 'INVALID_STATE',
      field: undefined,
      message: 'trajectory is suspended since 2026-06-01; resume it first',
    });
  });

  it('RecordVdabRegistration in time meets the SUSPENDED deadline', () => {
    const suspended = suspendedAt();
    // the first two events: what follows by other rules (e.g. a completed pillar) is not this spec's concern
    expect(
      acceptedEvents(decide(suspended.state, recordVdabRegistration('2026-06-10'), at())).slice(0, 2),
    ).toEqual([
      expectedEvent('VdabRegistrationRecorded', {
        registeredOn: '2026-06-10',
        vdabClientReference: 'VDAB-123456',
      }),
      expectedEvent('DeadlineMet', {
        deadlineId: VDAB_DEADLINE_ID,
        kind: 'VDAB_REGISTRATION',
        metOn: '2026-06-10',
      }),
    ]);
    const registered = run([recordVdabRegistration('2026-06-10')], NOW, suspended);
    expect(registered.state.status).toBe('SUSPENDED');
    expect(vdabDeadline(registered)).toMatchObject({
      state: 'MET',
      metOn: '2026-06-10',
      dueOn: '2026-06-30',
    });
    // a met deadline does not move on resumption
    expect(
      acceptedEvents(decide(registered.state, resumeTrajectory('2026-06-12'), at())).map((e) => e.type),
    ).toEqual(['TrajectoryResumed']);
  });

  it('RecordVdabRegistration after the (not yet moved) due date: only the registration; the deadline stays SUSPENDED', () => {
    const suspended = suspendedAt('CONTRACT_SIGNED', LATER);
    const events = acceptedEvents(decide(suspended.state, recordVdabRegistration('2026-07-03'), at(LATER)));
    expect(events[0]).toEqual(
      expectedEvent(
        'VdabRegistrationRecorded',
        { registeredOn: '2026-07-03', vdabClientReference: 'VDAB-123456' },
        LATER,
      ),
    );
    expect(events.map((e) => e.type)).not.toContain('DeadlineMet');
    const registered = run([recordVdabRegistration('2026-07-03')], LATER, suspended);
    expect(vdabDeadline(registered)).toMatchObject({ state: 'SUSPENDED', dueOn: '2026-06-30' });
  });

  it('a registration recorded during the suspension meets the deadline once resumption moves it past the registration', () => {
    const registered = run(
      [recordVdabRegistration('2026-07-03')],
      LATER,
      suspendedAt('CONTRACT_SIGNED', LATER),
    );
    // 2026-06-01 .. 2026-07-10: 39 days; 2026-06-30 + 39 days = 2026-08-08, after the registration of 2026-07-03
    expect(acceptedEvents(decide(registered.state, resumeTrajectory('2026-07-10'), at(LATER)))).toEqual([
      expectedEvent(
        'TrajectoryResumed',
        { suspendedFrom: '2026-06-01', resumedOn: '2026-07-10', suspendedDays: 39 },
        LATER,
      ),
      expectedEvent(
        'DeadlineMoved',
        {
          deadlineId: VDAB_DEADLINE_ID,
          kind: 'VDAB_REGISTRATION',
          previousDueOn: '2026-06-30',
          dueOn: '2026-08-08',
          reason: 'SUSPENSION',
        },
        LATER,
      ),
      expectedEvent(
        'DeadlineMet',
        { deadlineId: VDAB_DEADLINE_ID, kind: 'VDAB_REGISTRATION', metOn: '2026-07-03' },
        LATER,
      ),
    ]);
    const resumed = run([resumeTrajectory('2026-07-10')], LATER, registered);
    expect(vdabDeadline(resumed)).toMatchObject({ state: 'MET', metOn: '2026-07-03', dueOn: '2026-08-08' });
    expect(nextDeadlineExpiry(resumed.state)).toBeUndefined();
    expect(expireDeadlines(resumed.state, Date.parse('2026-09-01T10:00:00Z'))).toEqual([]);
  });

  it('a registration later than the moved deadline stays late: the deadline opens again and expires', () => {
    const registered = run(
      [recordVdabRegistration('2026-07-03')],
      LATER,
      suspendedAt('CONTRACT_SIGNED', LATER),
    );
    // resumed (backdated) on 2026-06-02: 1 day, due 2026-07-01, before the registration of 2026-07-03
    const resumed = run([resumeTrajectory('2026-06-02')], LATER, registered);
    expect(resumed.events.slice(-2).map((e) => e.type)).toEqual(['TrajectoryResumed', 'DeadlineMoved']);
    expect(vdabDeadline(resumed)).toMatchObject({ state: 'OPEN', dueOn: '2026-07-01' });
    expect(expireDeadlines(resumed.state, LATER).map((e) => e.type)).toEqual([
      'DeadlineMissed',
      'ViolationOpened',
    ]);
  });

  it('CorrectFact is accepted', () => {
    const { state } = suspendedAt();
    expect(
      acceptedEvents(decide(state, correctFact('INTAKE_DATE', '2026-03-17'), at())).map((e) => e.type),
    ).toEqual(['FactCorrected']);
  });

  it('TransferTrajectory is accepted; the trajectory and its deadline stay suspended', () => {
    const { state } = run([transferTrajectory('ATLAS', '2026-06-05')], NOW, suspendedAt());
    expect(state).toMatchObject({
      agency: 'ATLAS',
      status: 'SUSPENDED',
      suspension: { suspendedFrom: '2026-06-01' },
    });
    expect(state.deadlines).toEqual([expect.objectContaining({ state: 'SUSPENDED', dueOn: '2026-06-30' })]);
  });

  it('CloseTrajectory is accepted and waives the SUSPENDED deadline', () => {
    const suspended = suspendedAt();
    expect(acceptedEvents(decide(suspended.state, closeTrajectory('2026-06-05', 'DECEASED'), at()))).toEqual([
      expectedEvent('TrajectoryClosed', { reason: 'DECEASED', closedOn: '2026-06-05' }),
    ]);
    const { state } = run([closeTrajectory('2026-06-05', 'DECEASED')], NOW, suspended);
    expect(state.status).toBe('CLOSED');
    expect(state.deadlines).toEqual([expect.objectContaining({ state: 'WAIVED', dueOn: '2026-06-30' })]);
    expect(nextDeadlineExpiry(state)).toBeUndefined();
  });

  it('the suspended deadline has no expiry and does not expire', () => {
    const { state } = suspendedAt();
    expect(nextDeadlineExpiry(state)).toBeUndefined();
    expect(expireDeadlines(state, Date.parse('2026-12-31T12:00:00Z'))).toEqual([]);
  });

  it('an OPEN deadline due before the suspension keeps its expiry', () => {
    const history = run(
      [suspendTrajectory('2026-06-02')],
      NOW,
      trajectoryAt('CONTRACT_SIGNED', { signedOn: '2026-04-01' }),
    );
    expect(iso(nextDeadlineExpiry(history.state))).toBe('2026-06-01T22:00:00.000Z');
    expect(expireDeadlines(history.state, NOW).map((e) => e.type)).toEqual([
      'DeadlineMissed',
      'ViolationOpened',
    ]);
  });
});

describe('ResumeTrajectory', () => {
  it('resumes: TrajectoryResumed with the suspended days and the SUSPENDED deadline moved by them', () => {
    const suspended = suspendedAt();
    expect(acceptedEvents(decide(suspended.state, resumeTrajectory('2026-06-11'), at()))).toEqual([
      expectedEvent('TrajectoryResumed', {
        suspendedFrom: '2026-06-01',
        resumedOn: '2026-06-11',
        suspendedDays: 10,
      }),
      expectedEvent('DeadlineMoved', {
        deadlineId: VDAB_DEADLINE_ID,
        kind: 'VDAB_REGISTRATION',
        previousDueOn: '2026-06-30',
        dueOn: '2026-07-10',
        reason: 'SUSPENSION',
      }),
    ]);
    const resumed = run([resumeTrajectory('2026-06-11')], NOW, suspended);
    expect(resumed.state.status).toBe('OPEN');
    expect('suspension' in resumed.state).toBe(false);
    expect(resumed.state.deadlines).toEqual([
      expect.objectContaining({ deadlineId: VDAB_DEADLINE_ID, state: 'OPEN', dueOn: '2026-07-10' }),
    ]);
    expect(fold(resumed.events)).toEqual(resumed.state);
  });

  it.each([
    // label, signedOn (due = +2 months), suspendedFrom, resumedOn, days, moved due date, its expiry instant
    [
      'within a month',
      '2026-04-30',
      '2026-06-01',
      '2026-06-11',
      10,
      '2026-07-10',
      '2026-07-10T22:00:00.000Z',
    ],
    [
      'one day, from the due date',
      '2026-04-30',
      '2026-06-30',
      '2026-07-01',
      1,
      '2026-07-01',
      '2026-07-01T22:00:00.000Z',
    ],
    [
      'across January and February',
      '2025-12-31',
      '2026-01-30',
      '2026-03-02',
      31,
      '2026-03-31',
      '2026-03-31T22:00:00.000Z',
    ],
    [
      'across the spring DST change',
      '2026-01-28',
      '2026-03-20',
      '2026-04-05',
      16,
      '2026-04-13',
      '2026-04-13T22:00:00.000Z',
    ],
    [
      'across the autumn DST change',
      '2025-08-25',
      '2025-10-20',
      '2025-11-03',
      14,
      '2025-11-08',
      '2025-11-08T23:00:00.000Z',
    ],
    [
      'across a leap day',
      '2027-12-31',
      '2028-02-01',
      '2028-03-01',
      29,
      '2028-03-29',
      '2028-03-29T22:00:00.000Z',
    ],
    [
      'across the year end',
      '2026-11-15',
      '2026-12-20',
      '2027-01-10',
      21,
      '2027-02-05',
      '2027-02-05T23:00:00.000Z',
    ],
  ])(
    '%s: signed %s, suspended %s to %s = %i days, due %s (expires %s)',
    (_label, signedOn, suspendedFrom, resumedOn, days, movedDueOn, expiry) => {
      const now = Date.parse('2028-06-01T10:00:00Z');
      const suspended = run(
        [suspendTrajectory(suspendedFrom)],
        now,
        trajectoryAt(
          'CONTRACT_SIGNED',
          { registeredOn: '2025-08-01', intakeOn: '2025-08-04', signedOn },
          now,
        ),
      );
      const previousDueOn = vdabDeadline(suspended)?.dueOn;
      const events = acceptedEvents(decide(suspended.state, resumeTrajectory(resumedOn), at(now)));
      expect(events.map((e) => e.data)).toEqual([
        { suspendedFrom, resumedOn, suspendedDays: days },
        {
          deadlineId: VDAB_DEADLINE_ID,
          kind: 'VDAB_REGISTRATION',
          previousDueOn,
          dueOn: movedDueOn,
          reason: 'SUSPENSION',
        },
      ]);
      const resumed = run([resumeTrajectory(resumedOn)], now, suspended);
      expect(vdabDeadline(resumed)).toMatchObject({ state: 'OPEN', dueOn: movedDueOn });
      expect(iso(nextDeadlineExpiry(resumed.state))).toBe(expiry);
    },
  );

  it('resumed on the day it was suspended: 0 days, no deadline moves', () => {
    const suspended = suspendedAt();
    expect(acceptedEvents(decide(suspended.state, resumeTrajectory('2026-06-01'), at()))).toEqual([
      expectedEvent('TrajectoryResumed', {
        suspendedFrom: '2026-06-01',
        resumedOn: '2026-06-01',
        suspendedDays: 0,
      }),
    ]);
    const resumed = run([resumeTrajectory('2026-06-01')], NOW, suspended);
    expect(vdabDeadline(resumed)).toMatchObject({ state: 'OPEN', dueOn: '2026-06-30' });
  });

  it('resumed today', () => {
    const [resumedEvent] = acceptedEvents(decide(suspendedAt().state, resumeTrajectory('2026-06-15'), at()));
    expect(resumedEvent.data).toEqual({
      suspendedFrom: '2026-06-01',
      resumedOn: '2026-06-15',
      suspendedDays: 14,
    });
  });

  it.each<[string, FixturePhase | 'OPEN_BEFORE_SUSPENSION']>([
    ['no deadline (intake done)', 'INTAKE_DONE'],
    ['a MET deadline', 'VDAB_REGISTERED'],
    ['an OPEN deadline due before the suspension', 'OPEN_BEFORE_SUSPENSION'],
  ])('only TrajectoryResumed with %s', (_label, phase) => {
    const suspended =
      phase === 'OPEN_BEFORE_SUSPENSION'
        ? run(
            [suspendTrajectory('2026-06-02')],
            NOW,
            trajectoryAt('CONTRACT_SIGNED', { signedOn: '2026-04-01' }),
          )
        : suspendedAt(phase);
    const before = suspended.state.deadlines;
    const resumed = run([resumeTrajectory('2026-06-12')], NOW, suspended);
    expect(resumed.events.slice(suspended.events.length).map((e) => e.type)).toEqual(['TrajectoryResumed']);
    expect(resumed.state.deadlines).toEqual(before);
  });

  it('a second suspension moves the already moved deadline again', () => {
    const history = run(
      [
        suspendTrajectory('2026-05-01'),
        resumeTrajectory('2026-05-11'), // 10 days: 2026-06-30 -> 2026-07-10
        suspendTrajectory('2026-06-01', 'FAMILY_CIRCUMSTANCES'),
        resumeTrajectory('2026-06-06'), // 5 days: 2026-07-10 -> 2026-07-15
      ],
      NOW,
      trajectoryAt('CONTRACT_SIGNED'),
    );
    expect(
      history.events
        .filter((e): e is DeadlineMoved => e.type === 'DeadlineMoved')
        .map((e) => [e.data.previousDueOn, e.data.dueOn]),
    ).toEqual([
      ['2026-06-30', '2026-07-10'],
      ['2026-07-10', '2026-07-15'],
    ]);
    expect(vdabDeadline(history)).toMatchObject({ state: 'OPEN', dueOn: '2026-07-15' });
  });

  it('nextDeadlineExpiry ignores the SUSPENDED deadline and is back, moved, after the resumption', () => {
    const open = trajectoryAt('CONTRACT_SIGNED');
    expect(iso(nextDeadlineExpiry(open.state))).toBe('2026-06-30T22:00:00.000Z');
    const suspended = run([suspendTrajectory('2026-06-01')], NOW, open);
    expect(nextDeadlineExpiry(suspended.state)).toBeUndefined();
    const resumed = run([resumeTrajectory('2026-06-11')], NOW, suspended);
    expect(iso(nextDeadlineExpiry(resumed.state))).toBe('2026-07-10T22:00:00.000Z');
  });

  it('the moved deadline expires at its new date, not the old one', () => {
    const resumed = run([resumeTrajectory('2026-06-11')], NOW, suspendedAt());
    expect(expireDeadlines(resumed.state, Date.parse('2026-07-10T21:59:59.999Z'))).toEqual([]);
    expect(expireDeadlines(resumed.state, Date.parse('2026-07-10T22:00:00Z'))).toEqual([
      expect.objectContaining({
        type: 'DeadlineMissed',
        data: expect.objectContaining({ dueOn: '2026-07-10' }),
      }),
      expect.objectContaining({ type: 'ViolationOpened' }),
    ]);
  });

  it('rejects resuming a trajectory that is not suspended (INVALID_STATE)', () => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    expect(rejectionOf(decide(state, resumeTrajectory('2026-06-11'), at()))).toEqual({
      code: 'INVALID_STATE',
      field: undefined,
      message: 'trajectory is not suspended',
    });
  });

  it('rejects resuming twice (INVALID_STATE)', () => {
    const { state } = run([resumeTrajectory('2026-06-11')], NOW, suspendedAt());
    expect(rejectionOf(decide(state, resumeTrajectory('2026-06-12'), at())).code).toBe('INVALID_STATE');
  });

  it.each<[string, string, RejectionCode, string]>([
    [
      'before the suspension',
      '2026-05-31',
      'RULE_VIOLATION',
      'resumedOn must not be before the suspension on 2026-06-01',
    ],
    [
      'in the future',
      '2026-06-16',
      'RULE_VIOLATION',
      'resumedOn 2026-06-16 is in the future (today is 2026-06-15)',
    ],
    ['not a date', '11/06/2026', 'INVALID_INPUT', 'resumedOn must be a date (YYYY-MM-DD)'],
  ])('rejects a resumption %s', (_label, resumedOn, code, message) => {
    const { state } = suspendedAt();
    expect(rejectionOf(decide(state, resumeTrajectory(resumedOn), at()))).toEqual({
      code,
      field: 'resumedOn',
      message,
    });
  });

  it('rejects resuming a closed (suspended) trajectory', () => {
    const { state } = run([closeTrajectory('2026-06-05')], NOW, suspendedAt());
    expect(rejectionOf(decide(state, resumeTrajectory('2026-06-11'), at()))).toEqual({
      code: 'INVALID_STATE',
      field: undefined,
      message: 'trajectory is closed (MOVED_OUT_OF_FLANDERS on 2026-06-05)',
    });
  });
});
