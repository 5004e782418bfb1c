export * from './policy-action';
export * from './policy-action-status';
export * from './policy-action-report';
