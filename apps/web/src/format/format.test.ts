import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatNationalNumber,
  maskNationalNumber,
  parseBelgianDate,
} from './format';

describe('Belgian formats', () => {
  it('shows dates as dd/mm/jjjj, timestamps in Brussels time', () => {
    expect(formatDate('2026-02-28')).toBe('28/02/2026');
    expect(formatDate('2026-03-28T23:30:00Z')).toBe('29/03/2026');
    expect(formatDateTime('2026-07-01T10:05:00Z')).toBe('01/07/2026 12:05');
    expect(formatDate(null)).toBe('–');
  });

  it('reads dd/mm/jjjj and refuses dates that do not exist', () => {
    expect(parseBelgianDate('5/3/2026')).toBe('2026-03-05');
    expect(parseBelgianDate('29/02/2024')).toBe('2024-02-29');
    expect(parseBelgianDate('29/02/2026')).toBeUndefined();
    expect(parseBelgianDate('2026-13-01')).toBeUndefined();
    expect(parseBelgianDate('morgen')).toBeUndefined();
  });

  it('formats a national number as YY.MM.DD-XXX.CC and masks all but the check digits', () => {
    expect(formatNationalNumber('90041212377')).toBe('90.04.12-123.77');
    expect(formatNationalNumber('90.04.12-123.77')).toBe('90.04.12-123.77');
    expect(maskNationalNumber('90041212377')).toBe('••.••.••-•••.77');
    expect(maskNationalNumber('90041212377')).not.toContain('900412');
  });
});
