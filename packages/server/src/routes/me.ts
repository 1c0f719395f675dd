import type { FastifyPluginAsync } from 'fastify';
import { routes } from '@advocacy/sdk/contract';
import { loadProfile, updateProfile } from '../domain/employee-profile.js';
import { registerRoute } from '../http/contract-route.js';
import type { ServerContext } from '../server-context.js';

/** The calling employee's own profile. */
export const meRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  registerRoute(app, ctx, routes.getMe, async ({ principal }) => loadProfile(ctx.db, principal.organisationId, principal.employeeId, principal.isAdmin));

  registerRoute(app, ctx, routes.updateMe, async ({ body, principal }) => {
    await updateProfile(ctx.db, principal.organisationId, principal.employeeId, body, ctx.now());
    return loadProfile(ctx.db, principal.organisationId, principal.employeeId, principal.isAdmin);
  });
};
