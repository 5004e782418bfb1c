import { RegistrationLinkStore } from '../../libs/store/src';
import {
  BulkRegistrationLinker,
  RegistrationLinkRequest,
  SetAppender,
} from '../../apps/worker/src/activities/bulk-registration-linker';
import { useStoreTestDatabase } from '../store/store-test-database';
import { SCENARIO_NOW, trajectoryScenarios } from '../store/trajectory-fixtures';

/** Issue 8 §1: registrations linked as a set, straight into the event store, with the workflow's own rules. */
describe('linking a batch of registrations as a set', () => {
  const database = useStoreTestDatabase();
  const { contractSigned } = trajectoryScenarios(database);
  const noWorkflow = {
    link: () => Promise.reject(new Error('this batch needs no trajectory workflow')),
  };
  const linker = (appender: SetAppender = database.store) =>
    new BulkRegistrationLinker(
      new RegistrationLinkStore(database.dataSource),
      appender,
      noWorkflow as never,
      () => SCENARIO_NOW,
    );
  const row = (
    nationalNumber: string,
    trajectoryId: string | undefined,
    key: string,
    partnerDossierId = 'VDAB-1',
  ): RegistrationLinkRequest => ({
    registration: {
      partner: 'VDAB',
      nationalNumber,
      trajectoryId: null,
      registeredOn: '2026-03-01',
      office: 'VDAB Gent',
      partnerDossierId,
    },
    candidate: trajectoryId
      ? {
          trajectoryId,
          nationalNumber,
          agency: 'AGII',
          status: 'OPEN',
          vdabRegisteredOn: null,
          vdabClientReference: null,
        }
      : undefined,
    context: { actor: 'partner:VDAB', idempotencyKey: key, correlationId: 'bulk-test' },
  });
  const eventsOf = (streamId: string) =>
    database.dataSource.query<{ type: string; metadata: Record<string, string> }[]>(
      `SELECT type, metadata FROM events WHERE stream_id = $1 ORDER BY version`,
      [streamId],
    );

  it('links, judges repeats and conflicts in file order, and writes events and read models in one go', async () => {
    const first = await contractSigned();
    const second = await contractSigned();
    const { nationalNumber } = first.newcomer;
    const key = `bulk-${first.trajectoryId}`;
    const requests = [
      row(nationalNumber, first.trajectoryId, `${key}:1`),
      row(nationalNumber, first.trajectoryId, `${key}:2`),
      row(nationalNumber, first.trajectoryId, `${key}:3`, 'VDAB-OTHER'),
      row(second.newcomer.nationalNumber, second.trajectoryId, `${key}:4`),
      row('00000000097', undefined, `${key}:5`),
    ];
    const results = await linker().linkAll(requests);
    expect(results.map((result) => [result.outcome, result.reason])).toEqual([
      ['LINKED', null],
      ['ALREADY_LINKED', null],
      ['CONFLICT', 'the trajectory already has another registration (different date or dossier id)'],
      ['LINKED', null],
      ['UNMATCHED', 'no open trajectory for this newcomer'],
    ]);
    expect(results[2]).toMatchObject({ candidate: { agency: 'AGII', vdabClientReference: 'VDAB-1' } });

    const linked = (await eventsOf(first.trajectoryId)).slice(first.state.version);
    expect(linked.map((event) => event.type).slice(0, 2)).toEqual([
      'VdabRegistrationRecorded',
      'DeadlineMet',
    ]);
    expect(linked[0].metadata).toMatchObject({
      actor: 'partner:VDAB',
      idempotencyKey: `${key}:1`,
      correlationId: 'bulk-test',
      commandType: 'RecordVdabRegistration',
    });
    const [summary] = await database.dataSource.query(
      `SELECT s.vdab_client_reference, s.vdab_registered_on, d.state AS deadline
         FROM trajectory_summaries s JOIN deadlines d ON d.trajectory_id = s.trajectory_id
        WHERE s.trajectory_id = $1 AND d.kind = 'VDAB_REGISTRATION'`,
      [first.trajectoryId],
    );
    expect(summary).toMatchObject({ vdab_client_reference: 'VDAB-1', deadline: 'MET' });

    // The batch again, as after a worker died before recording its outcomes: the same answers, nothing written.
    const again = await linker().linkAll(requests);
    expect(again.map((result) => result.outcome)).toEqual([
      'LINKED',
      'ALREADY_LINKED',
      'CONFLICT',
      'LINKED',
      'UNMATCHED',
    ]);
    expect(await eventsOf(first.trajectoryId)).toHaveLength(first.state.version + linked.length);
  });

  it('reads a trajectory again when its stream moved between the read and the append', async () => {
    const moved = await contractSigned();
    let raced = false;
    let sets = 0;
    const racing: SetAppender = {
      appendMany: async (requests, within) => {
        sets += 1;
        // The trajectory's workflow records another command just before the set is appended.
        if (!raced) {
          raced = true;
          await moved.run({ type: 'ReassignCounsellor', toCounsellorId: 'counsellor-2' });
        }
        return database.store.appendMany(requests, within);
      },
    };
    const [result] = await linker(racing).linkAll([
      row(moved.newcomer.nationalNumber, moved.trajectoryId, `bulk-moved-${moved.trajectoryId}`),
    ]);
    expect(result.outcome).toBe('LINKED');
    expect(sets).toBe(2);
    const types = (await eventsOf(moved.trajectoryId)).map((event) => event.type);
    expect(types.filter((type) => type === 'VdabRegistrationRecorded')).toHaveLength(1);
    expect(types.indexOf('CounsellorReassigned')).toBeLessThan(types.indexOf('VdabRegistrationRecorded'));
  });
});
