import { EventStore } from '../../libs/store/src';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer, thirdCountryNewcomerFacts } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { recordHistoryIfAsked } from '../support/workflow-histories';

/**
 * One trajectory per policy version, from registration to the attest, through HTTP, the workflow and the
 * read models. The attest is issued by the workflow itself once every pillar its policy version requires is
 * satisfied, and the trajectory closes.
 */
describe('from registration to attest', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  const post = (path: string, body: object) => system.http().post(path).send(body);

  async function open(body: Record<string, unknown>): Promise<string> {
    const response = await post('/trajectories', newcomer({ birthDate: '1985-03-14', ...body })).expect(201);
    return response.body.trajectoryId;
  }

  async function passMoAndNt2(
    id: string,
    dates: { enrolled: string; moPassed: string; referred: string; nt2Passed: string },
    level: string,
  ) {
    await post(`/trajectories/${id}/mo/enrolments`, {
      provider: 'Agentschap Integratie en Inburgering',
      language: 'Arabic',
      enrolledOn: dates.enrolled,
    }).expect(200);
    await post(`/trajectories/${id}/mo/test-results`, { takenOn: dates.moPassed, passed: false }).expect(200);
    await post(`/trajectories/${id}/mo/test-results`, {
      takenOn: dates.moPassed,
      passed: true,
      certificateNumber: 'MO-CERT-1',
    }).expect(200);
    await post(`/trajectories/${id}/nt2/referrals`, {
      provider: 'CVO Gent',
      course: 'NT2 1.1-1.4',
      level,
      referredOn: dates.referred,
    }).expect(200);
    const enrolled = await post(`/trajectories/${id}/nt2/enrolments`, {
      provider: 'CVO Gent',
      course: 'NT2 1.1-1.4',
      level,
      enrolledOn: dates.referred,
    }).expect(200);
    expect(enrolled.body.events).toEqual(['Nt2CourseEnrolled']);
    return post(`/trajectories/${id}/nt2/test-results`, {
      level,
      takenOn: dates.nt2Passed,
      passed: true,
      certificateNumber: 'NT2-CERT-1',
    }).expect(200);
  }

  it('2023: an obliged newcomer completes MO, NT2 (A2), VDAB and 40 participation hours', async () => {
    const id = await open({
      registeredOn: daysAgo(60),
      targetGroupFacts: thirdCountryNewcomerFacts(daysAgo(90)),
    });
    await post(`/trajectories/${id}/intake`, {
      intakeOn: daysAgo(55),
      profile: { working: false, studying: false, mayWork: true, literacy: 'LITERATE' },
    }).expect(200);
    // Recent dates: the VDAB deadline (2 months after the contract) is still running when it is checked.
    await post(`/trajectories/${id}/contract`, { signedOn: daysAgo(50) }).expect(200);
    const signed = await system.http().get(`/trajectories/${id}`).expect(200);
    expect(signed.body).toMatchObject({
      policyVersion: '2023',
      targetGroup: { status: 'OBLIGED' },
      // no agency's letter recorded: no reporting deadline (Verplichting tot inburgering §Aanmelden)
      deadlines: [expect.objectContaining({ kind: 'VDAB_REGISTRATION', state: 'OPEN' })],
    });
    expect(
      Object.fromEntries(
        signed.body.pillars.map((pillar: { pillar: string; applicability: string }) => [
          pillar.pillar,
          pillar.applicability,
        ]),
      ),
    ).toEqual({
      MO: 'REQUIRED',
      NT2: 'REQUIRED',
      WORK: 'REQUIRED',
      PARTICIPATION: 'REQUIRED',
    });

    await post(`/trajectories/${id}/vdab-registration`, {
      registeredOn: daysAgo(45),
      vdabClientReference: 'VDAB-2023-1',
    }).expect(200);
    await passMoAndNt2(
      id,
      { enrolled: daysAgo(45), moPassed: daysAgo(30), referred: daysAgo(45), nt2Passed: daysAgo(10) },
      'A2',
    );
    await post(`/trajectories/${id}/attendance`, {
      pillar: 'NT2',
      periodFrom: daysAgo(44),
      periodTo: daysAgo(12),
      hoursScheduled: 180,
      hoursAttended: 171,
    }).expect(200, { trajectoryId: id, version: 18, events: ['AttendanceRecorded'] });
    for (const [kind, hours, from] of [
      ['BUDDY', 15, 40],
      ['VOLUNTEERING', 15, 30],
    ] as const) {
      await post(`/trajectories/${id}/participation/activities`, {
        kind,
        hours,
        startedOn: daysAgo(from),
        endedOn: daysAgo(from - 5),
        organisation: 'Vzw De Buurt',
        participantFeedback: 'goed',
      }).expect(200);
    }
    const last = await post(`/trajectories/${id}/participation/activities`, {
      kind: 'INTRODUCTORY_INTERNSHIP',
      hours: 10,
      startedOn: daysAgo(20),
      endedOn: daysAgo(10),
      organisation: 'Gemeente Gent',
    }).expect(200);
    // obliged since 1 March 2022: the attest starts the follow-up track (B1 oral within 24 months)
    expect(last.body.events).toEqual([
      'ParticipationActivityLogged',
      'PillarCompleted',
      'AttestIssued',
      'FollowUpStarted',
      'DeadlineSet',
    ]);

    const view = await system.http().get(`/trajectories/${id}`).expect(200);
    expect(view.body).toMatchObject({ status: 'OPEN', phase: 'ATTEST_ISSUED' });
    expect(view.body.attest.attestNumber).toMatch(/^ATT-IN_GENT-\d{4}-/);
    const nt2 = view.body.pillars.find((pillar: { pillar: string }) => pillar.pillar === 'NT2');
    expect(nt2.details.enrolments).toEqual([
      { provider: 'CVO Gent', course: 'NT2 1.1-1.4', level: 'A2', enrolledOn: daysAgo(45) },
    ]);
    expect(nt2.details.attendance).toEqual([
      { periodFrom: daysAgo(44), periodTo: daysAgo(12), hoursScheduled: 180, hoursAttended: 171 },
    ]);
    expect(view.body.attest.conditions).toEqual([
      expect.stringMatching(/^MO: MO test passed/),
      expect.stringMatching(/^NT2: NT2 test passed at A2/),
      expect.stringMatching(/^WORK: registered with VDAB/),
      expect.stringMatching(/^PARTICIPATION: 40 of 40 participation hours/),
    ]);
    await post(`/trajectories/${id}/follow-up/test-results`, {
      level: 'B1',
      takenOn: daysAgo(0),
      passed: true,
    }).expect(200);
    const result = await system.temporal.workflow.getHandle(`trajectory-${id}`).result();
    expect(result).toMatchObject({ status: 'CLOSED' });
    await expectWorkflowMatchesEventStore(system, id);
    await recordHistoryIfAsked(system, `trajectory-${id}`, 'attest-2023-follow-up');
  });

  it('2022: MO, NT2 (A2) and a VDAB registration made at intake; no participation pillar', async () => {
    const id = await open({ registeredOn: '2022-01-10' });
    await post(`/trajectories/${id}/intake`, { intakeOn: '2022-02-01' }).expect(200);
    await post(`/trajectories/${id}/vdab-registration`, {
      registeredOn: '2022-02-01',
      vdabClientReference: 'VDAB-2022-7',
    }).expect(200);
    const contract = await post(`/trajectories/${id}/contract`, { signedOn: '2022-03-01' }).expect(200);
    expect(contract.body.events).toEqual([
      'ContractSigned',
      'PillarsDetermined',
      'DeadlineSet',
      'DeadlineMet',
      'PillarCompleted',
    ]);

    const hours = await post(`/trajectories/${id}/participation/activities`, {
      kind: 'BUDDY',
      hours: 4,
      startedOn: '2022-04-01',
      endedOn: '2022-04-02',
      organisation: 'Buddy vzw',
    });
    expect(hours.status).toBe(422);
    expect(hours.body.detail).toMatch(/participation pillar does not apply/);

    await passMoAndNt2(
      id,
      { enrolled: '2022-03-10', moPassed: '2022-06-15', referred: '2022-03-10', nt2Passed: '2023-01-20' },
      'A2',
    );
    const view = await system.http().get(`/trajectories/${id}`).expect(200);
    expect(view.body).toMatchObject({ status: 'CLOSED', phase: 'ATTEST_ISSUED', policyVersion: '2022' });
    expect(view.body.attest.conditions).toHaveLength(3);
    expect(view.body.attest.conditions[2]).toMatch(/^WORK: registered with VDAB on 2022-02-01/);
    await expectWorkflowMatchesEventStore(system, id);
  });

  it('2016 rules stay with a trajectory signed in 2019, although the 2022 and 2023 versions exist', async () => {
    const id = await open({ registeredOn: '2019-03-01' });
    await post(`/trajectories/${id}/intake`, { intakeOn: '2019-04-01' }).expect(200);
    const contract = await post(`/trajectories/${id}/contract`, { signedOn: '2019-05-01' }).expect(200);
    expect(contract.body.events).toEqual(['ContractSigned', 'PillarsDetermined']);

    const signed = await system.http().get(`/trajectories/${id}`).expect(200);
    expect(signed.body).toMatchObject({ policyVersion: '2016', deadlines: [] });
    const pillars = Object.fromEntries(
      signed.body.pillars.map((pillar: { pillar: string }) => [pillar.pillar, pillar]),
    );
    expect(pillars.WORK.applicability).toBe('NOT_APPLICABLE');
    expect(pillars.PARTICIPATION.applicability).toBe('NOT_APPLICABLE');
    expect(pillars.NT2.targetLevel).toBe('A1');

    // Rejected by the rules, and nothing written: an MO result before any enrolment, hours where participation does not apply.
    const store = new EventStore(system.database);
    const before = await store.countEvents(id);
    const noCourse = await post(`/trajectories/${id}/attendance`, {
      pillar: 'MO',
      periodFrom: '2019-05-01',
      periodTo: '2019-05-31',
      hoursScheduled: 20,
      hoursAttended: 20,
    });
    expect(noCourse.status).toBe(409);
    const early = await post(`/trajectories/${id}/mo/test-results`, {
      takenOn: '2019-06-01',
      passed: true,
      certificateNumber: 'MO-CERT-2',
    });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/enrolment/);
    const unreferred = await post(`/trajectories/${id}/nt2/enrolments`, {
      provider: 'CVO Gent',
      course: 'NT2 1.1',
      level: 'A1',
      enrolledOn: '2019-05-10',
    });
    expect(unreferred.status).toBe(409);
    expect(unreferred.body.detail).toBe(
      'an NT2 enrolment follows a referral to an NT2 course; record the referral first',
    );
    const hours = await post(`/trajectories/${id}/participation/activities`, {
      kind: 'VOLUNTEERING',
      hours: 5,
      startedOn: '2019-06-01',
      endedOn: '2019-06-01',
      organisation: 'Vzw',
    });
    expect(hours.status).toBe(422);
    expect(await store.countEvents(id)).toBe(before);

    const nt2 = await passMoAndNt2(
      id,
      { enrolled: '2019-05-10', moPassed: '2019-09-01', referred: '2019-05-10', nt2Passed: '2020-02-01' },
      'A1',
    );
    expect(nt2.body.events).toEqual(['Nt2TestTaken', 'PillarCompleted', 'AttestIssued', 'TrajectoryClosed']);
    const view = await system.http().get(`/trajectories/${id}`).expect(200);
    expect(view.body.attest.conditions).toEqual([
      expect.stringMatching(/^MO: /),
      expect.stringMatching(/^NT2: NT2 test passed at A1/),
    ]);
    await expectWorkflowMatchesEventStore(system, id);
    await recordHistoryIfAsked(system, `trajectory-${id}`, 'attest-2016-rules');
  });
});
