import { MigrationInterface, QueryRunner } from 'typeorm';

/** Incidents for operators: trajectories whose workflow is held by a failure until an operator retries it. */
export class CreateIncidents1795373031000 implements MigrationInterface {
  name = 'CreateIncidents1795373031000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE incidents (
        incident_id text NOT NULL,
        trajectory_id text NOT NULL,
        state text NOT NULL,
        command_type text NOT NULL,
        cause text NOT NULL,
        retries integer NOT NULL DEFAULT 0,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        resolved_at timestamptz,
        CONSTRAINT incidents_pkey PRIMARY KEY (incident_id),
        CONSTRAINT incidents_state_known CHECK (state IN ('OPEN', 'RESOLVED'))
      )`);
    await queryRunner.query(`CREATE INDEX incidents_state_opened_at_idx ON incidents (state, opened_at)`);
    await queryRunner.query(`CREATE INDEX incidents_trajectory_id_idx ON incidents (trajectory_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE incidents`);
  }
}
