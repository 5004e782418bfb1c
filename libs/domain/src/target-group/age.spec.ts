import { calendarDate } from '../time/calendar-date';
import { ageOn } from './age';

const d = calendarDate;

describe('ageOn', () => {
  it.each([
    ['2008-06-15', '2026-06-14', 17],
    ['2008-06-15', '2026-06-15', 18],
    ['2008-06-15', '2026-06-16', 18],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2028-02-29', 20],
    ['1961-12-31', '2026-12-30', 64],
    ['1961-12-31', '2026-12-31', 65],
    ['2026-06-15', '2026-06-15', 0],
  ])('born %s, on %s: age %i', (birthDate, on, age) => {
    expect(ageOn(d(birthDate), d(on))).toBe(age);
  });

  it('refuses a date before the birth date', () => {
    expect(() => ageOn(d('2000-01-02'), d('2000-01-01'))).toThrow(
      new RangeError('2000-01-01 is before the birth date 2000-01-02'),
    );
  });
});
