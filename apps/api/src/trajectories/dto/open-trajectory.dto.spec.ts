import { nationalNumberFor } from '../../testing/national-numbers';
import { validateDto, violationsFor } from '../../testing/validate-dto';
import { OpenTrajectoryDto } from './open-trajectory.dto';

const nationalNumber = nationalNumberFor('1985-07-30');

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nationalNumber,
    givenName: 'Amina',
    familyName: 'Haddad',
    birthDate: '1985-07-30',
    municipality: 'Leuven',
    agency: 'AGII',
    ...overrides,
  };
}

describe('OpenTrajectoryDto', () => {
  it('accepts a complete registration and builds the OpenTrajectory command', async () => {
    const dto = await validateDto(
      OpenTrajectoryDto,
      body({ counsellorId: 'c-17', registeredOn: '2025-03-03' }),
    );

    expect(dto.toCommand('4a1c2b9e-0000-8000-8000-000000000001')).toEqual({
      type: 'OpenTrajectory',
      trajectoryId: '4a1c2b9e-0000-8000-8000-000000000001',
      newcomer: {
        nationalNumber,
        givenName: 'Amina',
        familyName: 'Haddad',
        birthDate: '1985-07-30',
        municipality: 'Leuven',
      },
      agency: 'AGII',
      counsellorId: 'c-17',
      registeredOn: '2025-03-03',
    });
  });

  it('leaves the optional fields out of the command when absent', async () => {
    const command = (await validateDto(OpenTrajectoryDto, body())).toCommand('t');

    expect(command).not.toHaveProperty('counsellorId');
    expect(command).not.toHaveProperty('registeredOn');
  });

  it('accepts a national number written with dots and a dash', async () => {
    const formatted = `${nationalNumber.slice(0, 2)}.${nationalNumber.slice(2, 4)}.${nationalNumber.slice(4, 6)}-${nationalNumber.slice(6, 9)}.${nationalNumber.slice(9)}`;

    await expect(validateDto(OpenTrajectoryDto, body({ nationalNumber: formatted }))).resolves.toBeInstanceOf(
      OpenTrajectoryDto,
    );
  });

  it('names nationalNumber and the domain reason when the checksum is wrong', async () => {
    const wrongChecksum = `${nationalNumber.slice(0, 9)}${String((Number(nationalNumber.slice(9)) % 97) + 1).padStart(2, '0')}`;

    expect(await violationsFor(OpenTrajectoryDto, body({ nationalNumber: wrongChecksum }))).toEqual([
      {
        field: 'nationalNumber',
        reason: 'nationalNumber checksum digits do not match (not a valid national number)',
      },
    ]);
  });

  it('names nationalNumber when it has the wrong number of digits or is missing', async () => {
    expect(await violationsFor(OpenTrajectoryDto, body({ nationalNumber: '1234' }))).toEqual([
      {
        field: 'nationalNumber',
        reason: 'nationalNumber must have 11 digits (YYMMDD SSS CC), dots, dashes and spaces allowed',
      },
    ]);
    expect(await violationsFor(OpenTrajectoryDto, body({ nationalNumber: undefined }))).toEqual([
      { field: 'nationalNumber', reason: 'nationalNumber must be a string' },
    ]);
  });

  it('refuses dates that are not real YYYY-MM-DD dates', async () => {
    expect(
      await violationsFor(OpenTrajectoryDto, body({ birthDate: '1985-02-30', registeredOn: '03/03/2025' })),
    ).toEqual([
      { field: 'birthDate', reason: 'birthDate must be a real date written YYYY-MM-DD' },
      { field: 'registeredOn', reason: 'registeredOn must be a real date written YYYY-MM-DD' },
    ]);
  });

  it('refuses an unknown agency, blank names and unknown properties', async () => {
    const violations = await violationsFor(
      OpenTrajectoryDto,
      body({ agency: 'VDAB', givenName: '  ', nickname: 'Mina' }),
    );

    expect(violations).toEqual(
      expect.arrayContaining([
        { field: 'agency', reason: 'agency must be one of the following values: AGII, ATLAS, IN_GENT' },
        { field: 'givenName', reason: 'givenName must not be blank' },
        { field: 'nickname', reason: 'property nickname should not exist' },
      ]),
    );
    expect(violations).toHaveLength(3);
  });

  it('carries the target-group facts given at registration into the command', async () => {
    const dto = await validateDto(
      OpenTrajectoryDto,
      body({
        targetGroupFacts: {
          nationalityGroup: 'THIRD_COUNTRY',
          firstRegisteredInBelgiumOn: '2025-01-15',
          lawfulStay: true,
        },
      }),
    );

    expect(dto.toCommand('t').targetGroupFacts).toEqual({
      nationalityGroup: 'THIRD_COUNTRY',
      firstRegisteredInBelgiumOn: '2025-01-15',
      lawfulStay: true,
    });
    expect((await validateDto(OpenTrajectoryDto, body())).toCommand('t')).not.toHaveProperty(
      'targetGroupFacts',
    );
  });

  it('names malformed target-group facts by their dotted path, and refuses facts that are not an object', async () => {
    expect(
      await violationsFor(
        OpenTrajectoryDto,
        body({ targetGroupFacts: { residenceRegion: 'PARIS', birthDate: '1985-07-30' } }),
      ),
    ).toEqual([
      { field: 'targetGroupFacts.birthDate', reason: 'property birthDate should not exist' },
      {
        field: 'targetGroupFacts.residenceRegion',
        reason: 'residenceRegion must be one of the following values: FLANDERS, BRUSSELS, WALLONIA',
      },
    ]);
    expect(await violationsFor(OpenTrajectoryDto, body({ targetGroupFacts: null }))).toEqual([
      { field: 'targetGroupFacts', reason: 'targetGroupFacts must be an object' },
    ]);
  });
});
