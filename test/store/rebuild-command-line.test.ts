import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildWorkload } from '../../bench/trajectory-workload';
import { eventRows } from '../../libs/store/src';
import { useBulkLoadedDatabase } from './store-test-database';

/**
 * `npm run rebuild` as a real process (the TypeScript sources through swc, as jest runs them): the settings it
 * refuses before it connects, each named with its reason and exit code 2, and a whole rebuild of a database of its own
 * whose read models it fills from the events alone.
 */

const run = promisify(execFile);
const COMMAND = join(__dirname, '../../libs/store/src/rebuild.ts');
const TYPESCRIPT = join(__dirname, '../exchange/support/swc-register.js');

const TRAJECTORIES = 12;
const database = useBulkLoadedDatabase('inburgering_rebuild_command_test', () =>
  buildWorkload('rebuild-command', TRAJECTORIES, 2).trajectories.flatMap(({ appends }) =>
    appends.flatMap(eventRows),
  ),
);

/** The command's exit code and all it printed, with only these variables (and PATH) set. */
async function rebuildCommand(variables: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--require', TYPESCRIPT, COMMAND], {
      env: { PATH: process.env.PATH, LOG_FORMAT: 'json', ...variables },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

async function count(table: string): Promise<number> {
  const [{ rows }] = await database.dataSource.query<{ rows: number }[]>(
    `SELECT count(*)::int AS rows FROM ${table}`,
  );
  return rows;
}

describe('npm run rebuild', () => {
  it.each([
    ['REBUILD_WRITERS', '3', /REBUILD_WRITERS must be 1 \(one transaction\) or 2/],
    ['REBUILD_WRITERS', 'two', /REBUILD_WRITERS must be 1 \(one transaction\) or 2/],
    ['REBUILD_WORKERS', '-1', /REBUILD_WORKERS must be a whole number/],
    ['REBUILD_WORKERS', '1.5', /REBUILD_WORKERS must be a whole number/],
  ])('refuses %s=%s, naming it, before it touches the database', async (name, value, message) => {
    const { code, output } = await rebuildCommand({ DATABASE_URL: database.url, [name]: value });
    expect(code).toBe(2);
    expect(output).toMatch(message);
    expect(await count('trajectory_summaries')).toBe(0);
  });

  it('refuses to start without a database to rebuild', async () => {
    const { code, output } = await rebuildCommand({});
    expect(code).toBe(2);
    expect(output).toMatch(/DATABASE_OWNER_URL or DATABASE_URL is not set/);
  });

  it('rebuilds every read model of the database from its events and says how many', async () => {
    const [{ events }] = await database.dataSource.query<{ events: number }[]>(
      'SELECT count(*)::int AS events FROM events',
    );
    const { code, output } = await rebuildCommand({ DATABASE_URL: database.url, REBUILD_WRITERS: '2' });
    expect(code).toBe(0);
    expect(output).toContain(`Rebuilt the read models from ${events} events of ${TRAJECTORIES} streams`);
    expect(await count('trajectory_states')).toBe(TRAJECTORIES);
    expect(await count('trajectory_summaries')).toBe(TRAJECTORIES);
    expect(await count('key_figure_contributions')).toBeGreaterThan(0);
  });
});
