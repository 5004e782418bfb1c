export * from './registration-outcome';
export * from './vdab-registration-row';
