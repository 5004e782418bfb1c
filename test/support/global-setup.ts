import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleTrajectoryWorkflows } from '../../apps/worker/src/workflow-bundle';
import { EmbeddedIdentityProvider, startEmbeddedIdentityProvider } from '../../libs/identity/src';
import {
  createThrowawayDatabase,
  prepareApplicationRole,
  runMigrations,
  startEmbeddedPostgres,
} from '../../libs/store/src/postgres';
import { startTemporalDevServer, TemporalDevServer } from '../../scripts/temporal/dev-server';
import { findOrBuildTemporalCli, formatDuration } from '../../scripts/temporal/temporal-cli';
import { TEST_ENVIRONMENT_MARKER } from './environment';

/**
 * Jest global setup of the `integration` project: one in-memory Temporal dev server and one throwaway, migrated
 * PostgreSQL database for the whole run, announced to the test workers through the environment
 * (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, DATABASE_URL). PostgreSQL is the one DATABASE_URL points at (as admin URL)
 * or else an embedded one in a temporary directory. global-teardown.ts stops and drops everything.
 */
export interface IntegrationInfrastructure {
  temporal?: TemporalDevServer;
  identity?: EmbeddedIdentityProvider;
  database?: { url: string; drop(): Promise<void> };
  embeddedPostgres?: { stop(): Promise<void> };
  postgresDataDir?: string;
  workflowBundleDir?: string;
}

export const INFRASTRUCTURE_KEY = '__inburgeringIntegrationInfrastructure';

type GlobalWithInfrastructure = typeof globalThis & { [INFRASTRUCTURE_KEY]?: IntegrationInfrastructure };

const log = (message: string) => process.stdout.write(`[global-setup] ${message}\n`);

export default async function globalSetup(): Promise<void> {
  const infrastructure: IntegrationInfrastructure = {};
  (globalThis as GlobalWithInfrastructure)[INFRASTRUCTURE_KEY] = infrastructure;
  process.stdout.write('\n');

  const [temporal, postgres, identity, bundle] = await Promise.allSettled([
    startTemporal(infrastructure),
    startPostgres(infrastructure),
    startIdentityProvider(infrastructure),
    bundleWorkflows(infrastructure),
  ]);
  if (
    temporal.status === 'rejected' ||
    postgres.status === 'rejected' ||
    identity.status === 'rejected' ||
    bundle.status === 'rejected'
  ) {
    // Jest does not run the global teardown when the setup fails: clean up what did start.
    await stopInfrastructure(infrastructure);
    const reasons = [temporal, postgres, identity, bundle].flatMap((result) =>
      result.status === 'rejected' ? [result.reason] : [],
    );
    throw reasons.length === 1
      ? reasons[0]
      : new AggregateError(reasons, reasons.map((r) => r.message).join('\n'));
  }

  process.env.TEST_WORKFLOW_BUNDLE_PATH = bundle.value;
  // The blocks of test identities the run's test files take (unique-identities.ts); removed with the bundle.
  process.env.TEST_IDENTITY_BLOCKS_DIR = join(dirname(bundle.value), 'identity-blocks');
  await mkdir(process.env.TEST_IDENTITY_BLOCKS_DIR);
  process.env.TEMPORAL_ADDRESS = temporal.value.address;
  process.env.TEMPORAL_NAMESPACE = temporal.value.namespace;
  // The API and the workers the tests start connect as the application role, as in production; the tests
  // themselves (testEnvironment().databaseUrl) as the owner, to arrange and inspect what the application may not.
  process.env.DATABASE_OWNER_URL = postgres.value;
  process.env.DATABASE_URL = await prepareApplicationRole(postgres.value);
  process.env.OIDC_ISSUER = identity.value.issuer;
  process.env.OIDC_AUDIENCE = identity.value.audience;
  // A fresh payload-codec key per run: Temporal's histories hold only ciphertext.
  process.env.TEMPORAL_PAYLOAD_KEYS ||= `test-${Date.now()}:${randomBytes(32).toString('base64')}`;
  // The suite sends thousands of requests as one identity (the fuzzer); test/api/http-hardening.test.ts sets a limit.
  process.env.RATE_LIMIT_PER_MINUTE = '0';
  process.env[TEST_ENVIRONMENT_MARKER] = '1';
}

async function startTemporal(infrastructure: IntegrationInfrastructure): Promise<TemporalDevServer> {
  const cliLookup = Date.now();
  const cliPath = await findOrBuildTemporalCli({ log });
  const lookupMs = Date.now() - cliLookup;
  const started = Date.now();
  const server = await startTemporalDevServer({ cliPath, namespace: 'default' });
  infrastructure.temporal = server;
  log(
    `Temporal dev server (in-memory) at ${server.address} started in ${formatDuration(Date.now() - started)}` +
      (lookupMs > 1000 ? ` (finding/building the CLI took ${formatDuration(lookupMs)})` : ''),
  );
  return server;
}

/**
 * The workflows bundled once for the whole run (webpack: 3-4 s of CPU a time), in a file every test file's workers
 * load (test/support/system.ts workflowBundle()).
 */
async function bundleWorkflows(infrastructure: IntegrationInfrastructure): Promise<string> {
  const started = Date.now();
  infrastructure.workflowBundleDir = await mkdtemp(join(tmpdir(), 'inburgering-test-bundle-'));
  const path = join(infrastructure.workflowBundleDir, 'workflows.js');
  await writeFile(path, (await bundleTrajectoryWorkflows()).code);
  log(`workflows bundled in ${formatDuration(Date.now() - started)}`);
  return path;
}

/** The embedded OpenID provider: every token the tests use is obtained from it over HTTP. */
async function startIdentityProvider(
  infrastructure: IntegrationInfrastructure,
): Promise<EmbeddedIdentityProvider> {
  const identity = await startEmbeddedIdentityProvider({ testClients: true });
  infrastructure.identity = identity;
  log(`OpenID provider (embedded) at ${identity.issuer}`);
  return identity;
}

async function startPostgres(infrastructure: IntegrationInfrastructure): Promise<string> {
  const started = Date.now();
  let adminUrl = process.env.DATABASE_URL;
  let origin = 'DATABASE_URL';
  if (!adminUrl) {
    await removeAbandonedClusters();
    infrastructure.postgresDataDir = await mkdtemp(join(tmpdir(), CLUSTER_DIR_PREFIX));
    const embedded = await startEmbeddedPostgres({
      dataDir: infrastructure.postgresDataDir,
      // A throwaway cluster: durability buys nothing here, speed does.
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    });
    infrastructure.embeddedPostgres = embedded;
    adminUrl = embedded.adminUrl;
    origin = 'embedded';
  }
  const serverReadyMs = Date.now() - started;
  const database = await createThrowawayDatabase(adminUrl, 'inburgering_test');
  infrastructure.database = database;
  const migrations = await runMigrations(database.url);
  log(
    `PostgreSQL (${origin}${origin === 'embedded' ? `, up in ${formatDuration(serverReadyMs)}` : ''}) throwaway database ` +
      `${new URL(database.url).pathname.slice(1)} with ${migrations.length} migration(s) ready in ${formatDuration(Date.now() - started)}`,
  );
  return database.url;
}

const CLUSTER_DIR_PREFIX = 'inburgering-test-pg-';

/**
 * A run that was killed (no teardown) leaves its cluster directory in the temp dir. Remove those that are old and
 * whose postmaster is not running; a live or recent one may belong to a run going on right now.
 */
async function removeAbandonedClusters(): Promise<void> {
  const entries = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const entry of entries.filter((name) => name.startsWith(CLUSTER_DIR_PREFIX))) {
    const dir = join(tmpdir(), entry);
    try {
      const info = await stat(dir);
      if (!info.isDirectory() || Date.now() - info.mtimeMs < 6 * 3_600_000) continue;
      const postmasterPid = Number(
        (await readFile(join(dir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0],
      );
      if (postmasterPid > 0 && isAlive(postmasterPid)) continue;
      await rm(dir, { recursive: true, force: true });
    } catch {
      // not ours to worry about
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops and removes whatever started, in reverse order; errors are collected, not short-circuited. */
export async function stopInfrastructure(
  infrastructure: IntegrationInfrastructure | undefined,
): Promise<void> {
  if (!infrastructure) return;
  const errors: unknown[] = [];
  const attempt = async (what: string, step: () => Promise<unknown>) => {
    try {
      await step();
    } catch (error) {
      errors.push(new Error(`${what}: ${(error as Error).message}`));
    }
  };
  await Promise.all([
    infrastructure.temporal && attempt('stopping Temporal', () => infrastructure.temporal!.stop()),
    infrastructure.identity &&
      attempt('stopping the OpenID provider', () => infrastructure.identity!.close()),
    (async () => {
      if (infrastructure.database)
        await attempt('dropping the test database', () => infrastructure.database!.drop());
      if (infrastructure.embeddedPostgres)
        await attempt('stopping PostgreSQL', () => infrastructure.embeddedPostgres!.stop());
      if (infrastructure.workflowBundleDir)
        await rm(infrastructure.workflowBundleDir, { recursive: true, force: true });
      if (infrastructure.postgresDataDir) {
        await attempt('removing the PostgreSQL data directory', () =>
          rm(infrastructure.postgresDataDir!, { recursive: true, force: true }),
        );
      }
    })(),
  ]);
  delete infrastructure.temporal;
  delete infrastructure.identity;
  delete infrastructure.database;
  delete infrastructure.embeddedPostgres;
  delete infrastructure.postgresDataDir;
  if (errors.length) throw new AggregateError(errors, errors.map((e) => (e as Error).message).join('\n'));
}

export function currentInfrastructure(): IntegrationInfrastructure | undefined {
  return (globalThis as GlobalWithInfrastructure)[INFRASTRUCTURE_KEY];
}
