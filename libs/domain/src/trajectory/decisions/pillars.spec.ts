import { nextDeadlineExpiry } from '../deadline-expiry';
import { TrajectoryCommand } from '../commands';
import { decide } from '../decide';
import { RejectionCode } from '../rejection';
import {
  acceptedEvents,
  agreeWorkTrack,
  contractSignedWith,
  enrolInMoCourse,
  enrolInNt2Course,
  expectedEvent,
  expireAt,
  FIRST_VIOLATION_ID,
  History,
  logParticipationActivity,
  NOW,
  recordMoTestResult,
  recordNt2TestResult,
  referToNt2Course,
  rejectionOf,
  run,
  SIGNED_UNDER,
  suspendTrajectory,
  trajectoryAt,
  VDAB_DEADLINE_ID,
  waivePillar,
} from '../trajectory.fixtures';

const at = (now: number = NOW) => ({ now });

/** Contract signed 2026-04-30 (policy 2023), the fixture newcomer of working age: all four pillars REQUIRED. */
const signed = (): History => trajectoryAt('CONTRACT_SIGNED');
const signed2022 = (): History => contractSignedWith(SIGNED_UNDER['2022']);
const signed2016 = (): History => contractSignedWith(SIGNED_UNDER['2016']);

const rejected = (history: History, command: TrajectoryCommand) =>
  rejectionOf(decide(history.state, command, at()));
const accepted = (history: History, command: TrajectoryCommand) =>
  acceptedEvents(decide(history.state, command, at()));

const BEFORE_CONTRACT = {
  code: 'INVALID_STATE',
  field: undefined,
  message: 'the pillars start when the contract is signed; record the contract first',
};

describe('pillar commands', () => {
  describe('before the contract: the pillars do not exist yet', () => {
    it.each<[string, TrajectoryCommand]>([
      ['EnrolInMoCourse', enrolInMoCourse('2026-03-20')],
      ['RecordMoTestResult', recordMoTestResult('2026-03-20', true)],
      ['ReferToNt2Course', referToNt2Course('2026-03-20')],
      ['EnrolInNt2Course', enrolInNt2Course('2026-03-20')],
      ['RecordNt2TestResult', recordNt2TestResult('2026-03-20', 'A2', true)],
      ['AgreeWorkTrack', agreeWorkTrack('2026-03-20')],
      ['LogParticipationActivity', logParticipationActivity(4, '2026-03-20')],
      ['WaivePillar', waivePillar('MO', '2026-03-20')],
    ])('%s is refused (INVALID_STATE) at intake and at registration', (_label, command) => {
      expect(rejected(trajectoryAt('INTAKE_DONE'), command)).toEqual(BEFORE_CONTRACT);
      expect(rejected(trajectoryAt('REGISTERED'), command)).toEqual(BEFORE_CONTRACT);
    });
  });

  describe('while suspended', () => {
    it.each<[string, TrajectoryCommand]>([
      ['EnrolInMoCourse', enrolInMoCourse('2026-06-02')],
      ['ReferToNt2Course', referToNt2Course('2026-06-02')],
      ['EnrolInNt2Course', enrolInNt2Course('2026-06-02')],
      ['AgreeWorkTrack', agreeWorkTrack('2026-06-02')],
      ['LogParticipationActivity', logParticipationActivity(4, '2026-06-02')],
    ])('%s is refused until the trajectory resumes', (_label, command) => {
      const suspended = run([suspendTrajectory('2026-06-01')], NOW, signed());
      expect(rejected(suspended, command)).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'trajectory is suspended since 2026-06-01; resume it first',
      });
    });

    it('WaivePillar is accepted (an exemption can be granted during a suspension)', () => {
      const suspended = run([suspendTrajectory('2026-06-01')], NOW, signed());
      expect(accepted(suspended, waivePillar('NT2', '2026-06-02')).map((event) => event.type)).toEqual([
        'PillarWaived',
      ]);
    });
  });

  describe('EnrolInMoCourse', () => {
    it('records the provider and language, trimmed, and starts the MO pillar', () => {
      expect(accepted(signed(), enrolInMoCourse('2026-05-04', '  CVO Gent ', ' Tigrinya '))).toEqual([
        expectedEvent('MoCourseEnrolled', {
          provider: 'CVO Gent',
          language: 'Tigrinya',
          enrolledOn: '2026-05-04',
        }),
      ]);
    });

    it.each<[string, TrajectoryCommand, RejectionCode, string, string]>([
      [
        'an empty provider',
        enrolInMoCourse('2026-05-04', ' '),
        'INVALID_INPUT',
        'provider',
        'provider must not be empty',
      ],
      [
        'an empty language',
        enrolInMoCourse('2026-05-04', 'CVO Gent', ''),
        'INVALID_INPUT',
        'language',
        'language must not be empty',
      ],
      [
        'a date in the future',
        enrolInMoCourse('2026-06-16'),
        'RULE_VIOLATION',
        'enrolledOn',
        'enrolledOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
      [
        'a date that is not a date',
        enrolInMoCourse('4 May 2026'),
        'INVALID_INPUT',
        'enrolledOn',
        'enrolledOn must be a date (YYYY-MM-DD)',
      ],
    ])('refuses %s', (_label, command, code, field, message) => {
      expect(rejected(signed(), command)).toEqual({ code, field, message });
    });
  });

  describe('RecordMoTestResult', () => {
    it('before any MO enrolment: INVALID_STATE', () => {
      expect(rejected(signed(), recordMoTestResult('2026-05-20', true))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'an MO test result needs an MO course enrolment first',
      });
    });

    it('a test taken before the enrolment date: RULE_VIOLATION on takenOn', () => {
      const enrolled = run([enrolInMoCourse('2026-05-04')], NOW, signed());
      expect(rejected(enrolled, recordMoTestResult('2026-05-03', true))).toEqual({
        code: 'RULE_VIOLATION',
        field: 'takenOn',
        message: 'takenOn must not be before the enrolment on 2026-05-04',
      });
      expect(accepted(enrolled, recordMoTestResult('2026-05-04', false))).toEqual([
        expectedEvent('MoTestTaken', { takenOn: '2026-05-04', passed: false, certificateNumber: null }),
      ]);
    });

    it.each<[string, TrajectoryCommand, RejectionCode, string, string]>([
      [
        'a date in the future',
        recordMoTestResult('2026-06-16', true),
        'RULE_VIOLATION',
        'takenOn',
        'takenOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
      [
        'a date that is not a date',
        recordMoTestResult('2026-02-30', true),
        'INVALID_INPUT',
        'takenOn',
        'takenOn must be a date (YYYY-MM-DD)',
      ],
      [
        'a result that is not true or false',
        { type: 'RecordMoTestResult', takenOn: '2026-05-20', passed: 'yes' as unknown as boolean },
        'INVALID_INPUT',
        'passed',
        'passed must be true or false',
      ],
    ])('refuses %s', (_label, command, code, field, message) => {
      const enrolled = run([enrolInMoCourse('2026-05-04')], NOW, signed());
      expect(rejected(enrolled, command)).toEqual({ code, field, message });
    });
  });

  describe('ReferToNt2Course', () => {
    it('records the referral, trimmed', () => {
      expect(
        accepted(signed(), referToNt2Course('2026-05-04', 'A1', ' CVO Gent ', ' Nederlands 1.1 ')),
      ).toEqual([
        expectedEvent('Nt2Referred', {
          provider: 'CVO Gent',
          course: 'Nederlands 1.1',
          level: 'A1',
          referredOn: '2026-05-04',
        }),
      ]);
    });

    it.each<[string, TrajectoryCommand, RejectionCode, string, string]>([
      [
        'an empty provider',
        referToNt2Course('2026-05-04', 'A2', ''),
        'INVALID_INPUT',
        'provider',
        'provider must not be empty',
      ],
      [
        'an empty course',
        referToNt2Course('2026-05-04', 'A2', 'CVO Gent', ' '),
        'INVALID_INPUT',
        'course',
        'course must not be empty',
      ],
      [
        'an unknown level',
        referToNt2Course('2026-05-04', 'C1' as 'A1'),
        'INVALID_INPUT',
        'level',
        'level must be A1, A2 or B1',
      ],
    ])('refuses %s', (_label, command, code, field, message) => {
      expect(rejected(signed(), command)).toEqual({ code, field, message });
    });
  });

  describe('EnrolInNt2Course', () => {
    const referred = () => run([referToNt2Course('2026-05-04', 'A1')], NOW, signed());

    it('records the enrolment after the referral, trimmed; the pillar is in progress with both', () => {
      const command = enrolInNt2Course('2026-05-11', 'A1', ' CVO Gent ', ' Nederlands 1.1 ');
      expect(accepted(referred(), command)).toEqual([
        expectedEvent('Nt2CourseEnrolled', {
          provider: 'CVO Gent',
          course: 'Nederlands 1.1',
          level: 'A1',
          enrolledOn: '2026-05-11',
        }),
      ]);
      const { state } = run([command], NOW, referred());
      expect(state.pillars?.NT2).toMatchObject({
        status: 'IN_PROGRESS',
        referrals: [{ provider: 'CVO Gent', level: 'A1', referredOn: '2026-05-04' }],
        enrolments: [
          { provider: 'CVO Gent', course: 'Nederlands 1.1', level: 'A1', enrolledOn: '2026-05-11' },
        ],
      });
    });

    it('keeps every enrolment: the next course follows the first', () => {
      const { state } = run(
        [
          enrolInNt2Course('2026-05-11', 'A1'),
          enrolInNt2Course('2026-06-08', 'A2', 'CVO Gent', 'Nederlands 1.2'),
        ],
        NOW,
        referred(),
      );
      expect(state.pillars?.NT2.enrolments.map((enrolment) => [enrolment.level, enrolment.course])).toEqual([
        ['A1', 'Nederlands 1.1'],
        ['A2', 'Nederlands 1.2'],
      ]);
    });

    it('before any referral: INVALID_STATE', () => {
      expect(rejected(signed(), enrolInNt2Course('2026-05-11'))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'an NT2 enrolment follows a referral to an NT2 course; record the referral first',
      });
    });

    it.each<[string, TrajectoryCommand, RejectionCode, string, string]>([
      [
        'an enrolment before the referral',
        enrolInNt2Course('2026-05-03'),
        'RULE_VIOLATION',
        'enrolledOn',
        'enrolledOn must not be before the referral on 2026-05-04',
      ],
      [
        'an empty provider',
        enrolInNt2Course('2026-05-11', 'A2', ' '),
        'INVALID_INPUT',
        'provider',
        'provider must not be empty',
      ],
      [
        'an empty course',
        enrolInNt2Course('2026-05-11', 'A2', 'CVO Gent', ''),
        'INVALID_INPUT',
        'course',
        'course must not be empty',
      ],
      [
        'an unknown level',
        enrolInNt2Course('2026-05-11', 'C2' as 'A1'),
        'INVALID_INPUT',
        'level',
        'level must be A1, A2 or B1',
      ],
      [
        'a date in the future',
        enrolInNt2Course('2026-06-16'),
        'RULE_VIOLATION',
        'enrolledOn',
        'enrolledOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
    ])('refuses %s', (_label, command, code, field, message) => {
      expect(rejected(referred(), command)).toEqual({ code, field, message });
    });
  });

  describe('RecordNt2TestResult', () => {
    it('before any NT2 referral: INVALID_STATE', () => {
      expect(rejected(signed(), recordNt2TestResult('2026-05-20', 'A2', true))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'an NT2 test result needs a referral to an NT2 course first',
      });
    });

    it('a test taken before the referral date: RULE_VIOLATION on takenOn', () => {
      const referred = run([referToNt2Course('2026-05-04')], NOW, signed());
      expect(rejected(referred, recordNt2TestResult('2026-05-01', 'A2', true))).toEqual({
        code: 'RULE_VIOLATION',
        field: 'takenOn',
        message: 'takenOn must not be before the referral on 2026-05-04',
      });
    });

    it.each<[string, TrajectoryCommand, RejectionCode, string, string]>([
      [
        'an unknown level',
        recordNt2TestResult('2026-05-20', 'B2' as 'B1', true),
        'INVALID_INPUT',
        'level',
        'level must be A1, A2 or B1',
      ],
      [
        'a date in the future',
        recordNt2TestResult('2026-06-16', 'A2', true),
        'RULE_VIOLATION',
        'takenOn',
        'takenOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
      [
        'a result that is not true or false',
        {
          type: 'RecordNt2TestResult',
          level: 'A2',
          takenOn: '2026-05-20',
          passed: undefined as unknown as boolean,
        },
        'INVALID_INPUT',
        'passed',
        'passed must be true or false',
      ],
    ])('refuses %s', (_label, command, code, field, message) => {
      const referred = run([referToNt2Course('2026-05-04')], NOW, signed());
      expect(rejected(referred, command)).toEqual({ code, field, message });
    });
  });

  describe('AgreeWorkTrack', () => {
    it('where WORK does not apply: RULE_VIOLATION', () => {
      expect(rejected(signed2016(), agreeWorkTrack('2019-03-01'))).toEqual({
        code: 'RULE_VIOLATION',
        field: undefined,
        message: 'the WORK pillar does not apply: policy 2016 has no VDAB registration condition',
      });
      const noRightToWork = contractSignedWith({ profile: { mayWork: false } });
      expect(rejected(noRightToWork, agreeWorkTrack('2026-05-12')).code).toBe('RULE_VIOLATION');
    });

    it('refuses an empty description', () => {
      expect(rejected(signed(), agreeWorkTrack('2026-05-12', '  '))).toEqual({
        code: 'INVALID_INPUT',
        field: 'description',
        message: 'description must not be empty',
      });
    });
  });

  describe('LogParticipationActivity', () => {
    it("records the activity, numbered, in the newcomer's municipality unless another is given", () => {
      const history = signed();
      expect(
        accepted(
          history,
          logParticipationActivity(7.5, '2026-05-02', {
            endedOn: '2026-05-09',
            kind: 'INTRODUCTORY_INTERNSHIP',
            organisation: ' OCMW Gent ',
            participantFeedback: 'learnt a lot',
            organisationFeedback: 'motivated',
          }),
        ),
      ).toEqual([
        expectedEvent('ParticipationActivityLogged', {
          activityId: 'trj-0001:activity:1',
          kind: 'INTRODUCTORY_INTERNSHIP',
          hours: 7.5,
          startedOn: '2026-05-02',
          endedOn: '2026-05-09',
          organisation: 'OCMW Gent',
          municipality: 'Gent',
          participantFeedback: 'learnt a lot',
          organisationFeedback: 'motivated',
        }),
      ]);
      const second = run([logParticipationActivity(7.5, '2026-05-02')], NOW, history);
      expect(
        accepted(second, logParticipationActivity(2, '2026-05-10', { municipality: ' Destelbergen ' }))[0]
          .data,
      ).toMatchObject({
        activityId: 'trj-0001:activity:2',
        municipality: 'Destelbergen',
      });
    });

    it.each([
      ['2016', signed2016, 'policy 2016 has no participation pillar'],
      ['2022', signed2022, 'policy 2022 has no participation pillar'],
    ] as const)('under %s the pillar does not apply: RULE_VIOLATION', (_version, history, reason) => {
      const refusal = rejected(history(), logParticipationActivity(4, '2026-05-02'));
      expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', field: undefined });
      expect(refusal.message).toMatch(new RegExp(`^the participation pillar does not apply: ${reason} \\(`));
    });

    it('an OPTIONAL pillar accepts activities', () => {
      const working = contractSignedWith({ profile: { working: true } });
      expect(working.state.pillars?.PARTICIPATION.applicability).toBe('OPTIONAL');
      expect(accepted(working, logParticipationActivity(4, '2026-05-02')).map((event) => event.type)).toEqual(
        ['ParticipationActivityLogged'],
      );
    });

    it.each([0, -1, 40.25, 41, 1.1, 0.1, 2.3, Number.NaN, Number.POSITIVE_INFINITY])(
      'refuses %p hours (more than 0, at most 40, in quarter hours): INVALID_INPUT on hours',
      (hours) => {
        expect(rejected(signed(), logParticipationActivity(hours, '2026-05-02'))).toEqual({
          code: 'INVALID_INPUT',
          field: 'hours',
          message: 'hours must be more than 0 and at most 40, in quarter hours',
        });
      },
    );

    it('refuses hours that are not a number', () => {
      expect(rejected(signed(), logParticipationActivity('4' as unknown as number, '2026-05-02')).field).toBe(
        'hours',
      );
    });

    it.each([0.25, 0.5, 0.75, 1, 12.25, 40])('accepts %p hours', (hours) => {
      expect(accepted(signed(), logParticipationActivity(hours, '2026-05-02'))[0].data).toMatchObject({
        hours,
      });
    });

    it.each<[string, Parameters<typeof logParticipationActivity>, RejectionCode, string, string]>([
      [
        'an end before the start',
        [4, '2026-05-10', { endedOn: '2026-05-09' }],
        'RULE_VIOLATION',
        'endedOn',
        'endedOn must not be before startedOn',
      ],
      [
        'a start before the contract',
        [4, '2026-04-29', { endedOn: '2026-05-02' }],
        'RULE_VIOLATION',
        'startedOn',
        'startedOn must not be before the contract on 2026-04-30',
      ],
      [
        'an end in the future',
        [4, '2026-06-10', { endedOn: '2026-06-16' }],
        'RULE_VIOLATION',
        'endedOn',
        'endedOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
      [
        'a start that is not a date',
        [4, '2026-5-2'],
        'INVALID_INPUT',
        'startedOn',
        'startedOn must be a date (YYYY-MM-DD)',
      ],
      [
        'an unknown kind',
        [4, '2026-05-02', { kind: 'PARTY' as 'BUDDY' }],
        'INVALID_INPUT',
        'kind',
        'kind must be one of BUDDY, INTRODUCTORY_INTERNSHIP, VOLUNTEERING, LANGUAGE_INTERNSHIP, CLUB_INTRODUCTION, OTHER',
      ],
      [
        'an empty organisation',
        [4, '2026-05-02', { organisation: ' ' }],
        'INVALID_INPUT',
        'organisation',
        'organisation must not be empty',
      ],
    ])('refuses %s', (_label, args, code, field, message) => {
      expect(rejected(signed(), logParticipationActivity(...args))).toEqual({ code, field, message });
    });

    it('accepts an activity of one day (ended the day it started) on the contract day', () => {
      expect(accepted(signed(), logParticipationActivity(3, '2026-04-30'))[0].data).toMatchObject({
        startedOn: '2026-04-30',
        endedOn: '2026-04-30',
      });
    });
  });

  describe('WaivePillar', () => {
    it('waives a required pillar with its reason, trimmed', () => {
      expect(accepted(signed(), waivePillar('NT2', '2026-05-15', '  Dutch diploma  '))).toEqual([
        expectedEvent('PillarWaived', { pillar: 'NT2', waivedOn: '2026-05-15', reason: 'Dutch diploma' }),
      ]);
      const { state } = run([waivePillar('NT2', '2026-05-15', 'Dutch diploma')], NOW, signed());
      expect(state.pillars?.NT2).toMatchObject({
        status: 'WAIVED',
        waiver: { on: '2026-05-15', reason: 'Dutch diploma' },
      });
    });

    it('waives an OPTIONAL pillar', () => {
      const working = contractSignedWith({ profile: { working: true } });
      expect(
        accepted(working, waivePillar('PARTICIPATION', '2026-05-15')).map((event) => event.type),
      ).toEqual(['PillarWaived']);
    });

    it.each([
      ['WORK under 2016', signed2016, 'WORK'],
      ['PARTICIPATION under 2016', signed2016, 'PARTICIPATION'],
      ['PARTICIPATION under 2022', signed2022, 'PARTICIPATION'],
      ['WORK without the right to work', () => contractSignedWith({ profile: { mayWork: false } }), 'WORK'],
    ] as const)('refuses to waive a pillar that does not apply: %s', (_label, history, pillar) => {
      expect(rejected(history(), waivePillar(pillar, '2022-05-15'))).toEqual({
        code: 'RULE_VIOLATION',
        field: 'pillar',
        message: `${pillar} does not apply: nothing to waive`,
      });
    });

    it('refuses to waive a completed pillar', () => {
      const registered = trajectoryAt('VDAB_REGISTERED');
      expect(registered.state.pillars?.WORK.status).toBe('COMPLETED');
      expect(rejected(registered, waivePillar('WORK', '2026-06-01'))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'the WORK pillar is already completed',
      });
    });

    it('refuses to waive a pillar twice', () => {
      const waived = run([waivePillar('MO', '2026-05-15')], NOW, signed());
      expect(rejected(waived, waivePillar('MO', '2026-05-16'))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'the MO pillar is already waived',
      });
    });

    it.each<[string, TrajectoryCommand, RejectionCode, string, string]>([
      [
        'an unknown pillar',
        waivePillar('CIVICS' as 'MO', '2026-05-15'),
        'INVALID_INPUT',
        'pillar',
        'pillar must be one of MO, NT2, WORK, PARTICIPATION',
      ],
      [
        'an empty reason',
        waivePillar('MO', '2026-05-15', '  '),
        'INVALID_INPUT',
        'reason',
        'reason must not be empty',
      ],
      [
        'a date in the future',
        waivePillar('MO', '2026-06-16'),
        'RULE_VIOLATION',
        'waivedOn',
        'waivedOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
    ])('refuses %s', (_label, command, code, field, message) => {
      expect(rejected(signed(), command)).toEqual({ code, field, message });
    });

    describe('waiving WORK', () => {
      it('waives the open VDAB deadline too: it no longer expires', () => {
        const history = signed();
        expect(accepted(history, waivePillar('WORK', '2026-05-15', 'incapacity for work'))).toEqual([
          expectedEvent('PillarWaived', {
            pillar: 'WORK',
            waivedOn: '2026-05-15',
            reason: 'incapacity for work',
          }),
          expectedEvent('DeadlineWaived', {
            deadlineId: VDAB_DEADLINE_ID,
            kind: 'VDAB_REGISTRATION',
            reason: 'WORK pillar waived: incapacity for work',
          }),
        ]);
        const { state } = run([waivePillar('WORK', '2026-05-15', 'incapacity for work')], NOW, history);
        expect(state.deadlines).toEqual([
          expect.objectContaining({ deadlineId: VDAB_DEADLINE_ID, state: 'WAIVED' }),
        ]);
        expect(nextDeadlineExpiry(state)).toBeUndefined();
      });

      it('waives a VDAB deadline stopped by a suspension', () => {
        const suspended = run([suspendTrajectory('2026-06-01')], NOW, signed());
        expect(suspended.state.deadlines[0].state).toBe('SUSPENDED');
        expect(accepted(suspended, waivePillar('WORK', '2026-06-02')).map((event) => event.type)).toEqual([
          'PillarWaived',
          'DeadlineWaived',
        ]);
      });

      it('leaves a missed VDAB deadline and its violation as they are', () => {
        const missed = expireAt(signed(), Date.parse('2026-07-01T08:00:00Z'));
        expect(missed.state.deadlines[0].state).toBe('MISSED');
        const later = Date.parse('2026-07-02T10:00:00Z');
        expect(
          acceptedEvents(decide(missed.state, waivePillar('WORK', '2026-07-02'), { now: later })),
        ).toEqual([
          expectedEvent(
            'PillarWaived',
            { pillar: 'WORK', waivedOn: '2026-07-02', reason: 'incapacity for work (medical certificate)' },
            later,
          ),
        ]);
        const { state } = run([waivePillar('WORK', '2026-07-02')], later, missed);
        expect(state.deadlines[0].state).toBe('MISSED');
        expect(state.violations).toEqual([
          expect.objectContaining({ violationId: FIRST_VIOLATION_ID, state: 'OPEN' }),
        ]);
      });

      it('the trajectory can still reach the attest without a VDAB registration', () => {
        const { state, events } = run(
          [
            waivePillar('WORK', '2026-05-15', 'incapacity for work'),
            enrolInMoCourse('2026-05-04'),
            recordMoTestResult('2026-06-03', true),
            referToNt2Course('2026-05-04'),
            recordNt2TestResult('2026-06-08', 'A2', true),
            logParticipationActivity(40, '2026-05-02', { endedOn: '2026-06-10' }),
          ],
          NOW,
          signed(),
        );
        expect(events.slice(-2).map((event) => event.type)).toEqual(['AttestIssued', 'TrajectoryClosed']);
        expect(state.vdabRegistration).toBeUndefined();
        expect(state).toMatchObject({
          status: 'CLOSED',
          phase: 'ATTEST_ISSUED',
          closure: { reason: 'ATTEST_ISSUED' },
        });
        expect(state.attest?.conditions).toContain('WORK: waived on 2026-05-15 (incapacity for work)');
        expect(state.deadlines).toEqual([
          expect.objectContaining({ deadlineId: VDAB_DEADLINE_ID, state: 'WAIVED' }),
        ]);
      });
    });
  });
});
