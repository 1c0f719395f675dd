import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { adminFlagRoutes } from './admin-flags.js';
import { adminKeyRoutes } from './admin-keys.js';
import { adminSettingsRoutes } from './admin-settings.js';

/** The admin API for setting an organisation up (`/v1/admin/settings`, `origins`, `keys`, `identity`) and reviewing its figures (`flags`). */
export const adminRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  await app.register(adminSettingsRoutes, ctx);
  await app.register(adminKeyRoutes, ctx);
  await app.register(adminFlagRoutes, ctx);
};
