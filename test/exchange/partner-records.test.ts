import { parse } from 'csv-parse/sync';
import type { RowProblem } from '../../libs/domain/src';
import { uniqueIdentity } from '../support/unique-identities';
import { daysAgo, thirdCountryNewcomerFacts } from '../support/newcomers';
import { eventually } from '../support/eventually';
import { startTestSystem, TestSystem } from '../support/system';
import { ruleSteps } from '../trajectory/rules-helpers';
import { eventsOn } from './exchange-helpers';

const COORDINATOR = 'coordinator-gent';
const TEST_CENTRE = 'test-centre-gent';
const PROVIDER = 'CVO Gent';

/**
 * Issue 8 §3: municipalities and test centres send their records by national number, singly and as files, on the
 * real stack (API over HTTP, worker, Temporal dev server, PostgreSQL). A municipality reaches only its residents,
 * a test centre only learners referred to it; every row of a file gets exactly one outcome.
 */
describe('the records of municipalities and test centres', () => {
  let system: TestSystem;
  let steps: ReturnType<typeof ruleSteps>;
  /** Lives in Gent, referred to CVO Gent for NT2. */
  let gentA: { id: string; insz: string };
  /** Lives in Gent, not referred to CVO Gent. */
  let gentB: { id: string; insz: string };
  /** Lives in Antwerpen, referred to another provider. */
  let antwerp: { id: string; insz: string };

  async function learner(municipality: string, agency: string, provider?: string) {
    const person = uniqueIdentity();
    const id = await steps.open(70, thirdCountryNewcomerFacts(daysAgo(100)), {
      ...person,
      municipality,
      agency,
    });
    await steps.signContract(id, 60, { working: false, mayWork: true, literacy: 'LITERATE' });
    if (provider)
      await steps
        .post(id, 'nt2/referrals', { provider, course: 'NT2 1.1', level: 'A2', referredOn: daysAgo(50) })
        .expect(200);
    return { id, insz: person.nationalNumber };
  }

  const eventsOf = async (trajectoryIds: string[]): Promise<string[]> =>
    (
      await system.database.query(
        `SELECT type FROM events WHERE stream_id = ANY($1::text[]) ORDER BY position`,
        [trajectoryIds],
      )
    ).map((row: { type: string }) => row.type);

  /** Every trajectory the files name: where a second upload could write. */
  const learners = () => [gentA.id, gentB.id, antwerp.id];

  const eventsOfImport = async (importId: string) =>
    (
      await system.database.query(
        `SELECT type FROM events WHERE metadata->>'correlationId' = $1 ORDER BY position`,
        [importId],
      )
    ).map((row: { type: string }) => row.type);

  function upload(path: string, identity: string, file: Buffer) {
    return system
      .http(identity)
      .post(`/${path}?fileName=partner.csv`)
      .set('Content-Type', 'text/csv')
      .send(file);
  }

  async function finished(path: string, identity: string, importId: string) {
    return eventually(
      async () => {
        const { body } = await system.http(identity).get(`/${path}/${importId}`).expect(200);
        if (body.status !== 'COMPLETED') {
          const handle = system.temporal.workflow.getHandle(`partner-record-import-${importId}`);
          const described = await handle.describe().catch((error: Error) => ({ error: error.message }));
          const pending = (
            described as { raw?: { pendingActivities?: { lastFailure?: { message?: string } }[] } }
          ).raw?.pendingActivities?.map((activity) => activity.lastFailure?.message);
          throw new Error(
            `import is ${body.status} (${body.rowsDone}/${body.totalRows}); workflow ${JSON.stringify(
              (described as { status?: { name?: string } }).status?.name ?? described,
            )}; pending activities failed with ${JSON.stringify(pending)}`,
          );
        }
        return body;
      },
      60_000,
      500,
    );
  }

  async function problems(path: string, identity: string, importId: string) {
    const response = await system.http(identity).get(`/${path}/${importId}/problems`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    return parse(response.text, { columns: true }) as Record<string, string>[];
  }

  beforeAll(async () => {
    system = await startTestSystem();
    steps = ruleSteps(system);
    gentA = await learner('Gent', 'IN_GENT', PROVIDER);
    gentB = await learner('Gent', 'IN_GENT');
    antwerp = await learner('Antwerpen', 'ATLAS', 'CVO Antwerpen');
  });
  afterAll(() => system?.close());

  describe('one at a time', () => {
    const activity = (nationalNumber: string, hours = 3) => ({
      nationalNumber,
      kind: 'LANGUAGE_INTERNSHIP',
      hours,
      startedOn: daysAgo(40),
      endedOn: daysAgo(39),
      organisation: 'Bibliotheek Gent',
      participantFeedback: 'Veel geleerd',
    });

    it('a coordinator logs an activity of a resident once; a repeat writes nothing; other data conflicts', async () => {
      const http = () => system.http(COORDINATOR);
      const first = await http().post('/participation-activities').send(activity(gentA.insz)).expect(200);
      expect(first.body).toEqual({
        outcome: 'APPLIED',
        trajectoryId: gentA.id,
        events: ['ParticipationActivityLogged'],
      });
      const before = await eventsOn(system.database, [gentA.id]);
      const again = await http().post('/participation-activities').send(activity(gentA.insz)).expect(200);
      expect(again.body).toEqual({ outcome: 'ALREADY_APPLIED', trajectoryId: gentA.id, events: [] });
      const other = await http().post('/participation-activities').send(activity(gentA.insz, 5)).expect(409);
      expect(other.body.detail).toMatch(/logged before with other hours/);
      expect(await eventsOn(system.database, [gentA.id])).toBe(before);
      const logged = (await eventsOf([gentA.id])).filter((type) => type === 'ParticipationActivityLogged');
      expect(logged).toHaveLength(1);
    });

    it('a coordinator reaches no newcomer of another municipality (404) and a test centre may not log (403)', async () => {
      const before = await eventsOn(system.database, [antwerp.id, gentA.id]);
      const elsewhere = await system
        .http(COORDINATOR)
        .post('/participation-activities')
        .send(activity(antwerp.insz))
        .expect(404);
      expect(elsewhere.body.detail).toBe('no open trajectory for this newcomer within your scope');
      expect(JSON.stringify(elsewhere.body)).not.toContain(antwerp.insz);
      await system.http(TEST_CENTRE).post('/participation-activities').send(activity(gentA.insz)).expect(403);
      expect(await eventsOn(system.database, [antwerp.id, gentA.id])).toBe(before);
    });

    it('a bad field is a 400 naming it', async () => {
      const { body } = await system
        .http(COORDINATOR)
        .post('/participation-activities')
        .send({ ...activity(gentA.insz), kind: 'PICNIC', hours: 'veel' })
        .expect(400);
      expect(body.errors.map((v: { field: string }) => v.field)).toEqual(['kind', 'hours']);
    });

    it('a test centre records the results of its learners, a pass with its certificate number', async () => {
      const http = () => system.http(TEST_CENTRE);
      const result = {
        nationalNumber: gentA.insz,
        record: 'NT2_TEST_RESULT',
        level: 'A1',
        takenOn: daysAgo(20),
        passed: true,
      };
      const noCertificate = await http().post('/course-records').send(result).expect(400);
      expect(noCertificate.body.errors).toEqual([
        {
          field: 'certificateNumber',
          detail: 'certificateNumber is required with a pass',
          reason: 'CERTIFICATE_REQUIRED_WITH_PASS',
          params: {},
        },
      ]);
      const passed = await http()
        .post('/course-records')
        .send({ ...result, certificateNumber: 'NT2-A1-0042' })
        .expect(200);
      expect(passed.body).toMatchObject({ outcome: 'APPLIED', events: ['Nt2TestTaken'] });
      const [stored] = await system.database.query(
        `SELECT schema_version, data FROM events WHERE stream_id = $1 AND type = 'Nt2TestTaken'`,
        [gentA.id],
      );
      expect(stored).toEqual({
        schema_version: 2,
        data: expect.objectContaining({ level: 'A1', passed: true, certificateNumber: 'NT2-A1-0042' }),
      });
      const early = await http()
        .post('/course-records')
        .send({ ...result, takenOn: daysAgo(55), certificateNumber: 'NT2-A1-0043' })
        .expect(422);
      expect(early.body).toMatchObject({ field: 'takenOn' });
      // A learner referred to another provider, and one not referred at all: outside its scope.
      await http()
        .post('/course-records')
        .send({ ...result, nationalNumber: antwerp.insz, certificateNumber: 'X-1' })
        .expect(404);
      await http()
        .post('/course-records')
        .send({ ...result, nationalNumber: gentB.insz, certificateNumber: 'X-2' })
        .expect(404);
    });
  });

  it('a mixed municipality file: every row one outcome, the problem rows reported, a second upload writes nothing', async () => {
    const { nationalNumber: nobody } = uniqueIdentity();
    const badChecksum = `${gentA.insz.slice(0, 9)}${String((Number(gentA.insz.slice(9)) + 1) % 100).padStart(2, '0')}`;
    const [d1, d2] = [daysAgo(30), daysAgo(20)];
    const rows = [
      'nationalNumber;kind;hours;startedOn;endedOn;organisation;participantFeedback;organisationFeedback',
      `${gentA.insz};BUDDY;10;${d1};${d2};"Vzw De Buurt; Gent";"Fijn, ""echt"" leerrijk";`, // 1 APPLIED
      `${gentB.insz};volunteering;4,5;${d1};${d2};Sportclub;;"Inzet\r\nuitstekend"`, // 2 APPLIED
      `${gentA.insz};BUDDY;10;${d1};${d2};"Vzw De Buurt; Gent";"Fijn, ""echt"" leerrijk";`, // 3 ALREADY (dup of 1)
      `${gentA.insz};BUDDY;12;${d1};${d2};"Vzw De Buurt; Gent";"Fijn, ""echt"" leerrijk";`, // 4 CONFLICT
      `${antwerp.insz};BUDDY;2;${d1};${d2};Vzw;;`, // 5 UNMATCHED (not a resident)
      `${nobody};BUDDY;2;${d1};${d2};Vzw;;`, // 6 UNMATCHED (no trajectory)
      `${gentB.insz};PICNIC;2;${d1};${d2};Vzw;;`, // 7 INVALID kind
      `${gentB.insz};BUDDY;twee;${d1};${d2};Vzw;;`, // 8 INVALID hours
      `${gentB.insz};BUDDY;2;01/10/2026;${d2};Vzw;;`, // 9 INVALID startedOn
      `${gentB.insz};BUDDY;2;${d1};${d2};;;`, // 10 INVALID organisation
      `${badChecksum};BUDDY;2;${d1};${d2};Vzw;;`, // 11 INVALID nationalNumber
      `${gentB.insz};BUDDY;2;${d2};${d1};Vzw;;`, // 12 INVALID endedOn (the rules: before startedOn)
      `${gentB.insz};BUDDY;2;${d1}`, // 13 INVALID field count
      `${gentB.insz};BUDDY;0.3;${d1};${d2};Vzw;;`, // 14 INVALID hours (the rules: quarter hours)
      `${gentA.insz};LANGUAGE_INTERNSHIP;3;${daysAgo(40)};${daysAgo(39)};Bibliotheek Gent;Veel geleerd;`, // 15 ALREADY (single)
    ];
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${rows.join('\r\n')}\r\n`)]);
    const path = 'participation-activity-imports';
    const uploaded = await upload(path, COORDINATOR, file).expect(202);
    expect(uploaded.body).toMatchObject({ duplicate: false, totalRows: 15 });
    const { importId } = uploaded.body;
    const report = await finished(path, COORDINATOR, importId);
    expect(report).toMatchObject({
      kind: 'PARTICIPATION_ACTIVITIES',
      organisation: 'Gent',
      totalRows: 15,
      rowsDone: 15,
      outcomes: { APPLIED: 2, ALREADY_APPLIED: 2, CONFLICT: 1, UNMATCHED: 2, INVALID: 8 },
    });
    expect(await eventsOfImport(importId)).toEqual([
      'ParticipationActivityLogged',
      'ParticipationActivityLogged',
    ]);

    const reported = await problems(path, COORDINATOR, importId);
    expect(reported.map((row) => [Number(row.rowNumber), row.outcome, row.fields])).toEqual([
      [4, 'CONFLICT', ''],
      [5, 'UNMATCHED', ''],
      [6, 'UNMATCHED', ''],
      [7, 'INVALID', 'kind'],
      [8, 'INVALID', 'hours'],
      [9, 'INVALID', 'startedOn'],
      [10, 'INVALID', 'organisation'],
      [11, 'INVALID', 'nationalNumber'],
      [12, 'INVALID', 'endedOn'],
      [13, 'INVALID', 'row'],
      [14, 'INVALID', 'hours'],
    ]);
    expect(reported[0]).toMatchObject({ organisation: 'Vzw De Buurt; Gent', hours: '12' });
    expect(reported[0].reason).toMatch(/other hours or feedback/);
    // As JSON, each problem keyed: the row's reading, the prior record, no trajectory, the trajectory's rules.
    const keyed = await system
      .http(COORDINATOR)
      .get(`/${path}/${importId}/problems`)
      .query({ format: 'json' })
      .expect(200);
    expect(
      Object.fromEntries(
        (keyed.body.items as { rowNumber: number; problems: RowProblem[] }[]).map(
          ({ rowNumber, problems }) => [rowNumber, problems.map(({ field, key }) => `${field} ${key}`)],
        ),
      ),
    ).toEqual({
      4: ['row RECORD_ACTIVITY_OTHER_HOURS'],
      5: ['row RECORD_NO_TRAJECTORY_IN_SCOPE'],
      6: ['row RECORD_NO_TRAJECTORY_IN_SCOPE'],
      7: ['kind FIELD_NOT_ONE_OF'],
      8: ['hours FIELD_NOT_HOURS'],
      9: ['startedOn FIELD_NOT_A_DATE'],
      10: ['organisation FIELD_REQUIRED'],
      11: ['nationalNumber ROW_NATIONAL_NUMBER_CHECKSUM_MISMATCH'],
      12: ['endedOn PARTICIPATION_ACTIVITY_ENDS_BEFORE_START'],
      13: ['row ROW_FIELD_COUNT'],
      14: ['hours PARTICIPATION_HOURS_OUT_OF_RANGE'],
    });
    // The row's own values are the partner's to correct; its problems never repeat them.
    expect(
      JSON.stringify(keyed.body.items.map((row: { problems: RowProblem[] }) => row.problems)),
    ).not.toContain(badChecksum);

    // Another municipality's coordinator (here: a test centre) does not see the import.
    await system.http(TEST_CENTRE).get(`/${path}/${importId}`).expect(403);

    const before = await eventsOn(system.database, learners());
    const second = await upload(path, COORDINATOR, file).expect(202);
    expect(second.body).toMatchObject({ importId, duplicate: true, totalRows: 15, status: 'COMPLETED' });
    expect(await eventsOn(system.database, learners())).toBe(before);
  }, 180_000);

  it('a mixed test-centre file: enrolments, attendance and results, with certificate numbers, scoped to its learners', async () => {
    const header =
      'nationalNumber,record,course,level,language,enrolledOn,pillar,periodFrom,periodTo,hoursScheduled,' +
      'hoursAttended,takenOn,passed,certificateNumber,skills';
    const row = (insz: string, record: string, fields: Record<string, string>) =>
      [
        insz,
        record,
        ...header
          .split(',')
          .slice(2)
          .map((column) => fields[column] ?? ''),
      ].join(',');
    const attendance = {
      pillar: 'NT2',
      periodFrom: daysAgo(45),
      periodTo: daysAgo(15),
      hoursScheduled: '40',
    };
    const rows = [
      header,
      row(gentA.insz, 'NT2_ENROLMENT', { course: '"NT2 1.1, avond"', level: 'A2', enrolledOn: daysAgo(45) }), // 1 APPLIED
      row(gentA.insz, 'ATTENDANCE', { ...attendance, hoursAttended: '36.5' }), // 2 APPLIED
      row(gentA.insz, 'NT2_TEST_RESULT', {
        level: 'A2',
        takenOn: daysAgo(10),
        passed: 'false',
        skills: 'LISTENING|SPEAKING',
      }), // 3 APPLIED
      row(gentA.insz, 'MO_ENROLMENT', { language: 'Arabisch', enrolledOn: daysAgo(40) }), // 4 APPLIED
      row(gentA.insz, 'MO_TEST_RESULT', {
        takenOn: daysAgo(10),
        passed: 'true',
        certificateNumber: 'MO-2026-7',
      }), // 5 APPLIED
      row(gentA.insz, 'ATTENDANCE', { ...attendance, hoursAttended: '36.5' }), // 6 ALREADY (dup of 2)
      row(gentA.insz, 'ATTENDANCE', { ...attendance, hoursAttended: '20' }), // 7 CONFLICT
      row(gentA.insz, 'MO_TEST_RESULT', { takenOn: daysAgo(9), passed: 'true' }), // 8 INVALID certificateNumber
      row(gentA.insz, 'NT2_TEST_RESULT', {
        level: 'A2',
        takenOn: daysAgo(9),
        passed: 'false',
        certificateNumber: 'X',
      }), // 9 INVALID certificateNumber
      row(antwerp.insz, 'MO_ENROLMENT', { language: 'Arabisch', enrolledOn: daysAgo(40) }), // 10 UNMATCHED (other provider)
      row(gentA.insz, 'DIPLOMA', {}), // 11 INVALID record
      row(gentB.insz, 'NT2_TEST_RESULT', { level: 'A2', takenOn: daysAgo(9), passed: 'false' }), // 12 UNMATCHED (not referred)
      row(gentA.insz, 'NT2_TEST_RESULT', { level: 'A2', takenOn: daysAgo(55), passed: 'false' }), // 13 INVALID takenOn
    ];
    const file = Buffer.from(`${rows.join('\r\n')}\r\n`);
    const path = 'course-record-imports';
    const uploaded = await upload(path, TEST_CENTRE, file).expect(202);
    expect(uploaded.body).toMatchObject({ duplicate: false, totalRows: 13 });
    const { importId } = uploaded.body;
    const report = await finished(path, TEST_CENTRE, importId);
    expect(report).toMatchObject({
      kind: 'COURSE_RECORDS',
      organisation: PROVIDER,
      totalRows: 13,
      rowsDone: 13,
      outcomes: { APPLIED: 5, ALREADY_APPLIED: 1, CONFLICT: 1, UNMATCHED: 2, INVALID: 4 },
    });
    expect(await eventsOfImport(importId)).toEqual([
      'Nt2CourseEnrolled',
      'AttendanceRecorded',
      'Nt2TestTaken',
      'MoCourseEnrolled',
      'MoTestTaken',
      'PillarCompleted',
    ]);
    const [moTest] = await system.database.query(
      `SELECT data FROM events WHERE metadata->>'correlationId' = $1 AND type = 'MoTestTaken'`,
      [importId],
    );
    expect(moTest.data).toMatchObject({ passed: true, certificateNumber: 'MO-2026-7' });

    const reported = await problems(path, TEST_CENTRE, importId);
    expect(reported.map((r) => [Number(r.rowNumber), r.outcome, r.fields])).toEqual([
      [7, 'CONFLICT', ''],
      [8, 'INVALID', 'certificateNumber'],
      [9, 'INVALID', 'certificateNumber'],
      [10, 'UNMATCHED', ''],
      [11, 'INVALID', 'record'],
      [12, 'UNMATCHED', ''],
      [13, 'INVALID', 'takenOn'],
    ]);

    const before = await eventsOn(system.database, learners());
    const second = await upload(path, TEST_CENTRE, file).expect(202);
    expect(second.body).toMatchObject({ importId, duplicate: true, status: 'COMPLETED' });
    expect(await eventsOn(system.database, learners())).toBe(before);
    await system.http(COORDINATOR).get(`/${path}/${importId}`).expect(403);
  }, 180_000);
});
