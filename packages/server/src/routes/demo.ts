import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../server-context.js';

// PLACEHOLDER: replaced by the demo implementation.
export const demoRoutes: FastifyPluginAsync<ServerContext> = async () => {};
