import { MigrationInterface, QueryRunner } from 'typeorm';
import type { TrajectoryState } from '../../../domain/src';
import { trajectoryFactsOf } from '../../../domain/src/key-figures';

const COHORTS = [
  'contract_on',
  'first_nt2_course_on',
  'first_mo_test_on',
  'first_nt2_test_on',
  'attest_on',
  'registered_on',
];

/**
 * The key figures' read model: one row per trajectory with its milestones (issue 9 §2). Existing trajectories are
 * filled from their stored folded state with the domain's own mapping (`trajectoryFactsOf`), in batches, not by
 * SQL that would re-implement it; streams without a stored state are filled by `npm run rebuild`.
 */
export class CreateTrajectoryMilestones1796100000000 implements MigrationInterface {
  name = 'CreateTrajectoryMilestones1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE trajectory_milestones (
        trajectory_id                 text    NOT NULL,
        agency                        text    NOT NULL,
        municipality                  text    NOT NULL,
        counsellor_id                 text,
        status                        text    NOT NULL,
        registered_on                 date    NOT NULL,
        intake_on                     date,
        contract_on                   date,
        vdab_registered_on            date,
        vdab_within_two_months        boolean,
        first_nt2_course_on           date,
        days_intake_to_nt2_course     integer,
        days_registration_to_contract integer,
        first_mo_test_on              date,
        mo_test_attempts              integer NOT NULL,
        mo_passed_first_attempt       boolean,
        mo_passed                     boolean,
        first_nt2_test_on             date,
        nt2_test_attempts             integer NOT NULL,
        nt2_passed_first_attempt      boolean,
        nt2_passed                    boolean,
        attest_on                     date,
        days_registration_to_attest   integer,
        participation_required        boolean NOT NULL,
        participation_hours           numeric(7,2) NOT NULL,
        participation_completed       boolean NOT NULL,
        closed_on                     date,
        CONSTRAINT trajectory_milestones_pkey PRIMARY KEY (trajectory_id)
      )`);
    for (const cohort of COHORTS) {
      await queryRunner.query(
        `CREATE INDEX "trajectory_milestones_${cohort}_idx" ON trajectory_milestones (${cohort}, agency, municipality)`,
      );
    }
    await queryRunner.query(
      `CREATE INDEX "trajectory_milestones_open_idx" ON trajectory_milestones (agency, counsellor_id)
        WHERE closed_on IS NULL`,
    );
    // The workload figure counts commands per counsellor in a period: events are appended in time order, so a
    // block-range index on recorded_at selects a period's events cheaply.
    await queryRunner.query(`CREATE INDEX events_recorded_at_brin ON events USING brin (recorded_at)`);

    let after = '';
    for (;;) {
      const states = (await queryRunner.query(
        `SELECT stream_id, state FROM trajectory_states WHERE stream_id > $1 ORDER BY stream_id LIMIT 1000`,
        [after],
      )) as { stream_id: string; state: TrajectoryState }[];
      if (states.length === 0) break;
      const rows = states.map(({ state }) => trajectoryFactsOf(state));
      await queryRunner.query(
        `INSERT INTO trajectory_milestones
         SELECT * FROM jsonb_populate_recordset(NULL::trajectory_milestones, $1::jsonb)`,
        [JSON.stringify(rows.map(toColumns))],
      );
      after = states[states.length - 1].stream_id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX events_recorded_at_brin`);
    await queryRunner.query(`DROP TABLE trajectory_milestones`);
  }
}

function toColumns(facts: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(facts).map(([key, value]) => [
      key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
      value,
    ]),
  );
}
