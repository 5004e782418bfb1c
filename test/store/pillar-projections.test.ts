import { randomUUID } from 'node:crypto';
import { calendarDate, TargetGroupFacts, TrajectoryCommand } from '../../libs/domain/src';
import {
  DeadlineRecord,
  Nt2PillarDetails,
  ParticipationActivityRecord,
  ParticipationPillarDetails,
  rebuildReadModels,
} from '../../libs/store/src';
import type { ReadScope } from '../../libs/store/src/queries/read-scope';
import { OBLIGED_FACTS, transferTrajectory } from '../../libs/domain/src/trajectory/trajectory.fixtures';
import { expectReadModelsToAgreeWithFold, readModelRows } from './read-model-assertions';
import { useStoreTestDatabase } from './store-test-database';
import { ScenarioOptions, TrajectoryScenario, trajectoryScenarios } from './trajectory-fixtures';

/**
 * Target group, intake profile, pillars, participation activities, waived deadlines, reported violations and the
 * attest in the read models, for trajectories driven through the domain's `decide`: after every command the read
 * models say what the domain's fold says.
 */

const database = useStoreTestDatabase();
const scenarios = trajectoryScenarios(database);

/** Municipalities of this test file only: the participation report aggregates over every trajectory in the database. */
function municipality(name: string): string {
  return `${name}-${randomUUID().slice(0, 8)}`;
}

/** A third-country national settling in Flanders for the first time: obliged from the first registration. */
function obligedNewcomerFacts(firstRegisteredInBelgiumOn: string): TargetGroupFacts {
  return { ...OBLIGED_FACTS, firstRegisteredInBelgiumOn: calendarDate(firstRegisteredInBelgiumOn) };
}

/** Runs each command and checks the read models against the fold after each; returns the events of the last one. */
async function drive(trajectory: TrajectoryScenario, commands: TrajectoryCommand[]): Promise<string[]> {
  let types: string[] = [];
  for (const command of commands) {
    const before = trajectory.state.version;
    await trajectory.run(command);
    const stored = await database.store.readStream(trajectory.streamId);
    types = stored.filter((event) => event.version > before).map((event) => event.type);
    await expectReadModelsToAgreeWithFold(database, trajectory);
  }
  return types;
}

/** Opens a trajectory and checks the read models against the fold. */
async function opened(options: ScenarioOptions): Promise<TrajectoryScenario> {
  const trajectory = await scenarios.opened(options);
  await expectReadModelsToAgreeWithFold(database, trajectory);
  return trajectory;
}

interface Municipalities {
  home: string;
  other: string;
}

/**
 * 2023: registered in time with target-group facts (obliged), intake with a profile, contract (policy 2023), a work
 * track and the VDAB registration, MO and NT2 (A2) passed after a failed attempt each, and 40 participation hours
 * in three activities, the last of which completes the pillar and issues the attest.
 */
async function fromRegistrationToAttest2023(where: Municipalities): Promise<TrajectoryScenario> {
  const trajectory = await opened({
    agency: 'IN_GENT',
    counsellorId: 'counsellor-2023',
    municipality: where.home,
    registeredOn: '2023-02-01',
    targetGroupFacts: obligedNewcomerFacts('2023-01-10'),
  });
  await drive(trajectory, [
    { type: 'RecordAgencyLetter', sentOn: '2023-01-15', sendingAgency: 'IN_GENT' },
    {
      type: 'RecordIntake',
      intakeOn: '2023-02-15',
      profile: { working: false, studying: false, mayWork: true, literacy: 'LITERATE' },
    },
    { type: 'RecordContract', signedOn: '2023-03-01' },
    { type: 'AgreeWorkTrack', description: 'Job search with VDAB guidance', agreedOn: '2023-03-06' },
    { type: 'RecordVdabRegistration', registeredOn: '2023-03-20', vdabClientReference: 'VDAB-2023-41' },
    {
      type: 'EnrolInMoCourse',
      provider: 'Agentschap Integratie en Inburgering',
      language: 'Arabic',
      enrolledOn: '2023-03-10',
    },
    { type: 'RecordMoTestResult', takenOn: '2023-06-01', passed: false },
    { type: 'RecordMoTestResult', takenOn: '2023-06-20', passed: true, certificateNumber: 'MO-1' },
    {
      type: 'ReferToNt2Course',
      provider: 'CVO Gent',
      course: 'NT2 1.1-1.4',
      level: 'A2',
      referredOn: '2023-03-10',
    },
    { type: 'RecordNt2TestResult', level: 'A2', takenOn: '2023-09-01', passed: false },
    {
      type: 'RecordNt2TestResult',
      level: 'A2',
      takenOn: '2023-12-01',
      passed: true,
      certificateNumber: 'NT2-1',
    },
    {
      type: 'LogParticipationActivity',
      kind: 'BUDDY',
      hours: 14.75,
      startedOn: '2023-04-01',
      endedOn: '2023-06-30',
      organisation: 'Vzw De Buurt',
      participantFeedback: 'goed',
    },
    {
      type: 'LogParticipationActivity',
      kind: 'VOLUNTEERING',
      hours: 15.25,
      startedOn: '2023-07-01',
      endedOn: '2023-09-30',
      organisation: 'Sportclub Melle',
      municipality: where.other,
      organisationFeedback: 'regular and engaged',
    },
  ]);
  const last = await drive(trajectory, [
    {
      type: 'LogParticipationActivity',
      kind: 'INTRODUCTORY_INTERNSHIP',
      hours: 10,
      startedOn: '2023-10-01',
      endedOn: '2023-10-15',
      organisation: 'Gemeente Gent',
    },
  ]);
  // obliged since 1 March 2022: the attest starts the follow-up track, completed by B1 oral
  expect(last).toEqual([
    'ParticipationActivityLogged',
    'PillarCompleted',
    'AttestIssued',
    'FollowUpStarted',
    'DeadlineSet',
  ]);
  await drive(trajectory, [
    { type: 'RecordFollowUpTestResult', level: 'B1', takenOn: '2026-06-15', passed: true },
  ]);
  return trajectory;
}

/**
 * 2023, working and low-literate: participation is optional; the WORK pillar is waived (its VDAB deadline with it)
 * and the attest follows MO and NT2.
 */
async function workPillarWaived(where: Municipalities): Promise<TrajectoryScenario> {
  const trajectory = await opened({
    municipality: where.home,
    registeredOn: '2026-01-05',
    targetGroupFacts: obligedNewcomerFacts('2025-12-01'),
  });
  await drive(trajectory, [
    {
      type: 'RecordIntake',
      intakeOn: '2026-01-20',
      profile: { working: true, mayWork: true, literacy: 'LOW_LITERATE' },
    },
    { type: 'RecordContract', signedOn: '2026-05-01' },
    {
      type: 'LogParticipationActivity',
      kind: 'BUDDY',
      hours: 5.5,
      startedOn: '2026-05-02',
      endedOn: '2026-05-09',
      organisation: 'Buddy vzw',
    },
    {
      type: 'LogParticipationActivity',
      kind: 'CLUB_INTRODUCTION',
      hours: 6,
      startedOn: '2026-05-10',
      endedOn: '2026-05-20',
      organisation: 'Voetbalclub',
    },
    {
      type: 'WaivePillar',
      pillar: 'WORK',
      reason: 'incapacity for work (medical certificate)',
      waivedOn: '2026-06-01',
    },
    { type: 'EnrolInMoCourse', provider: 'Atlas', language: 'Dari', enrolledOn: '2026-05-04' },
    { type: 'RecordMoTestResult', takenOn: '2026-06-05', passed: true, certificateNumber: 'MO-2' },
    { type: 'ReferToNt2Course', provider: 'CBE', course: 'NT2 alfa', level: 'A1', referredOn: '2026-05-04' },
  ]);
  const nt2Level = trajectory.state.pillars!.NT2.targetLevel;
  const last = await drive(trajectory, [
    {
      type: 'RecordNt2TestResult',
      level: nt2Level,
      takenOn: '2026-06-12',
      passed: true,
      certificateNumber: 'NT2-2',
    },
  ]);
  expect(last).toEqual(['Nt2TestTaken', 'PillarCompleted', 'AttestIssued', 'FollowUpStarted', 'DeadlineSet']);
  await drive(trajectory, [
    { type: 'RecordFollowUpTestResult', level: 'B1', takenOn: '2026-06-15', passed: true },
  ]);
  return trajectory;
}

/**
 * Obliged since mid-2025, registered with the agency only in January 2026: the agency registration deadline is
 * missed and a violation opened with the registration, which the enforcement officer decides. Then reported
 * violations, an override of the target group and a new determination that drops it, and the contract.
 */
async function obligedNewcomerRegisteringLate(where: Municipalities): Promise<TrajectoryScenario> {
  const trajectory = await opened({
    municipality: where.home,
    counsellorId: 'counsellor-late',
    registeredOn: '2026-01-05',
    targetGroupFacts: obligedNewcomerFacts('2025-06-02'),
  });
  await drive(trajectory, [
    { type: 'RecordAgencyLetter', sentOn: '2025-06-02', sendingAgency: 'AGII' },
    { type: 'RecordIntake', intakeOn: '2026-01-20' },
    // Decided before the override below: a decided file stays decided whatever the status becomes.
    {
      type: 'RecordFineDecision',
      violationId: `${trajectory.trajectoryId}:violation:1`,
      decision: 'NO_FINE',
      decidedOn: '2026-06-15',
      explanation: 'first registration late by four months; warned',
    },
    {
      type: 'ReportViolation',
      kind: 'REFUSAL_TO_SIGN',
      observedOn: '2026-01-25',
      facts: 'refused to sign the contract at the second appointment',
    },
    {
      type: 'OverrideTargetGroup',
      recorded: { status: 'EXEMPT', exemptionReason: 'SERIOUS_ILLNESS_OR_DISABILITY' },
      reason: 'medical certificate shown at the intake, not yet registered as a fact',
    },
    { type: 'RecordTargetGroupFacts', facts: { holdsAttest: false } },
    { type: 'RecordContract', signedOn: '2026-02-10' },
    {
      type: 'ReportViolation',
      kind: 'IRREGULAR_ATTENDANCE',
      observedOn: '2026-05-01',
      facts: 'absent from four of six NT2 lessons without reason',
    },
  ]);
  return trajectory;
}

describe('target group, pillars and attest in the read models', () => {
  it('2023: from registration with target-group facts through MO, NT2, VDAB and 40 participation hours to the attest', async () => {
    const where = { home: municipality('Gent'), other: municipality('Melle') };
    const trajectory = await fromRegistrationToAttest2023(where);
    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    expect(view).toMatchObject({
      status: 'CLOSED',
      phase: 'ATTEST_ISSUED',
      closureReason: 'FOLLOW_UP_COMPLETED',
      policyVersion: '2023',
      targetGroup: {
        status: 'OBLIGED',
        derivedStatus: 'OBLIGED',
        ruleId: 'OBLIGED_NEWCOMER_FIRST_STAY',
        exemptionReason: null,
        exemptionGrantedOn: null,
        overrideReason: null,
      },
      intakeProfile: { working: false, studying: false, mayWork: true, literacy: 'LITERATE' },
    });
    expect(view?.deadlines.map(({ kind, state }) => ({ kind, state }))).toEqual(
      expect.arrayContaining([
        { kind: 'AGENCY_REGISTRATION', state: 'MET' },
        { kind: 'VDAB_REGISTRATION', state: 'MET' },
        { kind: 'FOLLOW_UP_B1_ORAL', state: 'MET' },
      ]),
    );
    expect(view?.violations).toEqual([]);
    expect(
      view?.pillars.map(({ pillar, applicability, status, completedOn }) => [
        pillar,
        applicability,
        status,
        completedOn,
      ]),
    ).toEqual([
      ['MO', 'REQUIRED', 'COMPLETED', '2023-06-20'],
      ['NT2', 'REQUIRED', 'COMPLETED', '2023-12-01'],
      ['WORK', 'REQUIRED', 'COMPLETED', '2023-03-20'],
      ['PARTICIPATION', 'REQUIRED', 'COMPLETED', '2023-10-15'],
    ]);
    const [mo, nt2, work, participation] = view!.pillars;
    expect(mo.details).toEqual({
      enrolments: [
        { provider: 'Agentschap Integratie en Inburgering', language: 'Arabic', enrolledOn: '2023-03-10' },
      ],
      testAttempts: [
        { takenOn: '2023-06-01', passed: false, certificateNumber: null },
        { takenOn: '2023-06-20', passed: true, certificateNumber: 'MO-1' },
      ],
      attendance: [],
    });
    expect(nt2).toMatchObject({ targetLevel: 'A2', targetHours: null, hours: null });
    expect((nt2.details as Nt2PillarDetails).certificate).toEqual({ level: 'A2', obtainedOn: '2023-12-01' });
    expect(work.details).toEqual({
      track: { description: 'Job search with VDAB guidance', agreedOn: '2023-03-06' },
    });
    expect(participation).toMatchObject({ targetLevel: null, targetHours: 40, hours: 40 });
    expect(
      (participation.details as ParticipationPillarDetails).activities.map((activity) => activity.hours),
    ).toEqual([14.75, 15.25, 10]);
    expect(view?.attest).toEqual({
      attestNumber: trajectory.state.attest?.attestNumber,
      issuedOn: '2026-06-15',
      conditions: [
        'MO: MO test passed on 2023-06-20',
        'NT2: NT2 test passed at A2 on 2023-12-01 (target A2)',
        'WORK: registered with VDAB on 2023-03-20 (VDAB-2023-41)',
        'PARTICIPATION: 40 of 40 participation hours in 3 activities',
      ],
    });
    expect(view?.attest?.attestNumber).toMatch(/^ATT-IN_GENT-2026-/);

    const activities = await database.dataSource.manager.find(ParticipationActivityRecord, {
      where: { trajectoryId: trajectory.trajectoryId },
      order: { activityId: 'ASC' },
    });
    expect(activities).toEqual([
      {
        trajectoryId: trajectory.trajectoryId,
        activityId: `${trajectory.trajectoryId}:activity:1`,
        kind: 'BUDDY',
        hours: 14.75,
        startedOn: '2023-04-01',
        endedOn: '2023-06-30',
        organisation: 'Vzw De Buurt',
        municipality: where.home,
        participantFeedback: 'goed',
        organisationFeedback: null,
      },
      {
        trajectoryId: trajectory.trajectoryId,
        activityId: `${trajectory.trajectoryId}:activity:2`,
        kind: 'VOLUNTEERING',
        hours: 15.25,
        startedOn: '2023-07-01',
        endedOn: '2023-09-30',
        organisation: 'Sportclub Melle',
        municipality: where.other,
        participantFeedback: null,
        organisationFeedback: 'regular and engaged',
      },
      {
        trajectoryId: trajectory.trajectoryId,
        activityId: `${trajectory.trajectoryId}:activity:3`,
        kind: 'INTRODUCTORY_INTERNSHIP',
        hours: 10,
        startedOn: '2023-10-01',
        endedOn: '2023-10-15',
        organisation: 'Gemeente Gent',
        municipality: where.home,
        participantFeedback: null,
        organisationFeedback: null,
      },
    ]);
  });

  it('pillars start NOT_STARTED at the contract and go IN_PROGRESS with their first activity', async () => {
    const trajectory = await opened({
      registeredOn: '2026-01-05',
      targetGroupFacts: obligedNewcomerFacts('2025-12-01'),
    });
    await drive(trajectory, [
      { type: 'RecordIntake', intakeOn: '2026-01-20' },
      { type: 'RecordContract', signedOn: '2026-05-01' },
    ]);
    const statuses = async () =>
      Object.fromEntries(
        (await database.queries.findTrajectory(trajectory.trajectoryId))!.pillars.map(
          ({ pillar, status }) => [pillar, status],
        ),
      );
    expect(await statuses()).toEqual({
      MO: 'NOT_STARTED',
      NT2: 'NOT_STARTED',
      WORK: 'NOT_STARTED',
      PARTICIPATION: 'NOT_STARTED',
    });
    await drive(trajectory, [
      { type: 'ReferToNt2Course', provider: 'CVO', course: 'NT2 1.1', level: 'A1', referredOn: '2026-05-05' },
      {
        type: 'LogParticipationActivity',
        kind: 'OTHER',
        hours: 0.25,
        startedOn: '2026-05-06',
        endedOn: '2026-05-06',
        organisation: 'Bib',
      },
    ]);
    expect(await statuses()).toEqual({
      MO: 'NOT_STARTED',
      NT2: 'IN_PROGRESS',
      WORK: 'NOT_STARTED',
      PARTICIPATION: 'IN_PROGRESS',
    });
    const participation = (await database.queries.findTrajectory(trajectory.trajectoryId))!.pillars[3];
    expect(participation).toMatchObject({ hours: 0.25, targetHours: 40, completedOn: null, waivedOn: null });
  });

  it('a waived WORK pillar waives its VDAB deadline; the attest follows MO and NT2', async () => {
    const where = { home: municipality('Lokeren'), other: municipality('Zele') };
    const trajectory = await workPillarWaived(where);
    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    const work = view?.pillars.find((pillar) => pillar.pillar === 'WORK');
    expect(work).toMatchObject({
      applicability: 'REQUIRED',
      status: 'WAIVED',
      waivedOn: '2026-06-01',
      waiverReason: 'incapacity for work (medical certificate)',
      completedOn: null,
      details: {},
    });
    expect(view?.pillars.find((pillar) => pillar.pillar === 'PARTICIPATION')).toMatchObject({
      applicability: 'OPTIONAL',
      status: 'IN_PROGRESS',
      hours: 11.5,
    });
    expect(view?.deadlines.find((deadline) => deadline.kind === 'VDAB_REGISTRATION')?.state).toBe('WAIVED');
    expect(view?.intakeProfile).toEqual({ working: true, mayWork: true, literacy: 'LOW_LITERATE' });
    expect(view?.attest?.conditions).toContain(
      'WORK: waived on 2026-06-01 (incapacity for work (medical certificate))',
    );
    expect(view).toMatchObject({ status: 'CLOSED', phase: 'ATTEST_ISSUED' });
  });

  it('an obliged newcomer registering late: agency registration deadline missed, violations, override and new determination', async () => {
    const trajectory = await obligedNewcomerRegisteringLate({
      home: municipality('Aalst'),
      other: municipality('Aalst'),
    });
    const id = trajectory.trajectoryId;
    const view = await database.queries.findTrajectory(id);

    expect(view?.deadlines.find((deadline) => deadline.kind === 'AGENCY_REGISTRATION')).toMatchObject({
      deadlineId: `${id}:AGENCY_REGISTRATION`,
      state: 'MISSED',
      metOn: null,
    });
    const anchor = await database.dataSource.manager.findOneByOrFail(DeadlineRecord, {
      trajectoryId: id,
      kind: 'AGENCY_REGISTRATION',
    });
    expect(anchor).toMatchObject({ anchor: 'AGENCY_LETTER', anchorOn: '2025-06-02' });
    expect(
      view?.violations.map(({ violationId, kind, state, decision, deadlineId }) => ({
        violationId,
        kind,
        state,
        decision,
        deadlineId,
      })),
    ).toEqual([
      {
        violationId: `${id}:violation:1`,
        kind: 'AGENCY_REGISTRATION_DEADLINE_MISSED',
        state: 'DECIDED',
        decision: 'NO_FINE',
        deadlineId: `${id}:AGENCY_REGISTRATION`,
      },
      {
        violationId: `${id}:violation:2`,
        kind: 'REFUSAL_TO_SIGN',
        state: 'OPEN',
        decision: null,
        deadlineId: null,
      },
      {
        violationId: `${id}:violation:3`,
        kind: 'IRREGULAR_ATTENDANCE',
        state: 'OPEN',
        decision: null,
        deadlineId: null,
      },
    ]);
    // The new determination replaced the override, as in the fold.
    expect(view?.targetGroup).toEqual({
      status: 'OBLIGED',
      derivedStatus: 'OBLIGED',
      ruleId: 'OBLIGED_NEWCOMER_FIRST_STAY',
      exemptionReason: null,
      exemptionGrantedOn: null,
      overrideReason: null,
    });
    expect(view?.intakeProfile).toBeNull();
    expect(view?.attest).toBeNull();
  });

  it('an override makes the recorded status the effective one and keeps the derived status and its rule', async () => {
    const trajectory = await opened({
      registeredOn: '2026-01-05',
      targetGroupFacts: obligedNewcomerFacts('2025-12-01'),
    });
    await drive(trajectory, [
      {
        type: 'OverrideTargetGroup',
        recorded: { status: 'EXEMPT', exemptionReason: 'SERIOUS_ILLNESS_OR_DISABILITY' },
        reason: 'medical certificate on file',
      },
    ]);
    expect((await database.queries.findTrajectory(trajectory.trajectoryId))?.targetGroup).toEqual({
      status: 'EXEMPT',
      derivedStatus: 'OBLIGED',
      ruleId: 'OBLIGED_NEWCOMER_FIRST_STAY',
      exemptionReason: 'SERIOUS_ILLNESS_OR_DISABILITY',
      exemptionGrantedOn: null,
      overrideReason: 'medical certificate on file',
    });
    await drive(trajectory, [
      {
        type: 'RecordTargetGroupFacts',
        facts: { medicalCertificateOfSeriousIllnessOrDisability: true },
      },
    ]);
    expect((await database.queries.findTrajectory(trajectory.trajectoryId))?.targetGroup).toMatchObject({
      status: 'EXEMPT',
      derivedStatus: 'EXEMPT',
      exemptionReason: 'SERIOUS_ILLNESS_OR_DISABILITY',
      overrideReason: null,
    });
  });

  it('a trajectory without target-group facts or contract has no target group, profile, pillars or attest', async () => {
    const trajectory = await opened({ registeredOn: '2026-01-05' });
    await drive(trajectory, [{ type: 'RecordIntake', intakeOn: '2026-01-20' }]);
    expect(await database.queries.findTrajectory(trajectory.trajectoryId)).toMatchObject({
      targetGroup: null,
      intakeProfile: null,
      pillars: [],
      attest: null,
    });
  });
});

describe('participationHours', () => {
  const where = { home: municipality('Gent'), other: municipality('Melle') };
  let first: TrajectoryScenario;
  let second: TrajectoryScenario;

  beforeAll(async () => {
    first = await fromRegistrationToAttest2023(where);
    second = await workPillarWaived(where);
  });

  it('totals hours, activities and trajectories per municipality and activity kind', async () => {
    expect(await database.queries.participationHours({ municipality: where.home })).toEqual([
      { municipality: where.home, kind: 'BUDDY', hours: 20.25, activities: 2, trajectories: 2 },
      { municipality: where.home, kind: 'CLUB_INTRODUCTION', hours: 6, activities: 1, trajectories: 1 },
      {
        municipality: where.home,
        kind: 'INTRODUCTORY_INTERNSHIP',
        hours: 10,
        activities: 1,
        trajectories: 1,
      },
    ]);
    expect(await database.queries.participationHours({ municipality: where.other })).toEqual([
      { municipality: where.other, kind: 'VOLUNTEERING', hours: 15.25, activities: 1, trajectories: 1 },
    ]);
    const all = await database.queries.participationHours({});
    expect(all).toEqual(
      expect.arrayContaining([
        { municipality: where.home, kind: 'BUDDY', hours: 20.25, activities: 2, trajectories: 2 },
        { municipality: where.other, kind: 'VOLUNTEERING', hours: 15.25, activities: 1, trajectories: 1 },
      ]),
    );
    // The totals are those of the pillars.
    const pillarHours = [first, second].map((trajectory) => trajectory.state.pillars!.PARTICIPATION.hours);
    const reported = [
      ...(await database.queries.participationHours({ municipality: where.home })),
      ...(await database.queries.participationHours({ municipality: where.other })),
    ];
    expect(reported.reduce((sum, row) => sum + row.hours, 0)).toBe(pillarHours[0] + pillarHours[1]);
  });

  it('keeps its totals with the trajectories: a transfer moves them to the new agency, a rebuild sums them again', async () => {
    const lokeren = municipality('Lokeren');
    const third = await opened({
      municipality: lokeren,
      registeredOn: '2026-01-05',
      targetGroupFacts: obligedNewcomerFacts('2025-12-01'),
    });
    await drive(third, [
      { type: 'RecordIntake', intakeOn: '2026-01-20' },
      { type: 'RecordContract', signedOn: '2026-05-01' },
      {
        type: 'LogParticipationActivity',
        kind: 'VOLUNTEERING',
        hours: 3.5,
        startedOn: '2026-05-02',
        endedOn: '2026-05-03',
        organisation: 'Buurtwerk',
      },
    ]);
    const scopes: ReadScope[] = [{}, { agencies: ['AGII'] }, { municipalities: ['antwerpen'] }];
    /** Per scope and municipality, from the totals and summed from the activities (as a period makes it). */
    const expectAgreement = async () => {
      for (const scope of scopes) {
        for (const municipality of [where.home, where.other, lokeren]) {
          expect(await database.queries.participationHours({ municipality, scope })).toEqual(
            await database.queries.participationHours({ municipality, scope, from: '1900-01-01' }),
          );
        }
      }
    };
    const inAntwerpen = () =>
      database.queries.participationHours({ municipality: lokeren, scope: { agencies: ['ATLAS'] } });
    await expectAgreement();
    expect(await inAntwerpen()).toEqual([]);
    await drive(third, [transferTrajectory('ATLAS', '2026-06-14')]);
    await expectAgreement();
    const moved = [
      { municipality: lokeren, kind: 'VOLUNTEERING', hours: 3.5, activities: 1, trajectories: 1 },
    ];
    expect(await inAntwerpen()).toEqual(moved);
    await rebuildReadModels(database.dataSource);
    await expectAgreement();
    expect(await inAntwerpen()).toEqual(moved);
  });

  it('answers a period from whole months and edge days with the figures of the activities summed', async () => {
    const place = municipality('Ninove');
    const activity = (kind: string, endedOn: string, hours: number): TrajectoryCommand =>
      ({
        type: 'LogParticipationActivity',
        kind,
        hours,
        startedOn: endedOn,
        endedOn,
        organisation: 'Buurtwerk',
      }) as TrajectoryCommand;
    for (const [agency, days] of [
      ['AGII', ['2026-02-03', '2026-02-03', '2026-02-20', '2026-03-31', '2026-05-01', '2026-05-15']],
      ['ATLAS', ['2026-02-28', '2026-04-10', '2026-04-11', '2026-05-31']],
    ] as const) {
      const trajectory = await scenarios.opened({
        agency,
        municipality: place,
        registeredOn: '2026-01-05',
        targetGroupFacts: obligedNewcomerFacts('2025-12-01'),
      });
      await trajectory.run({ type: 'RecordIntake', intakeOn: '2026-01-10' });
      await trajectory.run({ type: 'RecordContract', signedOn: '2026-01-20' });
      for (const [index, day] of days.entries())
        await trajectory.run(activity(index % 3 === 2 ? 'BUDDY' : 'VOLUNTEERING', day, 1.25 + index));
    }
    /** The activities of the period summed, as the report did before the months were kept. */
    const summed = async (from: string, to: string, agencies?: string[]) =>
      (
        await database.dataSource.query<
          { kind: string; hours: string; activities: number; trajectories: number }[]
        >(
          `SELECT activity.kind, sum(activity.hours)::text AS hours, count(*)::int AS activities,
                  count(DISTINCT activity.trajectory_id)::int AS trajectories
             FROM participation_activities activity
             JOIN trajectory_summaries summary ON summary.trajectory_id = activity.trajectory_id
            WHERE activity.municipality = $1 AND activity.ended_on BETWEEN $2 AND $3
              AND ($4::text[] IS NULL OR summary.agency = ANY($4))
            GROUP BY activity.kind ORDER BY activity.kind`,
          [place, from, to, agencies ?? null],
        )
      ).map((row) => ({ municipality: place, ...row, hours: Number(row.hours) }));
    const days = ['2026-01-31', '2026-02-01', '2026-02-03', '2026-02-04', '2026-02-28', '2026-03-01'];
    days.push(
      '2026-03-31',
      '2026-04-01',
      '2026-04-11',
      '2026-05-01',
      '2026-05-16',
      '2026-06-30',
      '2026-07-01',
    );
    let periods = 0;
    for (const from of days) {
      for (const to of days.filter((day) => day >= from)) {
        for (const agencies of [undefined, ['ATLAS']]) {
          const scope = agencies ? { agencies: agencies as ['ATLAS'] } : undefined;
          expect(await database.queries.participationHours({ municipality: place, from, to, scope })).toEqual(
            await summed(from, to, agencies),
          );
          periods += 1;
        }
      }
    }
    expect(periods).toBe(182);
  });

  it('counts the activities that ended within the period, bounds inclusive', async () => {
    expect(await database.queries.participationHours({ municipality: where.home, to: '2023-12-31' })).toEqual(
      [
        { municipality: where.home, kind: 'BUDDY', hours: 14.75, activities: 1, trajectories: 1 },
        {
          municipality: where.home,
          kind: 'INTRODUCTORY_INTERNSHIP',
          hours: 10,
          activities: 1,
          trajectories: 1,
        },
      ],
    );
    expect(
      await database.queries.participationHours({
        municipality: where.home,
        from: '2023-06-30',
        to: '2023-06-30',
      }),
    ).toEqual([{ municipality: where.home, kind: 'BUDDY', hours: 14.75, activities: 1, trajectories: 1 }]);
    expect(
      await database.queries.participationHours({ municipality: where.home, from: '2026-05-20' }),
    ).toEqual([
      { municipality: where.home, kind: 'CLUB_INTRODUCTION', hours: 6, activities: 1, trajectories: 1 },
    ]);
    expect(
      await database.queries.participationHours({ municipality: where.home, from: '2027-01-01' }),
    ).toEqual([]);
  });

  it('refuses malformed dates and an inverted period', async () => {
    await expect(database.queries.participationHours({ from: '2023-13-01' })).rejects.toThrow(
      'from must be a date (YYYY-MM-DD), got "2023-13-01"',
    );
    await expect(database.queries.participationHours({ to: 'yesterday' })).rejects.toThrow(RangeError);
    await expect(
      database.queries.participationHours({ from: '2024-01-01', to: '2023-01-01' }),
    ).rejects.toThrow('from (2024-01-01) must not be after to (2023-01-01)');
  });
});

describe('rebuildReadModels with target group, pillar, participation and attest events', () => {
  it('reproduces the summaries, deadlines, violations, pillars and participation activities row for row', async () => {
    const where = { home: municipality('Gent'), other: municipality('Melle') };
    const trajectories = [
      await fromRegistrationToAttest2023(where),
      await workPillarWaived(where),
      await obligedNewcomerRegisteringLate(where),
    ];
    const ids = trajectories.map((trajectory) => trajectory.trajectoryId);
    const before = await readModelRows(database.dataSource, ids);
    expect(before.pillars).toHaveLength(12);
    expect(before.activities).toHaveLength(5);

    await rebuildReadModels(database.dataSource, { batchSize: 7 });

    expect(await readModelRows(database.dataSource, ids)).toEqual(before);
    for (const trajectory of trajectories) await expectReadModelsToAgreeWithFold(database, trajectory);
  });
});
