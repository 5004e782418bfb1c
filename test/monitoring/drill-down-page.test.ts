import { CalendarDate, DEADLINE_BUCKETS } from '../../libs/domain/src';
import {
  conditionsOf,
  DeadlineMonitoring,
  MonitoringConditions,
  MonitoringFilter,
  OFFICE_JOIN,
  positional,
  rebuildSums,
} from '../../libs/store/src';
import { useStoreTestDatabase } from '../store/store-test-database';

const database = useStoreTestDatabase({ ownDatabase: true });

/**
 * The drill-down reads its page per agency and part of the bucket and its total from the sums; both must be what
 * the plain statement answers (every row of the bucket counted, filtered and sorted, then cut to the page).
 */
async function plainCases(
  filter: MonitoringFilter,
  bucket: (typeof DEADLINE_BUCKETS)[number],
  limit: number,
  offset: number,
) {
  const parameters: unknown[] = [];
  const bind = positional(parameters);
  const where = `${conditionsOf(filter, bind)} AND ${new MonitoringConditions('deadline', filter.asOn, bind).bucket(bucket)}`;
  const [{ total }] = await database.dataSource.query(
    `SELECT count(*)::int AS total FROM deadlines deadline ${OFFICE_JOIN} WHERE ${where}`,
    parameters,
  );
  const rows: { trajectory_id: string; deadline_id: string }[] = await database.dataSource.query(
    `SELECT deadline.trajectory_id, deadline.deadline_id FROM deadlines deadline ${OFFICE_JOIN} WHERE ${where}
      ORDER BY deadline.due_on, deadline.trajectory_id, deadline.deadline_id
      LIMIT ${bind(limit)} OFFSET ${bind(offset)}`,
    parameters,
  );
  return { total, ids: rows.map((row) => `${row.trajectory_id}/${row.deadline_id}`) };
}

describe('the monitoring drill-down', () => {
  beforeAll(async () => {
    // Deadlines of every state around the reference days, several on one due date (the order's ties), some
    // fulfilled after their due date or after a reference day, some without counsellor.
    await database.dataSource.query(
      `INSERT INTO deadlines (trajectory_id, deadline_id, kind, due_on, state, met_on, anchor, anchor_on,
                              policy_version, source, agency, counsellor_id, municipality, fulfilled_on)
       SELECT 'drill-' || (i % 97), 'deadline-' || i, (ARRAY['VDAB_REGISTRATION', 'CONTRACT_SIGNING'])[1 + i % 2],
              DATE '2026-03-01' + (i * 7 % 120), state, NULL, 'REGISTRATION', DATE '2026-01-01', 'v1', 'POLICY',
              (ARRAY['AGII', 'ATLAS', 'IN_GENT'])[1 + i % 3],
              CASE WHEN i % 11 <> 0 THEN 'drill-counsellor-' || (i % 6) END,
              (ARRAY['Gent', 'Aalst', 'Antwerpen', 'Brussel'])[1 + i % 4],
              CASE WHEN state IN ('MET', 'MISSED') AND i % 4 <> 1 THEN DATE '2026-03-01' + (i * 7 % 120) + (i % 40 - 20) END
         FROM generate_series(1, 700) AS i,
              LATERAL (SELECT (ARRAY['OPEN', 'MET', 'MISSED', 'MISSED', 'SUSPENDED', 'WAIVED', 'OPEN'])[1 + i % 7] AS state) s`,
    );
    // What the deadlines read model's mapping gives (deadline_contributions), and their sums as a rebuild sums them.
    await database.dataSource.query(
      `INSERT INTO deadline_contributions
       SELECT trajectory_id, deadline_id, agency, counsellor_id, municipality, kind,
              CASE WHEN fulfilled_on IS NULL AND state <> 'MISSED' THEN date_trunc('month', due_on)::date END,
              COALESCE((fulfilled_on <= due_on)::int, 0), COALESCE((fulfilled_on > due_on)::int, 0),
              (fulfilled_on IS NULL AND state = 'MISSED')::int,
              (fulfilled_on IS NULL AND state <> 'MISSED')::int
         FROM deadlines
        WHERE (fulfilled_on IS NOT NULL OR state IN ('OPEN', 'MET', 'MISSED'))`,
    );
    await database.dataSource.transaction((manager) => rebuildSums(manager));
    await database.dataSource.query(
      `INSERT INTO offices (office_id, agency, name) VALUES ('drill-north', 'AGII', 'North'), ('drill-south', 'AGII', 'South')`,
    );
    await database.dataSource.query(
      `INSERT INTO counsellor_offices (counsellor_id, office_id)
       VALUES ('drill-counsellor-0', 'drill-north'), ('drill-counsellor-3', 'drill-north'),
              ('drill-counsellor-1', 'drill-south')`,
    );
  });

  it('pages every bucket as the plain statement does, with its total, for every scope and filter', async () => {
    const monitoring = new DeadlineMonitoring(database.dataSource);
    const filters: Omit<MonitoringFilter, 'asOn'>[] = [
      { scope: { agencies: ['AGII'] } },
      { scope: { agencies: ['AGII', 'IN_GENT'] } },
      {},
      { scope: { agencies: ['ATLAS'] }, agency: 'AGII' },
      { scope: { agencies: ['AGII'] }, officeId: 'drill-north' },
      { scope: { agencies: ['IN_GENT'] }, municipality: 'gent', kind: 'VDAB_REGISTRATION' },
      { counsellorId: 'drill-counsellor-4' },
    ];
    let compared = 0;
    for (const asOn of ['2026-03-10', '2026-04-15', '2026-05-31', '2026-08-01'] as CalendarDate[]) {
      for (const filter of filters) {
        for (const bucket of DEADLINE_BUCKETS) {
          for (const [limit, offset] of [
            [50, 0],
            [7, 0],
            [5, 9],
          ]) {
            const expected = await plainCases({ ...filter, asOn }, bucket, limit, offset);
            const { total, items } = await monitoring.cases({ ...filter, asOn }, bucket, { limit, offset });
            expect({
              asOn,
              filter,
              bucket,
              limit,
              offset,
              total,
              ids: items.map((item) => `${item.trajectoryId}/${item.deadlineId}`),
            }).toEqual({ asOn, filter, bucket, limit, offset, ...expected });
            if (expected.ids.length) compared += 1;
          }
        }
      }
    }
    // Most combinations have cases (the comparison is not between empty pages).
    expect(compared).toBeGreaterThan(200);
  });
});
