import type { ValueTransformer } from 'typeorm';

/**
 * node-postgres returns `numeric` as a string to keep its precision; the store's numeric columns hold quarter hours
 * (two decimals), which a JavaScript number represents exactly.
 */
export const numericAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
