import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../server-context.js';

// PLACEHOLDER: replaced by the stats implementation.
export const statsRoutes: FastifyPluginAsync<ServerContext> = async () => {};
