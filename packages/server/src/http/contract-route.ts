import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import type { Audience, RouteDefinition } from '@advocacy/sdk/contract';
import { hasScope, principalLabel, type AdminPrincipal, type EmployeePrincipal, type Principal } from '../auth/principal.js';
import type { Db } from '../db/db.js';
import { idempotencyKeyOf, requestHash, runIdempotently } from './idempotency.js';
import { HttpProblem } from './problem.js';

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export type PrincipalFor<A extends Audience> = A extends 'anyone'
  ? Principal | null
  : A extends 'public'
    ? Principal
    : A extends 'employee'
      ? EmployeePrincipal
      : AdminPrincipal;

export interface RouteContext<R extends RouteDefinition> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  principal: PrincipalFor<R['audience']>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * What a handler may return: any success body the route declares (set the
 * status on `reply`), or, for a route with `textFormats`, the text of one of
 * them (set its content type on `reply`).
 */
export type RouteResult<R extends RouteDefinition> =
  | z.input<R['responses'][keyof R['responses']]>
  | (R extends { textFormats: readonly string[] } ? string : never);

export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

/** Checks a parsed part of the request; refusals list every bad field. */
function parse<S extends z.ZodMiniType | undefined>(schema: S, value: unknown, part: string): Parsed<S> {
  if (!schema) return undefined as Parsed<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data as Parsed<S>;
  throw new HttpProblem(400, 'validation-failed', {
    title: 'Bad Request',
    detail: `The request ${part} is not valid.`,
    errors: result.error.issues.map((issue) => ({
      field: [part, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  });
}

function authorise(route: RouteDefinition, principal: Principal | null): void {
  const { audience } = route;
  if (audience === 'anyone') return;
  if (principal === null) {
    throw new HttpProblem(401, 'authentication-required', {
      title: 'Unauthorized',
      detail: 'Send a publishable key or an employee token as "Authorization: Bearer …".',
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
  const allowed =
    audience === 'public' ||
    (audience === 'employee' && principal.kind === 'employee') ||
    (audience === 'admin' && (principal.kind === 'secret' || (principal.kind === 'employee' && principal.isAdmin)));
  if (!allowed) {
    const needs = audience === 'admin' ? 'an admin' : 'an employee';
    throw new HttpProblem(403, 'forbidden', { detail: `Only ${needs} may do this.` });
  }
  // Least privilege: a secret key does only what its scopes say; a route that names no scope needs `admin`.
  const scope = route.scope ?? 'admin';
  if (principal.kind === 'secret' && !hasScope(principal.scopes, scope)) {
    throw new HttpProblem(403, 'insufficient-scope', {
      detail: `This key lacks the scope ${scope}.`,
      headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${scope}"` },
    });
  }
}

/**
 * Registers a handler for one route of the contract: method and path come
 * from the route table, params, query and body are validated with its
 * schemas, and the caller must match its audience. Routes marked
 * `idempotent` honour an `Idempotency-Key` header (see idempotency.ts).
 */
export function registerRoute<R extends RouteDefinition>(
  app: FastifyInstance,
  server: { authenticate: Authenticator; db: Db; now: () => Date },
  route: R,
  handler: (context: RouteContext<R>) => Promise<RouteResult<R>>,
  options: {
    /** Idempotent routes: the answer kept for replays, when the first one holds what must never be stored. */
    storedForReplay?: (body: RouteResult<R>) => RouteResult<R>;
  } = {},
): void {
  const { authenticate } = server;
  const { storedForReplay } = options;
  app.route({
    method: route.method,
    url: route.path,
    handler: async (request, reply) => {
      const principal = route.audience === 'anyone' ? await authenticate(request).catch(() => null) : await authenticate(request);
      authorise(route, principal);
      const context: RouteContext<R> = {
        params: parse(route.params, request.params, 'params') as RouteContext<R>['params'],
        query: parse(route.query, request.query, 'query') as RouteContext<R>['query'],
        body: parse(route.body, request.body ?? {}, 'body') as RouteContext<R>['body'],
        principal: principal as PrincipalFor<R['audience']>,
        request,
        reply,
      };
      const key = route.idempotent && principal ? idempotencyKeyOf(request.headers['idempotency-key']) : undefined;
      if (key === undefined || principal === null) return handler(context);
      const outcome = await runIdempotently(
        server.db,
        {
          organisationId: principal.organisationId,
          principal: principalLabel(principal),
          key,
          requestHash: requestHash(route.method, request.url.split('?')[0] ?? '', request.body),
          now: server.now(),
        },
        async () => {
          const body = await handler(context);
          return { status: reply.statusCode, body };
        },
        storedForReplay ? (body) => storedForReplay(body as RouteResult<R>) : undefined,
      );
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(outcome.status).send(outcome.body);
    },
  });
}
