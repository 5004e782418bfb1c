export * from './load-policy-actions';
export * from './policy-action-store';
