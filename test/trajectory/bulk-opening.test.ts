import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseloadRows, writeJsonLines } from '../../bench/caseload-workload';
import { openCaseloadFile } from '../../scripts/open-bulk';
import { OpenBulkArguments } from '../../scripts/bulk-opening/open-bulk-arguments';
import { calendarDate, nextDeadlineExpiry, TrajectoryState } from '../../libs/domain/src';
import { useStoreTestDatabase } from '../store/store-test-database';
import { uniqueIdentity } from '../support/unique-identities';

const database = useStoreTestDatabase();
const TODAY = calendarDate('2026-06-15');
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'bulk-opening-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

function argumentsFor(file: string, batchSize = 7): OpenBulkArguments {
  return {
    file,
    format: file.endsWith('.csv') ? 'CSV' : 'JSONL',
    agency: 'AGII',
    actor: 'operator-7',
    role: 'operator',
    batchSize,
    problemsFile: `${file}.problems.csv`,
  };
}

interface OpenedRow {
  stream_id: string;
  events: number;
  actor: string;
  due_at: Date | null;
  reason: string | null;
  state: TrajectoryState;
}

async function openedRows(dossierPrefix: string): Promise<OpenedRow[]> {
  return database.dataSource.query(
    `SELECT s.stream_id, (SELECT count(*)::int FROM events e WHERE e.stream_id = s.stream_id) AS events,
            (SELECT e.metadata->>'actor' FROM events e WHERE e.stream_id = s.stream_id AND e.version = 1) AS actor,
            p.due_at, p.reason, s.state
       FROM trajectory_states s
       JOIN events first ON first.stream_id = s.stream_id AND first.version = 1
       LEFT JOIN pending_workflow_starts p ON p.trajectory_id = s.stream_id
      WHERE first.metadata->>'idempotencyKey' LIKE $1`,
    [`bulk-opening:AGII:dossier:${dossierPrefix}%`],
  );
}

describe('bulk opening of a caseload file', () => {
  it('opens the good rows through the domain, queues their workflows, reports the bad ones, and is idempotent', async () => {
    const rows = [...caseloadRows('AGII', 12, () => uniqueIdentity(), TODAY)];
    const prefix = `T${Date.now()}-`;
    for (const row of rows) row.dossierId = `${prefix}${String(row.dossierId)}`;
    const bad: Record<string, unknown>[] = [
      { ...rows[0], dossierId: `${prefix}bad-1`, nationalNumber: '12345678901' },
      { ...rows[1], dossierId: `${prefix}bad-2`, givenName: undefined },
      { ...rows[2], dossierId: `${prefix}bad-3`, ...uniqueIdentity(), agency: 'ATLAS' },
      // The newcomer of row 4 again, under another dossier: one active trajectory per newcomer.
      { ...rows[3], dossierId: `${prefix}bad-4` },
      { ...rows[4], dossierId: `${prefix}bad-5`, ...uniqueIdentity(), registeredOn: '2027-01-01' },
      // Row 6 repeated as it is.
      { ...rows[5] },
    ];
    const file = join(directory, 'caseload.jsonl');
    await writeJsonLines(file, [...rows, ...bad]);
    await writeFile(file, `${await readFile(file, 'utf8')}{"nationalNumber": \n`);

    const summary = await openCaseloadFile(database.dataSource, argumentsFor(file));

    expect(summary).toEqual({
      rows: 19,
      outcomes: { OPENED: 12, ALREADY_OPENED: 0, INVALID: 5, REFUSED: 2, CONFLICT: 0 },
      workflowStartsQueued: 12,
    });
    const problems = (await readFile(`${file}.problems.csv`, 'utf8')).trim().split('\r\n');
    expect(problems[0]).toBe('rowNumber,outcome,field,reason');
    expect(
      problems
        .slice(1)
        .map((line) => line.split(',').slice(0, 3).join(','))
        .sort(),
    ).toEqual(
      [
        '13,INVALID,nationalNumber',
        '14,INVALID,givenName',
        '15,INVALID,agency',
        '16,REFUSED,nationalNumber',
        '17,INVALID,registeredOn',
        '18,REFUSED,row',
        '19,INVALID,row',
      ].sort(),
    );
    const text = problems.join('\n');
    for (const row of [...rows, ...bad]) {
      expect(text).not.toContain(String(row.familyName));
      if (typeof row.nationalNumber === 'string' && row.nationalNumber !== '12345678901')
        expect(text).not.toContain(row.nationalNumber);
    }

    const opened = await openedRows(prefix);
    expect(opened).toHaveLength(12);
    for (const row of opened) {
      expect(row.reason).toBe('BULK_OPENING');
      expect(row.actor).toBe('operator-7');
      const due = nextDeadlineExpiry(row.state);
      expect(row.due_at === null ? undefined : row.due_at.getTime()).toBe(due);
    }

    // Opened again (the whole file): nothing new.
    const again = await openCaseloadFile(database.dataSource, argumentsFor(file, 100));
    expect(again.outcomes).toEqual({ OPENED: 0, ALREADY_OPENED: 12, INVALID: 5, REFUSED: 2, CONFLICT: 0 });
    const reopened = await openedRows(prefix);
    expect(reopened.map((row) => [row.stream_id, row.events]).sort()).toEqual(
      opened.map((row) => [row.stream_id, row.events]).sort(),
    );
  });

  it('reads a CSV caseload with the target-group facts as one JSON field', async () => {
    const [row] = [...caseloadRows('AGII', 1, () => uniqueIdentity(), TODAY)];
    const dossierId = `C${Date.now()}`;
    const columns = ['dossierId', 'nationalNumber', 'givenName', 'familyName', 'birthDate', 'municipality'];
    const csv =
      `${[...columns, 'targetGroupFacts'].join(';')}\n` +
      `${[dossierId, ...columns.slice(1).map((column) => String(row[column]))].join(';')};"${JSON.stringify(
        row.targetGroupFacts,
      ).replace(/"/g, '""')}"\n`;
    const file = join(directory, 'caseload.csv');
    await writeFile(file, csv);

    const summary = await openCaseloadFile(database.dataSource, argumentsFor(file));

    expect(summary.outcomes.OPENED).toBe(1);
    const [opened] = await openedRows(dossierId);
    expect(opened.state.targetGroup?.derived.status).toBe('OBLIGED');
  });
});
