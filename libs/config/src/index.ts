export * from './shared-environment';
export * from './validated-environment';
