import { DataSource } from 'typeorm';
import { simulatedNameSql } from '../libs/domain/src/simulation';
import { createDataSource } from '../libs/store/src';
import { formatSeconds, log } from './measure';

/**
 * For a read-path store grown before the simulated names were varied (10 given and 8 family names): gives every
 * person the name the copies now get (the simulated year's generator keyed by the national number, as
 * clone-trajectories does), in place, instead of growing the store again (about 50 minutes). Updates the
 * summaries only, in batches by national number that each commit: the lists and the search read names there. The
 * events and stored states keep the old names, so a rebuild of the read models brings those back.
 *
 *   BENCH_READS_DATABASE_URL=postgres://postgres@127.0.0.1:5432/reads npm run build && \
 *     node dist/bench/rename-simulated-persons.js
 */
async function main(): Promise<void> {
  const url = process.env.BENCH_READS_DATABASE_URL;
  if (!url) throw new Error('BENCH_READS_DATABASE_URL names the store to rename');
  const dataSource: DataSource = await createDataSource(url, { poolSize: 1 }).initialize();
  try {
    const started = performance.now();
    let renamed = 0;
    for (const prefix of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
      const [, count] = await dataSource.query<[unknown, number]>(
        `UPDATE trajectory_summaries summary
            SET given_name = named.name[1], family_name = named.name[2]
           FROM (SELECT trajectory_id, ${simulatedNameSql('national_number::bigint % 2147483648')} AS name
                   FROM trajectory_summaries WHERE national_number LIKE $1) named
          WHERE summary.trajectory_id = named.trajectory_id`,
        [`${prefix}%`],
      );
      renamed += count;
      log(
        `national numbers ${prefix}…: ${renamed} persons renamed (${formatSeconds(performance.now() - started)})`,
      );
    }
    await dataSource.query('VACUUM ANALYZE trajectory_summaries');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
