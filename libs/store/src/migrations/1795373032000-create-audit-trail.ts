import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of personal-data access (issue 6 §3): who (subject, role, organisation), which trajectories
 * (the person's case, by internal id), which resource, when, why (the purpose the caller gave) and the answer.
 * Append-only like the event store: UPDATE, DELETE and TRUNCATE are refused by triggers.
 */
export class CreateAuditTrail1795373032000 implements MigrationInterface {
  name = 'CreateAuditTrail1795373032000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE personal_data_access (
        id                 bigint      GENERATED ALWAYS AS IDENTITY,
        occurred_at        timestamptz NOT NULL DEFAULT now(),
        actor              text        NOT NULL,
        actor_role         text        NOT NULL,
        actor_organisation text        NOT NULL,
        action             text        NOT NULL,
        method             text        NOT NULL,
        resource           text        NOT NULL,
        trajectory_ids     text[]      NOT NULL DEFAULT '{}',
        purpose            text,
        outside_caseload   boolean     NOT NULL DEFAULT false,
        status             integer     NOT NULL,
        correlation_id     text,
        CONSTRAINT personal_data_access_pkey PRIMARY KEY (id)
      )`);
    await queryRunner.query(
      `CREATE INDEX personal_data_access_trajectories_idx ON personal_data_access USING gin (trajectory_ids)`,
    );
    await queryRunner.query(
      `CREATE INDEX personal_data_access_actor_idx ON personal_data_access (actor, occurred_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX personal_data_access_occurred_at_idx ON personal_data_access (occurred_at)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION personal_data_access_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % on personal_data_access is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER personal_data_access_append_only BEFORE UPDATE OR DELETE ON personal_data_access
         FOR EACH ROW EXECUTE FUNCTION personal_data_access_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER personal_data_access_no_truncate BEFORE TRUNCATE ON personal_data_access
         FOR EACH STATEMENT EXECUTE FUNCTION personal_data_access_refuse_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE personal_data_access`);
    await queryRunner.query(`DROP FUNCTION personal_data_access_refuse_change()`);
  }
}
