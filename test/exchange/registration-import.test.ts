import { randomUUID } from 'node:crypto';
import { uniqueIdentity } from '../support/unique-identities';
import { daysAgo } from '../support/newcomers';
import { eventually } from '../support/eventually';
import { importsNamed } from '../support/staged-files';
import { startTestSystem, TestSystem } from '../support/system';
import {
  eventsOn,
  importFinished,
  openTrajectory,
  partnerSystem,
  problemRows,
  problemRowsAsJson,
  registrationEvents,
  uploadFile,
} from './exchange-helpers';

/** Issue 8 §1 acceptance: a mixed VDAB file, every row one outcome, a second upload writes nothing. */
describe('a bulk file of partner registrations', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('gives every row exactly one outcome, queues conflicts and unmatched rows, and is idempotent', async () => {
    const fresh = await openTrajectory(system);
    const registered = await openTrajectory(system);
    const byId = await openTrajectory(system);
    const other = await openTrajectory(system);
    const onDate = daysAgo(3);
    await system
      .http()
      .post(`/trajectories/${registered.trajectoryId}/vdab-registration`)
      .send({ registeredOn: onDate, vdabClientReference: 'VDAB-B' })
      .expect(200);
    const { nationalNumber: nobody, birthDate: nobodyBirthDate } = uniqueIdentity();
    const badChecksum = `${fresh.nationalNumber.slice(0, 9)}${String((Number(fresh.nationalNumber.slice(9)) + 1) % 100).padStart(2, '0')}`;

    const rows = [
      'nationalNumber;trajectoryId;registeredOn;office;partnerDossierId',
      `${fresh.nationalNumber};;${onDate};"Gent; Zuid";VDAB-A`, // 1 LINKED
      `${registered.nationalNumber};;${onDate};VDAB Gent;VDAB-B`, // 2 ALREADY_LINKED (same data as recorded)
      `${registered.nationalNumber};;${onDate};VDAB Gent;VDAB-B2`, // 3 CONFLICT (other dossier id)
      `${nobody};;${onDate};"Antwerpen, ""Noord""";VDAB-N`, // 4 UNMATCHED
      `;${byId.trajectoryId};${onDate};VDAB Aalst;VDAB-C`, // 5 LINKED by trajectory id
      `${fresh.nationalNumber};;${onDate};"Gent; Zuid";VDAB-A`, // 6 ALREADY_LINKED (exact duplicate of row 1)
      `${fresh.nationalNumber};${other.trajectoryId};${onDate};VDAB Gent;VDAB-X`, // 7 CONFLICT (ids disagree)
      `${badChecksum};;${onDate};VDAB Gent;VDAB-I1`, // 8 INVALID nationalNumber checksum
      `12345;;${onDate};VDAB Gent;VDAB-I2`, // 9 INVALID nationalNumber format
      `;;${onDate};VDAB Gent;VDAB-I3`, // 10 INVALID no identifier
      `;not-a-uuid;${onDate};VDAB Gent;VDAB-I4`, // 11 INVALID trajectoryId
      `${nobody};;12/11/2026;VDAB Gent;VDAB-I5`, // 12 INVALID registeredOn format
      `${nobody};;2999-01-01;VDAB Gent;VDAB-I6`, // 13 INVALID registeredOn future
      `${nobody};;${onDate};;VDAB-I7`, // 14 INVALID office missing
      `${nobody};;${onDate};VDAB Gent;`, // 15 INVALID partnerDossierId missing
      `${nobody};;${onDate};${'x'.repeat(101)};VDAB-I9`, // 16 INVALID office too long
      `${nobody};;${onDate};VDAB Gent`, // 17 INVALID field count
      `${nobody};;;VDAB Gent;VDAB-I11`, // 18 INVALID registeredOn missing
    ];
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8'),
    ]);

    const uploaded = await uploadFile(system, file).expect(202);
    expect(uploaded.body).toMatchObject({ duplicate: false, totalRows: 18 });
    const { importId } = uploaded.body;
    const report = await importFinished(system, importId);
    expect(report).toMatchObject({
      importId,
      partner: 'VDAB',
      totalRows: 18,
      rowsDone: 18,
      outcomes: { LINKED: 2, ALREADY_LINKED: 2, CONFLICT: 2, UNMATCHED: 1, INVALID: 11 },
    });

    const problems = await problemRows(system, importId);
    expect(problems.map((row) => [Number(row.rowNumber), row.outcome, row.fields])).toEqual([
      [3, 'CONFLICT', ''],
      [4, 'UNMATCHED', ''],
      [7, 'CONFLICT', ''],
      [8, 'INVALID', 'nationalNumber'],
      [9, 'INVALID', 'nationalNumber'],
      [10, 'INVALID', 'nationalNumber'],
      [11, 'INVALID', 'trajectoryId'],
      [12, 'INVALID', 'registeredOn'],
      [13, 'INVALID', 'registeredOn'],
      [14, 'INVALID', 'office'],
      [15, 'INVALID', 'partnerDossierId'],
      [16, 'INVALID', 'office'],
      [17, 'INVALID', 'row'],
      [18, 'INVALID', 'registeredOn'],
    ]);
    const reasons = Object.fromEntries(problems.map((row) => [row.rowNumber, row.reason]));
    expect(reasons).toMatchObject({
      3: 'the trajectory already has another registration (different date or dossier id)',
      4: 'no open trajectory for this newcomer',
      7: 'the national number does not belong to the trajectory',
      8: 'nationalNumber: checksum digits do not match (not a valid national number)',
      10: 'nationalNumber: a national number or a trajectory id is required',
      13: 'registeredOn: must not be in the future',
      17: 'row: has 4 fields, the header has 5',
    });
    expect(problems.find((row) => row.rowNumber === '4')?.office).toBe('Antwerpen, "Noord"');
    for (const row of problems) expect(row.reason).not.toContain(fresh.nationalNumber);

    // The same report as JSON: each problem with the key and parameters a reader's language words it from.
    const json = await problemRowsAsJson(system, importId);
    expect(json.map((row) => [row.rowNumber, row.reason])).toEqual(
      problems.map((row) => [Number(row.rowNumber), row.reason]),
    );
    const keys = Object.fromEntries(
      json.map((row) => [
        row.rowNumber,
        row.problems.map(({ field, key, params }) => ({ field, key, params })),
      ]),
    );
    expect(keys).toMatchObject({
      4: [{ field: 'row', key: undefined }], // the reconciliation queue's text (LINK_REASONS)
      8: [{ field: 'nationalNumber', key: 'ROW_NATIONAL_NUMBER_CHECKSUM_MISMATCH' }],
      9: [{ field: 'nationalNumber', key: 'ROW_NATIONAL_NUMBER_NOT_11_DIGITS' }],
      10: [{ field: 'nationalNumber', key: 'NATIONAL_NUMBER_OR_TRAJECTORY_REQUIRED' }],
      12: [{ field: 'registeredOn', key: 'FIELD_NOT_A_DATE' }],
      13: [{ field: 'registeredOn', key: 'FIELD_IN_FUTURE' }],
      16: [{ field: 'office', key: 'FIELD_TOO_LONG', params: { maxLength: 100 } }],
      17: [{ field: 'row', key: 'ROW_FIELD_COUNT', params: { found: 4, expected: 5 } }],
    });
    const asked = await system
      .http(partnerSystem('VDAB'))
      .get(`/registration-imports/${importId}/problems`)
      .set('Accept', 'application/json')
      .expect(200);
    expect(asked.body.items).toEqual(json);
    for (const row of json) expect(JSON.stringify(row.problems)).not.toContain(badChecksum);

    // Every link exactly one event; nothing for the rows that were already there.
    expect(await registrationEvents(system.database, [fresh.trajectoryId])).toBe(1);
    expect(await registrationEvents(system.database, [registered.trajectoryId])).toBe(1);
    expect(await registrationEvents(system.database, [byId.trajectoryId])).toBe(1);
    expect(await registrationEvents(system.database, [other.trajectoryId])).toBe(0);
    const { body: linked } = await system.http().get(`/trajectories/${fresh.trajectoryId}`).expect(200);
    expect(JSON.stringify(linked)).toContain('VDAB-A');

    // The conflicts and the unmatched row wait in the queue, scoped to the agency (unmatched: no agency yet).
    const { body: queue } = await system
      .http()
      .get(`/reconciliation?agency=IN_GENT&state=OPEN&importId=${importId}`)
      .expect(200);
    const ours = queue.items.filter((item: { importId: string }) => item.importId === importId);
    expect(
      ours.map((item: { rowNumber: number; kind: string; agency: string | null }) => [
        item.rowNumber,
        item.kind,
        item.agency,
      ]),
    ).toEqual([
      [3, 'CONFLICT', 'IN_GENT'],
      [4, 'UNMATCHED', null],
      [7, 'CONFLICT', 'IN_GENT'],
    ]);
    const { body: elsewhere } = await system
      .http('counsellor-atlas')
      .get(`/reconciliation?agency=ATLAS&state=OPEN&importId=${importId}`)
      .expect(200);
    expect(
      elsewhere.items.filter(
        (item: { importId: string; kind: string }) => item.importId === importId && item.kind === 'CONFLICT',
      ),
    ).toEqual([]);

    const { body: badFilter } = await system.http().get('/reconciliation?importId=test.csv').expect(400);
    expect(badFilter.errors).toEqual([
      { field: 'importId', detail: 'importId must be a registration import id (a UUID)' },
    ]);

    // The same bytes again: the first import is named, nothing is staged and no event is written.
    const named = [fresh, registered, byId, other].map(({ trajectoryId }) => trajectoryId);
    const eventsAfterImport = await eventsOn(system.database, named);
    const again = await uploadFile(system, file).expect(202);
    expect(again.body).toEqual({ importId, duplicate: true, totalRows: 18, status: 'COMPLETED' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await eventsOn(system.database, named)).toBe(eventsAfterImport);
    const [{ imports }] = await system.database.query(
      `SELECT count(*)::int AS imports FROM registration_imports WHERE file_name = 'test.csv' AND content_hash =
         (SELECT content_hash FROM registration_imports WHERE import_id = $1)`,
      [importId],
    );
    expect(imports).toBe(1);

    // A counsellor resolves the queue: links the disagreeing row to the trajectory it names, dismisses the other.
    const byRow = (row: number) => ours.find((item: { rowNumber: number }) => item.rowNumber === row);
    const resolved = await system
      .http()
      .post(`/reconciliation/${byRow(7).itemId}/link`)
      .send({ trajectoryId: other.trajectoryId })
      .expect(200);
    expect(resolved.body).toMatchObject({
      state: 'LINKED',
      resolvedTrajectoryId: other.trajectoryId,
      resolvedBy: 'counsellor-gent',
    });
    expect(await registrationEvents(system.database, [other.trajectoryId])).toBe(1);
    const refusedLink = await system
      .http()
      .post(`/reconciliation/${byRow(3).itemId}/link`)
      .send({ trajectoryId: registered.trajectoryId })
      .expect(409);
    expect(refusedLink.body).toMatchObject({
      field: 'trajectoryId',
      reason: 'RECONCILIATION_LINK_OTHER_REGISTRATION',
      detail: 'trajectoryId: the trajectory already has another registration (different date or dossier id)',
    });
    const dismissed = await system
      .http()
      .post(`/reconciliation/${byRow(3).itemId}/dismiss`)
      .send({ reason: 'VDAB sent a corrected dossier id' })
      .expect(200);
    expect(dismissed.body).toMatchObject({
      state: 'DISMISSED',
      resolution: 'VDAB sent a corrected dossier id',
    });
    const dismissedAgain = await system
      .http()
      .post(`/reconciliation/${byRow(3).itemId}/dismiss`)
      .send({ reason: 'again' })
      .expect(409);
    expect(dismissedAgain.body).toMatchObject({
      reason: 'RECONCILIATION_ITEM_RESOLVED',
      params: { itemId: byRow(3).itemId, itemState: 'DISMISSED' },
    });
    const bad = await system
      .http()
      .post(`/reconciliation/${byRow(4).itemId}/dismiss`)
      .send({ reason: '' })
      .expect(400);
    expect(bad.body.errors).toEqual([
      {
        field: 'reason',
        detail: 'reason must not be empty',
        reason: 'MUST_NOT_BE_EMPTY',
        params: { field: 'reason' },
      },
    ]);
    expect(await registrationEvents(system.database, [registered.trajectoryId])).toBe(1);

    // The unmatched registration is linked by itself once the newcomer's trajectory opens.
    const later = await openTrajectory(system, { nationalNumber: nobody, birthDate: nobodyBirthDate });
    const matched = await eventually(async () => {
      const { body } = await system
        .http()
        .get(`/reconciliation?state=AUTO_LINKED&importId=${importId}`)
        .expect(200);
      const item = body.items.find((candidate: { itemId: string }) => candidate.itemId === byRow(4).itemId);
      if (!item) throw new Error('not matched yet');
      return item;
    }, 30_000);
    expect(matched).toMatchObject({
      resolvedTrajectoryId: later.trajectoryId,
      resolvedBy: 'system:registration-matcher',
      resolution: 'linked automatically when the trajectory opened',
    });
    expect(await registrationEvents(system.database, [later.trajectoryId])).toBe(1);
    const { body: view } = await system.http().get(`/trajectories/${later.trajectoryId}`).expect(200);
    expect(JSON.stringify(view)).toContain('VDAB-N');
  });

  it('reads JSON Lines the same way', async () => {
    const target = await openTrajectory(system);
    const lines = [
      JSON.stringify({
        nationalNumber: target.nationalNumber,
        registeredOn: daysAgo(2),
        office: 'Actiris Brussel',
        partnerDossierId: 'ACT-1',
      }),
      '',
      '{"nationalNumber": broken',
      JSON.stringify({
        nationalNumber: target.nationalNumber,
        registeredOn: daysAgo(2),
        office: 'Actiris Brussel',
        partnerDossierId: 'ACT-1',
        colour: 'red',
      }),
    ];
    const uploaded = await uploadFile(
      system,
      `${lines.join('\n')}\n`,
      'application/x-ndjson',
      'ACTIRIS',
    ).expect(202);
    const report = await importFinished(system, uploaded.body.importId, undefined, 'ACTIRIS');
    expect(report).toMatchObject({
      partner: 'ACTIRIS',
      format: 'JSONL',
      totalRows: 3,
      outcomes: { LINKED: 1, INVALID: 2 },
    });
    const problems = await problemRows(system, uploaded.body.importId, 'ACTIRIS');
    expect(problems.map((row) => [row.rowNumber, row.fields, row.reason])).toEqual([
      ['3', 'row', 'row: is not valid JSON'],
      ['4', 'colour', 'colour: is not a documented field'],
    ]);
  });

  it('refuses a file it cannot read, naming why, and stages nothing', async () => {
    const fileName = `refused-${randomUUID()}.csv`;
    const staged = () => importsNamed(system.database, 'registration_imports', fileName);
    const header = await uploadFile(
      system,
      'insz;registeredOn;office;partnerDossierId\r\n1;2;3;4\r\n',
      'text/csv',
      'VDAB',
      fileName,
    ).expect(400);
    expect(header.body.errors).toEqual([
      { field: 'header', detail: expect.stringContaining('column 1 is not a documented column') },
    ]);
    await uploadFile(system, 'a,b', 'application/pdf', 'VDAB', fileName).expect(415);
    await system
      .http('vdab-system')
      .post(`/registration-imports?partner=NOBODY&fileName=${fileName}`)
      .set('Content-Type', 'text/csv')
      .send('x')
      .expect(400);
    expect(await staged()).toBe(0);
    // The same query finds a file that was staged (one invalid row, unique by its dossier id).
    const readable = `nationalNumber;trajectoryId;registeredOn;office;partnerDossierId\r\n;;;;${fileName}\r\n`;
    await uploadFile(system, readable, 'text/csv', 'VDAB', fileName).expect(202);
    expect(await staged()).toBe(1);
  });

  it('takes one registration from a partner system with the same outcomes', async () => {
    const target = await openTrajectory(system);
    const registration = {
      partner: 'VDAB',
      nationalNumber: target.nationalNumber,
      registeredOn: daysAgo(1),
      office: 'VDAB Gent',
      partnerDossierId: 'VDAB-S1',
    };
    const first = await system.http('vdab-system').post('/registrations').send(registration).expect(200);
    expect(first.body).toEqual({
      outcome: 'LINKED',
      trajectoryId: target.trajectoryId,
      reason: null,
      reconciliationItemId: null,
    });
    // A retry (same registration) gets the same answer and writes nothing.
    await system.http('vdab-system').post('/registrations').send(registration).expect(200, first.body);
    expect(await registrationEvents(system.database, [target.trajectoryId])).toBe(1);
    const other = await system
      .http('vdab-system')
      .post('/registrations')
      .send({ ...registration, partnerDossierId: 'VDAB-S2' })
      .expect(200);
    expect(other.body).toMatchObject({ outcome: 'CONFLICT', trajectoryId: target.trajectoryId });
    expect(other.body.reconciliationItemId).toEqual(expect.any(String));
    const invalid = await system
      .http('vdab-system')
      .post('/registrations')
      .send({
        partner: 'FOREM',
        nationalNumber: '123',
        registeredOn: 'x',
        office: 'Gent',
        partnerDossierId: 'P',
      })
      .expect(400);
    expect(invalid.body.errors.map((v: { field: string }) => v.field)).toEqual([
      'partner',
      'nationalNumber',
      'registeredOn',
    ]);
    expect(JSON.stringify(invalid.body)).not.toContain('123');
  });
});
