import { assertWordedByTheirKeys } from './row-problem.fixtures';
import { calendarDate } from '../time/calendar-date';
import { composeNationalNumber } from '../newcomer/national-number';
import { checkRegistrationRow } from './vdab-registration-row';
import { decideLink } from './registration-outcome';

const today = calendarDate('2026-12-01');
const insz = composeNationalNumber(calendarDate('1990-04-12'), 37);
const valid = { nationalNumber: insz, registeredOn: '2026-11-20', office: 'Gent', partnerDossierId: 'V-1' };

function problemsOf(raw: unknown) {
  const check = checkRegistrationRow(raw, today);
  return check.valid ? [] : check.problems;
}

describe('a partner registration row', () => {
  it('accepts a national number with separators and trims the fields', () => {
    const dotted = `${insz.slice(0, 2)}.${insz.slice(2, 4)}.${insz.slice(4, 6)}-${insz.slice(6, 9)}.${insz.slice(9)}`;
    expect(checkRegistrationRow({ ...valid, nationalNumber: dotted, office: ' Gent ' }, today)).toEqual({
      valid: true,
      registration: {
        nationalNumber: insz,
        registeredOn: '2026-11-20',
        office: 'Gent',
        partnerDossierId: 'V-1',
      },
    });
  });

  it('accepts a trajectory id instead of a national number', () => {
    const check = checkRegistrationRow(
      {
        trajectoryId: 'A1B2C3D4-0000-4000-8000-000000000001',
        registeredOn: '2026-11-20',
        office: 'Gent',
        partnerDossierId: 'V',
      },
      today,
    );
    expect(check).toMatchObject({
      valid: true,
      registration: { trajectoryId: 'a1b2c3d4-0000-4000-8000-000000000001' },
    });
  });

  it.each([
    [{ ...valid, nationalNumber: '' }, 'nationalNumber', 'a national number or a trajectory id is required'],
    [
      { ...valid, nationalNumber: '90041212300' },
      'nationalNumber',
      'checksum digits do not match (not a valid national number)',
    ],
    [
      { ...valid, nationalNumber: '123' },
      'nationalNumber',
      'must have 11 digits (YYMMDD SSS CC), dots, dashes and spaces allowed',
    ],
    [{ ...valid, trajectoryId: 'not-a-uuid' }, 'trajectoryId', 'must be a trajectory id (a UUID)'],
    [{ ...valid, registeredOn: '' }, 'registeredOn', 'is required'],
    [{ ...valid, registeredOn: '20/11/2026' }, 'registeredOn', 'must be a date as YYYY-MM-DD'],
    [{ ...valid, registeredOn: '2026-02-30' }, 'registeredOn', 'must be a date as YYYY-MM-DD'],
    [{ ...valid, registeredOn: '2026-12-02' }, 'registeredOn', 'must not be in the future'],
    [{ ...valid, office: '  ' }, 'office', 'is required'],
    [{ ...valid, office: 'x'.repeat(101) }, 'office', 'must be at most 100 characters'],
    [{ ...valid, partnerDossierId: undefined }, 'partnerDossierId', 'is required'],
    [{ ...valid, partnerDossierId: 'x'.repeat(65) }, 'partnerDossierId', 'must be at most 64 characters'],
    [{ ...valid, office: 12 }, 'office', 'must be text'],
    [{ ...valid, colour: 'red' }, 'colour', 'is not a documented field'],
    [[1, 2], 'row', 'must be an object with the documented fields'],
  ])('refuses %j naming %s', (raw, field, reason) => {
    const problems = problemsOf(raw);
    expect(problems).toEqual([expect.objectContaining({ field, reason })]);
    assertWordedByTheirKeys(problems);
  });

  it('reports every problem of a row and never repeats the national number', () => {
    const problems = problemsOf({ nationalNumber: '90041212300', registeredOn: 'x' });
    expect(problems.map((p) => p.field)).toEqual([
      'nationalNumber',
      'registeredOn',
      'office',
      'partnerDossierId',
    ]);
    expect(JSON.stringify(problems)).not.toContain('90041212300');
  });
});

describe('linking a registration', () => {
  const registration = { nationalNumber: insz, registeredOn: '2026-11-20', partnerDossierId: 'V-1' };
  const open = { nationalNumber: insz, status: 'ACTIVE', vdabRegisteredOn: null, vdabClientReference: null };

  it('links to an open trajectory without a registration', () => {
    expect(decideLink(registration, open)).toEqual({ outcome: 'LINK' });
  });
  it('is idempotent for the same data', () => {
    expect(
      decideLink(registration, { ...open, vdabRegisteredOn: '2026-11-20', vdabClientReference: 'V-1' }),
    ).toEqual({ outcome: 'ALREADY_LINKED' });
  });
  it('is a conflict for other data', () => {
    expect(
      decideLink(registration, { ...open, vdabRegisteredOn: '2026-11-19', vdabClientReference: 'V-1' })
        .outcome,
    ).toBe('CONFLICT');
    expect(decideLink(registration, { ...open, nationalNumber: '00000000097' }).outcome).toBe('CONFLICT');
  });
  it('is unmatched without an open trajectory', () => {
    expect(decideLink(registration, undefined).outcome).toBe('UNMATCHED');
    expect(decideLink(registration, { ...open, status: 'CLOSED' }).outcome).toBe('UNMATCHED');
  });
});
