import { addDays, calendarDate, CalendarDate } from '../time/calendar-date';
import {
  DeadlineBucket,
  deadlineBuckets,
  deadlineStanding,
  DUE_SOON_DAYS,
  fulfilledOn,
  isoWeekLabel,
  isoWeekStart,
  MonitoredDeadline,
  weeklyOutcome,
} from './deadline-outcome';

const d = (value: string): CalendarDate => calendarDate(value);
const AS_ON = d('2026-06-15');
const deadline = (
  state: MonitoredDeadline['state'],
  dueOn: string,
  fulfilled?: string,
): MonitoredDeadline => ({
  state,
  dueOn: d(dueOn),
  ...(fulfilled ? { fulfilledOn: d(fulfilled) } : {}),
});

describe('deadlineBuckets', () => {
  it.each<[string, MonitoredDeadline, string[]]>([
    ['open, due yesterday: overdue', deadline('OPEN', '2026-06-14'), ['overdue']],
    ['missed long ago, never fulfilled: overdue', deadline('MISSED', '2026-01-01'), ['overdue']],
    [
      'open, due today: not overdue yet, due within 7',
      deadline('OPEN', '2026-06-15'),
      ['dueWithin7', 'dueWithin30'],
    ],
    ['open, due in 7 days: within 7 and 30', deadline('OPEN', '2026-06-22'), ['dueWithin7', 'dueWithin30']],
    ['open, due in 8 days: within 30 only', deadline('OPEN', '2026-06-23'), ['dueWithin30']],
    ['open, due in 30 days: within 30', deadline('OPEN', '2026-07-15'), ['dueWithin30']],
    ['open, due in 31 days: none', deadline('OPEN', '2026-07-16'), []],
    ['met on its due date: on time', deadline('MET', '2026-06-01', '2026-06-01'), ['metOnTime']],
    [
      'met before its due date, due later: on time',
      deadline('MET', '2026-08-01', '2026-06-10'),
      ['metOnTime'],
    ],
    [
      'missed, fulfilled the day after: met late',
      deadline('MISSED', '2026-06-01', '2026-06-02'),
      ['metLate'],
    ],
    ['suspended, due date passed: nothing', deadline('SUSPENDED', '2026-06-01'), []],
    ['waived, due date passed: nothing', deadline('WAIVED', '2026-06-01'), []],
    ['waived, due soon: nothing', deadline('WAIVED', '2026-06-20'), []],
  ])('%s', (_case, monitored, buckets) => {
    expect(deadlineBuckets(monitored, AS_ON)).toEqual(buckets);
  });

  it('counts a fulfilment after asOn as not fulfilled yet on asOn', () => {
    expect(deadlineBuckets(deadline('MISSED', '2026-06-01', '2026-06-20'), AS_ON)).toEqual(['overdue']);
    expect(deadlineBuckets(deadline('MET', '2026-06-18', '2026-06-16'), AS_ON)).toEqual([
      'dueWithin7',
      'dueWithin30',
    ]);
  });
});

describe('weeklyOutcome', () => {
  it('sorts each running deadline of a week into exactly one outcome', () => {
    expect(weeklyOutcome(deadline('MET', '2026-06-01', '2026-05-30'), AS_ON)).toBe('metOnTime');
    expect(weeklyOutcome(deadline('MISSED', '2026-06-01', '2026-06-05'), AS_ON)).toBe('metLate');
    expect(weeklyOutcome(deadline('MISSED', '2026-06-01'), AS_ON)).toBe('missed');
    expect(weeklyOutcome(deadline('OPEN', '2026-06-14'), AS_ON)).toBe('missed');
    expect(weeklyOutcome(deadline('OPEN', '2026-06-15'), AS_ON)).toBe('pending');
    expect(weeklyOutcome(deadline('SUSPENDED', '2026-06-01'), AS_ON)).toBeUndefined();
    expect(weeklyOutcome(deadline('WAIVED', '2026-06-01'), AS_ON)).toBeUndefined();
  });
});

describe('fulfilledOn', () => {
  const state = {
    registeredOn: d('2026-03-02'),
    vdabRegistration: { registeredOn: d('2026-05-10'), vdabClientReference: 'V-1' },
  };

  it('is the day a met deadline was met', () => {
    expect(
      fulfilledOn(state, {
        kind: 'VDAB_REGISTRATION',
        state: 'MET',
        dueOn: d('2026-05-20'),
        metOn: d('2026-05-10'),
      }),
    ).toBe('2026-05-10');
  });

  it('is the late registration of a missed VDAB deadline, and nothing while none is recorded', () => {
    const missed = { kind: 'VDAB_REGISTRATION' as const, state: 'MISSED' as const, dueOn: d('2026-05-01') };
    expect(fulfilledOn(state, missed)).toBe('2026-05-10');
    expect(fulfilledOn({ registeredOn: d('2026-03-02') }, missed)).toBeUndefined();
  });

  it('is the registration date for a missed agency-registration deadline (the newcomer registered late)', () => {
    expect(fulfilledOn(state, { kind: 'AGENCY_REGISTRATION', state: 'MISSED', dueOn: d('2026-02-01') })).toBe(
      '2026-03-02',
    );
  });

  it('is the completion of the follow-up track for a missed B1 oral deadline', () => {
    const followUp = { followUp: { completedOn: d('2027-01-10') } } as unknown as Parameters<
      typeof fulfilledOn
    >[0];
    expect(
      fulfilledOn(
        { ...followUp, registeredOn: d('2025-01-01') },
        { kind: 'FOLLOW_UP_B1_ORAL', state: 'MISSED', dueOn: d('2026-12-31') },
      ),
    ).toBe('2027-01-10');
  });

  it('is nothing for an open, suspended or waived deadline', () => {
    for (const open of ['OPEN', 'SUSPENDED', 'WAIVED'] as const) {
      expect(
        fulfilledOn(state, { kind: 'VDAB_REGISTRATION', state: open, dueOn: d('2026-05-01') }),
      ).toBeUndefined();
    }
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-06-15', '2026-06-15', '2026-W25'], // a Monday
    ['2026-06-21', '2026-06-15', '2026-W25'], // its Sunday
    ['2027-01-01', '2026-12-28', '2026-W53'], // a Friday in the last week of 2026
    ['2026-01-01', '2025-12-29', '2026-W01'], // a Thursday: week 1 of 2026
    ['2024-12-30', '2024-12-30', '2025-W01'],
  ])('%s lies in the week of %s, %s', (date, monday, label) => {
    expect(isoWeekStart(d(date))).toBe(monday);
    expect(isoWeekLabel(d(date))).toBe(label);
  });
});

describe('deadlineStanding', () => {
  it('is where a deadline stands whatever the day: fulfilled on time or late, missed, or running', () => {
    expect(deadlineStanding(deadline('MET', '2026-06-01', '2026-05-20'))).toBe('FULFILLED_ON_TIME');
    expect(deadlineStanding(deadline('MISSED', '2026-06-01', '2026-06-02'))).toBe('FULFILLED_LATE');
    expect(deadlineStanding(deadline('MISSED', '2026-06-01'))).toBe('MISSED_UNFULFILLED');
    expect(deadlineStanding(deadline('OPEN', '2026-09-01'))).toBe('RUNNING_UNFULFILLED');
    expect(deadlineStanding(deadline('SUSPENDED', '2026-06-01'))).toBeUndefined();
    expect(deadlineStanding(deadline('WAIVED', '2026-06-01'))).toBeUndefined();
  });

  it('gives the buckets on any day, but for the deadlines fulfilled after it or due near or after it', () => {
    // What the monitoring's sums count for a standing (libs/store deadline-counts.ts); the other deadlines are
    // read one by one. Every state, due date and fulfilment around a reference day, on days across two months.
    const counted = (candidate: MonitoredDeadline, asOn: CalendarDate): DeadlineBucket[] => {
      const standing = deadlineStanding(candidate);
      if (standing === 'FULFILLED_ON_TIME') return ['metOnTime'];
      if (standing === 'FULFILLED_LATE') return ['metLate'];
      if (standing === 'MISSED_UNFULFILLED') return ['overdue'];
      return standing === 'RUNNING_UNFULFILLED' && candidate.dueOn < `${asOn.slice(0, 7)}-01`
        ? ['overdue']
        : [];
    };
    let checked = 0;
    const differing: unknown[] = [];
    const range = (from: number, to: number, step: number) =>
      Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, index) => from + index * step);
    const dates = range(-70, 70, 7).map((due) => {
      const dueOn = addDays(AS_ON, due);
      return { dueOn, fulfilments: [-80, -35, -3, 0, 2, 10, 45].map((days) => addDays(dueOn, days)) };
    });
    for (const asOn of range(-40, 40, 3).map((day) => addDays(AS_ON, day))) {
      const monthStart = `${asOn.slice(0, 7)}-01`;
      const windowEnd = addDays(asOn, DUE_SOON_DAYS.dueWithin30);
      for (const state of ['OPEN', 'MET', 'MISSED', 'SUSPENDED', 'WAIVED'] as const) {
        for (const { dueOn, fulfilments } of dates) {
          for (const fulfilled of [undefined, ...fulfilments]) {
            const readOneByOne =
              (fulfilled !== undefined && fulfilled > asOn) ||
              (fulfilled === undefined && state !== 'MISSED' && dueOn >= monthStart && dueOn <= windowEnd) ||
              (fulfilled === undefined && state === 'MISSED' && dueOn >= asOn);
            if (readOneByOne) continue;
            const candidate = deadline(state, dueOn, fulfilled);
            const expected = deadlineBuckets(candidate, asOn);
            if (counted(candidate, asOn).join() !== expected.join())
              differing.push({ candidate, asOn, expected });
            checked += 1;
          }
        }
      }
    }
    expect(differing).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });
});
