import type { FastifyPluginAsync } from 'fastify';
import { routes } from '@advocacy/sdk/contract';
import { principalLabel } from '../auth/principal.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../domain/api-key-admin.js';
import { registerRoute } from '../http/contract-route.js';
import type { ServerContext } from '../server-context.js';

/** The organisation's API keys (scope `admin`): listed without the keys, created with the key shown once, revoked. */
export const adminKeyRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;

  registerRoute(app, ctx, routes.listKeys, async ({ principal }) => ({ items: await listApiKeys(db, principal.organisationId) }));

  registerRoute(
    app,
    ctx,
    routes.createKey,
    async ({ body, principal, reply }) => {
      const created = await createApiKey(db, principal.organisationId, body, { actor: principalLabel(principal), now: ctx.now() });
      reply.code(201);
      return created;
    },
    // The key exists in clear only in this first answer: a replay gets its details without it.
    { storedForReplay: (answer) => ({ ...answer, key: null }) },
  );

  registerRoute(app, ctx, routes.revokeKey, async ({ params, query, principal }) =>
    revokeApiKey(db, principal.organisationId, { id: params.id }, { actor: principalLabel(principal), now: ctx.now() }, {
      callerKeyId: principal.kind === 'secret' ? principal.keyId : undefined,
      confirmSelf: query.confirm === 'self',
    }),
  );
};
