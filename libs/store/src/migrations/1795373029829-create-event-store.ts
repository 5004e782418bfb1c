import { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only event store: the legal record of every trajectory. */
export class CreateEventStore1795373029829 implements MigrationInterface {
  name = 'CreateEventStore1795373029829';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        position       bigserial   NOT NULL,
        stream_id      text        NOT NULL,
        version        integer     NOT NULL,
        type           text        NOT NULL,
        schema_version integer     NOT NULL,
        data           jsonb       NOT NULL,
        metadata       jsonb       NOT NULL,
        occurred_at    timestamptz NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_pkey PRIMARY KEY (position),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, version),
        CONSTRAINT events_version_positive CHECK (version > 0),
        CONSTRAINT events_schema_version_positive CHECK (schema_version > 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX events_stream_idempotency_key_idx ON events (stream_id, (metadata->>'idempotencyKey'))`,
    );
    // A wrong fact is corrected by a later event, never by editing the record.
    await queryRunner.query(`
      CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the event store is append-only: % on events is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'record a correcting event instead';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
         FOR EACH ROW EXECUTE FUNCTION events_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
         FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE events`);
    await queryRunner.query(`DROP FUNCTION events_refuse_change()`);
  }
}
