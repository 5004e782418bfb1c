import { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIVE = `status <> 'CLOSED'`;
const CASELOAD_ORDER = 'attention_rank, next_deadline_due_on, registered_on, trajectory_id';
const QUEUE_ORDER = 'state, opened_at, violation_id';

/**
 * One fold: the domain's folded state of each stream is stored with its events (`trajectory_states`), and the read
 * models are mappings of it. The lists sort and filter on columns those mappings write (the caseload's next due
 * date, counts and attention rank; the violation queue's agency and municipality), behind indexes in each list's
 * order. Existing rows are filled in here; `trajectory_states` fills itself on a stream's next append, or at once
 * with `npm run rebuild`.
 */
export class OneFoldAndListColumns1795373033000 implements MigrationInterface {
  name = 'OneFoldAndListColumns1795373033000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE trajectory_states (
        stream_id        text        NOT NULL,
        version          integer     NOT NULL,
        last_occurred_at timestamptz NOT NULL,
        state            jsonb       NOT NULL,
        CONSTRAINT trajectory_states_pkey PRIMARY KEY (stream_id)
      )`);

    await queryRunner.query(`
      ALTER TABLE trajectory_summaries
        ADD COLUMN next_deadline_id     text,
        ADD COLUMN next_deadline_kind   text,
        ADD COLUMN next_deadline_due_on date,
        ADD COLUMN missed_deadlines     integer  NOT NULL DEFAULT 0,
        ADD COLUMN open_violations      integer  NOT NULL DEFAULT 0,
        ADD COLUMN attention_rank       smallint NOT NULL DEFAULT 2`);
    await queryRunner.query(`
      UPDATE trajectory_summaries summary
         SET next_deadline_id = next.deadline_id, next_deadline_kind = next.kind, next_deadline_due_on = next.due_on,
             missed_deadlines = counts.missed, open_violations = counts.open_violations,
             attention_rank = CASE WHEN counts.open_violations > 0 THEN 0 WHEN counts.missed > 0 THEN 1 ELSE 2 END
        FROM trajectory_summaries original
        LEFT JOIN LATERAL (
          SELECT deadline.deadline_id, deadline.kind, deadline.due_on FROM deadlines deadline
           WHERE deadline.trajectory_id = original.trajectory_id AND deadline.state = 'OPEN'
           ORDER BY deadline.due_on, deadline.deadline_id LIMIT 1
        ) next ON true
        CROSS JOIN LATERAL (
          SELECT (SELECT count(*) FROM deadlines deadline
                   WHERE deadline.trajectory_id = original.trajectory_id AND deadline.state = 'MISSED') AS missed,
                 (SELECT count(*) FROM violations violation
                   WHERE violation.trajectory_id = original.trajectory_id AND violation.state = 'OPEN') AS open_violations
        ) counts
       WHERE summary.trajectory_id = original.trajectory_id`);
    for (const column of ['missed_deadlines', 'open_violations', 'attention_rank']) {
      await queryRunner.query(`ALTER TABLE trajectory_summaries ALTER COLUMN ${column} DROP DEFAULT`);
    }
    await queryRunner.query(`DROP INDEX trajectory_summaries_active_counsellor_idx`);
    for (const filter of ['agency', 'counsellor', 'municipality']) {
      const column = filter === 'counsellor' ? 'counsellor_id' : filter;
      await queryRunner.query(
        `CREATE INDEX trajectory_summaries_caseload_${filter}_idx
           ON trajectory_summaries (${column}, ${CASELOAD_ORDER}) WHERE ${ACTIVE}`,
      );
    }

    await queryRunner.query(`
      ALTER TABLE violations
        ADD COLUMN agency        text,
        ADD COLUMN counsellor_id text,
        ADD COLUMN municipality  text`);
    await queryRunner.query(`
      UPDATE violations violation
         SET agency = summary.agency, counsellor_id = summary.counsellor_id, municipality = summary.municipality
        FROM trajectory_summaries summary
       WHERE summary.trajectory_id = violation.trajectory_id`);
    await queryRunner.query(`
      ALTER TABLE violations
        ALTER COLUMN agency SET NOT NULL,
        ALTER COLUMN municipality SET NOT NULL`);
    await queryRunner.query(`DROP INDEX violations_state_opened_at_idx`);
    await queryRunner.query(`CREATE INDEX violations_queue_idx ON violations (${QUEUE_ORDER})`);
    await queryRunner.query(`CREATE INDEX violations_opened_at_idx ON violations (opened_at, violation_id)`);
    for (const column of ['agency', 'municipality', 'kind']) {
      await queryRunner.query(
        `CREATE INDEX violations_${column}_queue_idx ON violations (${column}, ${QUEUE_ORDER})`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['agency', 'municipality', 'kind']) {
      await queryRunner.query(`DROP INDEX violations_${column}_queue_idx`);
    }
    await queryRunner.query(`DROP INDEX violations_opened_at_idx`);
    await queryRunner.query(`DROP INDEX violations_queue_idx`);
    await queryRunner.query(`CREATE INDEX violations_state_opened_at_idx ON violations (state, opened_at)`);
    await queryRunner.query(`
      ALTER TABLE violations DROP COLUMN municipality, DROP COLUMN counsellor_id, DROP COLUMN agency`);
    for (const filter of ['agency', 'counsellor', 'municipality']) {
      await queryRunner.query(`DROP INDEX trajectory_summaries_caseload_${filter}_idx`);
    }
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_active_counsellor_idx ON trajectory_summaries (counsellor_id) WHERE ${ACTIVE}`,
    );
    await queryRunner.query(`
      ALTER TABLE trajectory_summaries
        DROP COLUMN attention_rank,
        DROP COLUMN open_violations,
        DROP COLUMN missed_deadlines,
        DROP COLUMN next_deadline_due_on,
        DROP COLUMN next_deadline_kind,
        DROP COLUMN next_deadline_id`);
    await queryRunner.query(`DROP TABLE trajectory_states`);
  }
}
