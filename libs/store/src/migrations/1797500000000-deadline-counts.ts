import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline monitoring pre-aggregated (issue 9, speed). `deadline_contributions`: what each deadline adds to the
 * counts (a read model, mapped from the folded state); `deadline_counts_by_counsellor` and `_by_municipality`: their
 * sums per group, kept by the append (new minus previous contributions, in its transaction) and recomputed by a
 * rebuild. A group may hold nulls (no counsellor; no due month for fulfilled deadlines), hence NULLS NOT DISTINCT.
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
        missed_unfulfilled  integer NOT NULL,
        running_unfulfilled integer NOT NULL,
        CONSTRAINT deadline_contributions_pkey PRIMARY KEY (trajectory_id, deadline_id)
      )`);
    for (const by of ['counsellor_id', 'municipality']) {
      await queryRunner.query(`
        CREATE TABLE deadline_counts_by_${by.replace('_id', '')} (
          agency              text NOT NULL,
          due_month           date,
          ${by}               text${by === 'municipality' ? ' NOT NULL' : ''},
          kind                text NOT NULL,
          fulfilled_on_time   bigint NOT NULL,
          fulfilled_late      bigint NOT NULL,
          missed_unfulfilled  bigint NOT NULL,
          running_unfulfilled bigint NOT NULL
        )`);
      await queryRunner.query(`
        CREATE UNIQUE INDEX deadline_counts_by_${by.replace('_id', '')}_key
            ON deadline_counts_by_${by.replace('_id', '')} (agency, due_month, ${by}, kind) NULLS NOT DISTINCT`);
    }
    // Existing rows, from the deadlines read model (the columns the contributions map are there, written by the
    // same fold); a rebuild writes the same values.
    await queryRunner.query(`
      INSERT INTO deadline_contributions
      SELECT trajectory_id, deadline_id, agency, counsellor_id, municipality, kind,
             CASE WHEN fulfilled_on IS NULL AND state <> 'MISSED' THEN date_trunc('month', due_on)::date END,
             COALESCE((fulfilled_on <= due_on)::int, 0), COALESCE((fulfilled_on > due_on)::int, 0),
             (fulfilled_on IS NULL AND state = 'MISSED')::int, (fulfilled_on IS NULL AND state <> 'MISSED')::int
        FROM deadlines
       WHERE fulfilled_on IS NOT NULL OR state IN ('OPEN', 'MET', 'MISSED')`);
    for (const by of ['counsellor_id', 'municipality']) {
      await queryRunner.query(`
        INSERT INTO deadline_counts_by_${by.replace('_id', '')}
        SELECT agency, due_month, ${by}, kind,
               sum(fulfilled_on_time), sum(fulfilled_late), sum(missed_unfulfilled), sum(running_unfulfilled)
          FROM deadline_contributions
         GROUP BY agency, due_month, ${by}, kind`);
    }
    await queryRunner.query(`
      CREATE INDEX deadlines_agency_fulfilled_on_idx
          ON deadlines (agency, fulfilled_on) WHERE fulfilled_on IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX deadlines_agency_missed_unfulfilled_idx
          ON deadlines (agency, due_on) INCLUDE (kind, counsellor_id, municipality)
       WHERE state = 'MISSED' AND fulfilled_on IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX deadlines_agency_missed_unfulfilled_idx`);
    await queryRunner.query(`DROP INDEX deadlines_agency_fulfilled_on_idx`);
    await queryRunner.query(`DROP TABLE deadline_counts_by_municipality`);
    await queryRunner.query(`DROP TABLE deadline_counts_by_counsellor`);
    await queryRunner.query(`DROP TABLE deadline_contributions`);
  }
}
