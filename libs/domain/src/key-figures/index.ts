export * from './compute-key-figure';
export * from './key-figure';
export * from './key-figures';
export * from './period';
export * from './statistics';
export * from './trajectory-facts';
export * from './contributions';
