import { randomUUID } from 'node:crypto';
import { CalendarDate, isoWeekLabel } from '../../libs/domain/src';
import { DeadlineMonitoring, MONITORING_GROUPS } from '../../libs/store/src';
import { eventually } from '../support/eventually';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { recordHistoryIfAsked } from '../support/workflow-histories';

/**
 * Deadline monitoring on the real stack (issue 9 §1): trajectories opened with backdated facts through the API, so
 * that their VDAB deadlines (two months after the contract) are overdue, due soon, met late or on time, suspended
 * or waived; the counts per agency, office, counsellor and municipality, the weekly trend and the drill-down are
 * checked against what was built by hand. Then a team lead reassigns a case: the event is recorded and the counts
 * move to the new counsellor and office. Another agency's manager sees nothing of it; a counsellor is refused.
 *
 * Isolation from the other test files of the run (one database): every office, counsellor and the municipality
 * "Ledeberg" are this file's own, and the expectations filter on them.
 */
const run = randomUUID().slice(0, 8);
const NORTH = `mon-${run}-north`;
const SOUTH = `mon-${run}-south`;
const ALICE = `mon-${run}-alice`;
const BOB = `mon-${run}-bob`;
const NOBODY = `mon-${run}-nobody`;

type Counts = {
  overdue: number;
  dueWithin7: number;
  dueWithin30: number;
  metLate: number;
  metOnTime: number;
};
const counts = (
  overdue: number,
  dueWithin7: number,
  dueWithin30: number,
  metLate: number,
  metOnTime: number,
) => ({
  overdue,
  dueWithin7,
  dueWithin30,
  metLate,
  metOnTime,
});

describe('deadline monitoring', () => {
  let system: TestSystem;
  const manager = () => system.http('manager-gent');
  const cases: Record<string, string> = {};
  const dueOn: Record<string, CalendarDate> = {};

  async function open(name: string, counsellorId: string, municipality: string, signedDaysAgo: number) {
    const { body } = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ counsellorId, municipality, registeredOn: daysAgo(signedDaysAgo + 20) }))
      .expect(201);
    const id = body.trajectoryId as string;
    await system
      .http()
      .post(`/trajectories/${id}/intake`)
      .send({ intakeOn: daysAgo(signedDaysAgo + 10) })
      .expect(200);
    await system
      .http()
      .post(`/trajectories/${id}/contract`)
      .send({ signedOn: daysAgo(signedDaysAgo) })
      .expect(200);
    cases[name] = id;
    return id;
  }

  async function vdabDeadline(id: string, state: string) {
    return eventually(async () => {
      const { body } = await system.http().get(`/trajectories/${id}`).expect(200);
      const deadline = body.deadlines.find(
        (candidate: { kind: string }) => candidate.kind === 'VDAB_REGISTRATION',
      );
      expect(deadline).toMatchObject({ state });
      return deadline as { dueOn: CalendarDate; state: string };
    });
  }

  const countsOf = async (query: Record<string, string>) => {
    const { body } = await manager().get('/monitoring/deadlines').query(query).expect(200);
    return body as {
      asOn: string;
      items: (Counts & { key: string | null; label: string | null })[];
      totals: Counts;
    };
  };
  const byKey = (items: (Counts & { key: string | null })[]) =>
    Object.fromEntries(
      items.map(({ key, overdue, dueWithin7, dueWithin30, metLate, metOnTime }) => [
        key,
        { overdue, dueWithin7, dueWithin30, metLate, metOnTime },
      ]),
    );

  beforeAll(async () => {
    system = await startTestSystem();
    // Offices are data: the team lead defines two and places a counsellor in each.
    await manager()
      .put(`/offices/${NORTH}`)
      .send({ name: `North ${run}` })
      .expect(201);
    await manager()
      .put(`/offices/${SOUTH}`)
      .send({ name: `South ${run}` })
      .expect(201);
    await manager().put(`/offices/${NORTH}/counsellors/${ALICE}`).expect(200);
    await manager().put(`/offices/${SOUTH}/counsellors/${BOB}`).expect(200);

    // Alice (North), in Gent: overdue, met late, met on time, due within 7 days.
    await open('overdue', ALICE, 'Gent', 100);
    await open('metLate', ALICE, 'Gent', 100);
    await open('metOnTime', ALICE, 'Gent', 100);
    await system
      .http()
      .post(`/trajectories/${cases.metOnTime}/vdab-registration`)
      .send({ registeredOn: daysAgo(95), vdabClientReference: `V-${run}-1` })
      .expect(200);
    await open('dueWithin7', ALICE, 'Gent', 55); // two months are 59 to 62 days: due in 4 to 7 days
    // Bob (South), in Ledeberg: due within 30 days only, overdue, and two deadlines that do not count.
    await open('dueWithin30', BOB, 'Ledeberg', 40); // due in 19 to 22 days
    await open('overdueBob', BOB, 'Ledeberg', 100);
    await open('suspended', BOB, 'Ledeberg', 50);
    await system
      .http()
      .post(`/trajectories/${cases.suspended}/suspension`)
      .send({ reason: 'ILLNESS', suspendedFrom: daysAgo(0) })
      .expect(200);
    await open('waived', BOB, 'Ledeberg', 45);
    await system
      .http()
      .post(`/trajectories/${cases.waived}/closure`)
      .send({ reason: 'DECEASED', closedOn: daysAgo(0) })
      .expect(200);

    // The deadlines of contracts signed 100 days ago have expired: the timer records them missed.
    for (const name of ['overdue', 'metLate', 'overdueBob'])
      dueOn[name] = (await vdabDeadline(cases[name], 'MISSED')).dueOn;
    // A registration after the due date: the deadline stays missed, and is met late.
    await system
      .http()
      .post(`/trajectories/${cases.metLate}/vdab-registration`)
      .send({ registeredOn: daysAgo(1), vdabClientReference: `V-${run}-2` })
      .expect(200);
    dueOn.metOnTime = (await vdabDeadline(cases.metOnTime, 'MET')).dueOn;
    dueOn.dueWithin7 = (await vdabDeadline(cases.dueWithin7, 'OPEN')).dueOn;
    dueOn.dueWithin30 = (await vdabDeadline(cases.dueWithin30, 'OPEN')).dueOn;
    await vdabDeadline(cases.suspended, 'SUSPENDED');
    await vdabDeadline(cases.waived, 'WAIVED');
  });
  afterAll(() => system?.close());

  it('counts per office, counsellor, municipality and agency, as worked out by hand', async () => {
    const perOffice = await countsOf({ groupBy: 'office', agency: 'IN_GENT' });
    expect(perOffice.asOn).toBe(daysAgo(0));
    expect(byKey(perOffice.items)).toMatchObject({
      [NORTH]: counts(1, 1, 1, 1, 1),
      [SOUTH]: counts(1, 0, 1, 0, 0),
    });
    expect(perOffice.items.find((item) => item.key === NORTH)?.label).toBe(`North ${run}`);

    expect(byKey((await countsOf({ groupBy: 'counsellor', office: NORTH })).items)).toEqual({
      [ALICE]: counts(1, 1, 1, 1, 1),
    });
    expect(byKey((await countsOf({ groupBy: 'counsellor', counsellor: BOB })).items)).toEqual({
      [BOB]: counts(1, 0, 1, 0, 0),
    });
    expect(byKey((await countsOf({ groupBy: 'municipality', municipality: 'ledeberg' })).items)).toEqual({
      Ledeberg: counts(1, 0, 1, 0, 0),
    });
    const agencyOfNorth = await countsOf({ groupBy: 'agency', office: NORTH });
    expect(byKey(agencyOfNorth.items)).toEqual({ IN_GENT: counts(1, 1, 1, 1, 1) });
    expect(agencyOfNorth.totals).toEqual(counts(1, 1, 1, 1, 1));
    // Filters combine: only the VDAB kind, only Bob's overdue.
    expect((await countsOf({ counsellor: BOB, kind: 'VDAB_REGISTRATION' })).totals).toEqual(
      counts(1, 0, 1, 0, 0),
    );
    expect((await countsOf({ counsellor: BOB, kind: 'AGENCY_REGISTRATION' })).totals).toEqual(
      counts(0, 0, 0, 0, 0),
    );
    // On a day before the late registration, the met-late deadline was still overdue.
    expect((await countsOf({ counsellor: ALICE, asOn: daysAgo(2) })).totals).toMatchObject({
      overdue: 2,
      metLate: 0,
    });
  });

  it('shows the weekly trend of the deadlines falling due and how they turned out', async () => {
    const { body } = await manager()
      .get('/monitoring/deadlines/trend')
      .query({ weeks: 10, office: NORTH })
      .expect(200);
    expect(body.items).toHaveLength(10);
    expect(body.items.at(-1).week).toBe(isoWeekLabel(daysAgo(0) as CalendarDate));
    const week = body.items.find((item: { week: string }) => item.week === isoWeekLabel(dueOn.overdue));
    // The three contracts signed the same day fell due the same day: one missed, one met late, one on time.
    expect(week).toMatchObject({ fallingDue: 3, metOnTime: 1, metLate: 1, missed: 1, pending: 0 });
    const total = (field: string) =>
      body.items.reduce((sum: number, item: Record<string, number>) => sum + item[field], 0);
    const dueSoonThisWeek =
      isoWeekLabel(dueOn.dueWithin7) === isoWeekLabel(daysAgo(0) as CalendarDate) ? 1 : 0;
    expect([total('fallingDue'), total('pending')]).toEqual([3 + dueSoonThisWeek, dueSoonThisWeek]);

    const perCounsellor = await manager()
      .get('/monitoring/deadlines/trend')
      .query({ weeks: 10, groupBy: 'counsellor', municipality: 'Ledeberg' })
      .expect(200);
    const bobsWeek = perCounsellor.body.items.find(
      (item: { week: string; key: string }) =>
        item.key === BOB && item.week === isoWeekLabel(dueOn.overdueBob),
    );
    // The suspended and the waived deadline did not fall due.
    expect(bobsWeek).toMatchObject({ fallingDue: 1, missed: 1 });
    expect(perCounsellor.body.items.every((item: { key: string }) => item.key === BOB)).toBe(true);
  });

  it('drills down from a count to its cases', async () => {
    const cases1 = await manager()
      .get('/monitoring/deadlines/cases')
      .query({ bucket: 'overdue', office: NORTH })
      .expect(200);
    expect(cases1.body).toMatchObject({ bucket: 'overdue', total: 1, limit: 50, offset: 0 });
    expect(cases1.body.items).toEqual([
      {
        trajectoryId: cases.overdue,
        deadlineId: `${cases.overdue}:VDAB_REGISTRATION`,
        kind: 'VDAB_REGISTRATION',
        dueOn: dueOn.overdue,
        state: 'MISSED',
        fulfilledOn: null,
        agency: 'IN_GENT',
        counsellorId: ALICE,
        officeId: NORTH,
        officeName: `North ${run}`,
        municipality: 'Gent',
      },
    ]);
    const late = await manager()
      .get('/monitoring/deadlines/cases')
      .query({ bucket: 'metLate', counsellor: ALICE });
    expect(
      late.body.items.map((item: { trajectoryId: string; fulfilledOn: string }) => [
        item.trajectoryId,
        item.fulfilledOn,
      ]),
    ).toEqual([[cases.metLate, daysAgo(1)]]);
    const soon = await manager()
      .get('/monitoring/deadlines/cases')
      .query({ bucket: 'dueWithin30', municipality: 'Ledeberg' });
    expect(soon.body.items.map((item: { trajectoryId: string }) => item.trajectoryId)).toEqual([
      cases.dueWithin30,
    ]);
    const page = await manager()
      .get('/monitoring/deadlines/cases')
      .query({ bucket: 'dueWithin30', office: NORTH, limit: 1, offset: 1 })
      .expect(200);
    expect([page.body.total, page.body.items.length]).toEqual([1, 0]);
  });

  it('exports each view as CSV, by format=csv or by Accept: text/csv', async () => {
    const countsCsv = await manager()
      .get('/monitoring/deadlines')
      .query({ groupBy: 'counsellor', office: NORTH, format: 'csv' })
      .expect(200)
      .expect('Content-Type', /^text\/csv/);
    expect(countsCsv.text).toBe(
      `key,label,overdue,dueWithin7,dueWithin30,metLate,metOnTime\r\n${ALICE},${ALICE},1,1,1,1,1\r\n`,
    );
    const casesCsv = await manager()
      .get('/monitoring/deadlines/cases')
      .query({ bucket: 'metOnTime', office: NORTH })
      .set('Accept', 'text/csv')
      .expect(200)
      .expect('Content-Type', /^text\/csv/);
    expect(casesCsv.text.split('\r\n')).toEqual([
      'trajectoryId,deadlineId,kind,dueOn,state,fulfilledOn,agency,counsellorId,officeId,officeName,municipality',
      `${cases.metOnTime},${cases.metOnTime}:VDAB_REGISTRATION,VDAB_REGISTRATION,${dueOn.metOnTime},MET,${daysAgo(95)},IN_GENT,${ALICE},${NORTH},North ${run},Gent`,
      '',
    ]);
    const trendCsv = await manager()
      .get('/monitoring/deadlines/trend')
      .query({ weeks: 3, office: SOUTH, format: 'csv' })
      .expect(200);
    expect(trendCsv.text.split('\r\n')).toHaveLength(1 + 3 + 1);
  });

  it('answers 400 naming each bad parameter', async () => {
    const bad = await manager()
      .get('/monitoring/deadlines')
      .query({ groupBy: 'team', asOn: '2026-02-30', kind: 'TAX' })
      .expect(400)
      .expect('Content-Type', /application\/problem\+json/);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'asOn',
      'groupBy',
      'kind',
    ]);
    const trend = await manager().get('/monitoring/deadlines/trend').query({ weeks: 0 }).expect(400);
    expect(trend.body).toMatchObject({ field: 'weeks' });
    const drill = await manager()
      .get('/monitoring/deadlines/cases')
      .query({ office: 'North Office!' })
      .expect(400);
    expect(drill.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'bucket',
      'office',
    ]);
    const unknown = await manager().get('/monitoring/deadlines').query({ team: 'x' }).expect(400);
    expect(unknown.body.errors.map((error: { field: string }) => error.field)).toEqual(['team']);
  });

  it('refuses counsellors (403 problem details) and shows another agency nothing', async () => {
    const refused = await system.http('counsellor-gent').get('/monitoring/deadlines').expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    await system.http('counsellor-gent').get('/offices').expect(403);
    await system
      .http('counsellor-gent')
      .post(`/trajectories/${cases.overdue}/reassignment`)
      .send({ toCounsellorId: BOB })
      .expect(403);

    const atlas = system.http('manager-atlas');
    const atlasCounts = await atlas.get('/monitoring/deadlines').query({ groupBy: 'agency' }).expect(200);
    expect(atlasCounts.body.items.map((item: { key: string }) => item.key)).not.toContain('IN_GENT');
    const asked = await atlas
      .get('/monitoring/deadlines')
      .query({ agency: 'IN_GENT', groupBy: 'counsellor' })
      .expect(200);
    expect(asked.body).toMatchObject({ items: [], totals: counts(0, 0, 0, 0, 0) });
    const drill = await atlas
      .get('/monitoring/deadlines/cases')
      .query({ bucket: 'overdue', office: NORTH })
      .expect(200);
    expect(drill.body).toMatchObject({ items: [], total: 0 });
    const trend = await atlas.get('/monitoring/deadlines/trend').query({ office: NORTH }).expect(200);
    expect(trend.body.items.every((item: { fallingDue: number }) => item.fallingDue === 0)).toBe(true);
    // Another agency's case is not found; its offices are neither listed nor writable.
    await atlas.post(`/trajectories/${cases.overdue}/reassignment`).send({ toCounsellorId: BOB }).expect(404);
    const atlasOffices = await atlas.get('/offices').expect(200);
    expect(atlasOffices.body.items.map((office: { officeId: string }) => office.officeId)).not.toContain(
      NORTH,
    );
    const taken = await atlas.put(`/offices/${NORTH}`).send({ name: 'Antwerpen Noord' }).expect(409);
    expect(taken.body).toMatchObject({ field: 'officeId' });
    await atlas.put(`/offices/${NORTH}/counsellors/mon-${run}-carol`).expect(404);
    await atlas
      .put(`/offices/mon-${run}-antwerp`)
      .send({ name: `Antwerpen ${run}` })
      .expect(201);
    const poached = await atlas.put(`/offices/mon-${run}-antwerp/counsellors/${ALICE}`).expect(409);
    expect(poached.body).toMatchObject({ field: 'counsellorId' });
  });

  it('lets the team lead reassign a case: the event is recorded and the counts move to the new counsellor', async () => {
    // A counsellor in no office of the agency, or the counsellor the case already has, is refused with the field.
    const unknown = await manager()
      .post(`/trajectories/${cases.overdue}/reassignment`)
      .send({ toCounsellorId: NOBODY })
      .expect(422);
    expect(unknown.body).toMatchObject({ field: 'toCounsellorId', code: 'RULE_VIOLATION' });
    const same = await manager()
      .post(`/trajectories/${cases.overdue}/reassignment`)
      .send({ toCounsellorId: ALICE })
      .expect(422);
    expect(same.body).toMatchObject({ field: 'toCounsellorId' });
    const badBody = await manager()
      .post(`/trajectories/${cases.overdue}/reassignment`)
      .send({ toCounsellorId: 'a b', reassignedOn: 'soon' })
      .expect(400);
    expect(badBody.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'reassignedOn',
      'toCounsellorId',
    ]);
    // A closed trajectory keeps its counsellor.
    await manager()
      .post(`/trajectories/${cases.waived}/reassignment`)
      .send({ toCounsellorId: ALICE })
      .expect(409);

    const { body } = await manager()
      .post(`/trajectories/${cases.overdue}/reassignment`)
      .send({ toCounsellorId: BOB })
      .expect(200);
    expect(body.events).toEqual(['CounsellorReassigned']);
    const timeline = await manager().get(`/trajectories/${cases.overdue}/timeline`).expect(200);
    expect(timeline.body.events.at(-1)).toMatchObject({
      type: 'CounsellorReassigned',
      actor: 'manager-gent',
      data: { fromCounsellorId: ALICE, toCounsellorId: BOB, reassignedOn: daysAgo(0) },
    });
    await expectWorkflowMatchesEventStore(system, cases.overdue);
    await recordHistoryIfAsked(system, `trajectory-${cases.overdue}`, 'counsellor-reassigned');

    expect(byKey((await countsOf({ groupBy: 'office', agency: 'IN_GENT' })).items)).toMatchObject({
      [NORTH]: counts(0, 1, 1, 1, 1),
      [SOUTH]: counts(2, 0, 1, 0, 0),
    });
    expect(byKey((await countsOf({ groupBy: 'counsellor', counsellor: BOB })).items)).toEqual({
      [BOB]: counts(2, 0, 1, 0, 0),
    });
    const drill = await manager()
      .get('/monitoring/deadlines/cases')
      .query({ bucket: 'overdue', office: SOUTH })
      .expect(200);
    expect(drill.body.items.map((item: { trajectoryId: string }) => item.trajectoryId).sort()).toEqual(
      [cases.overdue, cases.overdueBob].sort(),
    );
    // The case stays with the agency, and its municipality with the newcomer: still one row in Gent.
    const gent = await countsOf({ groupBy: 'municipality', counsellor: BOB });
    expect(byKey(gent.items)).toEqual({ Gent: counts(1, 0, 0, 0, 0), Ledeberg: counts(1, 0, 1, 0, 0) });
  });

  it('moves a counsellor between offices, their cases with them', async () => {
    const moved = await manager().put(`/offices/${NORTH}/counsellors/${BOB}`).expect(200);
    expect(moved.body).toMatchObject({ officeId: NORTH, counsellorIds: [ALICE, BOB].sort() });
    expect(byKey((await countsOf({ groupBy: 'office', office: NORTH })).items)).toEqual({
      [NORTH]: counts(2, 1, 2, 1, 1),
    });
    const offices = await manager().get('/offices').expect(200);
    expect(
      offices.body.items.find((office: { officeId: string }) => office.officeId === SOUTH),
    ).toMatchObject({
      counsellorIds: [],
    });
    await manager().delete(`/offices/${NORTH}/counsellors/${BOB}`).expect(204);
    await manager().delete(`/offices/${NORTH}/counsellors/${BOB}`).expect(404);
    // A counsellor in no office: their deadlines are counted without one (key null).
    expect(byKey((await countsOf({ groupBy: 'office', counsellor: BOB })).items)).toEqual({
      null: counts(2, 0, 1, 0, 0),
    });
  });

  it('counts from the sums kept by the append exactly what counting every deadline gives, on any day', async () => {
    // The sums are what a rebuild computes from the contributions (one statement: one snapshot).
    for (const by of ['counsellor_id', 'municipality']) {
      const [{ differing }] = await system.database.query<{ differing: number }[]>(
        `SELECT count(*)::int AS differing
           FROM (SELECT agency, due_month, ${by} AS by, kind,
                        sum(fulfilled_on_time) AS fulfilled_on_time, sum(fulfilled_late) AS fulfilled_late,
                        sum(missed_unfulfilled) AS missed_unfulfilled, sum(running_unfulfilled) AS running_unfulfilled
                   FROM deadline_contributions GROUP BY 1, 2, 3, 4) summed
           FULL JOIN deadline_counts_by_${by.replace('_id', '')} kept
             ON (kept.agency, kept.kind) = (summed.agency, summed.kind)
            AND kept.due_month IS NOT DISTINCT FROM summed.due_month AND kept.${by} IS NOT DISTINCT FROM summed.by
          WHERE (kept.fulfilled_on_time, kept.fulfilled_late, kept.missed_unfulfilled, kept.running_unfulfilled)
                IS DISTINCT FROM (summed.fulfilled_on_time, summed.fulfilled_late, summed.missed_unfulfilled,
                                  summed.running_unfulfilled)`,
      );
      expect({ by, differing }).toEqual({ by, differing: 0 });
    }

    const monitoring = new DeadlineMonitoring(system.database);
    const days = [400, 130, 100, 62, 40, 31, 2, 1, 0, -3, -20, -45].map((n) => daysAgo(n) as CalendarDate);
    const filters = [
      { counsellorId: ALICE },
      { counsellorId: BOB },
      { officeId: NORTH },
      { municipality: 'Ledeberg' },
    ];
    for (const asOn of days) {
      for (const filter of filters) {
        for (const groupBy of MONITORING_GROUPS) {
          const scoped = { ...filter, asOn, scope: { agencies: ['IN_GENT' as const] } };
          const summed = await monitoring.counts(scoped, groupBy);
          expect({ asOn, filter, groupBy, counts: summed }).toEqual({
            asOn,
            filter,
            groupBy,
            counts: await monitoring.countsOfDeadlines(scoped, groupBy),
          });
        }
      }
    }
    // Not a vacuous comparison: Alice's deadlines fill buckets today.
    const alice = await monitoring.counts(
      { counsellorId: ALICE, asOn: daysAgo(0) as CalendarDate },
      'agency',
    );
    expect(alice).toHaveLength(1);
  });
});
