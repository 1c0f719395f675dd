import * as z from 'zod/mini';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from './problem.js';
import { routeSummaries } from './route-summaries.js';
import { routes, type RouteDefinition, type RouteName } from './routes.js';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Query-string or path schema (an object) → OpenAPI parameter list. */
function parametersOf(schema: z.ZodMiniType | undefined, location: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input');
  const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(typeof property['description'] === 'string' ? { description: property['description'] } : {}),
  }));
}

function operationOf(name: RouteName, route: RouteDefinition): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    responses[status] = {
      description: status.startsWith('2') ? 'Success' : 'See the body',
      content: {
        'application/json': { schema: schemaOf(schema, 'output') },
        ...(status === '200' ? Object.fromEntries((route.textFormats ?? []).map((type) => [type, { schema: { type: 'string' } }])) : {}),
      },
    };
  }
  responses['default'] = {
    description: 'Error (RFC 9457)',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  // Secret keys are scoped; publishable keys and employee tokens are not (see RouteDefinition.scope).
  const scope = route.audience === 'public' || route.audience === 'admin' ? (route.scope ?? 'admin') : undefined;
  return {
    operationId: name,
    summary: routeSummaries[name],
    ...(scope ? { description: `A secret key needs the scope \`${scope}\`${scope === 'admin' ? '' : ' (or `admin`)'}.`, 'x-secret-key-scope': scope } : {}),
    tags: [route.audience],
    parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } }
      : {}),
    responses,
  };
}

/** `/v1/content/:id` → `/v1/content/{id}`. */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** The OpenAPI 3.1 document of the API, generated from the route table. */
export function buildOpenApiDocument(options: { version: string; serverUrl?: string }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [name, route] of Object.entries(routes) as [RouteName, RouteDefinition][]) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operationOf(name, route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Advocacy Kit API',
      version: options.version,
      description: 'Employee advocacy: content to share, tracked links, leaderboards, testimonials.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: { schemas: { Problem: schemaOf(ProblemSchema, 'output') } },
  };
}
