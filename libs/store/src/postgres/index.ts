export { startEmbeddedPostgres } from './embedded-postgres';
export type { EmbeddedPostgres, EmbeddedPostgresOptions } from './embedded-postgres';
export { createThrowawayDatabase } from './throwaway-database';
export type { ThrowawayDatabase } from './throwaway-database';
export { runMigrations } from './run-migrations';
export { APPLICATION_ROLE, applicationRoleUrl, ownerUrlOf, prepareApplicationRole } from './application-role';
