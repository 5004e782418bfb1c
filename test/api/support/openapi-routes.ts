/** The routes an OpenAPI document lists, with what a test needs to send them bad input. */
export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, e.g. /trajectories/{id}/violations/{violationId}/decision. */
  path: string;
  /** The access policy's action for the route (`x-access-action`); absent on public routes. */
  action?: string;
  pathParameters: string[];
  queryParameters: string[];
  /** The body's top-level properties, with whether each is a string (free text, a date, an enum), when it has one. */
  body?: { properties: Record<string, { type?: string }>; required: string[] };
}

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  type?: string;
  allOf?: Schema[];
};
type Operation = {
  'x-access-action'?: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function routesOf(document: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      const resolved = bodySchema ? resolve(document, bodySchema) : undefined;
      routes.push({
        method,
        path,
        ...(operation['x-access-action'] ? { action: operation['x-access-action'] } : {}),
        pathParameters: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
        queryParameters: parameters
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => parameter.name),
        ...(resolved
          ? {
              body: {
                properties: Object.fromEntries(
                  Object.entries(resolved.properties ?? {}).map(([name, property]) => [
                    name,
                    {
                      ...(resolve(document, property).type ? { type: resolve(document, property).type } : {}),
                    },
                  ]),
                ),
                required: resolved.required ?? [],
              },
            }
          : {}),
      });
    }
  }
  return routes;
}

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document, document.components?.schemas?.[name] ?? {});
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(document, part));
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
      required: parts.flatMap((part) => part.required ?? []),
    };
  }
  return schema;
}

/** A concrete URL for a route: each path parameter from `values`, percent-encoded as given. */
export function urlOf(route: Route, values: Record<string, string>, query = ''): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? 'x');
  return query ? `${path}?${query}` : path;
}
