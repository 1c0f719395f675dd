import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../server-context.js';

// PLACEHOLDER: replaced by the content implementation.
export const contentRoutes: FastifyPluginAsync<ServerContext> = async () => {};
