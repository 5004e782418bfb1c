import { validateDto, violationsFor } from '../../testing/validate-dto';
import { CorrectFactDto } from './correct-fact.dto';
import { ResumeTrajectoryDto } from './resume-trajectory.dto';
import { SuspendTrajectoryDto } from './suspend-trajectory.dto';
import { TransferTrajectoryDto } from './transfer-trajectory.dto';

describe('SuspendTrajectoryDto', () => {
  it('builds the SuspendTrajectory command, with the explanation only when given', async () => {
    expect(
      (
        await validateDto(SuspendTrajectoryDto, { reason: 'ILLNESS', suspendedFrom: '2025-05-12' })
      ).toCommand(),
    ).toEqual({
      type: 'SuspendTrajectory',
      reason: 'ILLNESS',
      suspendedFrom: '2025-05-12',
    });
    expect(
      (
        await validateDto(SuspendTrajectoryDto, {
          reason: 'PREGNANCY',
          suspendedFrom: '2025-05-12',
          explanation: 'maternity leave',
        })
      ).toCommand(),
    ).toEqual({
      type: 'SuspendTrajectory',
      reason: 'PREGNANCY',
      suspendedFrom: '2025-05-12',
      explanation: 'maternity leave',
    });
  });

  it('refuses a reason outside the domain list and a malformed date', async () => {
    expect(
      await violationsFor(SuspendTrajectoryDto, { reason: 'HOLIDAY', suspendedFrom: '12/05/2025' }),
    ).toEqual([
      {
        field: 'reason',
        reason: 'reason must be one of the following values: ILLNESS, PREGNANCY, FAMILY_CIRCUMSTANCES, OTHER',
      },
      { field: 'suspendedFrom', reason: 'suspendedFrom must be a real date written YYYY-MM-DD' },
    ]);
  });

  it('refuses an explanation that is too long or not text, and unknown properties', async () => {
    expect(
      await violationsFor(SuspendTrajectoryDto, {
        reason: 'OTHER',
        suspendedFrom: '2025-05-12',
        explanation: 'x'.repeat(2001),
        until: '2025-06-01',
      }),
    ).toEqual([
      { field: 'until', reason: 'property until should not exist' },
      { field: 'explanation', reason: 'explanation must be shorter than or equal to 2000 characters' },
    ]);
    expect(
      await violationsFor(SuspendTrajectoryDto, {
        reason: 'OTHER',
        suspendedFrom: '2025-05-12',
        explanation: 7,
      }),
    ).toContainEqual({
      field: 'explanation',
      reason: 'explanation must be a string',
    });
  });
});

describe('ResumeTrajectoryDto', () => {
  it('builds the ResumeTrajectory command', async () => {
    expect((await validateDto(ResumeTrajectoryDto, { resumedOn: '2025-06-02' })).toCommand()).toEqual({
      type: 'ResumeTrajectory',
      resumedOn: '2025-06-02',
    });
  });

  it('names the missing or impossible date', async () => {
    expect(await violationsFor(ResumeTrajectoryDto, {})).toEqual([
      { field: 'resumedOn', reason: 'resumedOn must be a real date written YYYY-MM-DD' },
    ]);
    expect(await violationsFor(ResumeTrajectoryDto, { resumedOn: '2025-02-29' })).toEqual([
      { field: 'resumedOn', reason: 'resumedOn must be a real date written YYYY-MM-DD' },
    ]);
  });
});

const ANTWERPEN = { municipality: 'Antwerpen', nisCode: '11002' };

describe('TransferTrajectoryDto', () => {
  it('builds the TransferTrajectory command, with the counsellor only when given', async () => {
    expect(
      (
        await validateDto(TransferTrajectoryDto, {
          toAgency: 'ATLAS',
          transferredOn: '2025-07-01',
          ...ANTWERPEN,
        })
      ).toCommand(),
    ).toEqual({
      type: 'TransferTrajectory',
      toAgency: 'ATLAS',
      transferredOn: '2025-07-01',
      ...ANTWERPEN,
    });
    expect(
      (
        await validateDto(TransferTrajectoryDto, {
          toAgency: 'IN_GENT',
          transferredOn: '2025-07-01',
          municipality: 'Gent',
          nisCode: '44021',
          counsellorId: 'c-42',
        })
      ).toCommand(),
    ).toEqual({
      type: 'TransferTrajectory',
      toAgency: 'IN_GENT',
      transferredOn: '2025-07-01',
      municipality: 'Gent',
      nisCode: '44021',
      counsellorId: 'c-42',
    });
  });

  it('refuses an unknown agency, a missing date, a malformed NIS code and an empty counsellor', async () => {
    expect(
      await violationsFor(TransferTrajectoryDto, {
        toAgency: 'VDAB',
        municipality: 'Antwerpen',
        nisCode: '1100',
        counsellorId: '',
      }),
    ).toEqual([
      { field: 'toAgency', reason: 'toAgency must be one of the following values: AGII, ATLAS, IN_GENT' },
      { field: 'transferredOn', reason: 'transferredOn must be a real date written YYYY-MM-DD' },
      { field: 'nisCode', reason: 'nisCode must be a 5-digit NIS code' },
      { field: 'counsellorId', reason: 'counsellorId should not be empty' },
    ]);
  });

  it('refuses a counsellor id longer than 100 characters', async () => {
    expect(
      await violationsFor(TransferTrajectoryDto, {
        toAgency: 'AGII',
        transferredOn: '2025-07-01',
        municipality: 'Mechelen',
        nisCode: '12025',
        counsellorId: 'c'.repeat(101),
      }),
    ).toEqual([
      { field: 'counsellorId', reason: 'counsellorId must be shorter than or equal to 100 characters' },
    ]);
  });
});

describe('CorrectFactDto', () => {
  const correction = { fact: 'INTAKE_DATE', correctedDate: '2025-04-02', reason: 'typed the wrong day' };

  it('builds the CorrectFact command', async () => {
    expect((await validateDto(CorrectFactDto, correction)).toCommand()).toEqual({
      type: 'CorrectFact',
      fact: 'INTAKE_DATE',
      correctedDate: '2025-04-02',
      reason: 'typed the wrong day',
    });
  });

  it('accepts a reason of exactly 1000 characters', async () => {
    await expect(
      validateDto(CorrectFactDto, { ...correction, reason: 'r'.repeat(1000) }),
    ).resolves.toBeInstanceOf(CorrectFactDto);
  });

  it.each([
    [undefined, ['reason is required']],
    ['', ['reason must not be blank']],
    ['   ', ['reason must not be blank']],
    ['r'.repeat(1001), ['reason must be shorter than or equal to 1000 characters']],
  ])('refuses the reason %j', async (reason, reasons) => {
    const violations = await violationsFor(CorrectFactDto, { ...correction, reason });

    expect(violations.every((violation) => violation.field === 'reason')).toBe(true);
    expect(violations.map((violation) => violation.reason).sort()).toEqual(reasons);
  });

  it('refuses a fact that cannot be corrected and a malformed date', async () => {
    expect(
      await violationsFor(CorrectFactDto, { ...correction, fact: 'BIRTH_DATE', correctedDate: '2025-4-2' }),
    ).toEqual([
      {
        field: 'fact',
        reason:
          'fact must be one of the following values: INTAKE_DATE, CONTRACT_SIGNING_DATE, VDAB_REGISTRATION_DATE',
      },
      { field: 'correctedDate', reason: 'correctedDate must be a real date written YYYY-MM-DD' },
    ]);
  });
});
