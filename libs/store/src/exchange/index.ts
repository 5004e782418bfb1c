export * from './registration-exchange.types';
export { ImportStaging, recordOutcomesWithin, RegistrationImportStore } from './registration-import.store';
export { ReconciliationStore } from './reconciliation.store';
export type { ReconciliationFilter } from './reconciliation.store';
export * from './partner-record-import.store';
export { RegistrationLinkStore } from './registration-link.store';
export * from './caseload-import.store';
export * from './staged-imports';
