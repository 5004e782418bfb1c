import { calendarDate, endOfDayInstant } from './calendar-date';
import { compressedDeadlineClock, dueInstant, LEGAL_DEADLINE_CLOCK } from './deadline-clock';

const START = Date.parse('2026-05-04T10:00:00Z');

describe('dueInstant', () => {
  it('on the legal clock: the end of the due date in Brussels', () => {
    expect(dueInstant(calendarDate('2026-06-30'), LEGAL_DEADLINE_CLOCK)).toBe(
      endOfDayInstant(calendarDate('2026-06-30')),
    );
    expect(new Date(dueInstant(calendarDate('2026-06-30'))).toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it.each([
    ['day zero itself', '2026-05-04', START + 2_000],
    ['three days later', '2026-05-07', START + 8_000],
    ['across the end of a month', '2026-06-03', START + 31 * 2_000],
    ['a day before day zero', '2026-05-03', START],
  ])('on a compressed clock of 2 s per day: a deadline due %s', (_label, dueOn, expected) => {
    const clock = compressedDeadlineClock(calendarDate('2026-05-04'), START, 2_000);
    expect(dueInstant(calendarDate(dueOn), clock)).toBe(expected);
  });
});

describe('compressedDeadlineClock', () => {
  it.each([0, 9, 1.5, 86_400_001, Number.NaN])('refuses a day of %p ms', (msPerDay) => {
    expect(() => compressedDeadlineClock(calendarDate('2026-05-04'), START, msPerDay)).toThrow(RangeError);
  });
});
