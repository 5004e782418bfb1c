export * from './agency';
export * from './deadlines/deadline-outcome';
export * from './deadlines/vdab-registration-deadline';
export * from './newcomer/national-number';
export * from './policy/policy-versions';
export * from './time/calendar-date';
export * from './time/deadline-clock';
export * from './trajectory/commands';
export * from './trajectory/deadline-expiry';
export * from './trajectory/decide';
export * from './trajectory/events';
export * from './trajectory/upcast';
export {
  certificateNumberOf,
  MAX_CERTIFICATE_NUMBER_LENGTH,
} from './trajectory/decisions/certificate-number';
export * from './trajectory/rejection';
export * from './trajectory/rejection-reasons';
export * from './trajectory/state';
export * from './policy/pillar';
export * from './target-group/age';
export * from './target-group/derive-target-group';
export * from './target-group/exemption-reasons';
export * from './target-group/registration-deadline';
export * from './target-group/target-group-decision';
export * from './target-group/target-group-facts';
export * from './target-group/target-group-override';
export * from './target-group/target-group-rules';
export * from './enforcement/violation-file-eligibility';
export * from './residence/municipality-area';
export * from './policy/sources';
export * from './exchange';
export { COUNSELLOR_ID } from './trajectory/decisions/reassignment';
export * from './policy-plan';
export * from './what-if';
export * from './simulation';
export * from './enforcement/violation-file-document';
export * from './caseload/attention';
