import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox relay (issue 8 §2): each outbox message gets a delivery state, its attempts and the time of the next
 * one, and a position that orders the messages of one partner and trajectory; partners subscribe to message kinds
 * at an endpoint (data, not code), with a reference to their signing secret (the secret itself is configuration).
 */
export class OutboxRelay1796400000000 implements MigrationInterface {
  name = 'OutboxRelay1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE outbox_messages
        ADD COLUMN position        bigint      GENERATED ALWAYS AS IDENTITY,
        ADD COLUMN state           text        NOT NULL DEFAULT 'PENDING',
        ADD COLUMN attempts        integer     NOT NULL DEFAULT 0,
        ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN last_attempt_at timestamptz,
        ADD COLUMN last_error      text,
        ADD COLUMN dead_at         timestamptz,
        ADD COLUMN replays         integer     NOT NULL DEFAULT 0,
        ADD CONSTRAINT outbox_messages_state_check CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD'))`);
    await queryRunner.query(`UPDATE outbox_messages SET state = 'DELIVERED' WHERE sent_at IS NOT NULL`);
    await queryRunner.query(`DROP INDEX outbox_messages_pending_idx`);
    // The relay's claim: due messages in order, and whether an earlier one of the same partner and trajectory
    // is still undelivered (pending or dead).
    await queryRunner.query(
      `CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at, position) WHERE state = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_messages_undelivered_idx ON outbox_messages (destination, stream_id, position)
         WHERE state <> 'DELIVERED'`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_messages_dead_idx ON outbox_messages (destination, dead_at) WHERE state = 'DEAD'`,
    );
    await queryRunner.query(`
      CREATE TABLE outbox_subscriptions (
        partner       text        NOT NULL,
        event_kinds   text[]      NOT NULL,
        endpoint_url  text        NOT NULL,
        secret_ref    text        NOT NULL,
        max_attempts  integer     NOT NULL,
        active        boolean     NOT NULL DEFAULT true,
        deliver_from  timestamptz NOT NULL DEFAULT now(),
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outbox_subscriptions_pkey PRIMARY KEY (partner),
        CONSTRAINT outbox_subscriptions_max_attempts_check CHECK (max_attempts BETWEEN 1 AND 100),
        CONSTRAINT outbox_subscriptions_kinds_check CHECK (cardinality(event_kinds) > 0)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox_subscriptions`);
    await queryRunner.query(`DROP INDEX outbox_messages_dead_idx`);
    await queryRunner.query(`DROP INDEX outbox_messages_undelivered_idx`);
    await queryRunner.query(`DROP INDEX outbox_messages_due_idx`);
    await queryRunner.query(`
      ALTER TABLE outbox_messages
        DROP CONSTRAINT outbox_messages_state_check,
        DROP COLUMN position, DROP COLUMN state, DROP COLUMN attempts, DROP COLUMN next_attempt_at,
        DROP COLUMN last_attempt_at, DROP COLUMN last_error, DROP COLUMN dead_at, DROP COLUMN replays`);
    await queryRunner.query(
      `CREATE INDEX outbox_messages_pending_idx ON outbox_messages (destination, created_at) WHERE sent_at IS NULL`,
    );
  }
}
