import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { HtmlPrinter } from '../../apps/api/src/printing/html-printer';
import type { ApiConfig } from '../../apps/api/src/config/api-config.service';
import { CalendarDate, daysBetween } from '../../libs/domain/src';
import { eventually } from '../support/eventually';
import { daysAgo, newcomer, thirdCountryNewcomerFacts } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { uniqueIdentity } from '../support/unique-identities';
import { projectAppend } from '../../libs/store/src/projections';
import { toTrajectoryEvent } from '../../libs/store/src/projections/folded-streams';

/**
 * The key figures end to end (issue 9 §2-§4): four trajectories driven through the API with backdated facts, each
 * figure checked against the values worked out by hand below; the same figures as of a past day from the events;
 * the CSV exports; the annual report as HTML and PDF.
 *
 * Isolation in the run's shared database: the trajectories' counsellors are this file's own, placed in this file's
 * own office, and every figure is asked for that office (`office=`). The commands figure counts the demo
 * counsellor's commands, which other files give too: it is asked for a third office that holds the demo counsellor
 * alone (other files' trajectories of the demo counsellor must not reach this file's office), and checked as a lower
 * bound of what this file added.
 *
 * By hand (d = days ago), period d200 .. today:
 * - T1 (K1): registered d120, intake d110, VDAB d105 (before the contract: in time), contract d100; MO failed d80, passed d70; NT2 course
 *   d90 (20 days after intake), passed d60; 40 participation hours: attest.
 * - T2 (K1): registered d130, intake d100, contract d90, no VDAB (the deadline is missed: a violation file, fined
 *   250 euro); MO passed d60; NT2 course d59 (41 days after intake), failed d50 and d40; 10 participation hours.
 * - T3 (K2): registered d95, intake d90 (working: participation optional), contract d80, VDAB d10 (late: a file,
 *   no fine).
 * - T4 (K2): registered d20.
 */
const run = randomUUID().slice(0, 8);
const OFFICE = `kf-${run}`;
const COPY_OFFICE = `kf-${run}-copy`;
const COMMANDS_OFFICE = `kf-${run}-commands`;
const K1 = `kf-${run}-k1`;
const K2 = `kf-${run}-k2`;
const K3 = `kf-${run}-k3`;
const PROFILE = { working: false, studying: false, mayWork: true, literacy: 'LITERATE' };

type Figure = {
  id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: { document: string; passage: string };
  definition: { nl: string; en: string };
  groups?: { group: string | null; value: number | null }[];
};

describe('key figures', () => {
  let system: TestSystem;
  const manager = () => system.http('manager-gent');
  const post = (path: string, body: object) => system.http().post(path).send(body);
  const ids: Record<string, string> = {};

  async function open(
    counsellorId: string,
    registered: number,
    intake: number,
    contract: number,
    { working = false, vdab }: { working?: boolean; vdab?: number } = {},
  ) {
    const { body } = await post('/trajectories', {
      ...newcomer({ counsellorId, registeredOn: daysAgo(registered) }),
      targetGroupFacts: thirdCountryNewcomerFacts(daysAgo(registered + 30)),
    }).expect(201);
    const id = body.trajectoryId as string;
    await post(`/trajectories/${id}/intake`, {
      intakeOn: daysAgo(intake),
      profile: { ...PROFILE, working },
    }).expect(200);
    // A VDAB registration before the contract meets the deadline as it is set (no timer races it).
    if (vdab !== undefined) {
      await post(`/trajectories/${id}/vdab-registration`, {
        registeredOn: daysAgo(vdab),
        vdabClientReference: `V-${run}-${counsellorId}`,
      }).expect(200);
    }
    await post(`/trajectories/${id}/contract`, { signedOn: daysAgo(contract) }).expect(200);
    return id;
  }
  const mo = async (id: string, enrolled: number, results: [number, boolean][]) => {
    await post(`/trajectories/${id}/mo/enrolments`, {
      provider: 'Agentschap Integratie en Inburgering',
      language: 'Arabic',
      enrolledOn: daysAgo(enrolled),
    }).expect(200);
    for (const [taken, passed] of results) {
      await post(`/trajectories/${id}/mo/test-results`, {
        takenOn: daysAgo(taken),
        passed,
        ...(passed ? { certificateNumber: `MO-${id}-${taken}` } : {}),
      }).expect(200);
    }
  };
  const nt2 = async (id: string, referred: number, enrolled: number, results: [number, boolean][]) => {
    const course = { provider: 'CVO Gent', course: 'NT2 1.1', level: 'A2' };
    await post(`/trajectories/${id}/nt2/referrals`, { ...course, referredOn: daysAgo(referred) }).expect(200);
    await post(`/trajectories/${id}/nt2/enrolments`, { ...course, enrolledOn: daysAgo(enrolled) }).expect(
      200,
    );
    for (const [taken, passed] of results) {
      await post(`/trajectories/${id}/nt2/test-results`, {
        level: 'A2',
        takenOn: daysAgo(taken),
        passed,
        ...(passed ? { certificateNumber: `NT2-${id}-${taken}` } : {}),
      }).expect(200);
    }
  };
  const participate = (id: string, kind: string, hours: number, started: number) =>
    post(`/trajectories/${id}/participation/activities`, {
      kind,
      hours,
      startedOn: daysAgo(started),
      endedOn: daysAgo(started - 5),
      organisation: 'Vzw De Buurt',
    }).expect(200);
  const violationOf = (id: string) =>
    eventually(async () => {
      const { body } = await system.http().get(`/trajectories/${id}`).expect(200);
      expect(body.violations).toHaveLength(1);
      return body.violations[0].violationId as string;
    });
  const decide = (id: string, violationId: string, decision: object) =>
    system
      .http('officer-abb')
      .post(`/trajectories/${id}/violations/${encodeURIComponent(violationId)}/decision`)
      .send({ decidedOn: daysAgo(0), ...decision })
      .expect(200);

  const figures = async (query: Record<string, string>) => {
    const { body } = await manager()
      .get('/key-figures')
      .query({ from: daysAgo(200), office: OFFICE, ...query })
      .expect(200);
    return Object.fromEntries((body.figures as Figure[]).map((figure) => [figure.id, figure]));
  };

  beforeAll(async () => {
    system = await startTestSystem();
    await manager()
      .put(`/offices/${OFFICE}`)
      .send({ name: `Kerncijfers ${run}` })
      .expect(201);
    await manager()
      .put(`/offices/${COPY_OFFICE}`)
      .send({ name: `Kopie ${run}` })
      .expect(201);
    await manager()
      .put(`/offices/${COMMANDS_OFFICE}`)
      .send({ name: `Opdrachten ${run}` })
      .expect(201);
    for (const counsellor of [K1, K2]) {
      await manager().put(`/offices/${OFFICE}/counsellors/${counsellor}`).expect(200);
    }
    await manager().put(`/offices/${COMMANDS_OFFICE}/counsellors/counsellor-gent`).expect(200);
    await manager().put(`/offices/${COPY_OFFICE}/counsellors/${K3}`).expect(200);

    ids.t1 = await open(K1, 120, 110, 100, { vdab: 105 });
    await mo(ids.t1, 95, [
      [80, false],
      [70, true],
    ]);
    await nt2(ids.t1, 90, 90, [[60, true]]);
    await participate(ids.t1, 'BUDDY', 15, 60);
    await participate(ids.t1, 'VOLUNTEERING', 15, 50);
    await participate(ids.t1, 'INTRODUCTORY_INTERNSHIP', 10, 40);

    ids.t2 = await open(K1, 130, 100, 90);
    await mo(ids.t2, 85, [[60, true]]);
    await nt2(ids.t2, 80, 59, [
      [50, false],
      [40, false],
    ]);
    await participate(ids.t2, 'BUDDY', 10, 30);
    await decide(ids.t2, await violationOf(ids.t2), { decision: 'FINE', amountEuro: 250 });

    ids.t3 = await open(K2, 95, 90, 80, { working: true });
    const t3Violation = await violationOf(ids.t3);
    await post(`/trajectories/${ids.t3}/vdab-registration`, {
      registeredOn: daysAgo(10),
      vdabClientReference: `V-${run}-3`,
    }).expect(200);
    await decide(ids.t3, t3Violation, { decision: 'NO_FINE', explanation: 'registered late after all' });

    const { body } = await post('/trajectories', {
      ...newcomer({ counsellorId: K2, registeredOn: daysAgo(20) }),
    }).expect(201);
    ids.t4 = body.trajectoryId;
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('each figure, for the office, as worked out by hand; with its definition and source', async () => {
    const t1 = (await system.http().get(`/trajectories/${ids.t1}`).expect(200)).body;
    expect(t1.attest).toBeTruthy();
    const attestDays = daysBetween(t1.registeredOn as CalendarDate, t1.attest.issuedOn as CalendarDate);

    const all = await figures({});
    const value = (id: string) => {
      const { value: figureValue, numerator, denominator } = all[id];
      return { value: figureValue, numerator, denominator };
    };
    expect(value('vdab-registered-within-two-months')).toEqual({
      value: 0.3333,
      numerator: 1,
      denominator: 3,
    });
    expect(value('days-intake-to-nt2-course-median')).toEqual({
      value: 30.5,
      numerator: null,
      denominator: 2,
    });
    expect(value('days-intake-to-nt2-course-mean')).toEqual({ value: 30.5, numerator: 61, denominator: 2 });
    expect(value('days-registration-to-contract-median')).toEqual({
      value: 20,
      numerator: null,
      denominator: 3,
    });
    expect(value('days-registration-to-contract-mean')).toEqual({ value: 25, numerator: 75, denominator: 3 });
    expect(value('mo-pass-rate-first-attempt')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(value('mo-pass-rate-overall')).toEqual({ value: 1, numerator: 2, denominator: 2 });
    expect(value('nt2-pass-rate-first-attempt')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(value('nt2-pass-rate-overall')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(value('attests-issued').value).toBe(1);
    expect(value('days-registration-to-attest-median')).toEqual({
      value: attestDays,
      numerator: null,
      denominator: 1,
    });
    expect(value('participation-hours-per-person')).toEqual({ value: 25, numerator: 50, denominator: 2 });
    expect(value('participation-completed-share')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(value('violations-opened').value).toBe(2);
    expect(value('violations-decided').value).toBe(2);
    expect(value('fines-imposed').value).toBe(1);
    expect(value('fines-total-euro').value).toBe(250);
    expect(value('open-cases-per-counsellor')).toEqual({ value: 2, numerator: 4, denominator: 2 });
    // The office's own counsellors gave no command: the demo counsellor did.
    expect(value('commands-per-counsellor-per-week').numerator).toBe(0);
    // The demo counsellor gave this file's 28 commands so far (4 openings, 3 intakes, 2 VDAB registrations, 3
    // contracts, 5 MO and 7 NT2 commands, 4 activities), as the one counsellor of its office.
    const commands = (await figures({ office: COMMANDS_OFFICE }))['commands-per-counsellor-per-week'];
    expect(commands.denominator).toBe(1);
    expect(commands.numerator).toBeGreaterThanOrEqual(28);

    expect(all['vdab-registered-within-two-months'].source).toEqual({
      document: 'BBT 2020-2021',
      passage: expect.stringMatching(/^l\.1197/),
    });
    expect(all['days-intake-to-nt2-course-median'].source.document).toBe('Beleidsbrief 2015-2016');
    expect(all['vdab-registered-within-two-months'].definition.nl).toMatch(/twee kalendermaanden/);
  });

  it('the three agencies side by side: every agency listed, the office’s figures under IN_GENT', async () => {
    const byAgency = await figures({ groupBy: 'agency' });
    const groups = byAgency['vdab-registered-within-two-months'].groups ?? [];
    expect(groups.map((group) => group.group)).toEqual(['AGII', 'ATLAS', 'IN_GENT']);
    expect(groups.find((group) => group.group === 'IN_GENT')?.value).toBe(0.3333);
    expect(groups.find((group) => group.group === 'AGII')?.value).toBeNull();
    // Per office: this office's figures under its id.
    const byOffice = await figures({ groupBy: 'office' });
    expect(byOffice['attests-issued'].groups).toEqual([
      expect.objectContaining({ group: OFFICE, label: `Kerncijfers ${run}`, value: 1 }),
    ]);
  });

  it('the figures as of a day come from the events and agree with the read models', async () => {
    const now = await figures({});
    const asOfToday = await figures({ asOf: daysAgo(0) });
    // The commands figure counts the demo counsellor, whom other files keep busy between the two reads.
    for (const id of Object.keys(now).filter((id) => id !== 'commands-per-counsellor-per-week')) {
      expect({ id, value: asOfToday[id].value }).toEqual({ id, value: now[id].value });
    }
    // Nothing of this office was recorded before today.
    const yesterday = await figures({ asOf: daysAgo(1) });
    expect(yesterday['vdab-registered-within-two-months'].denominator).toBe(0);
    expect(yesterday['open-cases-per-counsellor'].numerator).toBe(0);
  });

  it('as of: a fact corrected after the day does not move that day’s figures; the day after shows the correction', async () => {
    // A trajectory recorded yesterday: T2's events copied into a stream of its own, recorded at noon yesterday,
    // under a counsellor of a second office (its figures are this stream's alone).
    const copyId = randomUUID();
    const streamId = copyId;
    // The copy goes through the store's own projection (in the append's transaction), so the read models, the
    // stored state and a rebuild stay consistent for the other tests of the run.
    const { nationalNumber, birthDate } = uniqueIdentity();
    const copy = async (fromVersion: number, recordedAt: string | null) => {
      const events = await system.database.query(
        `SELECT version, type, schema_version, data, metadata, occurred_at FROM events
          WHERE stream_id = $1 AND version >= $2 ORDER BY version`,
        [ids.t2, fromVersion],
      );
      await system.database.transaction(async (manager) => {
        for (const event of events) {
          if (event.type === 'TrajectoryOpened') {
            event.data = {
              ...event.data,
              trajectoryId: copyId,
              counsellorId: K3,
              newcomer: { ...event.data.newcomer, nationalNumber, birthDate },
            };
          }
          await manager.query(
            `INSERT INTO events (stream_id, version, type, schema_version, data, metadata, occurred_at, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::timestamptz, now()))`,
            [
              streamId,
              event.version,
              event.type,
              event.schema_version,
              event.data,
              event.metadata,
              event.occurred_at,
              recordedAt,
            ],
          );
        }
        await projectAppend(manager, streamId, fromVersion, events.map(toTrajectoryEvent));
      });
      return events.length as number;
    };
    const noonYesterday = `${daysAgo(1)}T12:00:00+01:00`;
    const copied = await copy(1, noonYesterday);
    // Its counsellor was in the second office by then: that membership is backdated like the facts.
    await system.database.query(
      `UPDATE counsellor_office_periods SET from_at = now() - interval '2 days'
        WHERE counsellor_id = $1 AND until_at IS NULL`,
      [K3],
    );

    const asOf = (day: string) =>
      manager()
        .get('/key-figures')
        .query({ from: daysAgo(200), to: daysAgo(1), asOf: day, office: COPY_OFFICE })
        .expect(200)
        .then(({ body }) => body);
    const before = await asOf(daysAgo(1));
    const byId = (body: { figures: Figure[] }) =>
      Object.fromEntries(body.figures.map((figure) => [figure.id, figure.value]));
    expect(byId(before)).toMatchObject({
      'days-intake-to-nt2-course-median': 41,
      'days-registration-to-contract-median': 40,
      'vdab-registered-within-two-months': 0,
    });

    // Today the intake date is corrected (through the API on T2, and the same event in the copy).
    await post(`/trajectories/${ids.t2}/corrections`, {
      fact: 'INTAKE_DATE',
      correctedDate: daysAgo(95),
      reason: 'intake was rescheduled; the first date was a typing error',
    }).expect(200);
    await copy(copied + 1, null);

    expect(await asOf(daysAgo(1))).toEqual(before);
    expect(byId(await asOf(daysAgo(0)))).toMatchObject({ 'days-intake-to-nt2-course-median': 36 });

    // T2 itself: as of today the correction shows as a correction, beside the value it replaced.
    const { body } = await manager()
      .get(`/trajectories/${ids.t2}/as-of/${daysAgo(0)}`)
      .expect(200);
    expect(body.trajectory).toMatchObject({ trajectoryId: ids.t2, intakeOn: daysAgo(95) });
    expect(body.corrections).toEqual([
      expect.objectContaining({
        fact: 'INTAKE_DATE',
        previousDate: daysAgo(100),
        correctedDate: daysAgo(95),
      }),
    ]);
    await manager()
      .get(`/trajectories/${ids.t2}/as-of/${daysAgo(1)}`)
      .expect(404);
    await system
      .http('manager-atlas')
      .get(`/trajectories/${ids.t2}/as-of/${daysAgo(0)}`)
      .expect(404);
  });

  it('as of a day: a counsellor’s cases count in the office they belonged to on that day', async () => {
    const contractsOf = async (day: string) => {
      const { body } = await manager()
        .get('/key-figures')
        .query({ from: daysAgo(200), to: daysAgo(1), asOf: day, office: COPY_OFFICE })
        .expect(200);
      const figure = (body.figures as Figure[]).find(
        ({ id }) => id === 'days-registration-to-contract-median',
      );
      return figure?.denominator;
    };
    expect([await contractsOf(daysAgo(1)), await contractsOf(daysAgo(0))]).toEqual([1, 1]);
    // Today the copy's counsellor moves to the first office: yesterday their case still counts in the second.
    await manager().put(`/offices/${OFFICE}/counsellors/${K3}`).expect(200);
    try {
      expect([await contractsOf(daysAgo(1)), await contractsOf(daysAgo(0))]).toEqual([1, 0]);
    } finally {
      await manager().put(`/offices/${COPY_OFFICE}/counsellors/${K3}`).expect(200);
    }
    // Back by the end of the day: as of today they belong to the second office again.
    expect(await contractsOf(daysAgo(0))).toBe(1);
  });

  it('names each bad parameter (RFC 9457) and refuses other roles', async () => {
    const { body } = await manager()
      .get('/key-figures')
      .query({ from: '2026-02-30', groupBy: 'region', agency: 'VDAB' })
      .expect(400);
    expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'agency',
      'from',
      'groupBy',
    ]);
    const reversed = await manager()
      .get('/key-figures')
      .query({ from: '2026-05-01', to: '2026-04-01' })
      .expect(400);
    expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    const afterAsOf = await manager()
      .get('/key-figures')
      .query({ to: '2026-05-01', asOf: '2026-04-01' })
      .expect(400);
    expect(afterAsOf.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    await system.http().get('/key-figures').expect(403);
    const year = await manager().get('/reports/annual/1999').expect(400);
    expect(year.body.errors).toEqual([expect.objectContaining({ field: 'year' })]);
  });

  it('exports the figures and the per-municipality indicators as CSV', async () => {
    const csv = await manager()
      .get('/key-figures')
      .query({ from: daysAgo(200), office: OFFICE, format: 'csv', groupBy: 'agency' })
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('figure,label,unit,group,groupLabel,value,numerator,denominator,from,to,asOf');
    expect(lines).toContain(
      `vdab-registered-within-two-months,Aandeel contractondertekenaars binnen twee maanden ingeschreven bij VDAB,share,,,0.3333,1,3,${daysAgo(200)},${daysAgo(0)},`,
    );
    const municipalities = await manager()
      .get('/key-figures/municipalities.csv')
      .query({ from: daysAgo(200), office: OFFICE })
      .expect(200);
    const [header, ...rows] = municipalities.text.trim().split('\r\n');
    expect(header.split(',').slice(0, 4)).toEqual([
      'municipality',
      'from',
      'to',
      'vdab-registered-within-two-months',
    ]);
    expect(rows.filter((row) => row.startsWith('Gent,'))).toEqual([
      expect.stringMatching(new RegExp(`^Gent,${daysAgo(200)},${daysAgo(0)},0.3333,`)),
    ]);
    // No other municipality has a trajectory figure of this office.
    expect(rows.filter((row) => !row.startsWith('Gent,') && row.split(',')[3] !== '')).toEqual([]);
  });

  it('the annual report: an HTML page with charts, its tables as CSV, and the same page as PDF', async () => {
    const year = daysAgo(0).slice(0, 4);
    const html = await manager()
      .get(`/reports/annual/${year}`)
      .expect(200)
      .expect('Content-Type', /text\/html/);
    expect(html.text).toContain(`Jaarrapport inburgering ${year}`);
    expect(html.text).toContain('Aanmeldingen per maand');
    expect(html.text).toContain('Kerncijfers per agentschap');
    expect(html.text).toContain('vierde pijler');
    expect((html.text.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(4);
    const openings = await manager().get(`/reports/annual/${year}/tables/openings.csv`).expect(200);
    expect(openings.text.split('\r\n')[0]).toBe('month,agency,openings');
    await manager().get(`/reports/annual/${year}/tables/nothing.csv`).expect(400);

    // ANNUAL_REPORT_PNG=docs/annual-report.png: keep a picture of the first page (the README shows it).
    if (process.env.ANNUAL_REPORT_PNG && existsSync('/usr/bin/chromium')) {
      await writeFile(process.env.ANNUAL_REPORT_PNG, await pngOf(html.text));
    }
    if (!existsSync('/usr/bin/chromium')) {
      process.stderr.write('SKIPPED the PDF assertion: no Chromium at /usr/bin/chromium\n');
      return;
    }
    const pdf = await manager().get(`/reports/annual/${year}.pdf`).responseType('blob').expect(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);
});

/** The first screen of a page, rendered by the API's own printer. */
function pngOf(html: string): Promise<Buffer> {
  const config = { chromiumPath: '/usr/bin/chromium' } as ApiConfig;
  return new HtmlPrinter(config).png(html, { width: 900, height: 1270 });
}
