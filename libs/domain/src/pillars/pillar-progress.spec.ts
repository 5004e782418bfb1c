import { withReasonsInEnglish } from './reason-keys.fixtures';
/**
 * Automatic pillar completion and the attest, through `decide`: a pillar completes when its condition is met,
 * and the attest is issued (and the trajectory closed) exactly when every pillar the policy version requires
 * is satisfied.
 */
import { PolicyVersionId } from '../policy/policy-versions';
import { TrajectoryCommand } from '../trajectory/commands';
import { decide } from '../trajectory/decide';
import { TrajectoryEvent } from '../trajectory/events';
import {
  acceptedEvents,
  agreeWorkTrack,
  BRUSSELS_FACTS,
  closeTrajectory,
  contractSignedWith,
  enrolInMoCourse,
  expectedEvent,
  History,
  logParticipationActivity,
  NOW,
  OBLIGED_FACTS,
  openTrajectory,
  recordContract,
  recordIntake,
  recordMoTestResult,
  recordNt2TestResult,
  recordVdabRegistration,
  referToNt2Course,
  rejectionOf,
  resumeTrajectory,
  run,
  SignedTrajectoryOptions,
  SIGNED_UNDER,
  suspendTrajectory,
  TODAY,
  trajectoryAt,
  VDAB_DEADLINE_ID,
  waivePillar,
} from '../trajectory/trajectory.fixtures';

const at = (now: number = NOW) => ({ now });
const types = (events: readonly TrajectoryEvent[]) => events.map((event) => event.type);

/** Contract signed under a version (dates of `SIGNED_UNDER`), fixture newcomer of working age. */
const signedUnder = (policyVersion: PolicyVersionId, options: SignedTrajectoryOptions = {}): History =>
  contractSignedWith({ ...SIGNED_UNDER[policyVersion], ...options });

/** Decides one command on a history: the events it produces. */
const eventsOf = (history: History, command: TrajectoryCommand) =>
  acceptedEvents(decide(history.state, command, at()));

/** The commands that satisfy each pillar, dated after a contract signed on `SIGNED_UNDER[version].signedOn`. */
const PASS: Record<PolicyVersionId, Record<'MO' | 'NT2' | 'WORK' | 'PARTICIPATION', TrajectoryCommand[]>> = {
  '2016': {
    MO: [enrolInMoCourse('2019-02-11'), recordMoTestResult('2019-05-06', true)],
    NT2: [referToNt2Course('2019-02-11', 'A1'), recordNt2TestResult('2019-06-03', 'A1', true)],
    WORK: [],
    PARTICIPATION: [],
  },
  '2022': {
    MO: [enrolInMoCourse('2022-04-11'), recordMoTestResult('2022-07-04', true)],
    NT2: [referToNt2Course('2022-04-11'), recordNt2TestResult('2022-12-05', 'A2', true)],
    WORK: [recordVdabRegistration('2022-05-02')],
    PARTICIPATION: [],
  },
  '2023': {
    MO: [enrolInMoCourse('2026-05-04'), recordMoTestResult('2026-06-03', true)],
    NT2: [referToNt2Course('2026-05-04'), recordNt2TestResult('2026-06-08', 'A2', true)],
    WORK: [recordVdabRegistration('2026-05-20')],
    PARTICIPATION: [
      logParticipationActivity(20, '2026-05-02', { endedOn: '2026-05-10' }),
      logParticipationActivity(20, '2026-05-11', { endedOn: '2026-06-10', kind: 'BUDDY' }),
    ],
  },
};

describe('pillar completion', () => {
  describe('MO: completes on the first passed test', () => {
    it('failed attempts leave it in progress; the first pass completes it on the day of the test', () => {
      const enrolled = run([enrolInMoCourse('2026-05-04')], NOW, signedUnder('2023'));
      expect(enrolled.state.pillars?.MO.status).toBe('IN_PROGRESS');

      const failedOnce = run([recordMoTestResult('2026-05-20', false)], NOW, enrolled);
      expect(eventsOf(failedOnce, recordMoTestResult('2026-05-27', false))).toEqual([
        expectedEvent('MoTestTaken', { takenOn: '2026-05-27', passed: false, certificateNumber: null }),
      ]);
      const failedTwice = run([recordMoTestResult('2026-05-27', false)], NOW, failedOnce);
      expect(failedTwice.state.pillars?.MO).toMatchObject({ status: 'IN_PROGRESS' });
      expect(failedTwice.state.pillars?.MO.completion).toBeUndefined();

      expect(eventsOf(failedTwice, recordMoTestResult('2026-06-03', true))).toEqual([
        expectedEvent('MoTestTaken', {
          takenOn: '2026-06-03',
          passed: true,
          certificateNumber: 'MO-2026-06-03',
        }),
        expectedEvent('PillarCompleted', {
          pillar: 'MO',
          completedOn: '2026-06-03',
          condition: 'MO test passed on 2026-06-03',
        }),
      ]);
      const passed = run([recordMoTestResult('2026-06-03', true)], NOW, failedTwice);
      expect(withReasonsInEnglish(passed.state.pillars?.MO)).toEqual({
        applicability: 'REQUIRED',
        applicabilityReason: expect.stringMatching(/^PASS_STANDARDISED_MO_TEST/),
        status: 'COMPLETED',
        completion: { on: '2026-06-03', condition: 'MO test passed on 2026-06-03' },
        enrolments: [
          { provider: 'Agentschap Integratie en Inburgering', language: 'Arabic', enrolledOn: '2026-05-04' },
        ],
        testAttempts: [
          { takenOn: '2026-05-20', passed: false, certificateNumber: null },
          { takenOn: '2026-05-27', passed: false, certificateNumber: null },
          { takenOn: '2026-06-03', passed: true, certificateNumber: 'MO-2026-06-03' },
        ],
        attendance: [],
      });
    });

    it('a further MO test once completed is refused', () => {
      const passed = run(PASS['2023'].MO, NOW, signedUnder('2023'));
      expect(rejectionOf(decide(passed.state, recordMoTestResult('2026-06-10', true), at()))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'the MO pillar is already completed',
      });
    });
  });

  describe('NT2: completes only at or above the target level', () => {
    it.each<[PolicyVersionId, 'A1' | 'A2' | 'B1', boolean, boolean]>([
      ['2016', 'A1', true, true],
      ['2016', 'A2', true, true],
      ['2016', 'A1', false, false],
      ['2022', 'A1', true, false],
      ['2022', 'A2', true, true],
      ['2023', 'A1', true, false],
      ['2023', 'A2', false, false],
      ['2023', 'A2', true, true],
      ['2023', 'B1', true, true],
      ['2023', 'B1', false, false],
    ])('under %s a test at %s (passed: %s) completes NT2: %s', (policyVersion, level, passed, completes) => {
      const referredOn = { '2016': '2019-02-11', '2022': '2022-04-11', '2023': '2026-05-04' }[policyVersion];
      const takenOn = { '2016': '2019-06-03', '2022': '2022-12-05', '2023': '2026-06-08' }[policyVersion];
      const referred = run([referToNt2Course(referredOn, 'A1')], NOW, signedUnder(policyVersion));
      const events = eventsOf(referred, recordNt2TestResult(takenOn, level, passed));
      const target = policyVersion === '2016' ? 'A1' : 'A2';
      expect(events).toEqual([
        expectedEvent('Nt2TestTaken', {
          level,
          takenOn,
          passed,
          certificateNumber: passed ? `NT2-${level}-${takenOn}` : null,
        }),
        ...(completes
          ? [
              expectedEvent('PillarCompleted', {
                pillar: 'NT2',
                completedOn: takenOn,
                condition: `NT2 test passed at ${level} on ${takenOn} (target ${target})`,
              }),
            ]
          : []),
      ]);
    });

    it('A1 passed under 2023 does not complete; B1 later does, and the certificate is for the level passed', () => {
      const a1 = run(
        [referToNt2Course('2026-05-04', 'A1'), recordNt2TestResult('2026-05-25', 'A1', true)],
        NOW,
        signedUnder('2023'),
      );
      expect(a1.state.pillars?.NT2).toMatchObject({ status: 'IN_PROGRESS', targetLevel: 'A2' });
      expect(a1.state.pillars?.NT2.certificate).toBeUndefined();

      const b1 = run([recordNt2TestResult('2026-06-08', 'B1', true)], NOW, a1);
      expect(types(b1.events.slice(a1.events.length))).toEqual(['Nt2TestTaken', 'PillarCompleted']);
      expect(b1.state.pillars?.NT2).toMatchObject({
        status: 'COMPLETED',
        targetLevel: 'A2',
        completion: { on: '2026-06-08', condition: 'NT2 test passed at B1 on 2026-06-08 (target A2)' },
        certificate: { level: 'B1', obtainedOn: '2026-06-08' },
        testResults: [
          { level: 'A1', takenOn: '2026-05-25', passed: true },
          { level: 'B1', takenOn: '2026-06-08', passed: true },
        ],
      });
    });

    it('a pass at the target level gives a certificate at that level', () => {
      const { state } = run(PASS['2023'].NT2, NOW, signedUnder('2023'));
      expect(state.pillars?.NT2.certificate).toEqual({ level: 'A2', obtainedOn: '2026-06-08' });
    });
  });

  describe('WORK: completes on the VDAB registration', () => {
    it('registration after the contract completes WORK on the registration date', () => {
      const history = signedUnder('2023');
      expect(types(eventsOf(history, recordVdabRegistration('2026-05-20')))).toEqual([
        'VdabRegistrationRecorded',
        'DeadlineMet',
        'PillarCompleted',
      ]);
    });

    it('registration before the contract completes WORK when the contract is signed', () => {
      const { state, events } = run(
        [recordVdabRegistration('2026-03-16'), recordContract('2026-04-30')],
        NOW,
        trajectoryAt('INTAKE_DONE'),
      );
      expect(types(events).slice(-2)).toEqual(['DeadlineMet', 'PillarCompleted']);
      expect(state.pillars?.WORK).toMatchObject({
        status: 'COMPLETED',
        completion: { on: '2026-03-16', condition: 'registered with VDAB on 2026-03-16 (VDAB-123456)' },
      });
    });

    it('an agreed work track alone does not complete WORK', () => {
      const history = signedUnder('2023');
      expect(eventsOf(history, agreeWorkTrack('2026-05-12'))).toEqual([
        expectedEvent('WorkTrackAgreed', {
          description: 'orientation towards logistics',
          agreedOn: '2026-05-12',
        }),
      ]);
      const { state } = run([agreeWorkTrack('2026-05-12')], NOW, history);
      expect(state.pillars?.WORK).toMatchObject({
        status: 'IN_PROGRESS',
        track: { description: 'orientation towards logistics', agreedOn: '2026-05-12' },
      });
    });

    it('a VDAB registration completes nothing where WORK does not apply (2016; no right to work)', () => {
      expect(types(eventsOf(signedUnder('2016'), recordVdabRegistration('2019-03-01')))).toEqual([
        'VdabRegistrationRecorded',
      ]);
      const noRightToWork = signedUnder('2023', { profile: { mayWork: false } });
      expect(noRightToWork.state.deadlines).toEqual([]);
      expect(types(eventsOf(noRightToWork, recordVdabRegistration('2026-05-20')))).toEqual([
        'VdabRegistrationRecorded',
      ]);
    });
  });

  describe('PARTICIPATION: completes at the target hours', () => {
    const history = () =>
      run(
        [
          logParticipationActivity(20, '2026-05-02', { endedOn: '2026-05-10' }),
          logParticipationActivity(19.75, '2026-05-11', { endedOn: '2026-05-31', kind: 'BUDDY' }),
        ],
        NOW,
        signedUnder('2023'),
      );

    it('39.75 hours do not complete it', () => {
      const { state } = history();
      expect(state.pillars?.PARTICIPATION).toMatchObject({
        status: 'IN_PROGRESS',
        hours: 39.75,
        targetHours: 40,
      });
      expect(types(history().events.slice(-1))).toEqual(['ParticipationActivityLogged']);
    });

    it('the quarter hour that reaches 40 completes it, on the day that activity ended', () => {
      const events = eventsOf(
        history(),
        logParticipationActivity(0.25, '2026-06-07', { kind: 'CLUB_INTRODUCTION' }),
      );
      expect(events).toEqual([
        expectedEvent('ParticipationActivityLogged', {
          activityId: 'trj-0001:activity:3',
          kind: 'CLUB_INTRODUCTION',
          hours: 0.25,
          startedOn: '2026-06-07',
          endedOn: '2026-06-07',
          organisation: 'KAA Gent Foundation',
          municipality: 'Gent',
        }),
        expectedEvent('PillarCompleted', {
          pillar: 'PARTICIPATION',
          completedOn: '2026-06-07',
          condition: '40 of 40 participation hours in 3 activities',
        }),
      ]);
    });

    it('activities logged out of order: completed on the day the hours, counted by end date, reached the target', () => {
      const { state } = run(
        [
          logParticipationActivity(30, '2026-06-01', { endedOn: '2026-06-12' }),
          logParticipationActivity(15, '2026-05-02', { endedOn: '2026-05-09' }),
        ],
        NOW,
        signedUnder('2023'),
      );
      // 15 hours by 2026-05-09, 45 by 2026-06-12
      expect(state.pillars?.PARTICIPATION).toMatchObject({
        status: 'COMPLETED',
        hours: 45,
        completion: { on: '2026-06-12', condition: '45 of 40 participation hours in 2 activities' },
      });
    });

    it('an OPTIONAL participation pillar also completes at 40 hours', () => {
      const { state } = run(
        PASS['2023'].PARTICIPATION,
        NOW,
        signedUnder('2023', { profile: { working: true } }),
      );
      expect(state.pillars?.PARTICIPATION).toMatchObject({
        applicability: 'OPTIONAL',
        status: 'COMPLETED',
        completion: { on: '2026-06-10' },
      });
    });
  });
});

describe('the attest', () => {
  /** All commands that satisfy the given pillars, in order. */
  const satisfy = (policyVersion: PolicyVersionId, ...pillars: ('MO' | 'NT2' | 'WORK' | 'PARTICIPATION')[]) =>
    pillars.flatMap((pillar) => PASS[policyVersion][pillar]);

  it('2016: issued when MO and NT2 are passed, by the decision that completes the last of them', () => {
    const mo = run(satisfy('2016', 'MO'), NOW, signedUnder('2016'));
    expect(mo.state.attest).toBeUndefined();
    const nt2 = run(PASS['2016'].NT2.slice(0, 1), NOW, mo);
    const events = eventsOf(nt2, PASS['2016'].NT2[1]);
    expect(events).toEqual([
      expectedEvent('Nt2TestTaken', {
        level: 'A1',
        takenOn: '2019-06-03',
        passed: true,
        certificateNumber: 'NT2-A1-2019-06-03',
      }),
      expectedEvent('PillarCompleted', {
        pillar: 'NT2',
        completedOn: '2019-06-03',
        condition: 'NT2 test passed at A1 on 2019-06-03 (target A1)',
      }),
      expectedEvent('AttestIssued', {
        attestNumber: 'ATT-IN_GENT-2026-TRJ0001',
        issuedOn: TODAY,
        policyVersion: '2016',
        conditions: [
          'MO: MO test passed on 2019-05-06',
          'NT2: NT2 test passed at A1 on 2019-06-03 (target A1)',
        ],
      }),
      expectedEvent('TrajectoryClosed', { reason: 'ATTEST_ISSUED', closedOn: TODAY }),
    ]);
  });

  it('2016: either pillar alone is not enough', () => {
    expect(run(satisfy('2016', 'MO'), NOW, signedUnder('2016')).state.attest).toBeUndefined();
    expect(run(satisfy('2016', 'NT2'), NOW, signedUnder('2016')).state.attest).toBeUndefined();
  });

  it('2022: MO and NT2 are not enough while WORK applies; the VDAB registration brings the attest', () => {
    const moAndNt2 = run(satisfy('2022', 'MO', 'NT2'), NOW, signedUnder('2022'));
    expect(moAndNt2.state).toMatchObject({ status: 'OPEN', phase: 'CONTRACT_SIGNED' });
    expect(moAndNt2.state.attest).toBeUndefined();
    const events = eventsOf(moAndNt2, recordVdabRegistration('2022-05-02'));
    expect(types(events)).toEqual([
      'VdabRegistrationRecorded',
      'DeadlineMet',
      'PillarCompleted',
      'AttestIssued',
      'TrajectoryClosed',
    ]);
    expect(events[3].data).toEqual({
      attestNumber: 'ATT-IN_GENT-2026-TRJ0001',
      issuedOn: TODAY,
      policyVersion: '2022',
      conditions: [
        'MO: MO test passed on 2022-07-04',
        'NT2: NT2 test passed at A2 on 2022-12-05 (target A2)',
        'WORK: registered with VDAB on 2022-05-02 (VDAB-123456)',
      ],
    });
  });

  it('2022: where WORK does not apply, MO and NT2 are enough and the conditions say why WORK did not count', () => {
    const { state } = run(
      satisfy('2022', 'MO', 'NT2'),
      NOW,
      signedUnder('2022', { profile: { mayWork: false } }),
    );
    expect(state.attest?.conditions).toEqual([
      'MO: MO test passed on 2022-07-04',
      'NT2: NT2 test passed at A2 on 2022-12-05 (target A2)',
      'WORK: not applicable (no right to work in Belgium (BBT 2020-2021 l.1206-1207 exceptions))',
    ]);
  });

  it('2023: MO, NT2 and WORK are not enough while PARTICIPATION is REQUIRED; the 40th hour brings the attest', () => {
    const three = run(
      satisfy('2023', 'MO', 'NT2', 'WORK', 'PARTICIPATION').slice(0, -1),
      NOW,
      signedUnder('2023'),
    );
    expect(three.state.attest).toBeUndefined();
    expect(three.state.pillars?.PARTICIPATION).toMatchObject({ applicability: 'REQUIRED', hours: 20 });
    const events = eventsOf(three, PASS['2023'].PARTICIPATION[1]);
    expect(types(events)).toEqual([
      'ParticipationActivityLogged',
      'PillarCompleted',
      'AttestIssued',
      'TrajectoryClosed',
    ]);
    expect(events[2].data).toEqual({
      attestNumber: 'ATT-IN_GENT-2026-TRJ0001',
      issuedOn: TODAY,
      policyVersion: '2023',
      conditions: [
        'MO: MO test passed on 2026-06-03',
        'NT2: NT2 test passed at A2 on 2026-06-08 (target A2)',
        'WORK: registered with VDAB on 2026-05-20 (VDAB-123456)',
        'PARTICIPATION: 40 of 40 participation hours in 2 activities',
      ],
    });
  });

  it.each<[string, SignedTrajectoryOptions, string]>([
    [
      'works',
      { profile: { working: true } },
      'PARTICIPATION: optional (works (Beleidsplan 2020-2024 l.1147-1149: "optioneel voor wie werkt, studeert of vrijwillig een inburgeringstraject volgt"))',
    ],
    [
      'follows the trajectory voluntarily (Brussels, ENTITLED)',
      { targetGroupFacts: BRUSSELS_FACTS },
      'PARTICIPATION: optional (follows the trajectory voluntarily (Beleidsplan 2020-2024 l.1147-1149: "optioneel voor wie werkt, studeert of vrijwillig een inburgeringstraject volgt"))',
    ],
  ])(
    '2023: an OPTIONAL participation pillar does not block the attest (newcomer who %s)',
    (_label, options, condition) => {
      const { state } = run(satisfy('2023', 'MO', 'NT2', 'WORK'), NOW, signedUnder('2023', options));
      expect(state.pillars?.PARTICIPATION).toMatchObject({ applicability: 'OPTIONAL', hours: 0 });
      expect(state.attest?.conditions).toEqual([
        'MO: MO test passed on 2026-06-03',
        'NT2: NT2 test passed at A2 on 2026-06-08 (target A2)',
        'WORK: registered with VDAB on 2026-05-20 (VDAB-123456)',
        condition,
      ]);
    },
  );

  it('2023 obliged: the target group does not change the required pillars', () => {
    const { state } = run(
      satisfy('2023', 'MO', 'NT2', 'WORK'),
      NOW,
      signedUnder('2023', { targetGroupFacts: OBLIGED_FACTS }),
    );
    expect(state.attest).toBeUndefined();
    expect(state.pillars?.PARTICIPATION.applicability).toBe('REQUIRED');
  });

  it.each<['MO' | 'NT2' | 'WORK' | 'PARTICIPATION', string]>([
    ['MO', '2026-06-12'],
    ['NT2', '2026-06-12'],
    ['WORK', '2026-06-12'],
    ['PARTICIPATION', '2026-06-12'],
  ])('a WAIVED %s counts as satisfied', (waived, waivedOn) => {
    const others = (['MO', 'NT2', 'WORK', 'PARTICIPATION'] as const).filter((pillar) => pillar !== waived);
    const history = run(satisfy('2023', ...others), NOW, signedUnder('2023'));
    expect(history.state.attest).toBeUndefined();
    const events = eventsOf(history, waivePillar(waived, waivedOn, 'exempted by the agency'));
    expect(types(events)).toEqual([
      'PillarWaived',
      // the VDAB deadline still runs when WORK is waived; otherwise the registration met it
      ...(waived === 'WORK' ? ['DeadlineWaived'] : []),
      'AttestIssued',
      'TrajectoryClosed',
    ]);
    const attest = events.find((event) => event.type === 'AttestIssued');
    expect((attest?.data as { conditions: string[] }).conditions).toContain(
      `${waived}: waived on ${waivedOn} (exempted by the agency)`,
    );
  });

  it('the conditions name each pillar the version considers, in order', () => {
    const issued = (policyVersion: PolicyVersionId, pillars: ('MO' | 'NT2' | 'WORK' | 'PARTICIPATION')[]) =>
      run(satisfy(policyVersion, ...pillars), NOW, signedUnder(policyVersion)).state.attest?.conditions.map(
        (condition) => condition.split(':')[0],
      );
    expect(issued('2016', ['MO', 'NT2'])).toEqual(['MO', 'NT2']);
    expect(issued('2022', ['MO', 'NT2', 'WORK'])).toEqual(['MO', 'NT2', 'WORK']);
    expect(issued('2023', ['MO', 'NT2', 'WORK', 'PARTICIPATION'])).toEqual([
      'MO',
      'NT2',
      'WORK',
      'PARTICIPATION',
    ]);
  });

  describe('attest number', () => {
    it.each<[string, 'AGII' | 'ATLAS' | 'IN_GENT', string]>([
      ['trj-0001', 'IN_GENT', 'ATT-IN_GENT-2026-TRJ0001'],
      ['3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e', 'AGII', 'ATT-AGII-2026-3F2A9C1E7B4D4E2A'],
      ['atlas-traject-42', 'ATLAS', 'ATT-ATLAS-2026-ATLASTRAJECT42'],
    ])(
      'trajectory %s at %s: %s (agency, year of issue, the id without dashes, upper case, at most 16 characters)',
      (trajectoryId, agency, attestNumber) => {
        const opened = run([
          openTrajectory({ trajectoryId, agency }),
          recordIntake('2026-03-16'),
          recordContract('2026-04-30'),
          ...satisfy('2023', 'MO', 'NT2', 'WORK', 'PARTICIPATION'),
        ]);
        expect(opened.state.attest?.attestNumber).toBe(attestNumber);
        expect(attestNumber).toMatch(/^ATT-(AGII|ATLAS|IN_GENT)-\d{4}-[A-Z0-9]{1,16}$/);
      },
    );

    it('takes the year from the day of issue', () => {
      const history = run(
        satisfy('2023', 'MO', 'NT2', 'WORK', 'PARTICIPATION').slice(0, -1),
        NOW,
        signedUnder('2023'),
      );
      const newYear = Date.parse('2027-01-04T09:00:00Z');
      const events = acceptedEvents(decide(history.state, PASS['2023'].PARTICIPATION[1], { now: newYear }));
      expect(events.find((event) => event.type === 'AttestIssued')?.data).toMatchObject({
        attestNumber: 'ATT-IN_GENT-2027-TRJ0001',
        issuedOn: '2027-01-04',
      });
    });
  });

  describe('after the attest', () => {
    const attested = () =>
      run(satisfy('2023', 'MO', 'NT2', 'WORK', 'PARTICIPATION'), NOW, signedUnder('2023'));

    it('the trajectory is closed with ATTEST_ISSUED: phase, attest, closure, deadlines', () => {
      const { state } = attested();
      expect(state).toMatchObject({
        status: 'CLOSED',
        phase: 'ATTEST_ISSUED',
        closure: { reason: 'ATTEST_ISSUED', closedOn: TODAY },
        attest: { attestNumber: 'ATT-IN_GENT-2026-TRJ0001', issuedOn: TODAY },
      });
      expect(state.deadlines).toEqual([
        expect.objectContaining({ deadlineId: VDAB_DEADLINE_ID, state: 'MET' }),
      ]);
    });

    it.each<[string, TrajectoryCommand]>([
      ['an MO test', recordMoTestResult('2026-06-12', true)],
      ['an NT2 test', recordNt2TestResult('2026-06-12', 'B1', true)],
      ['a participation activity', logParticipationActivity(2, '2026-06-12')],
      ['a waiver', waivePillar('MO', '2026-06-12')],
      ['a suspension', suspendTrajectory('2026-06-12')],
      ['a closure', closeTrajectory('2026-06-12')],
    ])('refuses %s', (_label, command) => {
      expect(rejectionOf(decide(attested().state, command, at()))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: `trajectory is closed (ATTEST_ISSUED on ${TODAY})`,
      });
    });
  });

  it('is not issued while the trajectory is suspended, but on its resumption', () => {
    const almost = run(satisfy('2023', 'MO', 'NT2', 'PARTICIPATION'), NOW, signedUnder('2023'));
    const suspended = run([suspendTrajectory('2026-06-11')], NOW, almost);
    // a waiver is accepted while suspended: the pillar is satisfied, the attest waits
    const waived = eventsOf(suspended, waivePillar('WORK', '2026-06-12'));
    expect(types(waived)).toEqual(['PillarWaived', 'DeadlineWaived']);
    const afterWaiver = run([waivePillar('WORK', '2026-06-12')], NOW, suspended);
    expect(types(eventsOf(afterWaiver, resumeTrajectory('2026-06-15')))).toEqual([
      'TrajectoryResumed',
      'AttestIssued',
      'TrajectoryClosed',
    ]);
  });

  it('is not issued on a trajectory the counsellor closed', () => {
    const closed = run(
      [...satisfy('2023', 'MO', 'NT2', 'WORK'), closeTrajectory('2026-06-12', 'MOVED_OUT_OF_FLANDERS')],
      NOW,
      signedUnder('2023'),
    );
    expect(closed.state.attest).toBeUndefined();
    expect(closed.state.closure).toEqual({ reason: 'MOVED_OUT_OF_FLANDERS', closedOn: '2026-06-12' });
  });
});
