export * from './event-store.types';
export * from './read-models.types';
export { createDataSource, entities, migrations, storeDataSourceOptions } from './data-source';
export type { StoreDataSourceOptions } from './data-source';
export * from './entities';
export { EventStore } from './event-store';
export { appendManyWithin } from './bulk/append-many';
export { toTrajectoryEvent } from './stored-event-mapping';
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
export { addPhaseTime, recordPhaseTimings, takePhaseTimings, timedPhase } from './phase-timings';
export type { PhaseTiming } from './phase-timings';
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
export { verifyEventChain } from './integrity/event-chain';
export type { BrokenLink, ChainVerification } from './integrity/event-chain';
export * from './queries/deadline-monitoring';
export * from './offices/office-store';
export * from './outbox';
export * from './policy-plan';
export * from './what-if/recorded-streams';
export * from './bulk/insert-event-rows';
export * from './workflow-starts/pending-workflow-starts';
export * from './workflow-starts/stream-start';
export * from './workflow-starts/workflow-start-queue';
export * from './workflow-starts/recovery';
