import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../server-context.js';

// PLACEHOLDER: replaced by the me implementation.
export const meRoutes: FastifyPluginAsync<ServerContext> = async () => {};
