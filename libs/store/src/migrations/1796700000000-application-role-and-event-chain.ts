import { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from '../postgres/application-role';

/**
 * Issue 6 §4 (database). The API and the worker connect as APPLICATION_ROLE, which may read and write the read
 * models but only append to the legal records (events, the audit trail of personal-data access) and cannot alter a
 * table or its triggers (it owns none). The migrations keep running as the schema owner.
 *
 * Tamper evidence: every event carries `hash`, the SHA-256 of the previous event's hash in its stream followed by
 * the event's own content (event_chain_link), set by a trigger so that no writer can leave it out. Editing a stored
 * event (possible only for the owner, after disabling the append-only trigger) breaks the chain from that event on;
 * `npm run verify:events` finds it.
 */
export class ApplicationRoleAndEventChain1796700000000 implements MigrationInterface {
  name = 'ApplicationRoleAndEventChain1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Roles belong to the cluster, not the database: create it once, tolerating a concurrent migration of another
    // database of the same cluster (the test suite migrates several at once).
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN
          CREATE ROLE ${APPLICATION_ROLE} LOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END
      $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APPLICATION_ROLE}`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APPLICATION_ROLE}`,
    );
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APPLICATION_ROLE}`);
    // Tables and sequences later migrations create (as the same owner) get the same grants.
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APPLICATION_ROLE}`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APPLICATION_ROLE}`,
    );
    for (const appendOnly of ['events', 'personal_data_access']) {
      await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${appendOnly} FROM ${APPLICATION_ROLE}`);
    }
    await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ${APPLICATION_ROLE}`);

    await queryRunner.query(`ALTER TABLE events ADD COLUMN hash bytea`);
    await queryRunner.query(`
      CREATE FUNCTION event_chain_link(previous_hash bytea, event events) RETURNS bytea
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT sha256(coalesce(previous_hash, ''::bytea) || convert_to(
          concat_ws(E'\\x1f', event.stream_id, event.version::text, event.type, event.schema_version::text,
                    event.data::text, event.metadata::text,
                    to_char(event.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')),
          'UTF8'))
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.hash := event_chain_link(
          (SELECT hash FROM events WHERE stream_id = NEW.stream_id AND version = NEW.version - 1), NEW);
        RETURN NEW;
      END
      $$`);
    // Existing events, stream by stream in version order (a one-off; appends are chained by the trigger).
    await queryRunner.query(`
      DO $$
      DECLARE
        event events;
        previous_stream text;
        previous_hash bytea;
      BEGIN
        ALTER TABLE events DISABLE TRIGGER events_append_only;
        FOR event IN SELECT * FROM events ORDER BY stream_id, version LOOP
          IF previous_stream IS DISTINCT FROM event.stream_id THEN
            previous_hash := NULL;
            previous_stream := event.stream_id;
          END IF;
          previous_hash := event_chain_link(previous_hash, event);
          UPDATE events SET hash = previous_hash WHERE position = event.position;
        END LOOP;
        ALTER TABLE events ENABLE TRIGGER events_append_only;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER events_chain BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_chain()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER events_chain ON events`);
    await queryRunner.query(`DROP FUNCTION events_chain()`);
    await queryRunner.query(`DROP FUNCTION event_chain_link(bytea, events)`);
    await queryRunner.query(`ALTER TABLE events DROP COLUMN hash`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APPLICATION_ROLE}`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APPLICATION_ROLE}`,
    );
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APPLICATION_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APPLICATION_ROLE}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ${APPLICATION_ROLE}`);
  }
}
