import { randomUUID } from 'node:crypto';
import { because, rowProblemOfRejection } from '../../libs/domain/src';
import { ReconciliationStore, recordOutcomesWithin, RegistrationImportStore } from '../../libs/store/src';
import { useStoreTestDatabase } from './store-test-database';

/**
 * A registration the trajectory's own rules refused keeps their refusal, keyed, in its import's report and in the
 * reconciliation queue (migration 1799600000000), so that the web application words it in Dutch.
 */
describe("a registration the trajectory refused, as the import's report and the queue keep it", () => {
  const database = useStoreTestDatabase();

  it('keeps the refusal as the row problem and beside the queue entry, and only where there is one', async () => {
    const imports = new RegistrationImportStore(database.dataSource);
    const queue = new ReconciliationStore(database.dataSource);
    const dossier = `VDAB-REFUSED-${randomUUID()}`;
    const staging = await imports.beginStaging({ partner: 'VDAB', format: 'CSV', uploadedBy: 'vdab-system' });
    await staging.addRows(
      [1, 2].map((rowNumber) => ({
        rowNumber,
        nationalNumber: null,
        trajectoryId: randomUUID(),
        registeredOn: '2026-03-01',
        office: 'VDAB Gent',
        partnerDossierId: `${dossier}-${rowNumber}`,
        problems: null,
      })),
    );
    const { importId } = await staging.finish(randomUUID());
    const refusal = rowProblemOfRejection(because('IN_FOLLOW_UP_TRACK', { issuedOn: '2026-02-01' }));
    const queued = (rowNumber: number, withRefusal: boolean) => ({
      partner: 'VDAB' as const,
      kind: 'CONFLICT' as const,
      reason: withRefusal
        ? `the trajectory refused it: ${refusal.reason}`
        : 'the national number does not belong to the trajectory',
      refusal: withRefusal ? refusal : null,
      nationalNumber: null,
      trajectoryId: null,
      agency: null,
      registeredOn: '2026-03-01',
      office: 'VDAB Gent',
      partnerDossierId: `${dossier}-${rowNumber}`,
    });
    await database.dataSource.transaction((manager) =>
      recordOutcomesWithin(manager, importId, [
        {
          rowNumber: 1,
          outcome: 'CONFLICT',
          reason: queued(1, true).reason,
          refusal,
          trajectoryId: null,
          queue: queued(1, true),
        },
        {
          rowNumber: 2,
          outcome: 'CONFLICT',
          reason: queued(2, false).reason,
          refusal: null,
          trajectoryId: null,
          queue: queued(2, false),
        },
      ]),
    );

    const report = await imports.problemRows(importId);
    expect(report.map(({ rowNumber, fields, problems }) => ({ rowNumber, fields, problems }))).toEqual([
      { rowNumber: 1, fields: 'row', problems: [{ ...refusal, field: 'row' }] },
      {
        rowNumber: 2,
        fields: '',
        problems: [{ field: 'row', reason: 'the national number does not belong to the trajectory' }],
      },
    ]);
    expect(report[0]!.problems[0]).toMatchObject({
      key: 'IN_FOLLOW_UP_TRACK',
      params: { issuedOn: '2026-02-01' },
    });

    const { items } = await queue.list({
      state: 'OPEN',
      partnerDossierId: `${dossier}-1`,
      limit: 10,
      offset: 0,
    });
    expect(items.map((item) => item.refusal)).toEqual([refusal]);
    const other = await queue.list({ state: 'OPEN', partnerDossierId: `${dossier}-2`, limit: 10, offset: 0 });
    expect(other.items.map((item) => item.refusal)).toEqual([null]);
  });
});
