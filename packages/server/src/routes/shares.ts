import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../server-context.js';

// PLACEHOLDER: replaced by the shares implementation.
export const shareRoutes: FastifyPluginAsync<ServerContext> = async () => {};
