import type { CalendarDate } from '../../../domain/src';
import { wholeMonthsOf, wholeYearsOf } from './summed-key-figure-sql';

const d = (value: string) => value as CalendarDate;
const yearsOf = (from: string, to: string) => wholeYearsOf(wholeMonthsOf({ from: d(from), to: d(to) }));

describe('the whole calendar years of a period (read from the sums per cohort year)', () => {
  it('is the year itself for a calendar year, and every whole year of a longer period', () => {
    expect(yearsOf('2025-01-01', '2025-12-31')).toEqual({ from: '2025-01-01', until: '2026-01-01' });
    expect(yearsOf('2024-12-01', '2026-12-31')).toEqual({ from: '2025-01-01', until: '2027-01-01' });
    expect(yearsOf('2025-11-20', '2027-01-05')).toEqual({ from: '2026-01-01', until: '2027-01-01' });
  });

  it('is empty at the end of the whole months when no calendar year is whole', () => {
    expect(yearsOf('2025-01-02', '2025-12-31')).toEqual({ from: '2026-01-01', until: '2026-01-01' });
    expect(yearsOf('2025-01-01', '2025-12-30')).toEqual({ from: '2025-12-01', until: '2025-12-01' });
    expect(yearsOf('2025-03-01', '2026-02-28')).toEqual({ from: '2026-03-01', until: '2026-03-01' });
    expect(yearsOf('2026-01-05', '2026-01-25')).toEqual({ from: '2026-01-26', until: '2026-01-26' });
  });
});
