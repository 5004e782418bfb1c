import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline monitoring pre-aggregated (issue 9, speed). `deadline_contributions`: what each deadline adds to the
 * counts (a read model, mapped from the folded state); `deadline_counts`: their sums per group, kept by the append
 * (new minus previous contributions, in its transaction) and recomputed by a rebuild. The group may hold nulls (no
 * counsellor; no due month for fulfilled deadlines), hence NULLS NOT DISTINCT. Existing stores are filled by
 * `npm run rebuild` (the contributions are a mapping of the folded state, which SQL here would copy).
 */
export class DeadlineCounts1797500000000 implements MigrationInterface {
  name = 'DeadlineCounts1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deadline_contributions (
        trajectory_id       text NOT NULL,
        deadline_id         text NOT NULL,
        agency              text NOT NULL,
        counsellor_id       text,
        municipality        text NOT NULL,
        kind                text NOT NULL,
        due_month           date,
        fulfilled_on_time   integer NOT NULL,
        fulfilled_late      integer NOT NULL,
        running_unfulfilled integer NOT NULL,
        CONSTRAINT deadline_contributions_pkey PRIMARY KEY (trajectory_id, deadline_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE deadline_counts (
        agency              text NOT NULL,
        counsellor_id       text,
        municipality        text NOT NULL,
        kind                text NOT NULL,
        due_month           date,
        fulfilled_on_time   bigint NOT NULL,
        fulfilled_late      bigint NOT NULL,
        running_unfulfilled bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX deadline_counts_group_key
          ON deadline_counts (agency, due_month, counsellor_id, municipality, kind) NULLS NOT DISTINCT`);
    await queryRunner.query(`
      CREATE INDEX deadlines_agency_fulfilled_on_idx
          ON deadlines (agency, fulfilled_on) WHERE fulfilled_on IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX deadlines_agency_fulfilled_on_idx`);
    await queryRunner.query(`DROP TABLE deadline_counts`);
    await queryRunner.query(`DROP TABLE deadline_contributions`);
  }
}
