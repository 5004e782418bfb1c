import { Agency } from '../agency';
import { driveTrajectory, TimedCommand } from '../simulation/drive-trajectory';
import { calendarDate, endOfDayInstant } from '../time/calendar-date';
import { TrajectoryCommand } from '../trajectory/commands';
import { TrajectoryEvent } from '../trajectory/events';
import {
  enrolInMoCourse,
  enrolInNt2Course,
  logParticipationActivity,
  MUNICIPALITY_OF,
  nationalNumberFor,
  openTrajectory,
  recordContract,
  recordIntake,
  recordMoTestResult,
  recordNt2TestResult,
  recordTargetGroupFacts,
  recordVdabRegistration,
  referToNt2Course,
  thirdCountryNewcomerFacts,
} from '../trajectory/trajectory.fixtures';
import { replayUnderPolicy } from './replay-under-policy';
import { combineWhatIf, whatIf } from './what-if';

/**
 * A recorded set of five trajectories, worked out by hand. All obliged (settled in Flanders 2024-01-15), contract
 * signed 2024-03-01 under policy 2023: VDAB registration due 2024-05-01 (two months), 40 participation hours.
 * Scenario: one month (due 2024-04-01) and 60 hours. Period 2024-01-01 to 2024-06-30.
 *
 * | trajectory | facts                                   | baseline                          | scenario                                  |
 * | T1 Gent    | VDAB 2024-03-20                         | met                               | met                                       |
 * | T2 Gent    | VDAB 2024-04-15                         | met                               | missed 04-01, violation file              |
 * | T3 Gent    | no VDAB registration                    | missed 05-01, violation file      | missed 04-01, violation file              |
 * | T4 AGII    | all pillars; 20 h on 05-01, 20 h 05-15  | attest 2024-05-15                 | 40 of 60 h: no attest (delayed)           |
 * |            | (a third activity on 06-10 is refused   |                                   |                                           |
 * |            |  after the attest: not in the record)   |                                   |                                           |
 * | T5 AGII    | all pillars; 30 h on 05-01, 30 h 06-01  | attest 2024-06-01                 | attest 2024-06-01 (60 h reached the same day) |
 *
 * Per agency: IN_GENT baseline 1 missed / 1 violation, scenario 2 / 2; AGII baseline 2 attests, scenario 1, one delayed.
 */
const at = (date: string) => Date.parse(`${date}T10:00:00Z`);
const UNTIL = endOfDayInstant(calendarDate('2024-06-30'));
const OVERRIDE = { vdabRegistration: { amount: 1, unit: 'MONTHS' as const }, participationHours: 60 };
const period = (from: string, to: string) => ({ from: calendarDate(from), to: calendarDate(to) });
const PERIOD = period('2024-01-01', '2024-06-30');

function recorded(id: string, agency: Agency, sequence: string, later: [string, TrajectoryCommand][]) {
  const steps: [string, TrajectoryCommand][] = [
    [
      '2024-02-01',
      openTrajectory({
        trajectoryId: id,
        agency,
        registeredOn: '2024-02-01',
        newcomer: {
          nationalNumber: nationalNumberFor('1990-05-05', sequence),
          birthDate: '1990-05-05',
          municipality: MUNICIPALITY_OF[agency].municipality,
        },
      }),
    ],
    ['2024-02-01', recordTargetGroupFacts(thirdCountryNewcomerFacts('2024-01-15'))],
    ['2024-02-15', recordIntake('2024-02-15')],
    ['2024-03-01', recordContract('2024-03-01')],
    ...later,
  ];
  const commands: TimedCommand[] = steps.map(([date, command], index) => ({ at: at(date) + index, command }));
  return driveTrajectory(commands, UNTIL);
}

const coursesPassed: [string, TrajectoryCommand][] = [
  ['2024-03-10', recordVdabRegistration('2024-03-10')],
  ['2024-03-12', enrolInMoCourse('2024-03-12')],
  ['2024-04-10', recordMoTestResult('2024-04-10', true)],
  ['2024-03-12', referToNt2Course('2024-03-12')],
  ['2024-03-15', enrolInNt2Course('2024-03-15')],
  ['2024-04-20', recordNt2TestResult('2024-04-20', 'A2', true)],
];

const T1 = recorded('t1', 'IN_GENT', '101', [['2024-03-20', recordVdabRegistration('2024-03-20')]]);
const T2 = recorded('t2', 'IN_GENT', '103', [['2024-04-15', recordVdabRegistration('2024-04-15')]]);
const T3 = recorded('t3', 'IN_GENT', '105', []);
const T4 = recorded('t4', 'AGII', '107', [
  ...coursesPassed,
  ['2024-05-01', logParticipationActivity(20, '2024-05-01')],
  ['2024-05-15', logParticipationActivity(20, '2024-05-15')],
  ['2024-06-10', logParticipationActivity(20, '2024-06-10')],
]);
const T5 = recorded('t5', 'AGII', '109', [
  ...coursesPassed,
  ['2024-05-01', logParticipationActivity(30, '2024-05-01')],
  ['2024-06-01', logParticipationActivity(30, '2024-06-01')],
]);
const streams = [T1, T2, T3, T4, T5].map((trajectory) => trajectory.events);

const types = (events: readonly TrajectoryEvent[]) => events.map((event) => event.type);

describe('the recorded fixture', () => {
  it('is what the hand computation assumes', () => {
    expect([T1, T2, T3, T5].map((trajectory) => trajectory.rejected)).toEqual([[], [], [], []]);
    // The third activity came after the attest: the follow-up track refuses it.
    expect(T4.rejected.map((rejected) => rejected.command)).toEqual(['LogParticipationActivity']);
    expect(types(T3.events)).toEqual(expect.arrayContaining(['DeadlineMissed', 'ViolationOpened']));
    expect(T4.state?.attest?.issuedOn).toBe('2024-05-15');
    expect(T5.state?.attest?.issuedOn).toBe('2024-06-01');
  });
});

describe('replaying a recorded trajectory under a changed policy', () => {
  it('under the recorded policy reproduces the record', () => {
    for (const trajectory of [T1, T2, T3, T4, T5]) {
      const replay = replayUnderPolicy(trajectory.events, {}, UNTIL);
      expect(replay.state).toEqual(trajectory.state);
      expect(types(replay.events)).toEqual(types(trajectory.events));
    }
  });

  it('re-computes the VDAB deadline from its anchor and decides the recorded registration against it', () => {
    const replay = replayUnderPolicy(T2.events, OVERRIDE, UNTIL);
    const deadline = replay.state?.deadlines.find((candidate) => candidate.kind === 'VDAB_REGISTRATION');
    expect(deadline).toMatchObject({ dueOn: '2024-04-01', state: 'MISSED' });
    const missed = replay.events.find((event) => event.type === 'DeadlineMissed');
    expect(missed?.occurredAt).toBe(new Date(endOfDayInstant(calendarDate('2024-04-01'))).toISOString());
    expect(replay.state?.violations.map((violation) => violation.kind)).toEqual([
      'VDAB_REGISTRATION_DEADLINE_MISSED',
    ]);
    expect(replay.state?.vdabRegistration?.registeredOn).toBe('2024-04-15');
  });

  it('counts the participation hours against the scenario target', () => {
    const replay = replayUnderPolicy(T4.events, OVERRIDE, UNTIL);
    expect(replay.state?.pillars?.PARTICIPATION).toMatchObject({
      targetHours: 60,
      hours: 40,
      status: 'IN_PROGRESS',
    });
    expect(replay.state?.attest).toBeUndefined();
    expect(replay.state?.status).toBe('OPEN');
  });

  it('leaves the recorded events as they were', () => {
    const before = JSON.stringify(streams);
    whatIf(streams, OVERRIDE, PERIOD, UNTIL);
    expect(JSON.stringify(streams)).toBe(before);
  });
});

describe('what-if per agency', () => {
  it('gives the counts worked out by hand', () => {
    const result = whatIf(streams, OVERRIDE, PERIOD, Date.parse('2026-01-01T00:00:00Z'));
    expect(result.until).toBe(new Date(UNTIL).toISOString());
    expect(result.agencies).toEqual([
      {
        agency: 'AGII',
        baseline: { trajectories: 2, deadlinesMissed: 0, violations: 0, attestsIssued: 2 },
        scenario: { trajectories: 2, deadlinesMissed: 0, violations: 0, attestsIssued: 1 },
        attestsDelayed: 1,
        attestsEarlier: 0,
        baselineDiffersFromRecord: 0,
        diverged: 0,
      },
      {
        agency: 'IN_GENT',
        baseline: { trajectories: 3, deadlinesMissed: 1, violations: 1, attestsIssued: 0 },
        scenario: { trajectories: 3, deadlinesMissed: 2, violations: 2, attestsIssued: 0 },
        attestsDelayed: 0,
        attestsEarlier: 0,
        baselineDiffersFromRecord: 0,
        diverged: 0,
      },
    ]);
  });

  it('counts only what happened in the period', () => {
    // Up to 2024-04-30: the baseline's VDAB deadline (05-01) has not expired yet; the scenario's (04-01) has.
    const result = whatIf(streams, OVERRIDE, period('2024-01-01', '2024-04-30'), UNTIL);
    const gent = result.agencies.find((agency) => agency.agency === 'IN_GENT');
    expect(gent?.baseline).toMatchObject({ deadlinesMissed: 0, violations: 0 });
    expect(gent?.scenario).toMatchObject({ deadlinesMissed: 2, violations: 2 });
    // From May: the scenario's misses of April fall outside it, the baseline's T3 miss of 1 May inside.
    const may = whatIf(streams, OVERRIDE, period('2024-05-01', '2024-06-30'), UNTIL);
    const gentInMay = may.agencies.find((agency) => agency.agency === 'IN_GENT');
    expect(gentInMay?.baseline).toMatchObject({ deadlinesMissed: 1, violations: 1 });
    expect(gentInMay?.scenario).toMatchObject({ deadlinesMissed: 0, violations: 0 });
  });

  it('a two-month window and 40 hours (the recorded policy) change nothing', () => {
    const same = whatIf(
      streams,
      { vdabRegistration: { amount: 2, unit: 'MONTHS' }, participationHours: 40 },
      PERIOD,
      UNTIL,
    );
    for (const agency of same.agencies) {
      expect(agency.scenario).toEqual(agency.baseline);
      expect(agency.attestsDelayed + agency.attestsEarlier).toBe(0);
    }
  });

  it('adds up batches to the same counts as one run', () => {
    const whole = whatIf(streams, OVERRIDE, PERIOD, UNTIL);
    const batches = [streams.slice(0, 2), streams.slice(2)].map((batch) =>
      whatIf(batch, OVERRIDE, PERIOD, UNTIL),
    );
    expect(combineWhatIf(batches, PERIOD, UNTIL)).toEqual(whole);
  });
});
