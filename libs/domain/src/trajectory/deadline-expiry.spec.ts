import { calendarDate } from '../time/calendar-date';
import { compressedDeadlineClock } from '../time/deadline-clock';
import { expireDeadlines, nextDeadlineExpiry } from './deadline-expiry';
import { decide } from './decide';
import { DeadlineSet, trajectoryEvent } from './events';
import { evolve, fold, TrajectoryState } from './state';
import {
  closeTrajectory,
  FixturePhase,
  NOW,
  openTrajectory,
  recordContract,
  recordIntake,
  recordVdabRegistration,
  run,
  trajectoryAt,
  VDAB_DEADLINE_ID,
  VDAB_SOURCE,
} from './trajectory.fixtures';

const iso = (epochMillis: number | undefined) =>
  epochMillis === undefined ? undefined : new Date(epochMillis).toISOString();

/** Default fixture: contract signed 2026-04-30, VDAB registration due 2026-06-30, expiring at midnight CEST. */
const EXPIRY = Date.parse('2026-06-30T22:00:00Z');

describe('nextDeadlineExpiry', () => {
  it.each<[FixturePhase, string | undefined]>([
    ['REGISTERED', undefined],
    ['INTAKE_DONE', undefined],
    ['CONTRACT_SIGNED', '2026-06-30T22:00:00.000Z'],
    ['VDAB_REGISTERED', undefined], // met
    ['CLOSED', undefined], // waived
  ])('trajectory at %s: %p', (phase, expected) => {
    expect(iso(nextDeadlineExpiry(trajectoryAt(phase).state))).toBe(expected);
  });

  it.each([
    ['winter due date', '2025-12-31', '2026-02-28T23:00:00.000Z'],
    ['due on the day of the spring change', '2026-01-29', '2026-03-29T22:00:00.000Z'],
    ['due the day before the spring change', '2026-01-28', '2026-03-28T23:00:00.000Z'],
    ['due the day before the autumn change', '2026-08-24', '2026-10-24T22:00:00.000Z'],
    ['due on the day of the autumn change', '2026-08-25', '2026-10-25T23:00:00.000Z'],
  ])('%s: signed %s, expires at %s', (_label, signedOn, expected) => {
    const { state } = run(
      [openTrajectory({ registeredOn: '2025-12-01' }), recordIntake('2025-12-15'), recordContract(signedOn)],
      Date.parse('2026-09-01T10:00:00Z'),
    );
    expect(iso(nextDeadlineExpiry(state))).toBe(expected);
  });

  it('no deadline under the 2016 version', () => {
    const { state } = trajectoryAt('CONTRACT_SIGNED', {
      registeredOn: '2019-01-07',
      intakeOn: '2019-01-21',
      signedOn: '2019-02-04',
    });
    expect(state.deadlines).toEqual([]);
    expect(nextDeadlineExpiry(state)).toBeUndefined();
  });

  it('the earliest of several open deadlines', () => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    const earlier = trajectoryEvent<DeadlineSet>(
      'DeadlineSet',
      {
        deadlineId: 'trj-0001:EARLIER',
        kind: 'VDAB_REGISTRATION',
        dueOn: calendarDate('2026-06-20'),
        anchor: 'INTAKE',
        anchorOn: calendarDate('2026-03-20'),
        policyVersion: '2023',
        source: 'test',
      },
      NOW,
    );
    expect(iso(nextDeadlineExpiry(evolve(state, earlier)))).toBe('2026-06-20T22:00:00.000Z');
  });
});

describe('expireDeadlines', () => {
  const signed = () => trajectoryAt('CONTRACT_SIGNED').state;

  it('on a compressed (test) clock the due date falls due after its compressed days, not at midnight', () => {
    // Due 2026-06-30; day zero 2026-06-27 starts at NOW and lasts 1 s: due at NOW + 4 s.
    const clock = compressedDeadlineClock(calendarDate('2026-06-27'), NOW, 1_000);
    expect(iso(nextDeadlineExpiry(signed(), clock))).toBe(iso(NOW + 4_000));
    expect(expireDeadlines(signed(), NOW + 3_999, clock)).toEqual([]);
    expect(expireDeadlines(signed(), NOW + 4_000, clock).map((event) => event.type)).toEqual([
      'DeadlineMissed',
      'ViolationOpened',
    ]);
  });

  it.each([
    ['well before', Date.parse('2026-06-15T10:00:00Z')],
    ['on the due date at noon', Date.parse('2026-06-30T10:00:00Z')],
    ['one millisecond before expiry (23:59:59.999 Brussels)', EXPIRY - 1],
  ])('does nothing %s', (_label, now) => {
    expect(expireDeadlines(signed(), now)).toEqual([]);
  });

  it.each([
    ['at expiry (midnight Brussels)', EXPIRY],
    ['a month later', Date.parse('2026-07-31T08:00:00Z')],
  ])('%s: the deadline is missed and a violation opened', (_label, now) => {
    const occurredAt = new Date(now).toISOString();
    expect(expireDeadlines(signed(), now)).toEqual([
      {
        type: 'DeadlineMissed',
        schemaVersion: 1,
        occurredAt,
        data: { deadlineId: VDAB_DEADLINE_ID, kind: 'VDAB_REGISTRATION', dueOn: '2026-06-30' },
      },
      {
        type: 'ViolationOpened',
        schemaVersion: 1,
        occurredAt,
        data: {
          violationId: 'trj-0001:violation:1',
          kind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
          deadlineId: VDAB_DEADLINE_ID,
          facts: `No VDAB registration recorded by 2026-06-30, the deadline set under policy 2023 (${VDAB_SOURCE}).`,
        },
      },
    ]);
  });

  it('expiry follows the Brussels offset: a deadline due in winter expires at 23:00 UTC', () => {
    const { state } = run(
      [
        openTrajectory({ registeredOn: '2025-12-01' }),
        recordIntake('2025-12-15'),
        recordContract('2025-12-31'),
      ],
      NOW,
    );
    const winterExpiry = Date.parse('2026-02-28T23:00:00Z');
    expect(expireDeadlines(state, winterExpiry - 1)).toEqual([]);
    expect(expireDeadlines(state, winterExpiry).map((event) => event.type)).toEqual([
      'DeadlineMissed',
      'ViolationOpened',
    ]);
  });

  it('is idempotent once applied: a missed deadline does not expire again', () => {
    const state = fold(expireDeadlines(signed(), EXPIRY), signed()) as TrajectoryState;
    expect(state.deadlines[0].state).toBe('MISSED');
    expect(nextDeadlineExpiry(state)).toBeUndefined();
    expect(expireDeadlines(state, EXPIRY + 86_400_000)).toEqual([]);
  });

  it('does nothing for a met deadline, long after the due date', () => {
    expect(
      expireDeadlines(trajectoryAt('VDAB_REGISTERED').state, Date.parse('2027-01-01T00:00:00Z')),
    ).toEqual([]);
  });

  it('does nothing after closing: the open deadline was waived', () => {
    const { state } = trajectoryAt('CLOSED');
    expect(state.deadlines.map((deadline) => deadline.state)).toEqual(['WAIVED']);
    expect(expireDeadlines(state, Date.parse('2027-01-01T00:00:00Z'))).toEqual([]);
  });

  it('a VDAB registration after the due date but before expiry ran: the deadline stays open and then is missed', () => {
    // signed 2026-03-31, due 2026-05-31; registered 2026-06-01 (recorded on NOW, before any expiry run)
    const { state } = run(
      [recordVdabRegistration('2026-06-01')],
      NOW,
      trajectoryAt('CONTRACT_SIGNED', { signedOn: '2026-03-31' }),
    );
    expect(state.vdabRegistration).toEqual({
      registeredOn: '2026-06-01',
      vdabClientReference: 'VDAB-123456',
    });
    expect(state.deadlines.map((deadline) => [deadline.dueOn, deadline.state])).toEqual([
      ['2026-05-31', 'OPEN'],
    ]);
    expect(iso(nextDeadlineExpiry(state))).toBe('2026-05-31T22:00:00.000Z');
    const missed = fold(expireDeadlines(state, NOW), state) as TrajectoryState;
    expect(missed.deadlines.map((deadline) => deadline.state)).toEqual(['MISSED']);
    expect(missed.violations.map((violation) => violation.violationId)).toEqual(['trj-0001:violation:1']);
  });

  it('a VDAB registration after the deadline was missed leaves it missed', () => {
    const missed = fold(expireDeadlines(signed(), EXPIRY), signed()) as TrajectoryState;
    const late = run([recordVdabRegistration('2026-07-02')], Date.parse('2026-07-02T10:00:00Z'), {
      state: missed,
      events: [],
    });
    // the registration completes the WORK pillar, late or not; the missed deadline and its violation stay
    expect(late.events.map((event) => event.type)).toEqual(['VdabRegistrationRecorded', 'PillarCompleted']);
    expect(late.state.deadlines.map((deadline) => deadline.state)).toEqual(['MISSED']);
    expect(late.state.violations.map((violation) => violation.state)).toEqual(['OPEN']);
  });

  it('a registration dated within the deadline but recorded after it was missed meets it and withdraws the open violation', () => {
    const missed = fold(expireDeadlines(signed(), EXPIRY), signed()) as TrajectoryState;
    const dueOn = missed.deadlines[0].dueOn;
    const proof = run([recordVdabRegistration(dueOn)], Date.parse('2026-07-02T10:00:00Z'), {
      state: missed,
      events: [],
    });
    expect(proof.events.map((event) => event.type)).toEqual([
      'VdabRegistrationRecorded',
      'DeadlineMet',
      'ViolationWithdrawn',
      'PillarCompleted',
    ]);
    expect(proof.events[2].data).toEqual({
      violationId: 'trj-0001:violation:1',
      reason: `VDAB registration on ${dueOn}, within the deadline of ${dueOn}, was recorded after the deadline was marked missed`,
    });
    expect(proof.state.deadlines.map((deadline) => [deadline.state, deadline.metOn])).toEqual([
      ['MET', dueOn],
    ]);
    expect(proof.state.violations.map((violation) => violation.state)).toEqual(['WITHDRAWN']);

    const fine = decide(
      proof.state,
      {
        type: 'RecordFineDecision',
        violationId: 'trj-0001:violation:1',
        decision: 'FINE',
        amountEuro: 100,
        decidedOn: '2026-07-02',
      },
      { now: Date.parse('2026-07-02T10:00:00Z') },
    );
    expect(fine).toMatchObject({ accepted: false, rejection: { code: 'INVALID_STATE' } });
  });

  it('a decided violation stays decided when the proof of a registration in time arrives', () => {
    const missed = fold(expireDeadlines(signed(), EXPIRY), signed()) as TrajectoryState;
    const decided = run(
      [
        {
          type: 'RecordFineDecision',
          violationId: 'trj-0001:violation:1',
          decision: 'FINE',
          amountEuro: 100,
          decidedOn: '2026-07-01',
        },
      ],
      Date.parse('2026-07-01T10:00:00Z'),
      { state: missed, events: [] },
    );
    const proof = run(
      [recordVdabRegistration(missed.deadlines[0].dueOn)],
      Date.parse('2026-07-02T10:00:00Z'),
      decided,
    );
    expect(proof.events.slice(decided.events.length).map((event) => event.type)).toEqual([
      'VdabRegistrationRecorded',
      'DeadlineMet',
      'PillarCompleted',
    ]);
    expect(proof.state.violations.map((violation) => violation.state)).toEqual(['DECIDED']);
  });

  it('numbers a new violation after the ones already open', () => {
    const missed = fold(expireDeadlines(signed(), EXPIRY), signed()) as TrajectoryState;
    const second = evolve(
      missed,
      trajectoryEvent<DeadlineSet>(
        'DeadlineSet',
        {
          deadlineId: 'trj-0001:OTHER',
          kind: 'VDAB_REGISTRATION',
          dueOn: calendarDate('2026-07-15'),
          anchor: 'INTAKE',
          anchorOn: calendarDate('2026-04-15'),
          policyVersion: '2023',
          source: 'test',
        },
        EXPIRY,
      ),
    );
    const events = expireDeadlines(second, Date.parse('2026-07-15T22:00:00Z'));
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['DeadlineMissed', { deadlineId: 'trj-0001:OTHER', kind: 'VDAB_REGISTRATION', dueOn: '2026-07-15' }],
      [
        'ViolationOpened',
        expect.objectContaining({ violationId: 'trj-0001:violation:2', deadlineId: 'trj-0001:OTHER' }),
      ],
    ]);
  });

  it('a closed trajectory keeps its missed deadline and violation after closing', () => {
    const missed = fold(expireDeadlines(signed(), EXPIRY), signed()) as TrajectoryState;
    const closed = run([closeTrajectory('2026-07-01')], Date.parse('2026-07-01T10:00:00Z'), {
      state: missed,
      events: [],
    });
    expect(closed.state.deadlines.map((deadline) => deadline.state)).toEqual(['MISSED']);
    expect(expireDeadlines(closed.state, Date.parse('2027-01-01T00:00:00Z'))).toEqual([]);
  });
});
