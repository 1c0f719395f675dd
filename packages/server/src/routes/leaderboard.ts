import type { FastifyPluginAsync } from 'fastify';
import { routes } from '@advocacy/sdk/contract';
import { loadLeaderboard } from '../domain/leaderboard.js';
import { registerRoute } from '../http/contract-route.js';
import type { ServerContext } from '../server-context.js';

/** `GET /v1/leaderboard`: opted-in employees ranked by points for a period (see domain/leaderboard.ts). */
export const leaderboardRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  registerRoute(app, ctx, routes.getLeaderboard, async ({ query, principal }) =>
    loadLeaderboard(ctx.db, principal.organisationId, principal.employeeId, query, ctx.now()),
  );
};
