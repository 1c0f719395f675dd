import type { FastifyInstance } from 'fastify';
import type { ServerMetrics } from './server-metrics.js';

/** The label of requests no route matched: never the raw URL, which anyone can vary without end. */
const UNMATCHED = '(unmatched)';

/** Counts every answer and its latency by route pattern (`/v1/content/:id`) and status; tracked links apart too. */
export function installRequestMetrics(app: FastifyInstance, metrics: ServerMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED;
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.latency.observe(labels, reply.elapsedTime / 1000);
    if (route.startsWith('/r/')) metrics.redirects.inc({ status: labels.status });
  });
}
