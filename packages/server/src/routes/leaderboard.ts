import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../server-context.js';

// PLACEHOLDER: replaced by the leaderboard implementation.
export const leaderboardRoutes: FastifyPluginAsync<ServerContext> = async () => {};
