import { addMonths, calendarDate } from '../../libs/domain/src';
import { EventStore } from '../../libs/store/src';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer, thirdCountryNewcomerFacts } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';

/**
 * An exemption granted later (domain brief §3): an obliged newcomer with a running VDAB deadline falls seriously
 * ill. From the day of the exemption the newcomer is EXEMPT, the deadline is waived and the workflow's timer on
 * it is cancelled, so no violation file can follow; the trajectory stays open for a voluntary continuation.
 */
describe('an exemption granted later', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  async function obligedWithContract(birthDate?: string) {
    const { body } = await system
      .http()
      .post('/trajectories')
      .send({
        ...newcomer(birthDate ? { birthDate } : {}),
        registeredOn: daysAgo(40),
        targetGroupFacts: thirdCountryNewcomerFacts(daysAgo(60)),
      })
      .expect(201);
    const { trajectoryId } = body as { trajectoryId: string };
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(30) })
      .expect(200);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn: daysAgo(20) })
      .expect(200);
    return trajectoryId;
  }

  const streamLength = async (trajectoryId: string) =>
    (await new EventStore(system.database).readStream(trajectoryId)).length;

  it('makes the newcomer exempt, waives the running deadline and cancels its timer', async () => {
    const trajectoryId = await obligedWithContract();
    const before = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(before.body.targetGroup).toMatchObject({ status: 'OBLIGED', derivedStatus: 'OBLIGED' });
    expect(
      before.body.deadlines.map((deadline: { kind: string; state: string }) => [
        deadline.kind,
        deadline.state,
      ]),
    ).toEqual([['VDAB_REGISTRATION', 'OPEN']]);
    const version = before.body.version as number;

    await system
      .http()
      .post(`/trajectories/${trajectoryId}/target-group/exemption`)
      .send({
        reason: 'SERIOUS_ILLNESS_OR_DISABILITY',
        grantedOn: daysAgo(2),
        explanation: 'medical certificate',
      })
      .expect(200, { trajectoryId, version: version + 2, events: ['ExemptionGranted', 'DeadlineWaived'] });

    const after = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(after.body).toMatchObject({
      status: 'OPEN',
      targetGroup: {
        status: 'EXEMPT',
        derivedStatus: 'OBLIGED',
        exemptionReason: 'SERIOUS_ILLNESS_OR_DISABILITY',
        exemptionGrantedOn: daysAgo(2),
      },
      violations: [],
    });
    expect(
      after.body.deadlines.map((deadline: { kind: string; state: string }) => [
        deadline.kind,
        deadline.state,
      ]),
    ).toEqual([['VDAB_REGISTRATION', 'WAIVED']]);
    const dueOn = addMonths(calendarDate(daysAgo(20)), 2);
    const waived = await system
      .http()
      .get('/deadlines')
      .query({ state: 'WAIVED', dueTo: dueOn, limit: 500 })
      .expect(200);
    expect(waived.body.items.map((item: { trajectoryId: string }) => item.trajectoryId)).toContain(
      trajectoryId,
    );

    // The timer the workflow kept on the VDAB deadline was cancelled and no other was started after it.
    const history = await system.temporal.workflow.getHandle(`trajectory-${trajectoryId}`).fetchHistory();
    const timerEvents = (history.events ?? []).filter(
      (event) =>
        event.timerStartedEventAttributes ||
        event.timerCanceledEventAttributes ||
        event.timerFiredEventAttributes,
    );
    expect(timerEvents.at(-1)?.timerCanceledEventAttributes).toBeTruthy();

    const timeline = await system.http().get(`/trajectories/${trajectoryId}/timeline`).expect(200);
    expect(timeline.body.events.at(-2)).toMatchObject({
      type: 'ExemptionGranted',
      actor: 'counsellor-gent',
      data: {
        reason: 'SERIOUS_ILLNESS_OR_DISABILITY',
        grantedOn: daysAgo(2),
        explanation: 'medical certificate',
      },
    });
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });

  it('refuses what does not fit, names the field or the reason, and writes nothing', async () => {
    const trajectoryId = await obligedWithContract(daysAgo(365 * 40));
    const events = await streamLength(trajectoryId);
    const post = (body: object) =>
      system.http().post(`/trajectories/${trajectoryId}/target-group/exemption`).send(body);

    const badInput = await post({ reason: 'TIRED', grantedOn: '2026-02-30' }).expect(400);
    expect(badInput.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'reason',
      'grantedOn',
    ]);

    const tooYoung = await post({ reason: 'AGED_65_OR_OLDER', grantedOn: daysAgo(1) }).expect(422);
    expect(tooYoung.body).toMatchObject({
      field: 'reason',
      detail: expect.stringMatching(/^the newcomer is 3\d on .*needs 65 or older$/),
    });

    const override = await system
      .http()
      .post(`/trajectories/${trajectoryId}/target-group/override`)
      .send({ recorded: { status: 'ENTITLED' }, reason: 'documents' })
      .expect(409);
    expect(override.body.detail).toMatch(/grant an exemption instead/);
    expect(await streamLength(trajectoryId)).toBe(events);

    await post({ reason: 'BELGIAN_OR_DUTCH_DIPLOMA', grantedOn: daysAgo(1) }).expect(200);
    const again = await post({ reason: 'SERIOUS_ILLNESS_OR_DISABILITY', grantedOn: daysAgo(1) }).expect(409);
    expect(again.body.detail).toBe(
      `an exemption was already granted on ${daysAgo(1)} (BELGIAN_OR_DUTCH_DIPLOMA)`,
    );
    expect(await streamLength(trajectoryId)).toBe(events + 2);
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });
});
