import { TypeOverrides, types } from 'pg';

/**
 * Per-connection type parsing for the store. node-postgres turns a `date` into a JavaScript Date at local midnight,
 * which shifts legal calendar dates across time zones; the store keeps them as the 'YYYY-MM-DD' text PostgreSQL sends.
 * `bigint` (event positions, counts) stays a string, as node-postgres does by default.
 * Scoped to our pools rather than set globally so that other pg users in the process are not affected.
 */
export function storeTypeParsers(): TypeOverrides {
  const overrides = new TypeOverrides();
  overrides.setTypeParser(types.builtins.DATE, (value: string) => value);
  return overrides;
}
