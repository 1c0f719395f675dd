import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../server-context.js';

// PLACEHOLDER: replaced by the testimonials implementation.
export const testimonialRoutes: FastifyPluginAsync<ServerContext> = async () => {};
