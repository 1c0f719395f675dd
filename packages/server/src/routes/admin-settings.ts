import type { FastifyPluginAsync } from 'fastify';
import { routes } from '@advocacy/sdk/contract';
import { JwtVerifier } from '../auth/jwt.js';
import { principalLabel, type Principal } from '../auth/principal.js';
import { testIdentityToken } from '../domain/identity-test.js';
import {
  addAllowedOrigin,
  getIdentitySettings,
  getProgrammeSettings,
  listAllowedOrigins,
  removeAllowedOrigin,
  setIdentitySettings,
  updateProgrammeSettings,
  type ChangeAuthor,
} from '../domain/organisation-settings.js';
import { registerRoute } from '../http/contract-route.js';
import type { ServerContext } from '../server-context.js';

/** The organisation's set-up through the API: programme settings, allowed origins, identity provider (scope `settings:write`). */
export const adminSettingsRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;
  const by = (principal: Principal): ChangeAuthor => ({ actor: principalLabel(principal), now: ctx.now() });

  registerRoute(app, ctx, routes.getSettings, async ({ principal }) => getProgrammeSettings(db, principal.organisationId));
  registerRoute(app, ctx, routes.updateSettings, async ({ body, principal }) => updateProgrammeSettings(db, principal.organisationId, body, by(principal)));

  registerRoute(app, ctx, routes.listOrigins, async ({ principal }) => ({ origins: await listAllowedOrigins(db, principal.organisationId) }));
  registerRoute(app, ctx, routes.addOrigin, async ({ body, principal, reply }) => {
    const { origins, added } = await addAllowedOrigin(db, principal.organisationId, body.origin, by(principal));
    reply.code(added ? 201 : 200);
    return { origins };
  });
  registerRoute(app, ctx, routes.removeOrigin, async ({ params, principal }) => ({
    origins: await removeAllowedOrigin(db, principal.organisationId, params.origin, by(principal)),
  }));

  registerRoute(app, ctx, routes.getIdentity, async ({ principal }) => getIdentitySettings(db, principal.organisationId));
  registerRoute(app, ctx, routes.updateIdentity, async ({ body, principal }) => setIdentitySettings(db, principal.organisationId, body, by(principal)));
  // Its own verifier (and key-set cache): a key set being tried out never lands in the one that signs requests in.
  const verifier = new JwtVerifier({ demoMode: ctx.demoMode, now: ctx.now });
  registerRoute(app, ctx, routes.testIdentity, async ({ body, principal }) => testIdentityToken(db, verifier, principal.organisationId, body.token, body.settings));
};
