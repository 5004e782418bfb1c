/**
 * RFC 9457 problem details as this API answers them, as a JSON Schema, and a checker for the few keywords it
 * uses (type, required, properties, items, minimum, maximum, minLength, pattern). Every error response of the API
 * must satisfy it.
 */
export const PROBLEM_DETAILS_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', minLength: 1, pattern: '^(about:blank|urn:inburgering:problem:[a-z-]+)$' },
    title: { type: 'string', minLength: 1 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', minLength: 1 },
    instance: { type: 'string', minLength: 1, pattern: '^/' },
    code: { type: 'string', minLength: 1 },
    field: { type: 'string', minLength: 1 },
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['field', 'detail'],
        properties: {
          field: { type: 'string', minLength: 1 },
          detail: { type: 'string', minLength: 1 },
        },
      },
    },
  },
} as const;

type Schema = {
  type?: string;
  required?: readonly string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
};

/** What in `value` breaks `schema`, as JSON-pointer-ish paths with reasons; empty when it conforms. */
export function schemaViolations(
  value: unknown,
  schema: Schema = PROBLEM_DETAILS_SCHEMA,
  path = '',
): string[] {
  const at = path || '/';
  if (schema.type && !hasType(value, schema.type)) return [`${at} must be of type ${schema.type}`];
  const problems: string[] = [];
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      problems.push(`${at} must be >= ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      problems.push(`${at} must be <= ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      problems.push(`${at} is too short`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      problems.push(`${at} must match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      problems.push(`${at} has too few items`);
    if (schema.items)
      value.forEach((item, index) =>
        problems.push(...schemaViolations(item, schema.items, `${path}/${index}`)),
      );
  } else if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? [])
      if (!(name in object)) problems.push(`${path}/${name} is required`);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (object[name] !== undefined)
        problems.push(...schemaViolations(object[name], property, `${path}/${name}`));
    }
  }
  return problems;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/** A response that is an error must be problem+json, satisfy the schema and repeat its own status. */
export function problemResponseViolations(response: {
  status: number;
  contentType: string | null;
  body: unknown;
}): string[] {
  if (response.status < 400) return [];
  const problems: string[] = [];
  if (!/^application\/problem\+json\b/.test(response.contentType ?? '')) {
    problems.push(`Content-Type is ${response.contentType}, not application/problem+json`);
  }
  problems.push(...schemaViolations(response.body));
  const status = (response.body as { status?: unknown } | null)?.status;
  if (status !== response.status)
    problems.push(`body status ${String(status)} differs from HTTP ${response.status}`);
  return problems;
}
