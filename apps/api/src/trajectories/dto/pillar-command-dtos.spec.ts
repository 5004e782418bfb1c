import { validateDto, violationsFor } from '../../testing/validate-dto';
import { AgreeWorkTrackDto } from './agree-work-track.dto';
import { EnrolInMoCourseDto } from './enrol-in-mo-course.dto';
import { LogParticipationActivityDto } from './log-participation-activity.dto';
import { RecordMoTestResultDto } from './record-mo-test-result.dto';
import { RecordNt2TestResultDto } from './record-nt2-test-result.dto';
import { AdjustNt2TargetDto } from './adjust-nt2-target.dto';
import { EnrolInNt2CourseDto } from './enrol-in-nt2-course.dto';
import { ReferToNt2CourseDto } from './refer-to-nt2-course.dto';
import { WaivePillarDto } from './waive-pillar.dto';

const DATE_REASON = (field: string) => `${field} must be a real date written YYYY-MM-DD`;

describe('MO DTOs', () => {
  it('build EnrolInMoCourse and RecordMoTestResult', async () => {
    expect(
      (
        await validateDto(EnrolInMoCourseDto, {
          provider: 'AGII Leuven',
          language: 'Arabic',
          enrolledOn: '2025-05-05',
        })
      ).toCommand(),
    ).toEqual({
      type: 'EnrolInMoCourse',
      provider: 'AGII Leuven',
      language: 'Arabic',
      enrolledOn: '2025-05-05',
    });
    expect(
      (await validateDto(RecordMoTestResultDto, { takenOn: '2025-07-01', passed: false })).toCommand(),
    ).toEqual({
      type: 'RecordMoTestResult',
      takenOn: '2025-07-01',
      passed: false,
    });
  });

  it('refuse a blank provider, a missing language and a malformed date', async () => {
    expect(await violationsFor(EnrolInMoCourseDto, { provider: ' ', enrolledOn: '2025-5-5' })).toEqual([
      { field: 'provider', reason: 'provider must not be blank' },
      { field: 'language', reason: 'language is required' },
      { field: 'enrolledOn', reason: DATE_REASON('enrolledOn') },
    ]);
  });

  it('refuse an overlong provider or language', async () => {
    expect(
      await violationsFor(EnrolInMoCourseDto, {
        provider: 'p'.repeat(201),
        language: 'l'.repeat(101),
        enrolledOn: '2025-05-05',
      }),
    ).toEqual([
      { field: 'provider', reason: 'provider must be shorter than or equal to 200 characters' },
      { field: 'language', reason: 'language must be shorter than or equal to 100 characters' },
    ]);
  });

  it.each([['true'], [1], [null], [undefined]])('refuse passed %j: true or false only', async (passed) => {
    expect(await violationsFor(RecordMoTestResultDto, { takenOn: '2025-07-01', passed })).toEqual([
      { field: 'passed', reason: 'passed must be a boolean value' },
    ]);
  });
});

describe('NT2 DTOs', () => {
  it('build ReferToNt2Course and RecordNt2TestResult', async () => {
    expect(
      (
        await validateDto(ReferToNt2CourseDto, {
          provider: 'CVO Leuven-Landen',
          course: 'NT2 Richtgraad 1',
          level: 'A2',
          referredOn: '2025-05-10',
        })
      ).toCommand(),
    ).toEqual({
      type: 'ReferToNt2Course',
      provider: 'CVO Leuven-Landen',
      course: 'NT2 Richtgraad 1',
      level: 'A2',
      referredOn: '2025-05-10',
    });
    expect(
      (
        await validateDto(RecordNt2TestResultDto, { level: 'B1', takenOn: '2025-12-01', passed: true })
      ).toCommand(),
    ).toEqual({ type: 'RecordNt2TestResult', level: 'B1', takenOn: '2025-12-01', passed: true });
  });

  it('refuse a level outside A1, A2, B1', async () => {
    const violation = { field: 'level', reason: 'level must be one of the following values: A1, A2, B1' };

    expect(
      await violationsFor(ReferToNt2CourseDto, {
        provider: 'CVO',
        course: 'NT2',
        level: 'C1',
        referredOn: '2025-05-10',
      }),
    ).toEqual([violation]);
    expect(
      await violationsFor(RecordNt2TestResultDto, { level: 'a2', takenOn: '2025-12-01', passed: true }),
    ).toEqual([violation]);
  });

  it('refuse a blank course and a malformed date', async () => {
    expect(
      await violationsFor(ReferToNt2CourseDto, {
        provider: 'CVO',
        course: '',
        level: 'A1',
        referredOn: '2025-13-10',
      }),
    ).toEqual([
      { field: 'referredOn', reason: DATE_REASON('referredOn') },
      { field: 'course', reason: 'course must not be blank' },
    ]);
  });

  it('build AdjustNt2Target, and name each wrong field', async () => {
    const body = { targetLevel: 'A1', adjustedOn: '2025-06-01', reason: 'low-literate learner' };
    expect((await validateDto(AdjustNt2TargetDto, body)).toCommand()).toEqual({
      type: 'AdjustNt2Target',
      ...body,
    });
    expect(
      await violationsFor(AdjustNt2TargetDto, { targetLevel: 'A0', adjustedOn: '2025-06-31', reason: '' }),
    ).toEqual([
      { field: 'targetLevel', reason: 'targetLevel must be one of the following values: A1, A2, B1' },
      { field: 'adjustedOn', reason: DATE_REASON('adjustedOn') },
      { field: 'reason', reason: 'reason must not be blank' },
    ]);
  });

  it('build EnrolInNt2Course, and name each wrong field', async () => {
    const body = { provider: 'CVO Gent', course: 'Nederlands 1.1', level: 'A1', enrolledOn: '2025-05-12' };
    expect((await validateDto(EnrolInNt2CourseDto, body)).toCommand()).toEqual({
      type: 'EnrolInNt2Course',
      ...body,
    });
    expect(
      await violationsFor(EnrolInNt2CourseDto, {
        provider: ' ',
        course: '',
        level: 'C1',
        enrolledOn: '12/05/2025',
      }),
    ).toEqual([
      // class-validator reports the subclass's own field (the date) before the inherited course fields
      { field: 'enrolledOn', reason: DATE_REASON('enrolledOn') },
      { field: 'provider', reason: 'provider must not be blank' },
      { field: 'course', reason: 'course must not be blank' },
      { field: 'level', reason: 'level must be one of the following values: A1, A2, B1' },
    ]);
  });
});

describe('AgreeWorkTrackDto', () => {
  it('builds AgreeWorkTrack', async () => {
    expect(
      (
        await validateDto(AgreeWorkTrackDto, {
          description: 'job coaching in logistics',
          agreedOn: '2025-06-01',
        })
      ).toCommand(),
    ).toEqual({ type: 'AgreeWorkTrack', description: 'job coaching in logistics', agreedOn: '2025-06-01' });
  });

  it('refuses a blank or overlong description', async () => {
    expect(await violationsFor(AgreeWorkTrackDto, { description: '\t', agreedOn: '2025-06-01' })).toEqual([
      { field: 'description', reason: 'description must not be blank' },
    ]);
    expect(
      await violationsFor(AgreeWorkTrackDto, { description: 'd'.repeat(2001), agreedOn: '2025-06-01' }),
    ).toEqual([
      { field: 'description', reason: 'description must be shorter than or equal to 2000 characters' },
    ]);
  });
});

describe('LogParticipationActivityDto', () => {
  const activity = {
    kind: 'VOLUNTEERING',
    hours: 3.5,
    startedOn: '2025-06-02',
    endedOn: '2025-06-02',
    organisation: 'Buurtwerk De Wip',
  };

  it('builds LogParticipationActivity, with the optional fields only when given', async () => {
    expect((await validateDto(LogParticipationActivityDto, activity)).toCommand()).toEqual({
      type: 'LogParticipationActivity',
      ...activity,
    });
    expect(
      (
        await validateDto(LogParticipationActivityDto, {
          ...activity,
          municipality: 'Leuven',
          participantFeedback: 'met new people',
          organisationFeedback: 'reliable and eager',
        })
      ).toCommand(),
    ).toEqual({
      type: 'LogParticipationActivity',
      ...activity,
      municipality: 'Leuven',
      participantFeedback: 'met new people',
      organisationFeedback: 'reliable and eager',
    });
  });

  it.each([[0.1], [41], [100], [2.3]])(
    'leaves the bounds and the steps of the hours (%d) to the trajectory',
    async (hours) => {
      await expect(validateDto(LogParticipationActivityDto, { ...activity, hours })).resolves.toBeInstanceOf(
        LogParticipationActivityDto,
      );
    },
  );

  it('leaves the order of the dates to the trajectory', async () => {
    await expect(
      validateDto(LogParticipationActivityDto, {
        ...activity,
        startedOn: '2025-06-05',
        endedOn: '2025-06-01',
      }),
    ).resolves.toBeInstanceOf(LogParticipationActivityDto);
  });

  it.each<[unknown, string[]]>([
    [0, ['hours must be a positive number']],
    [-2, ['hours must be a positive number']],
    ['3', ['hours must be a number conforming to the specified constraints']],
    [null, ['hours must be a number conforming to the specified constraints']],
  ])('refuses hours %j', async (hours, reasons) => {
    const violations = await violationsFor(LogParticipationActivityDto, { ...activity, hours });

    expect(violations.every((violation) => violation.field === 'hours')).toBe(true);
    expect(violations.map((violation) => violation.reason).sort()).toEqual(reasons.sort());
  });

  it('refuses an unknown kind, malformed dates, a blank organisation, an empty municipality and long feedback', async () => {
    expect(
      await violationsFor(LogParticipationActivityDto, {
        ...activity,
        kind: 'SPORTS',
        startedOn: '2025-06-31',
        endedOn: 'tomorrow',
        organisation: ' ',
        municipality: '',
        participantFeedback: 'f'.repeat(2001),
      }),
    ).toEqual([
      {
        field: 'kind',
        reason:
          'kind must be one of the following values: BUDDY, INTRODUCTORY_INTERNSHIP, VOLUNTEERING, LANGUAGE_INTERNSHIP, CLUB_INTRODUCTION, OTHER',
      },
      { field: 'startedOn', reason: DATE_REASON('startedOn') },
      { field: 'endedOn', reason: DATE_REASON('endedOn') },
      { field: 'organisation', reason: 'organisation must not be blank' },
      { field: 'municipality', reason: 'municipality should not be empty' },
      {
        field: 'participantFeedback',
        reason: 'participantFeedback must be shorter than or equal to 2000 characters',
      },
    ]);
  });
});

describe('WaivePillarDto', () => {
  it('builds WaivePillar for the pillar from the path', async () => {
    expect(
      (
        await validateDto(WaivePillarDto, {
          reason: 'incapacity for work (medical certificate)',
          waivedOn: '2025-06-10',
        })
      ).toCommand('WORK'),
    ).toEqual({
      type: 'WaivePillar',
      pillar: 'WORK',
      reason: 'incapacity for work (medical certificate)',
      waivedOn: '2025-06-10',
    });
  });

  it('refuses a blank reason, a malformed date and a pillar in the body', async () => {
    expect(
      await violationsFor(WaivePillarDto, { reason: ' ', waivedOn: '2025/06/10', pillar: 'WORK' }),
    ).toEqual([
      { field: 'pillar', reason: 'property pillar should not exist' },
      { field: 'reason', reason: 'reason must not be blank' },
      { field: 'waivedOn', reason: DATE_REASON('waivedOn') },
    ]);
  });
});
