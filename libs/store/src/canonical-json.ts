/** JSON with sorted keys, so that rows read back from jsonb and rows computed in memory compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/**
 * Whether two JSON documents are alike whatever the order of their keys, as `canonicalJson` compares them (members
 * that are undefined left out, undefined in an array as null), without building either's text: parts held by
 * reference in both (a state folded in memory shares most of its parts with the state it was folded from) are not
 * walked.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++)
      if (!sameJson(a[index] ?? null, b[index] ?? null)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // Anything but a plain document (a Date, say): compared as JSON states it.
  if (!isPlain(a) || !isPlain(b)) return canonicalJson(a) === canonicalJson(b);
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let members = 0;
  for (const key in left) {
    const value = left[key];
    if (value === undefined) continue;
    members++;
    if (!Object.hasOwn(right, key) || !sameJson(value, right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) members--;
  return members === 0;
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
