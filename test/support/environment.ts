/**
 * What test/support/global-setup.ts provides to integration tests: a Temporal dev server and a throwaway,
 * migrated PostgreSQL database, announced through the environment of the jest workers.
 */
export interface TestEnvironment {
  /** host:port of the Temporal dev server's gRPC frontend. */
  temporalAddress: string;
  /** The throwaway database (already migrated) as its owner: for tests that arrange or inspect rows. */
  databaseUrl: string;
  /** The same database as the application role the API and the worker connect as. */
  applicationDatabaseUrl: string;
  namespace: string;
  /** The embedded OpenID provider's issuer URL. */
  oidcIssuer: string;
}

/** Set by the global setup; DATABASE_URL alone may be the user's own admin URL, so it proves nothing. */
export const TEST_ENVIRONMENT_MARKER = 'INBURGERING_TEST_ENVIRONMENT';

export function testEnvironment(env: NodeJS.ProcessEnv = process.env): TestEnvironment {
  const temporalAddress = env.TEMPORAL_ADDRESS;
  const databaseUrl = env.DATABASE_OWNER_URL;
  const applicationDatabaseUrl = env.DATABASE_URL;
  if (env[TEST_ENVIRONMENT_MARKER] !== '1' || !temporalAddress || !databaseUrl || !applicationDatabaseUrl) {
    throw new Error(
      'The integration test environment is missing: test/support/global-setup.ts did not run ' +
        '(it sets TEMPORAL_ADDRESS and DATABASE_URL). Run integration tests through jest\'s "integration" project: ' +
        '`npm run test:integration` or `npx jest --selectProjects integration <file>`.',
    );
  }
  return {
    temporalAddress,
    databaseUrl,
    applicationDatabaseUrl,
    namespace: env.TEMPORAL_NAMESPACE || 'default',
    oidcIssuer: env.OIDC_ISSUER ?? '',
  };
}
