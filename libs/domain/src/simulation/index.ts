export * from './drive-trajectory';
export * from './seeded-random';
export * from './simulated-year';
export * from './simulated-names';
