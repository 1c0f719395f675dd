import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/db.js';
import { findApiKey } from './api-keys.js';
import { organisationForToken } from './authenticate.js';
import { isOriginAllowed, normaliseOrigin } from './origins.js';

/**
 * Origins allowed for this request: those of its publishable key, or of the
 * organisation whose token it carries. A preflight carries no credential, so
 * it passes when the origin belongs to any key or organisation; the real
 * request is then checked against its own credential. Never throws: a bad
 * credential is `authenticate()`'s to refuse, with CORS headers so the page
 * can read why.
 */
async function isAllowedFor(db: Db, request: FastifyRequest, origin: string): Promise<boolean> {
  const header = request.headers.authorization;
  const credential = header && /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (request.method === 'OPTIONS' && !credential) {
    const { rows } = await db.query(
      `SELECT 1 FROM api_keys WHERE revoked_at IS NULL AND kind = 'publishable' AND $1 = ANY(allowed_origins)
       UNION ALL
       SELECT 1 FROM organisations WHERE $1 = ANY(allowed_origins)
       LIMIT 1`,
      [origin],
    );
    return rows.length > 0;
  }
  if (!credential) return false;
  if (credential.startsWith('sk_')) return false;
  if (credential.startsWith('pk_')) {
    const key = await findApiKey(db, credential);
    return key?.kind === 'publishable' && isOriginAllowed(origin, key.allowedOrigins);
  }
  const organisation = await organisationForToken(db, credential);
  return organisation !== undefined && isOriginAllowed(origin, organisation.allowed_origins);
}

/** CORS on `/v1/…` only: echoes an allowed origin with `Vary: Origin`; never `*`, never `null`. */
export async function installCors(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(fastifyCors, {
    hook: 'onRequest',
    delegator: async (request: FastifyRequest): Promise<FastifyCorsOptions> => {
      const origin = normaliseOrigin(request.headers.origin);
      const allowed =
        origin !== undefined && request.url.startsWith('/v1/') && (await isAllowedFor(db, request, origin).catch(() => false));
      return {
        origin: allowed ? origin : false,
        methods: ['GET', 'POST', 'PATCH', 'DELETE'],
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
    if (request.url.startsWith('/v1/')) reply.header('vary', 'Origin');
  });
}
