import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/db.js';
import type { Authenticator } from '../http/contract-route.js';
import { organisationForToken } from './authenticate.js';
import { isLoopbackOrigin } from '../http/client-address.js';
import { ANY_LOOPBACK_ORIGIN, isOriginAllowed, normaliseOrigin } from './origins.js';

/**
 * Whether this request's page may read the answer: its credential, as
 * `authenticate()` judged it (cached per request, so the route does not
 * check it twice), accepts the origin. A refused token still gets CORS
 * headers when the origin is its organisation's, so the page can read the
 * 401 and renew it. A preflight carries no credential, so it passes when the
 * origin belongs to any key or organisation; the real request is then
 * checked against its own credential. Never throws.
 */
async function isAllowedFor(db: Db, authenticate: Authenticator, request: FastifyRequest, origin: string): Promise<boolean> {
  // The demo routes exist only in demo mode, and answer only this machine (see routes/demo.ts).
  if (request.url.startsWith('/v1/demo') && isLoopbackOrigin(origin)) return true;
  const header = request.headers.authorization;
  const credential = header && /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (request.method === 'OPTIONS' && !credential) {
    const { rows } = await db.query(
      `SELECT 1 FROM api_keys WHERE revoked_at IS NULL AND kind = 'publishable' AND ($1 = ANY(allowed_origins) OR ($2 AND $3 = ANY(allowed_origins)))
       UNION ALL
       SELECT 1 FROM organisations WHERE $1 = ANY(allowed_origins) OR ($2 AND $3 = ANY(allowed_origins))
       LIMIT 1`,
      [origin, isLoopbackOrigin(origin), ANY_LOOPBACK_ORIGIN],
    );
    return rows.length > 0;
  }
  if (!credential || credential.startsWith('sk_')) return false;
  const principal = await authenticate(request).catch(() => undefined);
  // authenticate() has already refused a key or token from an origin it does not belong to.
  if (principal) return principal.kind === 'publishable' || principal.kind === 'employee';
  if (credential.startsWith('pk_')) return false;
  const organisation = await organisationForToken(db, credential);
  return organisation !== undefined && isOriginAllowed(origin, organisation.allowed_origins);
}

/** CORS on `/v1/…` only: echoes an allowed origin with `Vary: Origin`; never `*`, never `null`. */
export async function installCors(app: FastifyInstance, db: Db, authenticate: Authenticator): Promise<void> {
  await app.register(fastifyCors, {
    hook: 'onRequest',
    delegator: async (request: FastifyRequest): Promise<FastifyCorsOptions> => {
      const origin = normaliseOrigin(request.headers.origin);
      const allowed =
        origin !== undefined && request.url.startsWith('/v1/') && (await isAllowedFor(db, authenticate, request, origin).catch(() => false));
      return {
        origin: allowed ? origin : false,
        methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'adv-client', 'accept-language'],
        exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'idempotent-replayed', 'location'],
        credentials: false,
        maxAge: 600,
        strictPreflight: true,
      };
    },
  });
  // Whatever the answer, it depends on Origin: caches must not share it across origins.
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/v1/')) return;
    // Kept beside what the route varies on (admin stats: Accept).
    const vary = reply.getHeader('vary');
    reply.header('vary', vary === undefined ? 'Origin' : /\borigin\b/i.test(String(vary)) ? vary : `${String(vary)}, Origin`);
  });
}
