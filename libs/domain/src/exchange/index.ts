export * from './registration-outcome';
export * from './vdab-registration-row';
export * from './partner-record-row';
export * from './partner-record-outcome';
export * from './registration-links';
export * from './row-problem';
