import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  addDays,
  addMonths,
  calendarDate,
  calendarDateAt,
  daysBetween,
  endOfDayInstant,
  isAfter,
  isBefore,
  isCalendarDate,
  LEGAL_TIME_ZONE,
} from './calendar-date';

const d = calendarDate;
const iso = (epochMillis: number) => new Date(epochMillis).toISOString();

describe('calendar dates in Europe/Brussels', () => {
  it('uses the Brussels time zone', () => {
    expect(LEGAL_TIME_ZONE).toBe('Europe/Brussels');
  });

  describe('addMonths', () => {
    it.each([
      // end of month: a day that does not exist in the target month becomes its last day
      ['2026-12-31', 2, '2027-02-28'],
      ['2025-12-31', 2, '2026-02-28'],
      ['2027-12-31', 2, '2028-02-29'],
      ['2026-12-30', 2, '2027-02-28'],
      ['2027-12-30', 2, '2028-02-29'],
      ['2027-12-29', 2, '2028-02-29'],
      ['2026-08-31', 2, '2026-10-31'],
      ['2026-07-31', 2, '2026-09-30'],
      ['2026-01-31', 1, '2026-02-28'],
      ['2028-01-31', 1, '2028-02-29'],
      ['2024-02-29', 12, '2025-02-28'],
      ['2024-02-29', 48, '2028-02-29'],
      // ordinary days, across the DST changes and the year end
      ['2026-01-15', 2, '2026-03-15'],
      ['2026-03-29', 2, '2026-05-29'],
      ['2026-08-25', 2, '2026-10-25'],
      ['2026-11-15', 2, '2027-01-15'],
      ['2026-06-15', 0, '2026-06-15'],
      ['2026-03-31', -1, '2026-02-28'],
    ])('%s + %i months = %s', (date, months, expected) => {
      expect(addMonths(d(date), months)).toBe(expected);
    });
  });

  describe('addDays', () => {
    it.each([
      ['2026-03-28', 1, '2026-03-29'],
      ['2026-03-28', 2, '2026-03-30'],
      ['2026-10-24', 2, '2026-10-26'],
      ['2026-12-31', 1, '2027-01-01'],
      ['2028-02-28', 1, '2028-02-29'],
      ['2027-02-28', 1, '2027-03-01'],
      ['2026-03-01', -1, '2026-02-28'],
    ])('%s + %i days = %s', (date, days, expected) => {
      expect(addDays(d(date), days)).toBe(expected);
    });
  });

  describe('endOfDayInstant: a date expires at the start of the next day in Brussels', () => {
    it.each([
      ['ordinary winter day', '2026-01-15', '2026-01-15T23:00:00.000Z'],
      ['ordinary summer day', '2026-07-15', '2026-07-15T22:00:00.000Z'],
      ['day before the March change (next midnight still CET)', '2026-03-28', '2026-03-28T23:00:00.000Z'],
      ['day of the March change (23 hours long)', '2026-03-29', '2026-03-29T22:00:00.000Z'],
      ['day before the October change (next midnight still CEST)', '2026-10-24', '2026-10-24T22:00:00.000Z'],
      ['day of the October change (25 hours long)', '2026-10-25', '2026-10-25T23:00:00.000Z'],
      ['year end', '2026-12-31', '2026-12-31T23:00:00.000Z'],
      ['leap day', '2028-02-29', '2028-02-29T23:00:00.000Z'],
    ])('%s: %s expires at %s', (_label, date, expected) => {
      expect(iso(endOfDayInstant(d(date)))).toBe(expected);
    });

    it('the last millisecond before expiry is still the due date and expiry is the next day, for every day of 2026', () => {
      let date = d('2026-01-01');
      const mismatches: string[] = [];
      while (date < '2027-01-01') {
        const expiry = endOfDayInstant(date);
        if (calendarDateAt(expiry - 1) !== date || calendarDateAt(expiry) !== addDays(date, 1))
          mismatches.push(date);
        date = addDays(date, 1);
      }
      expect(mismatches).toEqual([]);
    });
  });

  describe('calendarDateAt: the Brussels date at an instant', () => {
    it.each([
      ['2026-06-30T21:59:59.999Z', '2026-06-30'], // 23:59:59.999 CEST
      ['2026-06-30T22:00:00.000Z', '2026-07-01'], // midnight CEST
      ['2026-06-30T22:30:00.000Z', '2026-07-01'],
      ['2026-01-15T22:59:59.999Z', '2026-01-15'], // 23:59:59.999 CET
      ['2026-01-15T23:00:00.000Z', '2026-01-16'], // midnight CET
      ['2026-01-15T23:30:00.000Z', '2026-01-16'],
      ['2026-12-31T23:30:00.000Z', '2027-01-01'],
      ['2026-03-29T01:30:00.000Z', '2026-03-29'], // 03:30 CEST, just after the spring change
      ['2026-10-25T00:30:00.000Z', '2026-10-25'], // 02:30 CEST, first pass of the repeated hour
      ['2026-10-25T01:30:00.000Z', '2026-10-25'], // 02:30 CET, second pass
      ['2026-06-15T10:00:00.000Z', '2026-06-15'],
      // Brussels mean time (+00:17:30) until 1892: the day changes in the middle of a UTC hour
      ['1880-01-01T23:40:00.000Z', '1880-01-01'],
      ['1880-01-01T23:45:00.000Z', '1880-01-02'],
      ['1880-01-01T23:40:00.000Z', '1880-01-01'],
    ])('%s is %s in Brussels', (instant, expected) => {
      expect(calendarDateAt(Date.parse(instant))).toBe(expected);
    });
  });

  describe('isCalendarDate', () => {
    it.each(['2026-01-01', '2026-12-31', '2028-02-29', '2026-02-28', '1985-07-30'])('accepts %s', (value) => {
      expect(isCalendarDate(value)).toBe(true);
    });

    it.each([
      ['30 February', '2026-02-30'],
      ['29 February in a common year', '2027-02-29'],
      ['31 April', '2026-04-31'],
      ['month 13', '2026-13-01'],
      ['month 00', '2026-00-10'],
      ['day 00', '2026-01-00'],
      ['no zero padding', '2026-1-1'],
      ['empty string', ''],
      ['an instant, not a date', '2026-01-01T00:00:00Z'],
      ['surrounding space', ' 2026-01-01'],
      ['another format', '01/01/2026'],
      ['undefined', undefined],
      ['null', null],
      ['a number', 20260101],
      ['a Date', new Date('2026-01-01T00:00:00Z')],
      ['an object', { date: '2026-01-01' }],
    ])('rejects %s (%p)', (_label, value) => {
      expect(isCalendarDate(value)).toBe(false);
    });
  });

  describe('calendarDate', () => {
    it('returns a valid date unchanged', () => {
      expect(calendarDate('2026-02-28')).toBe('2026-02-28');
    });

    it('throws a RangeError naming the value for an invalid date', () => {
      expect(() => calendarDate('2026-02-30')).toThrow(RangeError);
      expect(() => calendarDate('2026-02-30')).toThrow(
        '"2026-02-30" is not a calendar date (expected YYYY-MM-DD)',
      );
    });
  });

  describe('daysBetween', () => {
    it.each([
      ['2026-06-15', '2026-06-15', 0],
      ['2026-06-15', '2026-06-16', 1],
      ['2026-06-16', '2026-06-15', -1],
      ['2026-01-01', '2026-12-31', 364],
      ['2024-01-01', '2025-01-01', 366],
      ['2027-02-28', '2027-03-01', 1],
      ['2028-02-28', '2028-03-01', 2],
      ['2026-03-28', '2026-03-30', 2], // across the spring change (47 hours)
      ['2026-10-24', '2026-10-26', 2], // across the autumn change (49 hours)
      ['2026-03-01', '2026-11-01', 245], // both changes
      ['2026-12-31', '2027-02-28', 59],
    ])('from %s to %s is %i days', (from, to, expected) => {
      expect(daysBetween(d(from), d(to))).toBe(expected);
    });
  });

  describe('isBefore / isAfter', () => {
    it.each([
      ['2026-06-14', '2026-06-15', true, false],
      ['2026-06-15', '2026-06-15', false, false],
      ['2026-06-16', '2026-06-15', false, true],
      ['2025-12-31', '2026-01-01', true, false],
      ['2026-09-30', '2026-10-01', true, false],
    ])('%s vs %s: before %p, after %p', (a, b, before, after) => {
      expect(isBefore(d(a), d(b))).toBe(before);
      expect(isAfter(d(a), d(b))).toBe(after);
    });
  });
});

describe('calendar arithmetic on day numbers agrees with zoned date arithmetic in Brussels', () => {
  const brussels = (date: string) => DateTime.fromISO(date, { zone: LEGAL_TIME_ZONE });
  const date = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2199-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((instant) => d(instant.toISOString().slice(0, 10)));

  it('addMonths, addDays and daysBetween', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: -600, max: 600 }), (from, to, amount) => {
        expect(addMonths(from, amount)).toBe(brussels(from).plus({ months: amount }).toISODate());
        expect(addDays(from, amount * 20)).toBe(
          brussels(from)
            .plus({ days: amount * 20 })
            .toISODate(),
        );
        expect(daysBetween(from, to)).toBe(Math.round(brussels(to).diff(brussels(from), 'days').days));
      }),
      { numRuns: 2_000 },
    );
  });
});
