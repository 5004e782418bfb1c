import { validateDto, violationsFor } from '../../testing/validate-dto';
import { ReportViolationDto } from './report-violation.dto';

describe('ReportViolationDto', () => {
  it.each(['REFUSAL_TO_SIGN', 'IRREGULAR_ATTENDANCE'])('builds ReportViolation of kind %s', async (kind) => {
    expect(
      (
        await validateDto(ReportViolationDto, {
          kind,
          observedOn: '2025-05-20',
          facts: 'absent at 4 of 6 lessons',
        })
      ).toCommand(),
    ).toEqual({ type: 'ReportViolation', kind, observedOn: '2025-05-20', facts: 'absent at 4 of 6 lessons' });
  });

  it('refuses the kinds the system records by itself (a missed deadline)', async () => {
    expect(
      await violationsFor(ReportViolationDto, {
        kind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
        observedOn: '2025-05-20',
        facts: 'x',
      }),
    ).toEqual([
      {
        field: 'kind',
        reason: 'kind must be one of the following values: REFUSAL_TO_SIGN, IRREGULAR_ATTENDANCE',
      },
    ]);
  });

  it('refuses blank or overlong facts and a malformed date', async () => {
    expect(
      await violationsFor(ReportViolationDto, {
        kind: 'REFUSAL_TO_SIGN',
        observedOn: '20-05-2025',
        facts: '',
      }),
    ).toEqual([
      { field: 'observedOn', reason: 'observedOn must be a real date written YYYY-MM-DD' },
      { field: 'facts', reason: 'facts must not be blank' },
    ]);
    expect(
      await violationsFor(ReportViolationDto, {
        kind: 'REFUSAL_TO_SIGN',
        observedOn: '2025-05-20',
        facts: 'f'.repeat(2001),
      }),
    ).toEqual([{ field: 'facts', reason: 'facts must be shorter than or equal to 2000 characters' }]);
  });
});
