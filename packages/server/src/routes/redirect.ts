import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../server-context.js';

// PLACEHOLDER: replaced by the redirect implementation.
export const redirectRoutes: FastifyPluginAsync<ServerContext> = async () => {};
