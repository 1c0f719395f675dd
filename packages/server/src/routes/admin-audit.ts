import type { FastifyPluginAsync } from 'fastify';
import { routes } from '@advocacy/sdk/contract';
import { listAuditLog } from '../domain/audit-list.js';
import { registerRoute } from '../http/contract-route.js';
import type { ServerContext } from '../server-context.js';

/** Who changed what in the organisation (`GET /v1/admin/audit`). */
export const adminAuditRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  registerRoute(app, ctx, routes.listAuditLog, async ({ query, principal }) => listAuditLog(ctx.db, principal.organisationId, query));
};
