import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letters with a diacritic and the letter a caseworker types for them (the keys compare without accents), and the
 * typographic apostrophe, a separator.
 */
const ACCENTED = 'àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłñńňòóôõöøōőřśşšţťùúûüūůűųýÿźżž’';
const PLAIN = 'aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorsssttuuuuuuuuyyzzz ';

/**
 * Issue 7 §3: the caseload search costs its page at a million persons, whatever the text. A caseworker types a
 * national number (exact, indexed since 1797600000001), the start of a family name, "family given" or "given
 * family". person_search_key normalises a name (lower case, no accents, separators as one space) and four partial
 * indexes hold each summary's key in both name orders, for open and for closed trajectories, in the C collation: a
 * prefix is a range of such an index, read in its order, so the search stops at its page however many persons match (a common given
 * name, two letters). The trigram index and the index in the old search's order (a substring anywhere in the name)
 * are dropped: with a million persons a common substring cost a scan of tens of thousands of rows.
 */
export class TrajectorySearchKeys1798400000000 implements MigrationInterface {
  name = 'TrajectorySearchKeys1798400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (ACCENTED.length !== PLAIN.length) throw new Error('the accent map is not one to one');
    // Evaluated for every row an index range returns (and for every summary written): the letters are translated
    // only in a name that has a non-ASCII one, and runs of separators become one space by replace, not a regular
    // expression (a few microseconds a name instead of some forty).
    await queryRunner.query(`
      CREATE FUNCTION person_search_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT btrim(replace(replace(replace(translate(
                 CASE WHEN octet_length(name) = length(name) THEN lower(name)
                      ELSE translate(lower(name), '${ACCENTED}', '${PLAIN}') END,
                 ',.''%_\\-', '       '), '   ', ' '), '  ', ' '), '  ', ' '))
      $$`);
    for (const [suffix, first, second] of [
      ['family', 'family_name', 'given_name'],
      ['given', 'given_name', 'family_name'],
    ]) {
      for (const [state, predicate] of [
        ['open', `status <> 'CLOSED'`],
        ['closed', `status = 'CLOSED'`],
      ]) {
        await queryRunner.query(
          `CREATE INDEX trajectory_summaries_search_${suffix}_${state}_idx ON trajectory_summaries
             ((person_search_key(${first} || ' ' || ${second})) COLLATE "C", trajectory_id) WHERE ${predicate}`,
        );
      }
    }
    await queryRunner.query(
      'DROP INDEX trajectory_summaries_name_trgm_idx, trajectory_summaries_search_order_idx',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_name_trgm_idx ON trajectory_summaries USING gin (
         (lower(given_name || ' ' || family_name)) gin_trgm_ops, (lower(family_name || ' ' || given_name)) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_search_order_idx
         ON trajectory_summaries ((status = 'CLOSED'), family_name, given_name, trajectory_id)`,
    );
    await queryRunner.query(
      `DROP INDEX trajectory_summaries_search_family_open_idx, trajectory_summaries_search_family_closed_idx,
         trajectory_summaries_search_given_open_idx, trajectory_summaries_search_given_closed_idx`,
    );
    await queryRunner.query('DROP FUNCTION person_search_key(text)');
  }
}
