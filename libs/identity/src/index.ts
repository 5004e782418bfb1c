export * from './api-audience';
export * from './demo-identities';
export * from './demo-token';
export * from './embedded-provider';
