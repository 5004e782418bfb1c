import { validateDto, violationsFor } from '../../testing/validate-dto';
import { ChangePolicyActionStatusDto } from './change-policy-action-status.dto';

describe('ChangePolicyActionStatusDto', () => {
  it.each(['DELAYED', 'DROPPED', 'NOT_STARTED'])(
    'names explanation when %s comes without one',
    async (status) => {
      for (const body of [
        { status },
        { status, explanation: '' },
        { status, explanation: ' \n' },
        { status, explanation: null },
      ]) {
        const violations = await violationsFor(ChangePolicyActionStatusDto, body);
        expect(violations.map((violation) => violation.field)).toEqual(['explanation']);
      }
    },
  );

  it.each(['NEW', 'IN_PROGRESS', 'DONE', 'EXTENDED'])('accepts %s without an explanation', async (status) => {
    await expect(validateDto(ChangePolicyActionStatusDto, { status })).resolves.toMatchObject({ status });
    await expect(
      validateDto(ChangePolicyActionStatusDto, { status, explanation: null }),
    ).resolves.toBeDefined();
  });

  it('names an unknown status', async () => {
    const violations = await violationsFor(ChangePolicyActionStatusDto, { status: 'FINISHED' });
    expect(violations.map((violation) => violation.field)).toEqual(['status']);
  });
});
