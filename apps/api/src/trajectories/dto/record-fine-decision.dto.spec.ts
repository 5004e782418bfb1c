import { validateDto, violationsFor } from '../../testing/validate-dto';
import { RecordFineDecisionDto } from './record-fine-decision.dto';

const violationId = '6f0c56a2-3d5e-8b4f-9a1c-2e7d8f9a0b1c:violation:1';

describe('RecordFineDecisionDto', () => {
  it('builds a FINE decision for the violation from the path', async () => {
    const dto = await validateDto(RecordFineDecisionDto, {
      decision: 'FINE',
      amountEuro: 250,
      decidedOn: '2025-08-01',
      explanation: 'second reminder ignored',
    });

    expect(dto.toCommand(violationId)).toEqual({
      type: 'RecordFineDecision',
      violationId,
      decision: 'FINE',
      amountEuro: 250,
      decidedOn: '2025-08-01',
      explanation: 'second reminder ignored',
    });
  });

  it('leaves the amount and the explanation out of a NO_FINE decision without them', async () => {
    const command = (
      await validateDto(RecordFineDecisionDto, { decision: 'NO_FINE', decidedOn: '2025-08-01' })
    ).toCommand(violationId);

    expect(command).toEqual({
      type: 'RecordFineDecision',
      violationId,
      decision: 'NO_FINE',
      decidedOn: '2025-08-01',
    });
  });

  it.each([1, 49, 5001, 1_000_000])(
    'leaves the range of amountEuro %d to the policy (decided by the trajectory)',
    async (amountEuro) => {
      await expect(
        validateDto(RecordFineDecisionDto, { decision: 'FINE', amountEuro, decidedOn: '2025-08-01' }),
      ).resolves.toBeInstanceOf(RecordFineDecisionDto);
    },
  );

  it('leaves the presence of the amount to the trajectory: FINE without one, NO_FINE with one', async () => {
    await expect(
      validateDto(RecordFineDecisionDto, { decision: 'FINE', decidedOn: '2025-08-01' }),
    ).resolves.toBeInstanceOf(RecordFineDecisionDto);
    await expect(
      validateDto(RecordFineDecisionDto, { decision: 'NO_FINE', amountEuro: 100, decidedOn: '2025-08-01' }),
    ).resolves.toBeInstanceOf(RecordFineDecisionDto);
  });

  it.each([
    [250.5, ['amountEuro must be an integer number']],
    ['250', ['amountEuro must be an integer number']],
    [0, ['amountEuro must not be less than 1']],
    [-50, ['amountEuro must not be less than 1']],
  ])('refuses amountEuro %j', async (amountEuro, reasons) => {
    const violations = await violationsFor(RecordFineDecisionDto, {
      decision: 'FINE',
      amountEuro,
      decidedOn: '2025-08-01',
    });

    expect(violations.every((violation) => violation.field === 'amountEuro')).toBe(true);
    expect(violations.map((violation) => violation.reason).sort()).toEqual(reasons);
  });

  it('refuses an unknown decision, a malformed date and a violationId in the body', async () => {
    expect(
      await violationsFor(RecordFineDecisionDto, {
        decision: 'WARNING',
        decidedOn: '2025-13-01',
        violationId,
      }),
    ).toEqual([
      { field: 'violationId', reason: 'property violationId should not exist' },
      { field: 'decision', reason: 'decision must be one of the following values: NO_FINE, FINE' },
      { field: 'decidedOn', reason: 'decidedOn must be a real date written YYYY-MM-DD' },
    ]);
  });
});
