import { Client } from 'pg';

/**
 * The database role the API and the worker connect as (created by the migration
 * 1796700000000-application-role-and-event-chain): it reads and writes the read models, only appends to the events
 * and the audit trail, and owns nothing, so it cannot alter a table or disable a trigger. Migrations, the rebuild
 * and the chain verification run as the schema owner (DATABASE_OWNER_URL).
 */
export const APPLICATION_ROLE = 'inburgering_app';

/**
 * The owner's URL with the application role as user (no password: for servers that trust local connections, as
 * the embedded defaults and the tests do). A deployment sets DATABASE_URL itself, with the role's password.
 */
export function applicationRoleUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = APPLICATION_ROLE;
  url.password = '';
  return url.toString();
}

/** Where migrations and owner-only commands connect: DATABASE_OWNER_URL, else DATABASE_URL (one-role setups). */
export function ownerUrlOf(environment: {
  DATABASE_URL?: string;
  DATABASE_OWNER_URL?: string;
}): string | undefined {
  return environment.DATABASE_OWNER_URL || environment.DATABASE_URL || undefined;
}

/**
 * For the embedded defaults (npm start, the tests): gives the application role the owner's password, when the
 * owner's URL has one (the embedded cluster authenticates with passwords; a server that trusts local connections
 * needs none), and answers the role's URL. A deployment manages the role's password itself.
 */
export async function prepareApplicationRole(ownerUrl: string): Promise<string> {
  const owner = new URL(ownerUrl);
  const url = new URL(applicationRoleUrl(ownerUrl));
  if (!owner.password) return url.toString();
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const password = decodeURIComponent(owner.password);
    await client.query(`ALTER ROLE ${APPLICATION_ROLE} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
  url.password = owner.password;
  return url.toString();
}
