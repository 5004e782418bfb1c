import { withReasonsInEnglish } from '../pillars/reason-keys.fixtures';
import { policyVersionById } from '../policy/policy-versions';
import { calendarDate } from '../time/calendar-date';
import { expireDeadlines } from './deadline-expiry';
import { DeadlineSet, IntakeRecorded, TrajectoryClosed, TrajectoryEvent, trajectoryEvent } from './events';
import { evolve, fold, MaybeTrajectoryState, TrajectoryState } from './state';
import {
  closeTrajectory,
  FixturePhase,
  History,
  NATIONAL_NUMBER,
  NOW,
  NOW_ISO,
  openTrajectory,
  recordContract,
  recordIntake,
  recordVdabRegistration,
  run,
  trajectoryAt,
  VDAB_DEADLINE_ID,
  VDAB_SOURCE,
} from './trajectory.fixtures';

const POLICY_2023 = policyVersionById('2023').parameters;

const NEWCOMER = {
  nationalNumber: NATIONAL_NUMBER,
  givenName: 'Amina',
  familyName: 'El Idrissi',
  birthDate: '1985-07-30',
  municipality: 'Gent',
};

/** The fixture newcomer's pillars when the contract is signed on 2026-04-30 (policy 2023, working age, no profile). */
const PILLARS_AT_SIGNING = {
  MO: {
    applicability: 'REQUIRED',
    applicabilityReason: `PASS_STANDARDISED_MO_TEST (${POLICY_2023.mo.source})`,
    status: 'NOT_STARTED',
    enrolments: [],
    testAttempts: [],
    attendance: [],
  },
  NT2: {
    applicability: 'REQUIRED',
    applicabilityReason: `target A2 (${POLICY_2023.nt2.targetLevelSource})`,
    status: 'NOT_STARTED',
    targetLevel: 'A2',
    referrals: [],
    enrolments: [],
    testResults: [],
    attendance: [],
  },
  WORK: {
    applicability: 'REQUIRED',
    applicabilityReason: `VDAB registration within 2 months (${VDAB_SOURCE})`,
    status: 'NOT_STARTED',
  },
  PARTICIPATION: {
    applicability: 'REQUIRED',
    applicabilityReason:
      'not voluntary, not working or studying: the 40-hour trajectory applies (Beleidsplan 2020-2024 l.203-222)',
    status: 'NOT_STARTED',
    targetHours: 40,
    hours: 0,
    activities: [],
  },
};

const OPEN_VDAB_DEADLINE = {
  deadlineId: VDAB_DEADLINE_ID,
  kind: 'VDAB_REGISTRATION',
  dueOn: '2026-06-30',
  state: 'OPEN',
  policyVersion: '2023',
  source: VDAB_SOURCE,
  anchor: 'CONTRACT_SIGNED',
  anchorOn: '2026-04-30',
};

/** Applies the events one at a time, keeping every intermediate state. */
function stepByStep(events: readonly TrajectoryEvent[]): TrajectoryState[] {
  const states: TrajectoryState[] = [];
  let state: MaybeTrajectoryState;
  for (const event of events) {
    state = evolve(state, event);
    states.push(state);
  }
  return states;
}

describe('evolve', () => {
  it('TrajectoryOpened creates the state at phase REGISTERED, version 1', () => {
    const { events } = trajectoryAt('REGISTERED');
    expect(evolve(undefined, events[0])).toEqual({
      trajectoryId: 'trj-0001',
      version: 1,
      status: 'OPEN',
      phase: 'REGISTERED',
      newcomer: NEWCOMER,
      agency: 'IN_GENT',
      counsellorId: 'counsellor-7',
      registeredOn: '2026-03-02',
      deadlines: [],
      violations: [],
    });
  });

  it('throws for any other event before TrajectoryOpened', () => {
    const intake = trajectoryEvent<IntakeRecorded>(
      'IntakeRecorded',
      { intakeOn: calendarDate('2026-03-16') },
      NOW,
    );
    expect(() => evolve(undefined, intake)).toThrow('cannot apply IntakeRecorded before TrajectoryOpened');
  });

  it('follows the main line: phase, version, dates, contract, pillars, VDAB registration and deadline', () => {
    const { events } = trajectoryAt('VDAB_REGISTERED');
    expect(events.map((event) => event.type)).toEqual([
      'TrajectoryOpened',
      'IntakeRecorded',
      'ContractSigned',
      'PillarsDetermined',
      'DeadlineSet',
      'VdabRegistrationRecorded',
      'DeadlineMet',
      'PillarCompleted',
    ]);
    const states = stepByStep(events);
    expect(states.map((state) => [state.version, state.phase, state.status])).toEqual([
      [1, 'REGISTERED', 'OPEN'],
      [2, 'INTAKE_DONE', 'OPEN'],
      [3, 'CONTRACT_SIGNED', 'OPEN'],
      [4, 'CONTRACT_SIGNED', 'OPEN'],
      [5, 'CONTRACT_SIGNED', 'OPEN'],
      [6, 'CONTRACT_SIGNED', 'OPEN'],
      [7, 'CONTRACT_SIGNED', 'OPEN'],
      [8, 'CONTRACT_SIGNED', 'OPEN'],
    ]);
    expect(states[3].deadlines).toEqual([]);
    expect(withReasonsInEnglish(states[3].pillars)).toEqual(PILLARS_AT_SIGNING);
    expect(states[4].deadlines).toEqual([OPEN_VDAB_DEADLINE]);
    expect(withReasonsInEnglish(states[7])).toEqual({
      trajectoryId: 'trj-0001',
      version: 8,
      status: 'OPEN',
      phase: 'CONTRACT_SIGNED',
      newcomer: NEWCOMER,
      agency: 'IN_GENT',
      counsellorId: 'counsellor-7',
      registeredOn: '2026-03-02',
      intakeOn: '2026-03-16',
      contract: { signedOn: '2026-04-30', policyVersion: '2023' },
      pillars: {
        ...PILLARS_AT_SIGNING,
        WORK: {
          ...PILLARS_AT_SIGNING.WORK,
          status: 'COMPLETED',
          completion: { on: '2026-05-20', condition: 'registered with VDAB on 2026-05-20 (VDAB-123456)' },
        },
      },
      vdabRegistration: { registeredOn: '2026-05-20', vdabClientReference: 'VDAB-123456' },
      deadlines: [{ ...OPEN_VDAB_DEADLINE, state: 'MET', metOn: '2026-05-20' }],
      violations: [],
    });
  });

  it('DeadlineMissed marks the deadline missed and ViolationOpened adds an open violation stamped with occurredAt', () => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    const expiredAt = Date.parse('2026-06-30T22:00:00Z');
    const after = fold(expireDeadlines(state, expiredAt), state);
    expect(after?.version).toBe(state.version + 2);
    expect(after?.deadlines).toEqual([{ ...OPEN_VDAB_DEADLINE, state: 'MISSED' }]);
    expect(after?.violations).toEqual([
      {
        violationId: 'trj-0001:violation:1',
        kind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
        deadlineId: VDAB_DEADLINE_ID,
        facts: `No VDAB registration recorded by 2026-06-30, the deadline set under policy 2023 (${VDAB_SOURCE}).`,
        openedAt: '2026-06-30T22:00:00.000Z',
        state: 'OPEN',
      },
    ]);
  });

  it('a DeadlineSet with the same id replaces the deadline instead of adding one', () => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    const reset = trajectoryEvent<DeadlineSet>(
      'DeadlineSet',
      {
        deadlineId: VDAB_DEADLINE_ID,
        kind: 'VDAB_REGISTRATION',
        dueOn: calendarDate('2026-07-31'),
        anchor: 'CONTRACT_SIGNED',
        anchorOn: calendarDate('2026-05-31'),
        policyVersion: '2023',
        source: VDAB_SOURCE,
      },
      NOW,
    );
    expect(evolve(state, reset).deadlines).toEqual([
      { ...OPEN_VDAB_DEADLINE, dueOn: '2026-07-31', anchorOn: '2026-05-31' },
    ]);
  });

  it('a DeadlineSet with another id adds a deadline', () => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    const other = trajectoryEvent<DeadlineSet>(
      'DeadlineSet',
      {
        deadlineId: 'trj-0001:OTHER',
        kind: 'VDAB_REGISTRATION',
        dueOn: calendarDate('2026-07-31'),
        anchor: 'INTAKE',
        anchorOn: calendarDate('2026-03-16'),
        policyVersion: '2023',
        source: 'test',
      },
      NOW,
    );
    expect(evolve(state, other).deadlines.map((deadline) => [deadline.deadlineId, deadline.dueOn])).toEqual([
      [VDAB_DEADLINE_ID, '2026-06-30'],
      ['trj-0001:OTHER', '2026-07-31'],
    ]);
  });

  describe('TrajectoryClosed', () => {
    it('closes the trajectory and waives its open deadline', () => {
      const { state } = trajectoryAt('CLOSED');
      expect(state.status).toBe('CLOSED');
      expect(state.phase).toBe('CONTRACT_SIGNED');
      expect(state.closure).toEqual({ reason: 'MOVED_OUT_OF_FLANDERS', closedOn: '2026-06-01' });
      expect(state.deadlines).toEqual([{ ...OPEN_VDAB_DEADLINE, state: 'WAIVED' }]);
    });

    it('leaves a met deadline met', () => {
      const { state } = run([closeTrajectory('2026-06-01')], NOW, trajectoryAt('VDAB_REGISTERED'));
      expect(state.deadlines).toEqual([{ ...OPEN_VDAB_DEADLINE, state: 'MET', metOn: '2026-05-20' }]);
    });

    it('leaves a missed deadline missed', () => {
      const signed = trajectoryAt('CONTRACT_SIGNED');
      const missed = fold(
        expireDeadlines(signed.state, Date.parse('2026-07-01T00:00:00Z')),
        signed.state,
      ) as TrajectoryState;
      const closed = run([closeTrajectory('2026-07-01')], Date.parse('2026-07-01T10:00:00Z'), {
        state: missed,
        events: [],
      });
      expect(closed.state.deadlines.map((deadline) => deadline.state)).toEqual(['MISSED']);
      expect(closed.state.violations).toHaveLength(1);
    });
  });

  it('is pure: the previous state is not modified', () => {
    const { state, events } = trajectoryAt('VDAB_REGISTERED');
    // up to the DeadlineSet; then VdabRegistrationRecorded, DeadlineMet and PillarCompleted (WORK)
    const before = fold(events.slice(0, 5)) as TrajectoryState;
    const snapshot = JSON.parse(JSON.stringify(before));
    evolve(before, events[5]);
    evolve(evolve(evolve(before, events[5]), events[6]), events[7]);
    evolve(before, events[7]);
    evolve(
      before,
      trajectoryEvent<TrajectoryClosed>(
        'TrajectoryClosed',
        { reason: 'DECEASED', closedOn: calendarDate('2026-06-01') },
        NOW,
      ),
    );
    expect(JSON.parse(JSON.stringify(before))).toEqual(snapshot);
    expect(state.deadlines[0].state).toBe('MET');
    expect(state.pillars?.WORK.status).toBe('COMPLETED');
    expect(before.deadlines[0].state).toBe('OPEN');
    expect(before.pillars?.WORK.status).toBe('NOT_STARTED');
  });
});

describe('fold', () => {
  it('of no events is no trajectory', () => {
    expect(fold([])).toBeUndefined();
  });

  it.each<FixturePhase>(['REGISTERED', 'INTAKE_DONE', 'CONTRACT_SIGNED', 'VDAB_REGISTERED', 'CLOSED'])(
    'of the events of a trajectory at %s equals the state built step by step',
    (phase) => {
      const { state, events } = trajectoryAt(phase);
      expect(fold(events)).toStrictEqual(state);
      expect(fold(events)).toStrictEqual(stepByStep(events).at(-1));
    },
  );

  it('of a history with a VDAB registration before the contract, a missed deadline and a closure', () => {
    const contract: History = run([
      openTrajectory({ registeredOn: '2025-12-01' }),
      recordIntake('2025-12-15'),
      recordVdabRegistration('2026-04-01'),
      recordContract('2026-01-10'), // due 2026-03-10: the registration of 2026-04-01 is too late
    ]);
    const expiry = expireDeadlines(contract.state, NOW);
    const expired = {
      state: fold(expiry, contract.state) as TrajectoryState,
      events: [...contract.events, ...expiry],
    };
    const closed = run([closeTrajectory('2026-06-15', 'CONTRACT_TERMINATED')], NOW, expired);

    expect(closed.events.map((event) => event.type)).toEqual([
      'TrajectoryOpened',
      'IntakeRecorded',
      'VdabRegistrationRecorded',
      'ContractSigned',
      'PillarsDetermined',
      'DeadlineSet',
      'PillarCompleted',
      'DeadlineMissed',
      'ViolationOpened',
      'TrajectoryClosed',
    ]);
    expect(fold(closed.events)).toStrictEqual(closed.state);
    expect(closed.state).toMatchObject({
      version: 10,
      status: 'CLOSED',
      closure: { reason: 'CONTRACT_TERMINATED', closedOn: '2026-06-15' },
      deadlines: [{ deadlineId: VDAB_DEADLINE_ID, dueOn: '2026-03-10', state: 'MISSED' }],
      violations: [{ violationId: 'trj-0001:violation:1', openedAt: NOW_ISO }],
    });
  });

  it('continues from an initial state: folding a prefix then the rest equals folding all', () => {
    const { events } = trajectoryAt('CLOSED');
    for (let split = 1; split < events.length; split += 1) {
      expect(fold(events.slice(split), fold(events.slice(0, split)))).toStrictEqual(fold(events));
    }
  });
});
