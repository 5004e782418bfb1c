const REASON_KEY_PROPERTIES = new Set([
  'reasonKey',
  'reasonParams',
  'applicabilityReasonKey',
  'applicabilityReasonParams',
]);

/**
 * The value without the pillars' reason keys and parameters, for the tests that check the English reasons (the keys
 * have tests of their own in reason-keys.spec.ts).
 */
export function withoutReasonKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutReasonKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !REASON_KEY_PROPERTIES.has(key))
      .map(([key, inner]) => [key, withoutReasonKeys(inner)]),
  ) as T;
}
