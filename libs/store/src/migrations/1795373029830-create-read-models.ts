import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models projected from the events in the append's transaction; rebuildable from the event store. */
export class CreateReadModels1795373029830 implements MigrationInterface {
  name = 'CreateReadModels1795373029830';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE trajectory_summaries (
        trajectory_id         text        NOT NULL,
        stream_id             text        NOT NULL,
        national_number       text        NOT NULL,
        given_name            text        NOT NULL,
        family_name           text        NOT NULL,
        birth_date            date        NOT NULL,
        municipality          text        NOT NULL,
        agency                text        NOT NULL,
        counsellor_id         text,
        status                text        NOT NULL,
        phase                 text        NOT NULL,
        registered_on         date        NOT NULL,
        intake_on             date,
        contract_signed_on    date,
        policy_version        text,
        vdab_registered_on    date,
        vdab_client_reference text,
        closed_on             date,
        closure_reason        text,
        closure_explanation   text,
        version               integer     NOT NULL,
        updated_at            timestamptz NOT NULL,
        CONSTRAINT trajectory_summaries_pkey PRIMARY KEY (trajectory_id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX trajectory_summaries_stream_id_key ON trajectory_summaries (stream_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_open_national_number_idx ON trajectory_summaries (national_number) WHERE status = 'OPEN'`,
    );
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_agency_status_idx ON trajectory_summaries (agency, status)`,
    );

    await queryRunner.query(`
      CREATE TABLE deadlines (
        trajectory_id  text NOT NULL,
        deadline_id    text NOT NULL,
        kind           text NOT NULL,
        due_on         date NOT NULL,
        state          text NOT NULL,
        met_on         date,
        anchor         text NOT NULL,
        anchor_on      date NOT NULL,
        policy_version text NOT NULL,
        source         text NOT NULL,
        agency         text NOT NULL,
        counsellor_id  text,
        municipality   text NOT NULL,
        CONSTRAINT deadlines_pkey PRIMARY KEY (trajectory_id, deadline_id)
      )`);
    await queryRunner.query(`CREATE INDEX deadlines_due_on_idx ON deadlines (due_on, deadline_id)`);
    await queryRunner.query(
      `CREATE INDEX deadlines_state_due_on_idx ON deadlines (state, due_on, deadline_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX deadlines_agency_state_due_on_idx ON deadlines (agency, state, due_on)`,
    );
    await queryRunner.query(
      `CREATE INDEX deadlines_counsellor_due_on_idx ON deadlines (counsellor_id, due_on) WHERE counsellor_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX deadlines_municipality_due_on_idx ON deadlines (municipality, due_on)`,
    );

    await queryRunner.query(`
      CREATE TABLE violations (
        trajectory_id text        NOT NULL,
        violation_id  text        NOT NULL,
        kind          text        NOT NULL,
        deadline_id   text,
        facts         text        NOT NULL,
        state         text        NOT NULL,
        opened_at     timestamptz NOT NULL,
        CONSTRAINT violations_pkey PRIMARY KEY (trajectory_id, violation_id)
      )`);
    await queryRunner.query(`CREATE INDEX violations_state_opened_at_idx ON violations (state, opened_at)`);

    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name       text        NOT NULL,
        position   bigint      NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT projection_checkpoints_pkey PRIMARY KEY (name)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE projection_checkpoints`);
    await queryRunner.query(`DROP TABLE violations`);
    await queryRunner.query(`DROP TABLE deadlines`);
    await queryRunner.query(`DROP TABLE trajectory_summaries`);
  }
}
