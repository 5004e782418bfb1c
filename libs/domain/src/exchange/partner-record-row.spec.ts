import { assertWordedByTheirKeys } from './row-problem.fixtures';
import { composeNationalNumber } from '../newcomer/national-number';
import { calendarDate } from '../time/calendar-date';
import { because } from '../trajectory/rejection';
import {
  run,
  trajectoryAt,
  NOW,
  enrolInMoCourse,
  recordMoTestResult,
} from '../trajectory/trajectory.fixtures';
import { outcomeOfRejection, priorRecord } from './partner-record-outcome';
import {
  checkCourseRecordRow,
  checkParticipationActivityRow,
  PartnerRecordCommand,
} from './partner-record-row';

const insz = composeNationalNumber(calendarDate('1990-04-12'), 37);
const gent = { organisation: 'Gent', municipality: 'Gent' };
const cvo = { organisation: 'CVO Gent' };
const activity = {
  nationalNumber: insz,
  kind: 'buddy',
  hours: '2,5',
  startedOn: '2026-10-01',
  endedOn: '2026-10-31',
  organisation: 'Vzw De Buurt',
  participantFeedback: 'Fijn; leerrijk',
};

const problemsOf = (check: ReturnType<typeof checkCourseRecordRow>) => (check.valid ? [] : check.problems);

describe('a participation activity row', () => {
  it('becomes a LogParticipationActivity in the coordinator municipality, hours with a decimal comma', () => {
    expect(checkParticipationActivityRow(activity, gent)).toEqual({
      valid: true,
      record: {
        nationalNumber: insz,
        command: {
          type: 'LogParticipationActivity',
          kind: 'BUDDY',
          hours: 2.5,
          startedOn: '2026-10-01',
          endedOn: '2026-10-31',
          organisation: 'Vzw De Buurt',
          municipality: 'Gent',
          participantFeedback: 'Fijn; leerrijk',
        },
      },
    });
  });

  it.each([
    [{ kind: 'PICNIC' }, 'kind', /must be one of BUDDY, /],
    [{ hours: 'twee' }, 'hours', /must be a number of hours/],
    [{ hours: '' }, 'hours', /is required/],
    [{ startedOn: '01/10/2026' }, 'startedOn', /must be a date as YYYY-MM-DD/],
    [{ organisation: 'x'.repeat(101) }, 'organisation', /at most 100 characters/],
    [{ nationalNumber: '90041212300' }, 'nationalNumber', /checksum/],
    [{ colour: 'red' }, 'colour', /is not a documented field/],
    [{ participantFeedback: 'x'.repeat(2001) }, 'participantFeedback', /at most 2000/],
  ])('refuses %j naming %s', (change, field, reason) => {
    const problems = problemsOf(checkParticipationActivityRow({ ...activity, ...change }, gent));
    expect(problems).toEqual([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]);
    assertWordedByTheirKeys(problems);
    expect(JSON.stringify(problems)).not.toContain('90041212300');
  });
});

describe('a course record row', () => {
  it.each([
    [
      { record: 'mo_enrolment', language: 'Arabisch', enrolledOn: '2026-10-01' },
      { type: 'EnrolInMoCourse', provider: 'CVO Gent', language: 'Arabisch', enrolledOn: '2026-10-01' },
    ],
    [
      { record: 'NT2_ENROLMENT', course: 'NT2 1.1', level: 'a2', enrolledOn: '2026-10-01' },
      {
        type: 'EnrolInNt2Course',
        provider: 'CVO Gent',
        course: 'NT2 1.1',
        level: 'A2',
        enrolledOn: '2026-10-01',
      },
    ],
    [
      {
        record: 'ATTENDANCE',
        pillar: 'NT2',
        periodFrom: '2026-10-01',
        periodTo: '2026-10-31',
        hoursScheduled: '40',
        hoursAttended: '36.5',
      },
      {
        type: 'RecordAttendance',
        pillar: 'NT2',
        periodFrom: '2026-10-01',
        periodTo: '2026-10-31',
        hoursScheduled: 40,
        hoursAttended: 36.5,
      },
    ],
    [
      { record: 'MO_TEST_RESULT', takenOn: '2026-11-02', passed: 'TRUE', certificateNumber: 'MO-77' },
      { type: 'RecordMoTestResult', takenOn: '2026-11-02', passed: true, certificateNumber: 'MO-77' },
    ],
    [
      {
        record: 'NT2_TEST_RESULT',
        level: 'A2',
        takenOn: '2026-11-02',
        passed: false,
        skills: 'listening|speaking',
      },
      {
        type: 'RecordNt2TestResult',
        level: 'A2',
        takenOn: '2026-11-02',
        passed: false,
        skills: ['LISTENING', 'SPEAKING'],
      },
    ],
  ])('reads %j for the provider that sends it', (fields, command) => {
    expect(checkCourseRecordRow({ nationalNumber: insz, ...fields }, cvo)).toEqual({
      valid: true,
      record: { nationalNumber: insz, command },
    });
  });

  it.each([
    [{ record: 'DIPLOMA' }, [['record', /must be one of MO_ENROLMENT/]]],
    [
      { record: 'MO_TEST_RESULT', takenOn: '2026-11-02', passed: 'true' },
      [['certificateNumber', /required with a pass/]],
    ],
    [
      { record: 'MO_TEST_RESULT', takenOn: '2026-11-02', passed: 'false', certificateNumber: 'X' },
      [['certificateNumber', /only given with a pass/]],
    ],
    [{ record: 'MO_TEST_RESULT', takenOn: '2026-11-02', passed: 'ja' }, [['passed', /true or false/]]],
    [
      { record: 'MO_ENROLMENT', language: 'Arabisch', enrolledOn: '2026-10-01', level: 'A2' },
      [['level', /not used for a MO_ENROLMENT record/]],
    ],
    [
      { record: 'NT2_TEST_RESULT', level: 'C1', takenOn: '2026-11-02', passed: 'false', skills: 'singing' },
      [
        ['level', /must be one of A1, A2, B1/],
        ['skills', /distinct values of LISTENING/],
      ],
    ],
    [
      { record: 'NT2_ENROLMENT', level: 'A2' },
      [
        ['course', /is required/],
        ['enrolledOn', /is required/],
      ],
    ],
  ])('refuses %j naming every bad field', (fields, expected) => {
    const problems = problemsOf(checkCourseRecordRow({ nationalNumber: insz, ...fields }, cvo));
    expect(problems).toEqual(
      (expected as [string, RegExp][]).map(([field, reason]) =>
        expect.objectContaining({ field, reason: expect.stringMatching(reason) }),
      ),
    );
    assertWordedByTheirKeys(problems);
  });

  it('refuses a row that is not an object', () => {
    expect(problemsOf(checkCourseRecordRow([1], cvo))).toEqual([
      { field: 'row', reason: 'must be an object with the documented fields', key: 'ROW_NOT_AN_OBJECT' },
    ]);
  });
});

describe('whether the trajectory holds a record already', () => {
  const enrolled = run([enrolInMoCourse('2026-05-04', 'CVO Gent')], NOW, trajectoryAt('CONTRACT_SIGNED'));
  const tested = run([recordMoTestResult('2026-05-20', true)], NOW, enrolled);
  const mo = (passed: boolean, certificateNumber?: string): PartnerRecordCommand => ({
    type: 'RecordMoTestResult',
    takenOn: '2026-05-20',
    passed,
    ...(certificateNumber ? { certificateNumber } : {}),
  });

  it('is SAME for the same data, OTHER for other data, NONE for another fact', () => {
    expect(priorRecord(mo(true, 'MO-2026-05-20'), tested.state)).toEqual({ found: 'SAME' });
    expect(priorRecord(mo(true, 'MO-OTHER'), tested.state)).toEqual({
      found: 'OTHER',
      problem: {
        field: 'row',
        reason: 'a result of the test on this date was recorded before with another outcome or certificate',
        key: 'RECORD_MO_RESULT_OTHER',
      },
    });
    expect(
      priorRecord({ type: 'RecordMoTestResult', takenOn: '2026-05-21', passed: false }, tested.state),
    ).toEqual({
      found: 'NONE',
    });
    expect(
      priorRecord(
        { type: 'EnrolInMoCourse', provider: 'CVO Gent', language: 'Arabic', enrolledOn: '2026-05-04' },
        tested.state,
      ),
    ).toEqual({ found: 'SAME' });
  });

  it('turns a refused field into INVALID and a refused state into CONFLICT, keyed by the refusal', () => {
    expect(
      outcomeOfRejection(
        because('BEFORE_ENROLMENT', { field: 'takenOn', earliest: '2026-05-04' }, 'takenOn'),
      ),
    ).toEqual({
      outcome: 'INVALID',
      problem: {
        field: 'takenOn',
        reason: 'takenOn must not be before the enrolment on 2026-05-04',
        key: 'BEFORE_ENROLMENT',
        params: { field: 'takenOn', earliest: '2026-05-04' },
      },
    });
    expect(outcomeOfRejection(because('TRAJECTORY_SUSPENDED', { suspendedFrom: '2026-05-01' }))).toEqual({
      outcome: 'CONFLICT',
      problem: {
        field: 'row',
        reason: 'trajectory is suspended since 2026-05-01; resume it first',
        key: 'TRAJECTORY_SUSPENDED',
        params: { suspendedFrom: '2026-05-01' },
      },
    });
  });
});
