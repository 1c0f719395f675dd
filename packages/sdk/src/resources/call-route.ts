import type * as z from 'zod/mini';
import { runCheck, string, union, type Check } from '../compiled-contract/checks.js';
import type { CompiledRoute } from '../compiled-contract/compiled-route.js';
import { compiledRoute } from '../compiled-contract/route-lookup.js';
import type { RouteDefinition } from '../contract/route-definition.js';
import type { RouteName, routes } from '../contract/routes.js';
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

function check(route: CompiledRoute, part: 'params' | 'query' | 'body', value: unknown): unknown {
  const routeCheck = route[part];
  if (!routeCheck) return undefined;
  const result = runCheck(routeCheck, value ?? {});
  if (result.ok) return result.value;
  throw new AdvValidationError(
    `The request ${part} does not match the contract; nothing was sent.`,
    result.issues.map((issue) => ({ path: [part, ...issue.path], message: issue.message })),
  );
}

/** The check of a route's success answers: the one answer, or the union of several. */
function answerCheck(route: CompiledRoute): Check {
  const answers = Object.values(route.responses);
  return answers.length === 1 ? answers[0]! : union(answers);
}

/**
 * Calls one route of the contract: checks the input (a mistake is an
 * `AdvValidationError` before any request), fills in the path, and checks
 * the answer. The checks are the contract's schemas compiled for the client
 * (see compiled-contract/checks.ts); the types come from the schemas themselves.
 */
export async function callRoute<K extends RouteName>(
  transport: Transport,
  name: K,
  input: RouteInput<(typeof routes)[K]>,
  options: CallOptions = {},
): Promise<RouteOutput<(typeof routes)[K]>> {
  const found = compiledRoute(name);
  const route: CompiledRoute = found instanceof Promise ? await found : found;
  const { params, query, body } = input as { params?: unknown; query?: unknown; body?: unknown };
  const checkedParams = (check(route, 'params', params) ?? {}) as Record<string, unknown>;
  const checkedQuery = check(route, 'query', query) as Record<string, string | number | boolean | undefined> | undefined;
  const checkedBody = route.body ? check(route, 'body', body) : undefined;
  const path = route.path.slice(1).replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(String(checkedParams[name])));
  // The employee's token when the client has getToken, else the publishable key: a token may do everything a
  // key may (and more: /v1/stats refuses keys), so a page with both never sends a key where the token works.
  const authenticated = route.audience !== 'anyone';
  return transport.send({
    method: route.method,
    path,
    ...(checkedQuery ? { query: checkedQuery } : {}),
    ...(checkedBody !== undefined ? { body: checkedBody } : {}),
    check: answerCheck(route),
    okStatuses: Object.keys(route.responses).map(Number),
    authenticated,
    ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

type TextFormat<K extends RouteName> = (typeof routes)[K] extends { textFormats: readonly (infer F)[] } ? F : never;

/**
 * Calls a route for one of its `textFormats` (`Accept: text/csv`): the input
 * is checked as for `callRoute`, and the answer is its text, unparsed.
 */
export async function callRouteAsText<K extends RouteName>(
  transport: Transport,
  name: K,
  format: TextFormat<K>,
  input: RouteInput<(typeof routes)[K]>,
  options: CallOptions = {},
): Promise<string> {
  const found = compiledRoute(name);
  const route: CompiledRoute = found instanceof Promise ? await found : found;
  const { params, query } = input as { params?: unknown; query?: unknown };
  const checkedParams = (check(route, 'params', params) ?? {}) as Record<string, unknown>;
  const checkedQuery = check(route, 'query', query) as Record<string, string | number | boolean | undefined> | undefined;
  const path = route.path.slice(1).replace(/:([A-Za-z0-9_]+)/g, (_, key: string) => encodeURIComponent(String(checkedParams[key])));
  return transport.send({
    method: route.method,
    path,
    ...(checkedQuery ? { query: checkedQuery } : {}),
    accept: String(format),
    check: string(),
    okStatuses: [200],
    authenticated: route.audience !== 'anyone',
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
