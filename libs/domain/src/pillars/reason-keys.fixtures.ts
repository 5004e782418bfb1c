import { applicabilityReasonOf } from './pillar-state';

/**
 * The value with the pillars' reasons in English instead of their keys and parameters, for the tests that check the
 * English reasons (the keys have tests of their own in reason-keys.spec.ts): a pillar state's key and parameters become
 * its `applicabilityReason` (as applicabilityReasonOf writes it, in the place the text had in the state), and a
 * determination (an event's) keeps its recorded `reason` alone.
 */
export function withReasonsInEnglish<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withReasonsInEnglish) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).flatMap(([key, inner]): [string, unknown][] => {
    if (key === 'reasonKey' || key === 'reasonParams' || key === 'applicabilityReasonParams') return [];
    if (key === 'applicabilityReasonKey') return [['applicabilityReason', applicabilityReasonOf(value)]];
    return [[key, withReasonsInEnglish(inner)]];
  });
  return Object.fromEntries(entries) as T;
}
