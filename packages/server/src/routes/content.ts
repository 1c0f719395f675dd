import type { FastifyPluginAsync } from 'fastify';
import { routes } from '@advocacy/sdk/contract';
import { isAdmin, principalLabel, type Principal } from '../auth/principal.js';
import { contentNotFound, findContent, isShareable, toContent } from '../domain/content.js';
import { archiveContent, createContent, duplicateContent, restoreContent, updateContent, type Editor } from '../domain/content-editing.js';
import { listContent } from '../domain/content-library.js';
import { loadOrganisationSettings } from '../domain/organisations.js';
import { registerRoute } from '../http/contract-route.js';
import { HttpProblem } from '../http/problem.js';
import type { ServerContext } from '../server-context.js';

/** Content to share: the employee feed and the admin library. */
export const contentRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;
  const editor = (principal: Principal): Editor => ({ organisationId: principal.organisationId, actor: principalLabel(principal), now: ctx.now() });

  registerRoute(app, ctx, routes.listContent, async ({ query, principal }) => {
    if (query.status !== undefined && !isAdmin(principal)) {
      throw new HttpProblem(403, 'forbidden', { detail: 'Only an admin may list content by status.' });
    }
    return listContent(db, principal.organisationId, query, ctx.now());
  });

  registerRoute(app, ctx, routes.getContent, async ({ params, principal }) => {
    const now = ctx.now();
    const row = await findContent(db, principal.organisationId, params.id);
    if (!row || (!isAdmin(principal) && !isShareable(row, now))) throw contentNotFound();
    const settings = await loadOrganisationSettings(db, principal.organisationId);
    return toContent(row, settings.disclosure, now);
  });

  registerRoute(app, ctx, routes.createContent, async ({ body, principal, reply }) => {
    const created = await createContent(db, editor(principal), body);
    reply.code(201);
    return created;
  });

  registerRoute(app, ctx, routes.updateContent, async ({ params, body, principal }) => updateContent(db, editor(principal), params.id, body));
  registerRoute(app, ctx, routes.archiveContent, async ({ params, principal }) => archiveContent(db, editor(principal), params.id));
  registerRoute(app, ctx, routes.restoreContent, async ({ params, principal }) => restoreContent(db, editor(principal), params.id));

  registerRoute(app, ctx, routes.duplicateContent, async ({ params, principal, reply }) => {
    const copy = await duplicateContent(db, editor(principal), params.id);
    reply.code(201);
    return copy;
  });
};
