export * from './policy-override';
export * from './replay-under-policy';
export * from './what-if';
