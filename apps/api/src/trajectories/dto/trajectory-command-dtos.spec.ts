import { validateDto, violationsFor } from '../../testing/validate-dto';
import { CloseTrajectoryDto } from './close-trajectory.dto';
import { RecordContractDto } from './record-contract.dto';
import { RecordIntakeDto } from './record-intake.dto';
import { RecordVdabRegistrationDto } from './record-vdab-registration.dto';

describe('trajectory command DTOs', () => {
  it('turn valid bodies into their commands', async () => {
    expect((await validateDto(RecordIntakeDto, { intakeOn: '2025-04-01' })).toCommand()).toEqual({
      type: 'RecordIntake',
      intakeOn: '2025-04-01',
    });
    expect((await validateDto(RecordContractDto, { signedOn: '2025-04-15' })).toCommand()).toEqual({
      type: 'RecordContract',
      signedOn: '2025-04-15',
    });
    expect(
      (
        await validateDto(RecordVdabRegistrationDto, {
          registeredOn: '2025-05-02',
          vdabClientReference: 'V-88123',
        })
      ).toCommand(),
    ).toEqual({ type: 'RecordVdabRegistration', registeredOn: '2025-05-02', vdabClientReference: 'V-88123' });
    expect(
      (
        await validateDto(CloseTrajectoryDto, { reason: 'MOVED_OUT_OF_FLANDERS', closedOn: '2025-06-30' })
      ).toCommand(),
    ).toEqual({ type: 'CloseTrajectory', reason: 'MOVED_OUT_OF_FLANDERS', closedOn: '2025-06-30' });
  });

  it('name the missing or malformed date', async () => {
    expect(await violationsFor(RecordIntakeDto, {})).toEqual([
      { field: 'intakeOn', reason: 'intakeOn must be a real date written YYYY-MM-DD' },
    ]);
    expect(await violationsFor(RecordContractDto, { signedOn: '2025-13-01' })).toEqual([
      { field: 'signedOn', reason: 'signedOn must be a real date written YYYY-MM-DD' },
    ]);
  });

  it('refuse a blank VDAB client reference', async () => {
    expect(
      await violationsFor(RecordVdabRegistrationDto, {
        registeredOn: '2025-05-02',
        vdabClientReference: ' ',
      }),
    ).toEqual([{ field: 'vdabClientReference', reason: 'vdabClientReference must not be blank' }]);
  });

  it('refuse a closure reason outside the domain list', async () => {
    expect(await violationsFor(CloseTrajectoryDto, { reason: 'BORED', closedOn: '2025-06-30' })).toEqual([
      {
        field: 'reason',
        reason:
          'reason must be one of the following values: CONTRACT_TERMINATED, MOVED_OUT_OF_FLANDERS, DECEASED',
      },
    ]);
  });

  it('carry the intake profile, with only the answers given', async () => {
    expect(
      (
        await validateDto(RecordIntakeDto, {
          intakeOn: '2025-04-01',
          profile: { working: false, studying: false, mayWork: true, literacy: 'LOW_LITERATE' },
        })
      ).toCommand(),
    ).toEqual({
      type: 'RecordIntake',
      intakeOn: '2025-04-01',
      profile: { working: false, studying: false, mayWork: true, literacy: 'LOW_LITERATE' },
    });
    expect(
      (
        await validateDto(RecordIntakeDto, { intakeOn: '2025-04-01', profile: { working: true } })
      ).toCommand(),
    ).toEqual({
      type: 'RecordIntake',
      intakeOn: '2025-04-01',
      profile: { working: true },
    });
  });

  it('name malformed profile answers by their dotted path, and refuse a profile that is not an object', async () => {
    expect(
      await violationsFor(RecordIntakeDto, {
        intakeOn: '2025-04-01',
        profile: { mayWork: 'yes', literacy: 'FLUENT', age: 30 },
      }),
    ).toEqual([
      { field: 'profile.age', reason: 'property age should not exist' },
      { field: 'profile.mayWork', reason: 'mayWork must be a boolean value' },
      {
        field: 'profile.literacy',
        reason: 'literacy must be one of the following values: LITERATE, LOW_LITERATE, ILLITERATE',
      },
    ]);
    for (const profile of [null, 'LITERATE', [{ working: true }]]) {
      expect(await violationsFor(RecordIntakeDto, { intakeOn: '2025-04-01', profile })).toContainEqual({
        field: 'profile',
        reason: 'profile must be an object',
      });
    }
  });
});
