import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../server-context.js';

// PLACEHOLDER: replaced by the events implementation.
export const eventRoutes: FastifyPluginAsync<ServerContext> = async () => {};
