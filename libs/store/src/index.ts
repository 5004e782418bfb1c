export * from './event-store.types';
export * from './read-models.types';
export { createDataSource, entities, migrations, storeDataSourceOptions } from './data-source';
export type { StoreDataSourceOptions } from './data-source';
export * from './entities';
export { EventStore } from './event-store';
export {
  IdempotencyKeyConflictError,
  isDataException,
  NewcomerHasActiveTrajectoryError,
  StreamVersionConflictError,
  UnstorableEventDataError,
} from './event-store.errors';
export { IncidentStore } from './incidents/incident-store';
export type { IncidentReport, IncidentView } from './incidents/incident-store';
export { ParameterFreeSqlLogger } from './parameter-free-sql-logger';
export type { RecordedTrajectoryEvent } from './event-records';
export * from './projections';
export {
  TypeOrmTrajectoryQueries,
  DEFAULT_DEADLINE_PAGE_SIZE,
  MAX_DEADLINE_PAGE_SIZE,
} from './queries/trajectory-queries';
export * from './postgres';
export * from './stored-event-mapping';
export * from './queries/read-scope';
export * from './queries/audit-trail';
export * from './exchange';
export * from './queries/deadline-monitoring';
export * from './offices/office-store';
