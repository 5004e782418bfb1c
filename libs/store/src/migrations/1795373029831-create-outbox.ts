import { MigrationInterface, QueryRunner } from 'typeorm';

/** Messages for partners, written with the events that cause them (transactional outbox). */
export class CreateOutbox1795373029831 implements MigrationInterface {
  name = 'CreateOutbox1795373029831';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_messages (
        id            uuid        NOT NULL DEFAULT gen_random_uuid(),
        destination   text        NOT NULL,
        type          text        NOT NULL,
        payload       jsonb       NOT NULL,
        stream_id     text        NOT NULL,
        event_version integer     NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        sent_at       timestamptz,
        CONSTRAINT outbox_messages_pkey PRIMARY KEY (id),
        CONSTRAINT outbox_messages_cause_unique UNIQUE (stream_id, event_version, destination, type)
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_messages_pending_idx ON outbox_messages (destination, created_at) WHERE sent_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox_messages`);
  }
}
