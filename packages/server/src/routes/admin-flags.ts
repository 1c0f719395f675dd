import type { FastifyPluginAsync } from 'fastify';
import { routes } from '@advocacy/sdk/contract';
import { principalLabel } from '../auth/principal.js';
import { listTrustFlags, reviewTrustFlag } from '../domain/trust-flags.js';
import { registerRoute } from '../http/contract-route.js';
import type { ServerContext } from '../server-context.js';

/** Figures for admins to review (scope `admin`): bursts and audience jumps, listed and marked reviewed. */
export const adminFlagRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;

  registerRoute(app, ctx, routes.listTrustFlags, async ({ query, principal }) => listTrustFlags(db, principal.organisationId, query));
  registerRoute(app, ctx, routes.reviewTrustFlag, async ({ params, principal }) =>
    reviewTrustFlag(db, principal.organisationId, params.id, { actor: principalLabel(principal), now: ctx.now() }),
  );
};
