import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface ThrowawayDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database with a unique name next to the one `adminUrl` points at (tests, benchmarks).
 * `drop` disconnects whoever is still connected and removes it; calling it twice is harmless.
 */
export async function createThrowawayDatabase(
  adminUrl: string,
  prefix = 'inburgering_test',
): Promise<ThrowawayDatabase> {
  const name = uniqueDatabaseName(prefix);
  await withAdminClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      // WITH (FORCE) terminates the remaining connections first (PostgreSQL 13+).
      withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      ).then(() => undefined),
  };
}

function uniqueDatabaseName(prefix: string): string {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const suffix = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  // PostgreSQL truncates identifiers at 63 bytes; keep the unique suffix intact.
  return `${safePrefix.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}

async function withAdminClient<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
