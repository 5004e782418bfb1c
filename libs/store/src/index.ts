export * from './event-store.types';
export * from './read-models.types';
export { createDataSource, entities, migrations, storeDataSourceOptions } from './data-source';
export type { StoreDataSourceOptions } from './data-source';
export * from './entities';
export { EventStore } from './event-store';
export {
  IdempotencyKeyConflictError,
  NewcomerHasActiveTrajectoryError,
  StreamVersionConflictError,
} from './event-store.errors';
export type { RecordedTrajectoryEvent } from './event-records';
export * from './projections';
export {
  TypeOrmTrajectoryQueries,
  DEFAULT_DEADLINE_PAGE_SIZE,
  MAX_DEADLINE_PAGE_SIZE,
} from './queries/trajectory-queries';
export * from './postgres';
export * from './stored-event-mapping';
export * from './exchange';
