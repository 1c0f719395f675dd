import * as z from 'zod/mini';
import type { RouteDefinition } from '../contract/route-definition.js';
import { AdvValidationError } from '../errors.js';
import type { RequestOptions, Transport } from '../transport.js';

type Schema = z.ZodMiniType;
type InputOf<S> = S extends Schema ? z.input<S> : never;

/** What a route takes: path parameters, query and body, as the contract types them. */
export type RouteInput<R extends RouteDefinition> = (R['params'] extends Schema ? { params: InputOf<R['params']> } : { params?: undefined }) &
  (R['query'] extends Schema ? { query?: InputOf<R['query']> } : { query?: undefined }) &
  (R['body'] extends Schema ? { body: InputOf<R['body']> } : { body?: undefined });

/** What a route answers on success: the union of its declared bodies. */
export type RouteOutput<R extends RouteDefinition> = z.output<R['responses'][keyof R['responses']]>;

export interface CallOptions extends RequestOptions {
  /** For creating POSTs: one key per logical action, reused by every retry. */
  idempotencyKey?: string;
}

const responseSchemas = new WeakMap<RouteDefinition, Schema>();

function responseSchema(route: RouteDefinition): Schema {
  let schema = responseSchemas.get(route);
  if (!schema) {
    const all = Object.values(route.responses);
    schema = all.length === 1 ? all[0]! : z.union(all as [Schema, Schema, ...Schema[]]);
    responseSchemas.set(route, schema);
  }
  return schema;
}

function check(schema: Schema | undefined, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new AdvValidationError(
    `The request ${part} does not match the contract; nothing was sent.`,
    result.error.issues.map((issue) => ({ path: [part, ...issue.path], message: issue.message })),
  );
}

/**
 * Calls one route of the contract: checks the input with its schemas (a
 * mistake is an `AdvValidationError` before any request), fills in the path,
 * and validates the answer with the route's response schemas.
 */
export async function callRoute<R extends RouteDefinition>(
  transport: Transport,
  route: R,
  input: RouteInput<R>,
  options: CallOptions & { publishableKey?: string | undefined } = {},
): Promise<RouteOutput<R>> {
  const { params, query, body } = input as { params?: unknown; query?: unknown; body?: unknown };
  const checkedParams = (check(route.params, params, 'params') ?? {}) as Record<string, unknown>;
  const checkedQuery = check(route.query, query, 'query') as Record<string, string | number | boolean | undefined> | undefined;
  const checkedBody = route.body ? check(route.body, body, 'body') : undefined;
  const path = route.path.slice(1).replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(String(checkedParams[name])));
  const authenticated = route.audience === 'employee' || route.audience === 'admin' || (route.audience === 'public' && !options.publishableKey);
  return transport.send({
    method: route.method,
    path,
    ...(checkedQuery ? { query: checkedQuery } : {}),
    ...(checkedBody !== undefined ? { body: checkedBody } : {}),
    schema: responseSchema(route) as z.ZodMiniType<RouteOutput<R>>,
    okStatuses: Object.keys(route.responses).map(Number),
    authenticated,
    ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
