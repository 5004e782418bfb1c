/** NUL, or a UTF-16 surrogate without its pair: text PostgreSQL cannot store. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path (e.g. "course.provider") of the first string in `value` that PostgreSQL cannot store, if any. */
export function unstorableTextField(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(value)' : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextField(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'type' && path === '') continue;
      const found = unstorableTextField(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}
