import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadPolicyActions } from '../policy-plan/load-policy-actions';

/**
 * The policy plan's actions (issue 9 §5): their own event stream per action, in an append-only table beside the
 * event store (whose append folds every stream as a trajectory), and the folded state of each action as its row.
 * Loads the 151 actions of the 2016-2017 report from the checked-in data file (idempotent).
 */
export class CreatePolicyActions1796200000000 implements MigrationInterface {
  name = 'CreatePolicyActions1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE policy_action_events (
        position           bigint      GENERATED ALWAYS AS IDENTITY,
        action_number      text        NOT NULL,
        version            integer     NOT NULL,
        type               text        NOT NULL,
        data               jsonb       NOT NULL,
        actor              text        NOT NULL,
        actor_role         text        NOT NULL,
        actor_organisation text        NOT NULL,
        occurred_at        timestamptz NOT NULL,
        recorded_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT policy_action_events_pkey PRIMARY KEY (position),
        CONSTRAINT policy_action_events_version_unique UNIQUE (action_number, version)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION policy_action_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'policy_action_events is append-only: % refused', TG_OP;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER policy_action_events_append_only BEFORE UPDATE OR DELETE ON policy_action_events
         FOR EACH ROW EXECUTE FUNCTION policy_action_events_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER policy_action_events_no_truncate BEFORE TRUNCATE ON policy_action_events
         FOR EACH STATEMENT EXECUTE FUNCTION policy_action_events_refuse_change()`,
    );
    await queryRunner.query(`
      CREATE TABLE policy_actions (
        number             text        NOT NULL,
        sort_key           integer[]   NOT NULL,
        strategic_goal     integer     NOT NULL,
        operational_goal   text        NOT NULL,
        title              text        NOT NULL,
        minister           text        NOT NULL,
        portfolio          text        NOT NULL,
        status             text        NOT NULL,
        explanation        text,
        version            integer     NOT NULL,
        status_changed_at  timestamptz NOT NULL,
        CONSTRAINT policy_actions_pkey PRIMARY KEY (number),
        CONSTRAINT policy_actions_status_known CHECK (status IN
          ('NEW', 'IN_PROGRESS', 'DONE', 'EXTENDED', 'DELAYED', 'DROPPED', 'NOT_STARTED')),
        CONSTRAINT policy_actions_explanation_exactly_when_required CHECK
          ((status IN ('DELAYED', 'DROPPED', 'NOT_STARTED')) = (explanation IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX policy_actions_minister_idx ON policy_actions (minister, portfolio)`,
    );
    await queryRunner.query(`CREATE INDEX policy_actions_status_idx ON policy_actions (status)`);
    await loadPolicyActions((sql, parameters) => queryRunner.query(sql, parameters));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE policy_actions`);
    await queryRunner.query(`DROP TABLE policy_action_events`);
    await queryRunner.query(`DROP FUNCTION policy_action_events_refuse_change()`);
  }
}
