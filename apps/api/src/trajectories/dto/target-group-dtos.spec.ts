import { validateDto, violationsFor } from '../../testing/validate-dto';
import { GrantExemptionDto, MAX_EXEMPTION_EXPLANATION_LENGTH } from './grant-exemption.dto';
import { OverrideTargetGroupDto } from './override-target-group.dto';
import { RecordTargetGroupFactsDto } from './record-target-group-facts.dto';

describe('RecordTargetGroupFactsDto', () => {
  it('builds the command with the facts given, and only those', async () => {
    const dto = await validateDto(RecordTargetGroupFactsDto, {
      facts: {
        nationalityGroup: 'THIRD_COUNTRY',
        residenceRegion: 'FLANDERS',
        firstRegisteredInBelgiumOn: '2025-01-15',
        staysMoreThanThreeMonths: true,
        lawfulStay: true,
        previousResidenceOutsideFlanders: 'NONE',
        internationalProtection: 'RECOGNISED_REFUGEE',
        internationalProtectionGrantedOn: '2025-02-01',
        holdsAttest: false,
        belgianOrDutchDiploma: 'NONE',
      },
    });

    expect(dto.toCommand()).toEqual({
      type: 'RecordTargetGroupFacts',
      facts: {
        nationalityGroup: 'THIRD_COUNTRY',
        residenceRegion: 'FLANDERS',
        firstRegisteredInBelgiumOn: '2025-01-15',
        staysMoreThanThreeMonths: true,
        lawfulStay: true,
        previousResidenceOutsideFlanders: 'NONE',
        internationalProtection: 'RECOGNISED_REFUGEE',
        internationalProtectionGrantedOn: '2025-02-01',
        holdsAttest: false,
        belgianOrDutchDiploma: 'NONE',
      },
    });
  });

  it('accepts an empty set of facts (the trajectory derives what it can) and keeps false answers', async () => {
    expect((await validateDto(RecordTargetGroupFactsDto, { facts: {} })).toCommand()).toEqual({
      type: 'RecordTargetGroupFacts',
      facts: {},
    });
    expect(
      (await validateDto(RecordTargetGroupFactsDto, { facts: { lawfulStay: false } })).toCommand().facts,
    ).toEqual({ lawfulStay: false });
  });

  it('leaves the combination of facts to the trajectory (a Belgian with a protection status passes the form)', async () => {
    await expect(
      validateDto(RecordTargetGroupFactsDto, {
        facts: {
          nationalityGroup: 'BELGIAN',
          internationalProtection: 'APPLICANT',
          movedToFlandersOn: '2099-01-01',
        },
      }),
    ).resolves.toBeInstanceOf(RecordTargetGroupFactsDto);
  });

  it.each([[undefined], [null], ['OBLIGED'], [[{ lawfulStay: true }]]])('refuses facts %j', async (facts) => {
    expect(await violationsFor(RecordTargetGroupFactsDto, { facts })).toContainEqual({
      field: 'facts',
      reason: 'facts must be an object',
    });
  });

  it('names each malformed fact by its dotted path', async () => {
    expect(
      await violationsFor(RecordTargetGroupFactsDto, {
        facts: {
          nationalityGroup: 'MARTIAN',
          residenceRegion: 'LUXEMBOURG',
          firstRegisteredInBelgiumOn: '2025-02-30',
          lawfulStay: 'yes',
          previousResidenceOutsideFlanders: 'PARIS',
          internationalProtection: 'REFUGEE',
          belgianOrDutchDiploma: 'PHD',
        },
      }),
    ).toEqual([
      {
        field: 'facts.nationalityGroup',
        reason: 'nationalityGroup must be one of the following values: BELGIAN, EU_EEA_SWISS, THIRD_COUNTRY',
      },
      {
        field: 'facts.residenceRegion',
        reason: 'residenceRegion must be one of the following values: FLANDERS, BRUSSELS, WALLONIA',
      },
      {
        field: 'facts.firstRegisteredInBelgiumOn',
        reason: 'firstRegisteredInBelgiumOn must be a real date written YYYY-MM-DD',
      },
      { field: 'facts.lawfulStay', reason: 'lawfulStay must be a boolean value' },
      {
        field: 'facts.previousResidenceOutsideFlanders',
        reason:
          'previousResidenceOutsideFlanders must be one of the following values: NONE, BRUSSELS, WALLONIA',
      },
      {
        field: 'facts.internationalProtection',
        reason:
          'internationalProtection must be one of the following values: NONE, APPLICANT, RECOGNISED_REFUGEE, SUBSIDIARY_PROTECTION',
      },
      {
        field: 'facts.belgianOrDutchDiploma',
        reason: 'belgianOrDutchDiploma must be one of the following values: NONE, SECONDARY, HIGHER',
      },
    ]);
  });

  it("refuses the birth date among the facts (it is the newcomer's) and unknown facts", async () => {
    expect(
      await violationsFor(RecordTargetGroupFactsDto, { facts: { birthDate: '1990-01-01', religion: 'x' } }),
    ).toEqual([
      { field: 'facts.birthDate', reason: 'property birthDate should not exist' },
      { field: 'facts.religion', reason: 'property religion should not exist' },
    ]);
  });
});

describe('OverrideTargetGroupDto', () => {
  const reason = 'residence card shows a first registration in 2019';

  it.each([
    [
      { status: 'OBLIGED', obligationStartsOn: '2025-01-15' },
      { status: 'OBLIGED', obligationStartsOn: '2025-01-15' },
    ],
    [
      { status: 'EXEMPT', exemptionReason: 'BELGIAN_OR_DUTCH_DIPLOMA' },
      { status: 'EXEMPT', exemptionReason: 'BELGIAN_OR_DUTCH_DIPLOMA' },
    ],
    [{ status: 'ENTITLED' }, { status: 'ENTITLED' }],
    [{ status: 'NOT_IN_TARGET_GROUP' }, { status: 'NOT_IN_TARGET_GROUP' }],
  ])('builds the command for %j', async (recorded, expected) => {
    expect((await validateDto(OverrideTargetGroupDto, { recorded, reason })).toCommand()).toEqual({
      type: 'OverrideTargetGroup',
      recorded: expected,
      reason,
    });
  });

  it.each<[Record<string, unknown>, { field: string; reason: string }]>([
    [
      { status: 'UNDETERMINED' },
      {
        field: 'recorded.status',
        reason: 'status must be one of the following values: OBLIGED, ENTITLED, EXEMPT, NOT_IN_TARGET_GROUP',
      },
    ],
    [
      { status: 'OBLIGED' },
      {
        field: 'recorded.obligationStartsOn',
        reason: 'obligationStartsOn must be a real date written YYYY-MM-DD',
      },
    ],
    [
      { status: 'OBLIGED', obligationStartsOn: '15/01/2025' },
      {
        field: 'recorded.obligationStartsOn',
        reason: 'obligationStartsOn must be a real date written YYYY-MM-DD',
      },
    ],
    [
      { status: 'EXEMPT' },
      {
        field: 'recorded.exemptionReason',
        reason: expect.stringMatching(
          /^exemptionReason must be one of the following values: EU_EEA_SWISS_NATIONAL, /,
        ),
      },
    ],
    [
      { status: 'ENTITLED', obligationStartsOn: '2025-01-15' },
      {
        field: 'recorded.obligationStartsOn',
        reason: 'obligationStartsOn is only given with status OBLIGED',
      },
    ],
    [
      { status: 'OBLIGED', obligationStartsOn: '2025-01-15', exemptionReason: 'AGED_65_OR_OLDER' },
      { field: 'recorded.exemptionReason', reason: 'exemptionReason is only given with status EXEMPT' },
    ],
  ])('refuses the recorded status %j', async (recorded, violation) => {
    expect(await violationsFor(OverrideTargetGroupDto, { recorded, reason })).toEqual([violation]);
  });

  it('refuses a missing recorded status, and a blank, missing or overlong reason', async () => {
    expect(await violationsFor(OverrideTargetGroupDto, { reason })).toEqual([
      { field: 'recorded', reason: 'recorded must be an object' },
    ]);
    expect(
      await violationsFor(OverrideTargetGroupDto, { recorded: { status: 'ENTITLED' }, reason: '  ' }),
    ).toEqual([{ field: 'reason', reason: 'reason must not be blank' }]);
    expect(await violationsFor(OverrideTargetGroupDto, { recorded: { status: 'ENTITLED' } })).toContainEqual({
      field: 'reason',
      reason: 'reason is required',
    });
    expect(
      await violationsFor(OverrideTargetGroupDto, {
        recorded: { status: 'ENTITLED' },
        reason: 'r'.repeat(1001),
      }),
    ).toEqual([{ field: 'reason', reason: 'reason must be shorter than or equal to 1000 characters' }]);
  });
});

describe('GrantExemptionDto', () => {
  it('builds GrantExemption, with the explanation only when one is given', async () => {
    expect(
      (
        await validateDto(GrantExemptionDto, { reason: 'AGED_65_OR_OLDER', grantedOn: '2025-06-10' })
      ).toCommand(),
    ).toEqual({ type: 'GrantExemption', reason: 'AGED_65_OR_OLDER', grantedOn: '2025-06-10' });
    expect(
      (
        await validateDto(GrantExemptionDto, {
          reason: 'BELGIAN_OR_DUTCH_DIPLOMA',
          grantedOn: '2025-06-10',
          explanation: 'bachelor diploma, KU Leuven',
        })
      ).toCommand(),
    ).toEqual({
      type: 'GrantExemption',
      reason: 'BELGIAN_OR_DUTCH_DIPLOMA',
      grantedOn: '2025-06-10',
      explanation: 'bachelor diploma, KU Leuven',
    });
  });

  it('names each field that is wrong', async () => {
    expect(await violationsFor(GrantExemptionDto, { reason: 'TIRED', grantedOn: '2025-02-30' })).toEqual([
      { field: 'reason', reason: expect.stringContaining('reason must be one of the following values') },
      { field: 'grantedOn', reason: 'grantedOn must be a real date written YYYY-MM-DD' },
    ]);
    expect(
      await violationsFor(GrantExemptionDto, {
        reason: 'AGED_65_OR_OLDER',
        grantedOn: '2025-06-10',
        explanation: 'x'.repeat(MAX_EXEMPTION_EXPLANATION_LENGTH + 1),
      }),
    ).toEqual([
      {
        field: 'explanation',
        reason: `explanation must be shorter than or equal to ${MAX_EXEMPTION_EXPLANATION_LENGTH} characters`,
      },
    ]);
  });
});
