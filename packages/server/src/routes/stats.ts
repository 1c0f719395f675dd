import type { FastifyPluginAsync } from 'fastify';
import { routes, type PublicStats } from '@advocacy/sdk/contract';
import { loadStats } from '../domain/stats.js';
import { registerRoute } from '../http/contract-route.js';
import { HttpProblem } from '../http/problem.js';
import type { ServerContext } from '../server-context.js';

/** How long a career-site visitor's browser may reuse the public totals. */
const PUBLIC_STATS_MAX_AGE_S = 300;

/** `GET /v1/stats` (employees and admins) and `GET /v1/stats/public` (programme totals for public pages). */
export const statsRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;

  registerRoute(app, ctx, routes.getStats, async ({ query, principal }) => {
    // A publishable key is public by design (anyone can lift it from the career site): it reads only the totals.
    if (principal.kind === 'publishable') {
      throw new HttpProblem(403, 'forbidden', { detail: 'Publishable keys read the programme totals at /v1/stats/public.' });
    }
    return loadStats(db, principal.organisationId, query.period, ctx.now());
  });

  registerRoute(app, ctx, routes.getPublicStats, async ({ query, principal, reply }) => {
    const stats = await loadStats(db, principal.organisationId, query.period, ctx.now());
    // Totals move slowly and every visitor asks for the same ones; private: the answer depends on the key.
    reply.header('cache-control', `private, max-age=${PUBLIC_STATS_MAX_AGE_S}`);
    const totals: PublicStats = {
      period: stats.period,
      periodStart: stats.periodStart,
      periodEnd: stats.periodEnd,
      shares: stats.shares,
      creditedClicks: stats.creditedClicks,
      activeAmbassadors: stats.activeAmbassadors,
      estimatedReach: stats.estimatedReach,
      ...(stats.previous ? { previous: stats.previous } : {}),
    };
    return totals;
  });
};
