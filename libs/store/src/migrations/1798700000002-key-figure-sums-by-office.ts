import { MigrationInterface, QueryRunner } from 'typeorm';

const MEASURES = ['selected', 'known', 'matching_hundredths'];

/**
 * The key figures' sums per cohort month and office (the office its counsellor belongs to now), so that a breakdown
 * by office reads a few rows per office and month instead of every counsellor's (summed-read-models.ts `officeOf`:
 * kept by the append, recomputed by a rebuild). A counsellor placed in, moved to or taken out of an office takes
 * their sums along: the trigger on counsellor_offices moves the counsellor's sums per month (their row in
 * key_figure_sums_by_counsellor) from the previous office to the new one, in the same transaction, holding the
 * counsellor's office lock exclusively (the append holds it shared while it reads the office and adds to it), so
 * neither misses the other's change. Existing rows are summed from the contributions, as a rebuild sums them.
 */
export class KeyFigureSumsByOffice1798700000002 implements MigrationInterface {
  name = 'KeyFigureSumsByOffice1798700000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE key_figure_sums_by_office (
        cohort_month        date NOT NULL,
        agency              text NOT NULL,
        office_id           text,
        figure_id           text NOT NULL,
        value               integer,
        selected            bigint NOT NULL,
        known               bigint NOT NULL,
        matching_hundredths bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX key_figure_sums_by_office_key
          ON key_figure_sums_by_office (cohort_month, agency, office_id, figure_id, value) NULLS NOT DISTINCT`);
    await queryRunner.query(`
      INSERT INTO key_figure_sums_by_office
      SELECT c.cohort_month, c.agency, member.office_id, c.figure_id, c.value,
             ${MEASURES.map((measure) => `sum(c.${measure})`).join(', ')}
        FROM key_figure_contributions c
        LEFT JOIN counsellor_offices member ON member.counsellor_id = c.counsellor_id
       GROUP BY c.cohort_month, c.agency, member.office_id, c.figure_id, c.value
      HAVING ${MEASURES.map((measure) => `sum(c.${measure}) <> 0`).join(' OR ')}`);
    await queryRunner.query(`
      CREATE INDEX key_figure_sums_by_counsellor_counsellor_idx ON key_figure_sums_by_counsellor (counsellor_id)`);
    await queryRunner.query(`
      CREATE FUNCTION key_figure_sums_follow_office(counsellor text, from_office text, to_office text)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF counsellor IS NULL OR from_office IS NOT DISTINCT FROM to_office THEN RETURN; END IF;
        PERFORM pg_advisory_xact_lock(hashtext('counsellor-office:' || counsellor));
        INSERT INTO key_figure_sums_by_office AS total
               (cohort_month, agency, office_id, figure_id, value, ${MEASURES.join(', ')})
        SELECT s.cohort_month, s.agency, moved.office_id, s.figure_id, s.value,
               ${MEASURES.map((measure) => `sum(moved.sign * s.${measure})`).join(', ')}
          FROM key_figure_sums_by_counsellor s
         CROSS JOIN (VALUES (from_office, -1), (to_office, 1)) AS moved(office_id, sign)
         WHERE s.counsellor_id = counsellor
         GROUP BY s.cohort_month, s.agency, moved.office_id, s.figure_id, s.value
         ORDER BY s.cohort_month, s.agency, moved.office_id, s.figure_id, s.value
        ON CONFLICT (cohort_month, agency, office_id, figure_id, value) DO UPDATE
           SET ${MEASURES.map((measure) => `${measure} = total.${measure} + EXCLUDED.${measure}`).join(', ')};
        DELETE FROM key_figure_sums_by_office
         WHERE office_id IS NOT DISTINCT FROM from_office
           AND ${MEASURES.map((measure) => `${measure} = 0`).join(' AND ')};
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION key_figure_sums_on_office_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM key_figure_sums_follow_office(NEW.counsellor_id, NULL, NEW.office_id);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM key_figure_sums_follow_office(OLD.counsellor_id, OLD.office_id, NULL);
        ELSIF OLD.counsellor_id IS DISTINCT FROM NEW.counsellor_id THEN
          PERFORM key_figure_sums_follow_office(OLD.counsellor_id, OLD.office_id, NULL);
          PERFORM key_figure_sums_follow_office(NEW.counsellor_id, NULL, NEW.office_id);
        ELSE
          PERFORM key_figure_sums_follow_office(NEW.counsellor_id, OLD.office_id, NEW.office_id);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER key_figure_sums_follow_office AFTER INSERT OR UPDATE OR DELETE ON counsellor_offices
         FOR EACH ROW EXECUTE FUNCTION key_figure_sums_on_office_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER key_figure_sums_follow_office ON counsellor_offices`);
    await queryRunner.query(`DROP FUNCTION key_figure_sums_on_office_change()`);
    await queryRunner.query(`DROP FUNCTION key_figure_sums_follow_office(text, text, text)`);
    await queryRunner.query(`DROP INDEX key_figure_sums_by_counsellor_counsellor_idx`);
    await queryRunner.query(`DROP TABLE key_figure_sums_by_office`);
  }
}
