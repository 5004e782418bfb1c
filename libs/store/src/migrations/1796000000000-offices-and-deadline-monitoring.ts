import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline monitoring (issue 9 §1). Offices are data: an agency's offices, and the one office each counsellor
 * belongs to (managers maintain both through `/offices`). Deadline rows get the day their obligation was fulfilled
 * (`fulfilled_on`: the met date, or the late fulfilment of a missed deadline, libs/domain deadline-outcome.ts), and
 * an index in the dashboard's order: agency first (a manager's scope), then the due date, with every column the
 * counts read, so that they are index-only scans. Existing rows are filled in here from the same facts the
 * projection reads; `npm run rebuild` writes the same values.
 */
export class OfficesAndDeadlineMonitoring1796000000000 implements MigrationInterface {
  name = 'OfficesAndDeadlineMonitoring1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE offices (
        office_id text NOT NULL,
        agency    text NOT NULL,
        name      text NOT NULL,
        CONSTRAINT offices_pkey PRIMARY KEY (office_id),
        CONSTRAINT offices_agency_name_key UNIQUE (agency, name)
      )`);
    await queryRunner.query(`CREATE INDEX offices_agency_idx ON offices (agency, office_id)`);
    await queryRunner.query(`
      CREATE TABLE counsellor_offices (
        counsellor_id text NOT NULL,
        office_id     text NOT NULL REFERENCES offices (office_id),
        CONSTRAINT counsellor_offices_pkey PRIMARY KEY (counsellor_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX counsellor_offices_office_idx ON counsellor_offices (office_id, counsellor_id)`,
    );

    await queryRunner.query(`ALTER TABLE deadlines ADD COLUMN fulfilled_on date`);
    await queryRunner.query(`UPDATE deadlines SET fulfilled_on = met_on WHERE state = 'MET'`);
    await queryRunner.query(`
      UPDATE deadlines deadline
         SET fulfilled_on = late.fulfilled_on
        FROM (
          SELECT deadline.trajectory_id, deadline.deadline_id,
                 CASE
                   WHEN deadline.kind IN ('VDAB_REGISTRATION', 'ACTIRIS_REGISTRATION') THEN summary.vdab_registered_on
                   WHEN deadline.kind = 'AGENCY_REGISTRATION' THEN summary.registered_on
                   WHEN deadline.kind = 'FOLLOW_UP_B1_ORAL'
                     THEN (folded.state -> 'followUp' ->> 'completedOn')::date
                 END AS fulfilled_on
            FROM deadlines deadline
            JOIN trajectory_summaries summary ON summary.trajectory_id = deadline.trajectory_id
            LEFT JOIN trajectory_states folded ON folded.stream_id = summary.stream_id
           WHERE deadline.state = 'MISSED'
        ) late
       WHERE deadline.trajectory_id = late.trajectory_id AND deadline.deadline_id = late.deadline_id
         AND late.fulfilled_on > deadline.due_on`);
    await queryRunner.query(`
      CREATE INDEX deadlines_monitoring_idx
          ON deadlines (agency, due_on, kind, state, fulfilled_on, counsellor_id, municipality)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX deadlines_monitoring_idx`);
    await queryRunner.query(`ALTER TABLE deadlines DROP COLUMN fulfilled_on`);
    await queryRunner.query(`DROP TABLE counsellor_offices`);
    await queryRunner.query(`DROP TABLE offices`);
  }
}
