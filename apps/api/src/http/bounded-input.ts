import { fieldPath, type Violation } from './validation-errors';

/** Deeper than any DTO nests (a body, its facts, a list, its items): refused before validation recurses. */
export const MAX_NESTING_DEPTH = 8;
/** Property names that would reach an object's prototype: refused like any other unknown property. */
export const PROTOTYPE_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];
/** A body with many bad strings answers with the first ones only. */
const MAX_VIOLATIONS = 20;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PostgreSQL refuses NUL in text; a lone surrogate is not Unicode at all (it cannot be encoded as UTF-8). */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

export const UNSTORABLE_TEXT_REASON =
  'contains a NUL character or an unpaired surrogate, which cannot be stored';

/**
 * What is wrong with the shape of a request's input before its DTO is validated: nesting deeper than
 * MAX_NESTING_DEPTH, prototype names as properties, text that cannot be stored. Iterative, so a deeply nested
 * body cannot overflow the stack. `name` is the parameter's name for a single path or query value.
 */
export function boundedInputViolations(input: unknown, name?: string): Violation[] {
  const violations: Violation[] = [];
  const pending: Array<{ value: unknown; path: string; depth: number }> = [
    { value: input, path: name ?? '', depth: 0 },
  ];
  while (pending.length && violations.length < MAX_VIOLATIONS) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value))
        violations.push({ field: path || 'body', reason: `${path || 'body'} ${UNSTORABLE_TEXT_REASON}` });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_NESTING_DEPTH) {
      violations.push({ field: path, reason: `${path} nests deeper than ${MAX_NESTING_DEPTH} levels` });
      continue;
    }
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    const children: typeof pending = [];
    for (const [key, child] of entries) {
      const childPath = fieldPath(path, key);
      if (!Array.isArray(value) && (PROTOTYPE_NAMES.includes(key) || !isStorableText(key))) {
        violations.push({
          field: printable(childPath),
          reason: `property ${printable(key)} should not exist`,
        });
      } else {
        children.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
    pending.push(...children.reverse());
  }
  return violations;
}

function printable(text: string): string {
  return isStorableText(text) ? text : JSON.stringify(text).slice(1, -1);
}
