import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox relay claims one partner's due messages of one subscribed kind at a time (OutboxRelayStore), so its
 * index leads with the partner and the kind: pending messages nobody subscribed to are no longer read on every poll
 * (the index on the due time alone made an idle poll read all of them).
 */
export class OutboxClaimByKind1799200000000 implements MigrationInterface {
  name = 'OutboxClaimByKind1799200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX outbox_messages_due_by_kind_idx ON outbox_messages (destination, type, next_attempt_at, position)
         WHERE state = 'PENDING'`,
    );
    await queryRunner.query(`DROP INDEX outbox_messages_due_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at, position) WHERE state = 'PENDING'`,
    );
    await queryRunner.query(`DROP INDEX outbox_messages_due_by_kind_idx`);
  }
}
