import { policyVersionById, PolicyVersion } from '../policy/policy-versions';
import { calendarDate } from '../time/calendar-date';
import { vdabRegistrationDueDate } from './vdab-registration-deadline';

const d = calendarDate;

describe('vdabRegistrationDueDate', () => {
  describe.each(['2022', '2023'] as const)('policy version %s: 2 months after signing the contract', (id) => {
    it.each([
      ['2026-06-15', '2026-08-15'],
      ['2026-01-10', '2026-03-10'],
      ['2025-12-31', '2026-02-28'],
      ['2027-12-31', '2028-02-29'],
      ['2026-12-30', '2027-02-28'],
      ['2027-12-30', '2028-02-29'],
      ['2026-08-31', '2026-10-31'],
      ['2026-07-31', '2026-09-30'],
      ['2026-10-31', '2026-12-31'],
    ])('signed %s: due %s', (signedOn, dueOn) => {
      expect(
        vdabRegistrationDueDate(policyVersionById(id), {
          contractSignedOn: d(signedOn),
          intakeOn: d('2022-01-01'),
        }),
      ).toBe(dueOn);
    });

    it('is counted from the contract, not the intake', () => {
      expect(
        vdabRegistrationDueDate(policyVersionById(id), {
          contractSignedOn: d('2026-05-20'),
          intakeOn: d('2026-01-05'),
        }),
      ).toBe('2026-07-20');
    });

    it('has no due date before the contract is signed', () => {
      expect(vdabRegistrationDueDate(policyVersionById(id), { intakeOn: d('2026-05-20') })).toBeUndefined();
    });
  });

  it('the 2016 version has no VDAB registration deadline', () => {
    expect(
      vdabRegistrationDueDate(policyVersionById('2016'), {
        contractSignedOn: d('2019-03-01'),
        intakeOn: d('2019-02-01'),
      }),
    ).toBeUndefined();
  });

  describe('follows the rule of the policy version (anchor and months are parameters)', () => {
    const fromIntake: PolicyVersion = {
      id: '2023',
      effectiveFrom: d('2023-01-01'),
      summary: 'test version counting from the intake',
      vdabRegistration: { anchor: 'INTAKE', amount: 3, unit: 'MONTHS', source: 'test' },
    };

    it('counts from the intake when the anchor is INTAKE', () => {
      expect(
        vdabRegistrationDueDate(fromIntake, { contractSignedOn: d('2026-05-20'), intakeOn: d('2025-11-30') }),
      ).toBe('2026-02-28');
    });

    it('has no due date before the intake when the anchor is INTAKE', () => {
      expect(vdabRegistrationDueDate(fromIntake, { contractSignedOn: d('2026-05-20') })).toBeUndefined();
    });

    it('counts days when the version says "60 days" (Verplichting tot inburgering §Werk) instead of two months', () => {
      const sixtyDays: PolicyVersion = {
        ...fromIntake,
        vdabRegistration: { anchor: 'CONTRACT_SIGNED', amount: 60, unit: 'DAYS', source: 'test' },
      };
      // 31 December + 60 days = 1 March; + 2 months = the last day of February
      expect(vdabRegistrationDueDate(sixtyDays, { contractSignedOn: d('2025-12-31') })).toBe('2026-03-01');
      expect(
        vdabRegistrationDueDate(
          { ...sixtyDays, vdabRegistration: { ...sixtyDays.vdabRegistration!, amount: 2, unit: 'MONTHS' } },
          { contractSignedOn: d('2025-12-31') },
        ),
      ).toBe('2026-02-28');
    });
  });
});
