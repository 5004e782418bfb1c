import { daysAgo } from '../support/newcomers';
import { eventually } from '../support/eventually';
import { startTestSystem, TestSystem } from '../support/system';
import { uniqueIdentity } from '../support/unique-identities';
import { importFinished, openTrajectory, uploadFile } from './exchange-helpers';
import { removeWorkflowBundleFile, startWorkerChild, WorkerChild } from './support/worker-child';

const ROWS = 5_000;
const started = Date.now();
const log = (message: string) =>
  process.stdout.write(`[worker-killed] ${((Date.now() - started) / 1000).toFixed(1)} s: ${message}\n`);
const TRAJECTORIES = 200;

/** Issue 8 acceptance: the worker process dies (SIGKILL) in the middle of a 5,000-row import. */
describe('an import whose worker is killed', () => {
  let system: TestSystem;
  let child: WorkerChild | undefined;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await child?.kill();
    await system?.close();
    await removeWorkflowBundleFile();
  });

  it('resumes: every row has exactly one outcome and every link exactly one event', async () => {
    const trajectories: { trajectoryId: string; nationalNumber: string }[] = [];
    for (let start = 0; start < TRAJECTORIES; start += 10) {
      trajectories.push(...(await Promise.all(Array.from({ length: 10 }, () => openTrajectory(system)))));
    }
    const onDate = daysAgo(2);
    // Every eighth row links a trajectory, the row after it repeats the link; the rest match nobody.
    const lines = ['nationalNumber,registeredOn,office,partnerDossierId'];
    let linked = 0;
    for (let row = 1; row <= ROWS; row++) {
      if (row % 16 === 1 && linked < TRAJECTORIES) {
        lines.push(`${trajectories[linked].nationalNumber},${onDate},VDAB Gent,VDAB-K${linked}`);
        lines.push(`${trajectories[linked].nationalNumber},${onDate},VDAB Gent,VDAB-K${linked}`);
        linked++;
        row++;
      } else lines.push(`${uniqueIdentity().nationalNumber},${onDate},VDAB Gent,VDAB-U${row}`);
    }
    expect(linked).toBe(TRAJECTORIES);
    log(`${TRAJECTORIES} trajectories opened`);

    await system.stopWorker();
    child = await startWorkerChild(system.taskQueue);
    const uploaded = await uploadFile(system, `${lines.join('\n')}\n`).expect(202);
    const { importId } = uploaded.body;
    expect(uploaded.body.totalRows).toBe(ROWS);
    log('uploaded; the worker process runs the import');

    const atKill = await eventually(
      async () => {
        const { body } = await system
          .http('vdab-system')
          .get(`/registration-imports/${importId}`)
          .expect(200);
        if (body.rowsDone < 1_000) throw new Error(`only ${body.rowsDone} rows done`);
        return body;
      },
      120_000,
      50,
    );
    await child.kill();
    child = undefined;
    log(`worker killed (SIGKILL) with ${atKill.rowsDone} of ${ROWS} rows done`);
    expect(atKill.rowsDone).toBeLessThan(ROWS);
    const [{ pending }] = await system.database.query(
      `SELECT count(*)::int AS pending FROM registration_import_rows WHERE import_id = $1 AND outcome IS NULL`,
      [importId],
    );
    expect(pending).toBeGreaterThan(0);

    child = await startWorkerChild(system.taskQueue);
    log('a new worker process started');
    const report = await importFinished(system, importId, 300_000);
    log('import completed');
    expect(report).toMatchObject({
      totalRows: ROWS,
      rowsDone: ROWS,
      outcomes: {
        LINKED: TRAJECTORIES,
        ALREADY_LINKED: TRAJECTORIES,
        CONFLICT: 0,
        UNMATCHED: ROWS - 2 * TRAJECTORIES,
        INVALID: 0,
      },
    });
    const [{ rows, outcomes }] = await system.database.query(
      `SELECT count(*)::int AS rows, count(outcome)::int AS outcomes FROM registration_import_rows WHERE import_id = $1`,
      [importId],
    );
    expect({ rows, outcomes }).toEqual({ rows: ROWS, outcomes: ROWS });
    const perTrajectory: { events: number }[] = await system.database.query(
      `SELECT count(e.position)::int AS events
         FROM unnest($1::text[]) AS t(trajectory_id)
         LEFT JOIN events e ON e.stream_id = t.trajectory_id AND e.type = 'VdabRegistrationRecorded'
        GROUP BY t.trajectory_id`,
      [trajectories.map((trajectory) => trajectory.trajectoryId)],
    );
    expect(perTrajectory).toHaveLength(TRAJECTORIES);
    expect(perTrajectory.every((row) => row.events === 1)).toBe(true);
    const [{ queued }] = await system.database.query(
      `SELECT count(*)::int AS queued FROM registration_reconciliation WHERE import_id = $1`,
      [importId],
    );
    expect(queued).toBe(ROWS - 2 * TRAJECTORIES);
  }, 900_000);
});
