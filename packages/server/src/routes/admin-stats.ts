import type { FastifyPluginAsync } from 'fastify';
import { routes } from '@advocacy/sdk/contract';
import { adminStatsCsv, adminStatsFileName } from '../domain/admin-stats-csv.js';
import { loadAdminStats } from '../domain/admin-stats.js';
import { registerRoute } from '../http/contract-route.js';
import type { ServerContext } from '../server-context.js';

/** Whether the caller asked for CSV before JSON (`Accept: text/csv`, or text/csv listed first with a weight above 0). */
export function wantsCsv(accept: string | undefined): boolean {
  for (const part of (accept ?? '').split(',')) {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter))) continue;
    if (type === 'text/csv') return true;
    if (type === 'application/json' || type === 'application/*' || type === '*/*') return false;
  }
  return false;
}

/** `GET /v1/admin/stats`: the programme dashboard (admins and secret keys with `stats:read`), as JSON or CSV. */
export const adminStatsRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  registerRoute(app, ctx, routes.getAdminStats, async ({ query, principal, request, reply }) => {
    const stats = await loadAdminStats(ctx.db, principal.organisationId, query);
    const vary = reply.getHeader('vary');
    reply.header('vary', vary ? `${String(vary)}, Accept` : 'Accept');
    reply.header('cache-control', 'private, no-store');
    if (!wantsCsv(request.headers.accept)) return stats;
    reply.type('text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${adminStatsFileName(stats)}"`);
    return adminStatsCsv(stats);
  });
};
