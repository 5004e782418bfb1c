import { Client } from 'pg';
import { APPLICATION_ROLE, verifyEventChain } from '../../libs/store/src';
import { testEnvironment } from '../support/environment';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';

const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Issue 6 §4 (database): the API and the worker connect as the application role, which cannot change or delete an
 * event, empty the table, or disable or drop its triggers; the hash chain over each stream detects an event the
 * owner altered (after disabling the append-only trigger) or removed.
 */
describe('the application database role and the events hash chain', () => {
  let system: TestSystem;
  let application: Client;
  let trajectoryId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    application = new Client({ connectionString: testEnvironment().applicationDatabaseUrl });
    await application.connect();
    const opened = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ registeredOn: daysAgo(20) }))
      .expect(201);
    trajectoryId = opened.body.trajectoryId;
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(10) })
      .expect(200);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn: daysAgo(5) })
      .expect(200);
  }, 120_000);
  afterAll(async () => {
    await application?.end();
    await system?.close();
  });

  it('is the role the API and the worker connect as', async () => {
    const sessions = await system.database.query<Array<{ usename: string; application_name: string }>>(
      `SELECT DISTINCT usename, application_name FROM pg_stat_activity
        WHERE datname = current_database() AND application_name IN ('inburgering-api', 'inburgering-worker')`,
    );
    expect(sessions.map((session) => session.application_name)).toContain('inburgering-api');
    for (const session of sessions) expect(session.usename).toBe(APPLICATION_ROLE);
  });

  it.each([
    ['update an event', `UPDATE events SET type = 'Forged' WHERE stream_id = $1`],
    ['delete an event', `DELETE FROM events WHERE stream_id = $1`],
    ['empty the events', `TRUNCATE events`],
    ['disable the append-only trigger', `ALTER TABLE events DISABLE TRIGGER events_append_only`],
    ['drop the hash-chain trigger', `DROP TRIGGER events_chain ON events`],
    ['change the audit trail', `UPDATE personal_data_access SET purpose = 'forged'`],
    ['forget a migration', `DELETE FROM migrations`],
  ])('cannot %s', async (_what, sql) => {
    const parameters = sql.includes('$1') ? [trajectoryId] : [];
    await expect(application.query(sql, parameters)).rejects.toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
    const [{ count }] = await system.database.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM events WHERE stream_id = $1 AND type <> 'Forged'`,
      [trajectoryId],
    );
    expect(count).toBeGreaterThanOrEqual(3);
  });

  it('chains every appended event to the previous one of its stream, and verification finds an altered event', async () => {
    const intact = await verifyEventChain(system.database, trajectoryId);
    expect(intact.brokenLinks).toEqual([]);
    expect(intact.eventsChecked).toBeGreaterThanOrEqual(3);
    expect(intact.headDigest).toMatch(/^[0-9a-f]{64}$/);

    // Only the owner can do this, and only by switching the append-only trigger off first.
    const [{ version }] = await system.database.query<Array<{ version: number }>>(
      `SELECT version FROM events WHERE stream_id = $1 AND type = 'IntakeRecorded'`,
      [trajectoryId],
    );
    await system.database.transaction(async (owner) => {
      await owner.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      await owner.query(
        `UPDATE events SET data = jsonb_set(data, '{intakeOn}', '"2020-01-01"') WHERE stream_id = $1 AND version = $2`,
        [trajectoryId, version],
      );
      await owner.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
    });
    const altered = await verifyEventChain(system.database, trajectoryId);
    expect(altered.brokenLinks).toEqual([
      expect.objectContaining({ streamId: trajectoryId, version, problem: 'content or hash altered' }),
    ]);
    expect(altered.headDigest).toBe(intact.headDigest);

    // Recomputing the altered event's own hash moves the break to the next event.
    await system.database.transaction(async (owner) => {
      await owner.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      await owner.query(
        `UPDATE events e SET hash = event_chain_link(
           (SELECT hash FROM events p WHERE p.stream_id = e.stream_id AND p.version = e.version - 1), e)
          WHERE stream_id = $1 AND version = $2`,
        [trajectoryId, version],
      );
      await owner.query(`DELETE FROM events WHERE stream_id = $1 AND version = $2 + 1`, [
        trajectoryId,
        version,
      ]);
      await owner.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
    });
    const rewritten = await verifyEventChain(system.database, trajectoryId);
    expect(rewritten.brokenLinks).toEqual([
      expect.objectContaining({ version: version + 2, problem: 'version missing before this one' }),
    ]);
  });
});
