export { trajectoryWorkflow } from './trajectory.workflow';
export { registrationImportWorkflow } from './registration-import.workflow';
export { registrationMatcherWorkflow } from './registration-matcher.workflow';
export { partnerRecordImportWorkflow } from './partner-record-import.workflow';
export { caseloadImportWorkflow } from './caseload-import.workflow';
