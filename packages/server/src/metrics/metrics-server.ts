import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerMetrics } from './server-metrics.js';

export interface MetricsServerOptions {
  /** When set, scrapes must send `Authorization: Bearer <token>` (`METRICS_TOKEN`). */
  token?: string | undefined;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `GET /metrics` in the Prometheus text format, on a listener of its own
 * (`METRICS_PORT`, loopback unless `METRICS_HOST` says otherwise), never on
 * the public one: figures about traffic and the database are for operators.
 */
export function buildMetricsServer(metrics: ServerMetrics, options: MetricsServerOptions = {}): FastifyInstance {
  metrics.includeProcessMetrics();
  const app = Fastify({ logger: false });
  const expected = options.token ? digest(`Bearer ${options.token}`) : undefined;
  app.get('/metrics', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    // Compared as digests: constant time, whatever the lengths.
    if (expected && !timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').type('text/plain; charset=utf-8').send('A bearer token is required (METRICS_TOKEN).\n');
    }
    const { body, contentType } = await metrics.render();
    return reply.type(contentType).send(body);
  });
  return app;
}
