import { CalendarDate } from '../time/calendar-date';
import { checkNationalNumber, composeNationalNumber } from './national-number';

/**
 * Builds a national number from its parts with the published algorithm, independently of the code under test:
 * CC = 97 - (first nine digits mod 97), with "2" prefixed to the nine digits for people born from 2000.
 */
function nationalNumber(yymmdd: string, sequence: string, bornFrom2000: boolean): string {
  const nine = `${yymmdd}${sequence}`;
  const checksum = 97 - (Number(`${bornFrom2000 ? '2' : ''}${nine}`) % 97);
  return `${nine}${String(checksum).padStart(2, '0')}`;
}

const REASON = {
  length: {
    problem: 'NOT_11_DIGITS',
    reason: 'must have 11 digits (YYMMDD SSS CC), dots, dashes and spaces allowed',
  },
  checksum: {
    problem: 'CHECKSUM_MISMATCH',
    reason: 'checksum digits do not match (not a valid national number)',
  },
  // Without the digits: they are the person's birth date.
  month: { problem: 'IMPOSSIBLE_MONTH', reason: 'month is not possible in a national number' },
  date: { problem: 'IMPOSSIBLE_BIRTH_DATE', reason: 'birth date part is not a real date' },
};

describe('checkNationalNumber (INSZ / rijksregisternummer)', () => {
  it('the builder reproduces the published example 85.07.30-033.28', () => {
    expect(nationalNumber('850730', '033', false)).toBe('85073003328');
  });

  describe('valid numbers return the digits, the birth date and whether it is a BIS number', () => {
    it.each([
      ['born 1985', '850730', '033', false, '1985-07-30'],
      ['born 1950', '500101', '997', false, '1950-01-01'],
      ['born on the last day of the 1900s', '991231', '001', false, '1999-12-31'],
      ['born on 1 January 2000', '000101', '001', true, '2000-01-01'],
      ['born on 29 February 2000', '000229', '012', true, '2000-02-29'],
      ['born 2001', '010203', '123', true, '2001-02-03'],
      ['born on 29 February 2008', '080229', '456', true, '2008-02-29'],
      ['born 2024', '241115', '998', true, '2024-11-15'],
    ])('%s', (_label, yymmdd, sequence, bornFrom2000, birthDate) => {
      const digits = nationalNumber(yymmdd, sequence, bornFrom2000);
      expect(checkNationalNumber(digits)).toEqual({
        valid: true,
        nationalNumber: digits,
        birthDate,
        bis: false,
      });
    });

    it('a number whose check digits are 97 (first nine digits divisible by 97)', () => {
      // 000000097 mod 97 = 0, so CC = 97; the birth date part 000000 is unknown.
      expect(nationalNumber('000000', '097', false)).toBe('00000009797');
      const result = checkNationalNumber('00000009797');
      expect(result).toEqual({ valid: true, nationalNumber: '00000009797', bis: false });
      expect(result.valid && result.birthDate).toBeUndefined();
    });
  });

  describe('the century follows from which checksum matches', () => {
    it('00-02-29 with the pre-2000 checksum would be 29 February 1900, which does not exist', () => {
      const digits = nationalNumber('000229', '012', false);
      expect(checkNationalNumber(digits)).toEqual({ valid: false, ...REASON.date });
    });

    it('the same digits with the 2000+ checksum are 29 February 2000', () => {
      const digits = nationalNumber('000229', '012', true);
      expect(checkNationalNumber(digits)).toMatchObject({ valid: true, birthDate: '2000-02-29' });
    });

    it('85-07-30 with the 2000+ checksum is 2085-07-30, not 1985', () => {
      const digits = nationalNumber('850730', '033', true);
      expect(checkNationalNumber(digits)).toMatchObject({ valid: true, birthDate: '2085-07-30' });
    });
  });

  describe('formatted input', () => {
    it.each([
      '85.07.30-033.28',
      '85 07 30 033 28',
      '850730-033-28',
      '85.07.30 033-28',
      ' 85073003328 ',
      '85-07-30.033 28',
    ])('%p is read as 85073003328', (input) => {
      expect(checkNationalNumber(input)).toEqual({
        valid: true,
        nationalNumber: '85073003328',
        birthDate: '1985-07-30',
        bis: false,
      });
    });
  });

  describe('invalid numbers say why', () => {
    it.each([
      ['wrong checksum (one too high)', '85073003329', REASON.checksum],
      ['wrong checksum (two digits swapped)', '85070303328', REASON.checksum],
      ['sequence digit changed', '85073003428', REASON.checksum],
      ['10 digits', '8507300332', REASON.length],
      ['12 digits', '850730033280', REASON.length],
      ['empty', '', REASON.length],
      ['only separators', '..--  ', REASON.length],
      ['a letter inside', '85073003A28', REASON.length],
      ['a letter in front', 'B5073003328', REASON.length],
      ['slashes are not allowed separators', '85/07/30-033.28', REASON.length],
      ['underscore is not an allowed separator', '850730_03328', REASON.length],
    ])('%s: %p', (_label, input, reason) => {
      expect(checkNationalNumber(input)).toEqual({ valid: false, ...reason });
    });

    it.each([
      ['month 13', '851330', false],
      ['month 19', '851915', false],
      ['BIS +20 with month 13 (raw 33)', '853301', false],
      ['BIS +40 with month 13 (raw 53)', '855301', false],
      ['raw month 60', '856001', false],
      ['raw month 99', '859901', false],
      ['month 13, born from 2000', '051301', true],
    ])('impossible month, %s', (_label, yymmdd, bornFrom2000) => {
      const digits = nationalNumber(yymmdd, '033', bornFrom2000);
      const check = checkNationalNumber(digits);
      expect(check).toEqual({ valid: false, ...REASON.month });
      expect(JSON.stringify(check)).not.toContain(yymmdd.slice(2, 4));
    });

    it.each([
      ['30 February', '850230', false],
      ['29 February in a common year (1987)', '870229', false],
      ['31 April', '850431', false],
      ['day 32', '850132', false],
      ['29 February 2001', '010229', true],
      ['BIS +20 on 30 February', '852230', false],
      ['BIS +40 on 31 June', '854631', false],
    ])('impossible day, %s', (_label, yymmdd, bornFrom2000) => {
      const digits = nationalNumber(yymmdd, '033', bornFrom2000);
      const check = checkNationalNumber(digits);
      expect(check).toEqual({ valid: false, ...REASON.date });
      expect(JSON.stringify(check)).not.toContain(yymmdd);
    });
  });

  describe('BIS numbers: month + 20 (sex unknown) or + 40 (sex known); the birth date is derived', () => {
    it.each([
      ['+20, born 1985', '852730', false, '1985-07-30'],
      ['+40, born 1985', '854730', false, '1985-07-30'],
      ['+20, December', '853215', false, '1985-12-15'],
      ['+40, December', '855215', false, '1985-12-15'],
      ['+20, born 2003', '033105', true, '2003-11-05'],
      ['+40, born 2003', '035105', true, '2003-11-05'],
      ['+40, 29 February 2004', '044229', true, '2004-02-29'],
    ])('%s', (_label, yymmdd, bornFrom2000, birthDate) => {
      const digits = nationalNumber(yymmdd, '033', bornFrom2000);
      expect(checkNationalNumber(digits)).toEqual({
        valid: true,
        nationalNumber: digits,
        birthDate,
        bis: true,
      });
    });
  });

  describe('a number with an unknown (zero) birth month or day is valid without a birth date', () => {
    it.each([
      ['unknown month and day', '850000', false],
      ['unknown day', '850700', false],
      ['unknown month', '850015', false],
      ['BIS +20 unknown month and day', '852000', true],
      ['BIS +40 unknown month and day', '854000', true],
    ])('%s', (_label, yymmdd, bis) => {
      const digits = nationalNumber(yymmdd, '033', false);
      const result = checkNationalNumber(digits);
      expect(result).toEqual({ valid: true, nationalNumber: digits, bis });
      expect(result.valid && result.birthDate).toBeUndefined();
    });
  });
});

describe('composeNationalNumber', () => {
  it.each([
    ['1985-07-30', 33, '85073003328'],
    ['2004-02-29', 1, undefined],
  ])(
    'composes a number the check accepts, with the birth date in it (%s, serial %i)',
    (birthDate, serial, expected) => {
      const composed = composeNationalNumber(birthDate as CalendarDate, serial);
      if (expected) expect(composed).toBe(expected);
      expect(checkNationalNumber(composed)).toEqual({
        valid: true,
        nationalNumber: composed,
        birthDate,
        bis: false,
      });
    },
  );

  it.each([0, 998, 1.5])('refuses serial %p', (serial) => {
    expect(() => composeNationalNumber('1985-07-30' as CalendarDate, serial)).toThrow(RangeError);
  });
});
