import {
  keyFigureContributionsSql,
  openCaseChangesSql,
  KeyFigureFilter,
  KeyFigureQueries,
  GroupAggregate,
} from '../../libs/store/src/key-figures';
import { OfficeStore, rebuildReadModels, rebuildSums, SUMMED_READ_MODELS } from '../../libs/store/src';
import type { CalendarDate } from '../../libs/domain/src';
import { useStoreTestDatabase } from '../store/store-test-database';
import { trajectoryScenarios } from '../store/trajectory-fixtures';

const database = useStoreTestDatabase({ ownDatabase: true });
const { contractSigned } = trajectoryScenarios(database);

const d = (value: string) => value as CalendarDate;

/** Sorted, and a figure without facts as the service reads it (no row, or a row of zeros: the same figures). */
function normalised(aggregates: GroupAggregate[]) {
  return aggregates
    .filter(({ inputs }) => inputs.selected > 0)
    .map(({ figureId, group, inputs }) => ({ figureId, group, ...inputs }))
    .sort((a, b) => `${a.figureId} ${a.group ?? '~'}`.localeCompare(`${b.figureId} ${b.group ?? '~'}`, 'en'));
}

/** Every sums table's rows, in a stable order. */
async function sumsRows() {
  const rows: Record<string, unknown[]> = {};
  for (const { table } of SUMMED_READ_MODELS.flatMap((model) => model.sums)) {
    rows[table] = (
      await database.dataSource.query<{ row: unknown }[]>(
        `SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`,
      )
    ).map(({ row }) => row);
  }
  return rows;
}

/**
 * The sums the appends and office moves kept must be what a rebuild computes from the contributions: in SQL
 * (`rebuildSums`), and, when every contribution was projected from events (`fromEvents`), as the rebuild of the read
 * models sums the rows it maps.
 */
async function expectSumsAsRebuilt({ fromEvents = false } = {}) {
  const kept = await sumsRows();
  await database.dataSource.transaction((manager) => rebuildSums(manager));
  expect(kept).toEqual(await sumsRows());
  if (fromEvents) {
    await rebuildReadModels(database.dataSource);
    expect(await sumsRows()).toEqual(kept);
  }
  return kept;
}

describe('key figures summed per cohort month', () => {
  it('the append writes the contributions the SQL of the definitions computes from the facts’ read models', async () => {
    // A counsellor in an office: the appends add to the office's sums.
    await database.dataSource.query(
      `INSERT INTO offices (office_id, agency, name) VALUES ('sum-west', 'AGII', 'Sum West')`,
    );
    await new OfficeStore(database.dataSource).assign('AGII', 'sum-west', 'sum-c1');
    const trajectories = [
      await contractSigned({
        agency: 'AGII',
        counsellorId: 'sum-c1',
        municipality: 'Gent',
        signedOn: '2026-01-31',
      }),
      await contractSigned({
        agency: 'ATLAS',
        counsellorId: 'sum-c2',
        municipality: 'Antwerpen',
        signedOn: '2026-02-01',
      }),
      await contractSigned({ agency: 'AGII', municipality: 'Leuven', signedOn: '2026-03-15' }),
    ];
    await trajectories[0].run({
      type: 'RecordVdabRegistration',
      registeredOn: '2026-02-20',
      vdabClientReference: 'S-1',
    });
    await trajectories[1].run({
      type: 'RecordVdabRegistration',
      registeredOn: '2026-05-02',
      vdabClientReference: 'S-2',
    });
    const columns = `trajectory_id, figure_id, item, cohort_on, cohort_month, agency, municipality, counsellor_id,
                     value, selected, known, matching_hundredths, cohort_year`;
    const projected = await database.dataSource.query(
      `SELECT ${columns} FROM key_figure_contributions ORDER BY trajectory_id, figure_id, item`,
    );
    const computed = await database.dataSource.query(
      `SELECT * FROM (${keyFigureContributionsSql()}) c(${columns}) ORDER BY trajectory_id, figure_id, item`,
    );
    expect(projected.length).toBeGreaterThanOrEqual(9);
    expect(projected).toEqual(computed);
    await trajectories[2].run({
      type: 'CloseTrajectory',
      reason: 'MOVED_OUT_OF_FLANDERS',
      closedOn: '2026-04-01',
    });
    const changes = `trajectory_id, change, changed_on, changed_month, agency, municipality, counsellor_id, open,
                     changed_year`;
    const projectedChanges = await database.dataSource.query(
      `SELECT ${changes} FROM open_case_changes ORDER BY trajectory_id, change`,
    );
    expect(projectedChanges.length).toBe(4);
    expect(projectedChanges).toEqual(
      await database.dataSource.query(
        `SELECT * FROM (${openCaseChangesSql()}) c(${changes}) ORDER BY trajectory_id, change`,
      ),
    );
    const kept = await expectSumsAsRebuilt({ fromEvents: true });
    expect(
      kept.key_figure_sums_by_office.filter((row) => (row as { office_id: string }).office_id === 'sum-west')
        .length,
    ).toBeGreaterThan(0);
    // A counsellor moved to another office and one assigned to it (of another agency): their sums follow them.
    await database.dataSource.query(
      `INSERT INTO offices (office_id, agency, name) VALUES ('sum-east', 'AGII', 'Sum East')`,
    );
    const offices = new OfficeStore(database.dataSource);
    expect(await offices.unassign('AGII', 'sum-west', 'sum-c1')).toBe(true);
    expect(await offices.assign('AGII', 'sum-east', 'sum-c1')).toMatchObject({ outcome: 'ASSIGNED' });
    expect(await offices.assign('AGII', 'sum-east', 'sum-c2')).toMatchObject({ outcome: 'ASSIGNED' });
    const merged = await expectSumsAsRebuilt({ fromEvents: true });
    expect(
      merged.key_figure_sums_by_office.filter(
        (row) => (row as { office_id: string }).office_id === 'sum-east',
      ).length,
    ).toBeGreaterThan(0);
  });

  it('sum to the aggregates over the facts, for whole years, whole months, edge days and every grouping and filter', async () => {
    const { dataSource } = database;
    // Forty trajectories and twenty violation files spread over four months, with nulls, two offices, a counsellor
    // in no office and none at all; their contributions by the same SQL, the sums recomputed as a rebuild does.
    await dataSource.query(
      `INSERT INTO trajectory_milestones
       SELECT 'sum-' || i, (ARRAY['AGII','ATLAS','IN_GENT'])[1 + i % 3], (ARRAY['Gent','Leuven','Aalst','Mol'])[1 + i % 4],
              CASE WHEN i % 7 = 0 THEN NULL ELSE 'sum-k' || (i % 5) END, 'OPEN',
              day - 30, day - 20, CASE WHEN i % 6 <> 0 THEN day END, NULL,
              CASE WHEN i % 5 = 0 THEN NULL ELSE i % 3 = 0 END,
              CASE WHEN i % 4 <> 0 THEN day + (i % 9) END, CASE WHEN i % 4 <> 0 THEN i % 9 END, i % 11,
              day + (i % 13), 1, i % 2 = 0, i % 3 <> 0, CASE WHEN i % 5 <> 0 THEN day - (i % 8) END, 1,
              CASE WHEN i % 5 <> 0 THEN i % 2 = 1 END, CASE WHEN i % 5 <> 0 THEN i % 3 = 1 END,
              CASE WHEN i % 3 = 0 THEN day + 3 END, CASE WHEN i % 3 = 0 THEN 30 + i % 4 END,
              i % 2 = 0, (i % 9) * 1.25, i % 4 = 0,
              CASE WHEN i % 4 = 1 THEN day + (i % 40) - 10 WHEN i % 8 = 2 THEN day - 40 END
         FROM generate_series(1, 40) AS i, LATERAL (SELECT DATE '2025-12-03' + i * 3 AS day) d`,
    );
    await dataSource.query(
      `INSERT INTO violations (trajectory_id, violation_id, kind, facts, state, opened_at, decision, amount_euro,
                               decided_on, agency, counsellor_id, municipality)
       SELECT 'sum-' || i, 'sv-' || i, 'VDAB_REGISTRATION_DEADLINE_MISSED', 'missed', 'DECIDED',
              TIMESTAMPTZ '2025-12-31 23:30:00+00' + i * INTERVAL '4 days',
              CASE WHEN i % 3 = 0 THEN 'FINE' WHEN i % 3 = 1 THEN 'NO_FINE' END,
              CASE WHEN i % 3 = 0 THEN 50 * i END, CASE WHEN i % 3 <> 2 THEN DATE '2026-01-10' + i * 3 END,
              (ARRAY['AGII','ATLAS','IN_GENT'])[1 + i % 3], 'sum-k' || (i % 5), (ARRAY['Gent','Leuven'])[1 + i % 2]
         FROM generate_series(1, 20) AS i`,
    );
    await dataSource.query(
      `INSERT INTO offices (office_id, agency, name) VALUES ('sum-noord', 'AGII', 'Sum Noord'), ('sum-zuid', 'ATLAS', 'Sum Zuid')`,
    );
    await dataSource.query(
      `INSERT INTO counsellor_offices (counsellor_id, office_id)
       VALUES ('sum-k1', 'sum-noord'), ('sum-k2', 'sum-noord'), ('sum-k3', 'sum-zuid')`,
    );
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO key_figure_contributions SELECT * FROM (${keyFigureContributionsSql()}) c
          WHERE c.trajectory_id LIKE 'sum-%'`,
      );
      await manager.query(
        `INSERT INTO open_case_changes SELECT * FROM (${openCaseChangesSql()}) c
          WHERE c.trajectory_id LIKE 'sum-%'`,
      );
      await rebuildSums(manager);
    });

    const queries = new KeyFigureQueries(dataSource);
    const periods = [
      { from: d('2025-12-01'), to: d('2026-03-31') },
      { from: d('2025-12-17'), to: d('2026-03-09') },
      { from: d('2026-01-01'), to: d('2026-01-31') },
      { from: d('2026-01-05'), to: d('2026-01-25') },
      { from: d('2026-02-28'), to: d('2026-03-01') },
      { from: d('2026-01-01'), to: d('2026-02-14') },
      // Whole calendar years (by municipality and office from the sums per cohort year), alone, with whole months
      // and edge days around them; the open cases at the end of a past year and of a half year.
      { from: d('2025-01-01'), to: d('2025-12-31') },
      { from: d('2025-11-20'), to: d('2027-01-05') },
      { from: d('2024-12-01'), to: d('2026-12-31') },
      { from: d('2025-01-01'), to: d('2025-06-30') },
    ];
    const filters: Omit<KeyFigureFilter, 'period'>[] = [
      {},
      { groupBy: 'agency' },
      { groupBy: 'municipality' },
      { groupBy: 'office' },
      { agency: 'ATLAS', groupBy: 'municipality' },
      { municipality: 'gent', groupBy: 'agency' },
      { officeId: 'sum-noord', groupBy: 'agency' },
      { officeId: 'sum-noord', groupBy: 'municipality' },
      { municipality: 'Leuven' },
      { agency: 'AGII', municipality: 'GENT' },
    ];
    const expectSummedAsDirect = async () => {
      for (const period of periods) {
        for (const filter of filters) {
          const summed = normalised(await queries.aggregates({ ...filter, period }));
          const direct = normalised(await queries.directAggregates({ ...filter, period }));
          expect({ period, filter, summed }).toEqual({ period, filter, summed: direct });
        }
      }
    };
    await expectSummedAsDirect();

    // Counsellors moved after their sums exist take them along: between offices, out of one, into one.
    const offices = new OfficeStore(dataSource);
    await dataSource.query(
      `UPDATE counsellor_offices SET office_id = 'sum-zuid' WHERE counsellor_id = 'sum-k1'`,
    );
    expect(await offices.unassign('AGII', 'sum-noord', 'sum-k2')).toBe(true);
    expect(await offices.assign('ATLAS', 'sum-zuid', 'sum-k4')).toMatchObject({ outcome: 'ASSIGNED' });
    filters.push({ officeId: 'sum-zuid' });
    await expectSumsAsRebuilt();
    await expectSummedAsDirect();
  });
});
