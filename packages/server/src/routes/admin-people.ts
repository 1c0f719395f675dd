import type { FastifyPluginAsync } from 'fastify';
import { routes } from '@advocacy/sdk/contract';
import { principalLabel } from '../auth/principal.js';
import { listPeople, loadPerson } from '../domain/people.js';
import { deactivatePerson, reactivatePerson } from '../domain/people-deactivation.js';
import { erasePerson } from '../domain/people-erasure.js';
import { exportPerson } from '../domain/people-export.js';
import { registerRoute } from '../http/contract-route.js';
import type { ServerContext } from '../server-context.js';

/** People (scope `admin`): the list, leavers deactivated, one person's data exported (GDPR Art. 15) or erased (Art. 17). */
export const adminPeopleRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;
  const author = (principal: Parameters<typeof principalLabel>[0]) => ({ actor: principalLabel(principal), now: ctx.now() });

  registerRoute(app, ctx, routes.listPeople, async ({ query, principal }) => listPeople(db, principal.organisationId, query, ctx.now()));

  registerRoute(app, ctx, routes.deactivatePerson, async ({ params, principal }) => {
    await deactivatePerson(db, principal.organisationId, params.id, author(principal));
    return loadPerson(db, principal.organisationId, params.id, ctx.now());
  });

  registerRoute(app, ctx, routes.reactivatePerson, async ({ params, principal }) => {
    await reactivatePerson(db, principal.organisationId, params.id, author(principal));
    return loadPerson(db, principal.organisationId, params.id, ctx.now());
  });

  registerRoute(app, ctx, routes.exportPerson, async ({ params, principal, reply }) => {
    const document = await exportPerson(db, principal.organisationId, params.id, author(principal));
    reply.header('content-disposition', `attachment; filename="person-${params.id}.json"`);
    reply.header('cache-control', 'no-store');
    return document;
  });

  registerRoute(app, ctx, routes.erasePerson, async ({ params, body, principal }) => {
    await erasePerson(db, principal.organisationId, params.id, body.confirm, author(principal));
    return loadPerson(db, principal.organisationId, params.id, ctx.now());
  });
};
