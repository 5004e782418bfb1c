/** The command routes on an existing trajectory over HTTP, with the Temporal side replaced: paths, pipes, bodies, the update sent. */
import { ConflictException, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  agreeWorkTrackUpdate,
  correctFactUpdate,
  enrolInMoCourseUpdate,
  enrolInNt2CourseUpdate,
  adjustNt2TargetUpdate,
  grantExemptionUpdate,
  logParticipationActivityUpdate,
  overrideTargetGroupUpdate,
  recordFineDecisionUpdate,
  recordMoTestResultUpdate,
  recordNt2TestResultUpdate,
  recordTargetGroupFactsUpdate,
  referToNt2CourseUpdate,
  reportViolationUpdate,
  resumeTrajectoryUpdate,
  suspendTrajectoryUpdate,
  transferTrajectoryUpdate,
  waivePillarUpdate,
} from '../../../../workflows/src/definitions';
import { createValidationPipe } from '../http/validation-errors';
import { asCaller, TEST_COUNSELLOR } from '../testing/as-caller';
import { PillarsController } from './pillars.controller';
import { TargetGroupController } from './target-group.controller';
import { TrajectoryCommandsService } from './trajectory-commands.service';
import { TrajectoryExceptionsController } from './trajectory-exceptions.controller';
import { ViolationsController } from './violations.controller';

const trajectoryId = '6f0c56a2-3d5e-8b4f-9a1c-2e7d8f9a0b1c';
const violationId = `${trajectoryId}:violation:1`;
const result = { trajectoryId, version: 7, events: ['SomethingRecorded'] };

describe('trajectory command routes', () => {
  let app: INestApplication;
  const send = jest.fn();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [
        TrajectoryExceptionsController,
        ViolationsController,
        TargetGroupController,
        PillarsController,
      ],
      providers: [{ provide: TrajectoryCommandsService, useValue: { send } }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    asCaller(app);
    app.useGlobalPipes(createValidationPipe());
    await app.init();
  });

  afterAll(() => app.close());

  beforeEach(() => {
    send.mockReset();
    send.mockResolvedValue(result);
  });

  it.each([
    [
      'suspension',
      { reason: 'ILLNESS', suspendedFrom: '2025-05-12' },
      suspendTrajectoryUpdate,
      { type: 'SuspendTrajectory', reason: 'ILLNESS', suspendedFrom: '2025-05-12' },
    ],
    [
      'resumption',
      { resumedOn: '2025-06-02' },
      resumeTrajectoryUpdate,
      { type: 'ResumeTrajectory', resumedOn: '2025-06-02' },
    ],
    [
      'transfer',
      { toAgency: 'ATLAS', transferredOn: '2025-07-01', municipality: 'Antwerpen', nisCode: '11002' },
      transferTrajectoryUpdate,
      {
        type: 'TransferTrajectory',
        toAgency: 'ATLAS',
        transferredOn: '2025-07-01',
        municipality: 'Antwerpen',
        nisCode: '11002',
      },
    ],
    [
      'corrections',
      { fact: 'CONTRACT_SIGNING_DATE', correctedDate: '2025-04-16', reason: 'scanned copy shows the 16th' },
      correctFactUpdate,
      {
        type: 'CorrectFact',
        fact: 'CONTRACT_SIGNING_DATE',
        correctedDate: '2025-04-16',
        reason: 'scanned copy shows the 16th',
      },
    ],
    [
      'target-group/facts',
      { facts: { nationalityGroup: 'THIRD_COUNTRY', lawfulStay: true } },
      recordTargetGroupFactsUpdate,
      { type: 'RecordTargetGroupFacts', facts: { nationalityGroup: 'THIRD_COUNTRY', lawfulStay: true } },
    ],
    [
      'target-group/override',
      { recorded: { status: 'EXEMPT', exemptionReason: 'AGED_65_OR_OLDER' }, reason: 'birth date corrected' },
      overrideTargetGroupUpdate,
      {
        type: 'OverrideTargetGroup',
        recorded: { status: 'EXEMPT', exemptionReason: 'AGED_65_OR_OLDER' },
        reason: 'birth date corrected',
      },
    ],
    [
      'target-group/exemption',
      {
        reason: 'SERIOUS_ILLNESS_OR_DISABILITY',
        grantedOn: '2025-06-10',
        explanation: 'medical certificate',
      },
      grantExemptionUpdate,
      {
        type: 'GrantExemption',
        reason: 'SERIOUS_ILLNESS_OR_DISABILITY',
        grantedOn: '2025-06-10',
        explanation: 'medical certificate',
      },
    ],
    [
      'nt2/enrolments',
      { provider: 'CVO Gent', course: 'Nederlands 1.1', level: 'A1', enrolledOn: '2025-05-12' },
      enrolInNt2CourseUpdate,
      {
        type: 'EnrolInNt2Course',
        provider: 'CVO Gent',
        course: 'Nederlands 1.1',
        level: 'A1',
        enrolledOn: '2025-05-12',
      },
    ],
    [
      'nt2/target-adjustment',
      { targetLevel: 'A1', adjustedOn: '2025-06-01', reason: 'low-literate learner' },
      adjustNt2TargetUpdate,
      {
        type: 'AdjustNt2Target',
        targetLevel: 'A1',
        adjustedOn: '2025-06-01',
        reason: 'low-literate learner',
      },
    ],
    [
      'mo/enrolments',
      { provider: 'AGII Leuven', language: 'Dari', enrolledOn: '2025-05-05' },
      enrolInMoCourseUpdate,
      { type: 'EnrolInMoCourse', provider: 'AGII Leuven', language: 'Dari', enrolledOn: '2025-05-05' },
    ],
    [
      'mo/test-results',
      { takenOn: '2025-07-01', passed: true },
      recordMoTestResultUpdate,
      { type: 'RecordMoTestResult', takenOn: '2025-07-01', passed: true },
    ],
    [
      'nt2/referrals',
      { provider: 'CVO', course: 'NT2 1.1', level: 'A1', referredOn: '2025-05-10' },
      referToNt2CourseUpdate,
      { type: 'ReferToNt2Course', provider: 'CVO', course: 'NT2 1.1', level: 'A1', referredOn: '2025-05-10' },
    ],
    [
      'nt2/test-results',
      { level: 'A2', takenOn: '2025-12-01', passed: false },
      recordNt2TestResultUpdate,
      { type: 'RecordNt2TestResult', level: 'A2', takenOn: '2025-12-01', passed: false },
    ],
    [
      'work/track',
      { description: 'job coaching', agreedOn: '2025-06-01' },
      agreeWorkTrackUpdate,
      { type: 'AgreeWorkTrack', description: 'job coaching', agreedOn: '2025-06-01' },
    ],
    [
      'participation/activities',
      {
        kind: 'BUDDY',
        hours: 2,
        startedOn: '2025-06-02',
        endedOn: '2025-06-02',
        organisation: 'Samen Inburgeren vzw',
      },
      logParticipationActivityUpdate,
      {
        type: 'LogParticipationActivity',
        kind: 'BUDDY',
        hours: 2,
        startedOn: '2025-06-02',
        endedOn: '2025-06-02',
        organisation: 'Samen Inburgeren vzw',
      },
    ],
    [
      'pillars/PARTICIPATION/waiver',
      { reason: 'works full time', waivedOn: '2025-06-10' },
      waivePillarUpdate,
      { type: 'WaivePillar', pillar: 'PARTICIPATION', reason: 'works full time', waivedOn: '2025-06-10' },
    ],
    [
      'violations',
      { kind: 'IRREGULAR_ATTENDANCE', observedOn: '2025-05-20', facts: 'absent at 4 of 6 lessons' },
      reportViolationUpdate,
      {
        type: 'ReportViolation',
        kind: 'IRREGULAR_ATTENDANCE',
        observedOn: '2025-05-20',
        facts: 'absent at 4 of 6 lessons',
      },
    ],
  ])(
    'POST /trajectories/:id/%s sends its update and answers 200 with the result',
    async (path, body, update, command) => {
      const response = await request(app.getHttpServer())
        .post(`/trajectories/${trajectoryId}/${path}`)
        .set('Idempotency-Key', 'k-1')
        .send(body);

      expect(response.status).toBe(200);
      expect(response.body).toEqual(result);
      expect(send).toHaveBeenCalledWith(
        trajectoryId,
        update,
        command,
        expect.objectContaining({ actor: TEST_COUNSELLOR, idempotencyKey: 'k-1' }),
      );
    },
  );

  it.each([
    ['URL-encoded', encodeURIComponent(violationId)],
    ['plain', violationId],
  ])('POST .../violations/:violationId/decision takes a %s violation id', async (_form, pathSegment) => {
    const response = await request(app.getHttpServer())
      .post(`/trajectories/${trajectoryId}/violations/${pathSegment}/decision`)
      .send({ decision: 'FINE', amountEuro: 150, decidedOn: '2025-08-01' });

    expect(response.status).toBe(200);
    expect(send).toHaveBeenCalledWith(
      trajectoryId,
      recordFineDecisionUpdate,
      { type: 'RecordFineDecision', violationId, decision: 'FINE', amountEuro: 150, decidedOn: '2025-08-01' },
      expect.anything(),
    );
  });

  it('sends an amount outside the policy range to the trajectory, which decides it', async () => {
    await request(app.getHttpServer())
      .post(`/trajectories/${trajectoryId}/violations/${encodeURIComponent(violationId)}/decision`)
      .send({ decision: 'FINE', amountEuro: 10_000, decidedOn: '2025-08-01' })
      .expect(200);

    expect(send).toHaveBeenCalledWith(
      trajectoryId,
      recordFineDecisionUpdate,
      expect.objectContaining({ amountEuro: 10_000 }),
      expect.anything(),
    );
  });

  it('answers 400 naming the field for a malformed id, violation id or body, and sends nothing', async () => {
    const server = app.getHttpServer();
    const notUuid = await request(server)
      .post('/trajectories/42/resumption')
      .send({ resumedOn: '2025-06-02' });
    const longViolationId = await request(server)
      .post(`/trajectories/${trajectoryId}/violations/${'v'.repeat(201)}/decision`)
      .send({ decision: 'NO_FINE', decidedOn: '2025-08-01' });
    const fractionalAmount = await request(server)
      .post(`/trajectories/${trajectoryId}/violations/${encodeURIComponent(violationId)}/decision`)
      .send({ decision: 'FINE', amountEuro: 99.5, decidedOn: '2025-08-01' });

    expect([notUuid.status, longViolationId.status, fractionalAmount.status]).toEqual([400, 400, 400]);
    expect(notUuid.body.errors).toEqual([{ field: 'id', detail: 'id must be a UUID' }]);
    expect(longViolationId.body.errors).toEqual([
      { field: 'violationId', detail: 'violationId must be at most 200 characters' },
    ]);
    expect(fractionalAmount.body.errors).toEqual([
      {
        field: 'amountEuro',
        detail: 'amountEuro must be an integer number',
        reason: 'INPUT_NOT_A_WHOLE_NUMBER',
        params: { field: 'amountEuro' },
      },
    ]);
    expect(send).not.toHaveBeenCalled();
  });

  it.each([
    ['%20%20', 'violationId must not be blank'],
    [encodeURIComponent('überschreitung:1'), 'violationId must contain printable ASCII characters only'],
  ])('answers 400 for the violation id %s', async (pathSegment, reason) => {
    const response = await request(app.getHttpServer())
      .post(`/trajectories/${trajectoryId}/violations/${pathSegment}/decision`)
      .send({ decision: 'NO_FINE', decidedOn: '2025-08-01' });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'violationId', detail: reason }]);
    expect(send).not.toHaveBeenCalled();
  });

  it.each(['mo', 'WORKS', 'VDAB'])(
    'answers 400 naming pillar for the waiver of pillar %s, and sends nothing',
    async (pillar) => {
      const response = await request(app.getHttpServer())
        .post(`/trajectories/${trajectoryId}/pillars/${pillar}/waiver`)
        .send({ detail: 'works full time', waivedOn: '2025-06-10' });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          field: 'pillar',
          detail: 'pillar must be one of the following values: MO, NT2, WORK, PARTICIPATION',
        },
      ]);
      expect(send).not.toHaveBeenCalled();
    },
  );

  it('answers 400 naming nested fields by their dotted path, and sends nothing', async () => {
    const server = app.getHttpServer();
    const facts = await request(server)
      .post(`/trajectories/${trajectoryId}/target-group/facts`)
      .send({ facts: { lawfulStay: 'yes' } });
    const override = await request(server)
      .post(`/trajectories/${trajectoryId}/target-group/override`)
      .send({ recorded: { status: 'OBLIGED' }, reason: 'x' });
    const hours = await request(server)
      .post(`/trajectories/${trajectoryId}/participation/activities`)
      .send({ kind: 'BUDDY', hours: 0, startedOn: '2025-06-02', endedOn: '2025-06-02', organisation: 'x' });

    expect([facts.status, override.status, hours.status]).toEqual([400, 400, 400]);
    expect(facts.body.errors).toEqual([
      {
        field: 'facts.lawfulStay',
        detail: 'lawfulStay must be a boolean value',
        reason: 'MUST_BE_TRUE_OR_FALSE',
        params: { field: 'facts.lawfulStay' },
      },
    ]);
    expect(override.body.errors).toEqual([
      {
        field: 'recorded.obligationStartsOn',
        detail: 'obligationStartsOn must be a real date written YYYY-MM-DD',
        reason: 'INPUT_NOT_A_REAL_DATE',
        params: { field: 'recorded.obligationStartsOn' },
      },
    ]);
    expect(hours.body.errors).toEqual([{ field: 'hours', detail: 'hours must be a positive number' }]);
    expect(send).not.toHaveBeenCalled();
  });

  it('answers with what the trajectory says when it refuses (409 before the contract)', async () => {
    send.mockRejectedValueOnce(
      new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        code: 'INVALID_STATE',
        message: 'the pillars start when the contract is signed; record the contract first',
      }),
    );

    const response = await request(app.getHttpServer())
      .post(`/trajectories/${trajectoryId}/mo/enrolments`)
      .send({ provider: 'AGII', language: 'Arabic', enrolledOn: '2025-05-05' });

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'INVALID_STATE' });
  });
});
