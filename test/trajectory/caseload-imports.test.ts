import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { caseloadRows } from '../../bench/caseload-workload';
import { CASELOAD_COLUMNS } from '../../apps/api/src/trajectories/bulk-opening/caseload-row';
import { calendarDateAt, RowProblem } from '../../libs/domain/src';
import { eventually } from '../support/eventually';
import { daysAgo } from '../support/newcomers';
import { importsNamed } from '../support/staged-files';
import { startTestSystem, TestSystem } from '../support/system';
import { uniqueIdentity } from '../support/unique-identities';
import { removeWorkflowBundleFile, startWorkerChild, WorkerChild } from '../exchange/support/worker-child';

const MANAGER = 'manager-gent';

/** A CSV field as a spreadsheet writes it: quoted when it holds the separator, a quote or a line break. */
function csvField(value: unknown, separator: string): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[";\r\n,]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A caseload file as an agency's spreadsheet exports it: BOM, `;` separators, CRLF, quoted JSON facts. */
function caseloadCsv(rows: readonly Record<string, unknown>[]): Buffer {
  const lines = [
    CASELOAD_COLUMNS.join(';'),
    ...rows.map((row) => CASELOAD_COLUMNS.map((column) => csvField(row[column], ';')).join(';')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * Bulk opening through the API (issue 7 §2): a manager uploads the agency's caseload file, a durable import workflow
 * opens its rows with every rule of POST /trajectories, each row gets one outcome, and the same file again opens
 * nothing. On the real stack (API over HTTP, worker, Temporal dev server, PostgreSQL).
 */
describe('caseload files uploaded through the API', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.close();
    await removeWorkflowBundleFile();
  });

  const upload = (file: Buffer, contentType = 'text/csv', identity = MANAGER, fileName = 'caseload.csv') =>
    system
      .http(identity)
      .post(`/caseload-imports?fileName=${fileName}`)
      .set('Content-Type', contentType)
      .send(file);

  const finished = (importId: string, timeoutMs = 60_000) =>
    eventually(
      async () => {
        const { body } = await system.http(MANAGER).get(`/caseload-imports/${importId}`).expect(200);
        if (body.status !== 'COMPLETED')
          throw new Error(`import is ${body.status} (${body.rowsDone}/${body.totalRows})`);
        return body;
      },
      timeoutMs,
      250,
    );

  const eventsOfImport = async (importId: string): Promise<number> => {
    const [{ count }] = await system.database.query(
      `SELECT count(*)::int AS count FROM events WHERE metadata->>'correlationId' = $1`,
      [`caseload-import:${importId}`],
    );
    return count;
  };

  it('opens the good rows, reports each bad one with its field and reason, and a second upload opens nothing', async () => {
    const prefix = `api-${Date.now()}-`;
    const good: Record<string, unknown>[] = [
      ...caseloadRows('IN_GENT', 5, () => uniqueIdentity(), calendarDateAt(Date.now())),
    ].map((row) => ({ ...row, dossierId: `${prefix}${String(row.dossierId)}` }));
    const bad = [
      { ...good[0], dossierId: `${prefix}bad-1`, ...uniqueIdentity(), nationalNumber: '12345678901' },
      { ...good[1], dossierId: `${prefix}bad-2`, ...uniqueIdentity(), agency: 'ATLAS' },
      // The newcomer of the first row under another dossier: one active trajectory per newcomer.
      {
        ...good[2],
        dossierId: `${prefix}bad-3`,
        nationalNumber: good[0].nationalNumber,
        birthDate: good[0].birthDate,
      },
      { ...good[3], dossierId: `${prefix}bad-4`, ...uniqueIdentity(), registeredOn: daysAgo(-30) },
    ];
    const file = caseloadCsv([...good, ...bad]);

    const accepted = await upload(file).expect(202);
    expect(accepted.body).toMatchObject({ duplicate: false, totalRows: 9 });
    const { importId } = accepted.body as { importId: string };
    // The file's name is kept with it (what the refusal test below looks for).
    const [{ file_name }] = await system.database.query(
      `SELECT file_name FROM caseload_imports WHERE import_id = $1`,
      [importId],
    );
    expect(file_name).toBe('caseload.csv');
    const done = await finished(importId);

    expect(done).toMatchObject({
      agency: 'IN_GENT',
      totalRows: 9,
      rowsDone: 9,
      outcomes: { OPENED: 5, ALREADY_OPENED: 0, INVALID: 3, REFUSED: 1, CONFLICT: 0 },
      problemsUrl: `/caseload-imports/${importId}/problems`,
    });
    const report = await system.http(MANAGER).get(done.problemsUrl).expect(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    const problems = parse(report.text, { columns: true }) as Record<string, string>[];
    expect(problems.map(({ rowNumber, outcome, fields }) => [rowNumber, outcome, fields])).toEqual([
      ['6', 'INVALID', 'nationalNumber'],
      ['7', 'INVALID', 'agency'],
      ['8', 'REFUSED', 'nationalNumber'],
      ['9', 'INVALID', 'registeredOn'],
    ]);
    expect(problems[2].reason).toContain('row 1');
    // As JSON, each problem has the key a reader's language words it from, where the rules give one.
    const keyed = await system.http(MANAGER).get(done.problemsUrl).query({ format: 'json' }).expect(200);
    expect(
      (keyed.body.items as { rowNumber: number; problems: RowProblem[] }[]).map(({ rowNumber, problems }) => [
        rowNumber,
        problems.map(({ field, key, params }) => ({ field, key, params })),
      ]),
    ).toEqual([
      // The API's input validation (POST /trajectories's), keyed as the rules' own check.
      [
        6,
        [
          {
            field: 'nationalNumber',
            key: 'NATIONAL_NUMBER_CHECKSUM_MISMATCH',
            params: { field: 'nationalNumber' },
          },
        ],
      ],
      [7, [{ field: 'agency', key: 'ROW_AGENCY_NOT_THE_OPENER', params: { agency: 'IN_GENT' } }]],
      [8, [{ field: 'nationalNumber', key: 'ROW_SAME_NEWCOMER_AS_ROW', params: { row: 1 } }]],
      [
        9,
        [
          {
            field: 'registeredOn',
            key: 'DATE_IN_FUTURE',
            params: { field: 'registeredOn', date: daysAgo(-30), today: expect.any(String) },
          },
        ],
      ],
    ]);
    expect(JSON.stringify(keyed.body)).not.toContain(String(good[0].nationalNumber));
    // The report names where and why, never the values sent.
    expect(report.text).not.toContain(String(good[0].nationalNumber));

    expect(await eventsOfImport(importId)).toBeGreaterThanOrEqual(5);
    const opened: { stream_id: string; reason: string | null }[] = await system.database.query(
      `SELECT r.trajectory_id AS stream_id, p.reason
         FROM caseload_import_rows r LEFT JOIN pending_workflow_starts p ON p.trajectory_id = r.trajectory_id
        WHERE r.import_id = $1 AND r.outcome = 'OPENED' ORDER BY r.row_number`,
      [importId],
    );
    expect(opened).toHaveLength(5);
    expect(opened.every(({ reason }) => reason === 'BULK_OPENING')).toBe(true);
    // Once a row has its outcome, its personal data lives in the events only.
    const [{ kept }] = await system.database.query(
      `SELECT count(*)::int AS kept FROM caseload_import_rows WHERE import_id = $1 AND fields IS NOT NULL`,
      [importId],
    );
    expect(kept).toBe(0);

    // An opened trajectory is the agency's like any other: its counsellor reads it and works it (the command starts
    // its workflow from the stream).
    const trajectoryId = opened[0].stream_id;
    const read = await system.http('counsellor-gent').get(`/trajectories/${trajectoryId}`).expect(200);
    expect(read.body).toMatchObject({ trajectoryId, agency: 'IN_GENT', status: 'OPEN' });
    await system
      .http('counsellor-gent')
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(0) })
      .expect(200);

    const eventsBefore = await eventsOfImport(importId);
    const again = await upload(file).expect(202);
    expect(again.body).toEqual({ importId, duplicate: true, totalRows: 9, status: 'COMPLETED' });

    // The same rows in another file (JSON Lines): every opening was done before.
    const lines = good.map((row) => JSON.stringify(row)).join('\n');
    const second = await upload(Buffer.from(lines), 'application/x-ndjson').expect(202);
    const secondDone = await finished(second.body.importId);
    expect(secondDone.outcomes).toEqual({
      OPENED: 0,
      ALREADY_OPENED: 5,
      INVALID: 0,
      REFUSED: 0,
      CONFLICT: 0,
    });
    expect(await eventsOfImport(second.body.importId)).toBe(0);
    expect(await eventsOfImport(importId)).toBe(eventsBefore);
  });

  it('is for a manager of the agency: a counsellor may not upload, another agency does not see the import', async () => {
    const file = caseloadCsv(
      [...caseloadRows('IN_GENT', 1, () => uniqueIdentity(), calendarDateAt(Date.now()))].map((row) => ({
        ...row,
        dossierId: `access-${Date.now()}`,
      })),
    );
    await upload(file, 'text/csv', 'counsellor-gent').expect(403);
    const { body } = await upload(file).expect(202);
    await system.http('manager-atlas').get(`/caseload-imports/${body.importId}`).expect(404);
    await system.http('manager-atlas').get(`/caseload-imports/${body.importId}/problems`).expect(404);
    await finished(body.importId);
  });

  it('waits staged while no worker runs, and is opened once one does', async () => {
    const file = caseloadCsv(
      [...caseloadRows('IN_GENT', 3, () => uniqueIdentity(), calendarDateAt(Date.now()))].map((row) => ({
        ...row,
        dossierId: `staged-${Date.now()}-${String(row.dossierId)}`,
      })),
    );
    await system.stopWorker();
    let importId: string;
    try {
      ({ importId } = (await upload(file).expect(202)).body as { importId: string });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const { body } = await system.http(MANAGER).get(`/caseload-imports/${importId}`).expect(200);
      expect(body).toMatchObject({ status: 'STAGED', rowsDone: 0, totalRows: 3 });
    } finally {
      await system.startWorker();
    }
    expect((await finished(importId)).outcomes).toMatchObject({ OPENED: 3 });
    expect(await eventsOfImport(importId)).toBeGreaterThanOrEqual(3);
  });

  it('resumes after its worker is killed (SIGKILL) mid-file: every row opened exactly once, and counted as opened', async () => {
    const ROWS = 2_000;
    const prefix = `killed-${Date.now()}-`;
    const rows = [...caseloadRows('IN_GENT', ROWS, () => uniqueIdentity(), calendarDateAt(Date.now()))].map(
      (row) => ({ ...row, dossierId: `${prefix}${String(row.dossierId)}` }),
    );
    await system.stopWorker();
    let child: WorkerChild | undefined;
    try {
      child = await startWorkerChild(system.taskQueue);
      const { importId } = (await upload(caseloadCsv(rows)).expect(202)).body as { importId: string };
      // Killed between a batch's openings and the recording of their outcomes: the retried batch meets its own
      // openings.
      const startedAt = new Date(Date.now() - 60_000);
      const atKill = await eventually(
        async () => {
          const [progress] = await system.database.query(
            `SELECT (SELECT count(*)::int FROM events
                      WHERE recorded_at >= $3 AND type = 'TrajectoryOpened' AND metadata->>'correlationId' = $2) AS opened,
                    (SELECT count(outcome)::int FROM caseload_import_rows WHERE import_id = $1) AS recorded`,
            [importId, `caseload-import:${importId}`, startedAt],
          );
          if (!(progress.opened > progress.recorded))
            throw new Error(`${progress.opened} opened, all recorded`);
          return progress as { opened: number; recorded: number };
        },
        120_000,
        10,
      );
      await child.kill();
      child = undefined;
      expect(atKill.recorded).toBeLessThan(atKill.opened);
      expect(atKill.recorded).toBeLessThan(ROWS);

      child = await startWorkerChild(system.taskQueue);
      const done = await finished(importId, 180_000);
      expect(done).toMatchObject({
        totalRows: ROWS,
        rowsDone: ROWS,
        outcomes: { OPENED: ROWS, ALREADY_OPENED: 0, INVALID: 0, REFUSED: 0, CONFLICT: 0 },
      });
      const [opened] = await system.database.query(
        `SELECT count(*)::int AS rows, count(DISTINCT r.trajectory_id)::int AS trajectories,
                count(e.position)::int AS openings
           FROM caseload_import_rows r
           LEFT JOIN events e ON e.stream_id = r.trajectory_id AND e.type = 'TrajectoryOpened'
          WHERE r.import_id = $1`,
        [importId],
      );
      expect(opened).toEqual({ rows: ROWS, trajectories: ROWS, openings: ROWS });
      // Their 2,000 queued workflow starts would be the backlog of the next test file's starter.
      await system.database.query(
        `DELETE FROM pending_workflow_starts
          WHERE trajectory_id IN (SELECT trajectory_id FROM caseload_import_rows WHERE import_id = $1)`,
        [importId],
      );
    } finally {
      await child?.kill();
      await system.startWorker();
    }
  }, 400_000);

  it('refuses a file whose header lacks a required column, naming it, and stages nothing', async () => {
    const fileName = `refused-${randomUUID()}.csv`;
    const staged = () => importsNamed(system.database, 'caseload_imports', fileName);
    const response = await upload(
      Buffer.from('dossierId;nationalNumber\r\nx;85073003328\r\n'),
      'text/csv',
      MANAGER,
      fileName,
    ).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(response.body)).toContain('givenName');
    expect(await staged()).toBe(0);
  });
});
