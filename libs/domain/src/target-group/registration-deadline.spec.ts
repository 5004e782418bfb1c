import { POLICY_VERSIONS } from '../policy/policy-versions';
import { calendarDate } from '../time/calendar-date';
import { deriveTargetGroup } from './derive-target-group';
import { thirdCountryNewcomerFacts } from '../trajectory/trajectory.fixtures';
import { registrationDeadline } from './registration-deadline';

const d = calendarDate;
const SOURCE = POLICY_VERSIONS[2].parameters.agencyRegistration.source;

describe('registrationDeadline: report to an agency within 3 months of the start of the obligation', () => {
  it.each([
    ['2016-01-01', '2016-04-01', '2016'],
    ['2021-11-30', '2022-02-28', '2016'],
    ['2022-11-30', '2023-02-28', '2022'],
    ['2023-01-01', '2023-04-01', '2023'],
    ['2026-04-01', '2026-07-01', '2023'],
    ['2027-11-30', '2028-02-29', '2023'],
    ['2026-05-31', '2026-08-31', '2023'],
  ])('obligation from %s: due %s (policy version %s)', (start, dueOn, policyVersion) => {
    expect(registrationDeadline(d(start))).toEqual({
      obligationStartsOn: start,
      dueOn,
      policyVersion,
      source: SOURCE,
    });
  });

  it('has no deadline before the first known policy version', () => {
    expect(registrationDeadline(d('2015-12-31'))).toBeUndefined();
  });

  it('takes the number of months from the policy version', () => {
    const fourMonths = POLICY_VERSIONS.map((version) => ({
      ...version,
      parameters: { ...version.parameters, agencyRegistration: { months: 4, source: 'test' } },
    }));
    expect(registrationDeadline(d('2026-04-01'), fourMonths)).toEqual({
      obligationStartsOn: '2026-04-01',
      dueOn: '2026-08-01',
      policyVersion: '2023',
      source: 'test',
    });
  });

  it('counts from the obligation start of a derived decision', () => {
    const decision = deriveTargetGroup(
      {
        ...thirdCountryNewcomerFacts('2025-01-10'),
        birthDate: d('1990-05-01'),
        internationalProtection: 'RECOGNISED_REFUGEE',
        internationalProtectionGrantedOn: d('2026-05-10'),
      },
      d('2026-06-15'),
    );
    if (decision.status !== 'OBLIGED') throw new Error(`expected OBLIGED, got ${decision.status}`);
    expect(registrationDeadline(decision.obligationStartsOn)?.dueOn).toBe('2026-08-10');
  });
});
