import type { FastifyPluginAsync } from 'fastify';
import { routes } from '@advocacy/sdk/contract';
import { principalLabel, type Principal } from '../auth/principal.js';
import { loadAuditTrail } from '../domain/audit-trail.js';
import { approveTestimonials, listModerationQueue, moderateTestimonial, type Moderator } from '../domain/moderation.js';
import { loadOrganisationSettings } from '../domain/organisations.js';
import { listMyTestimonials, submitTestimonial, withdrawTestimonial } from '../domain/testimonial-authoring.js';
import { consentTextFor, findTestimonial, listPublicTestimonials, testimonialNotFound } from '../domain/testimonials.js';
import { registerRoute } from '../http/contract-route.js';
import { HttpProblem } from '../http/problem.js';
import type { ServerContext } from '../server-context.js';

/** Employees' testimonials: submitted with consent, moderated, shown on the career site, withdrawn at will. */
export const testimonialRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;
  const moderator = (principal: Principal): Moderator => ({ organisationId: principal.organisationId, actor: principalLabel(principal), now: ctx.now() });

  registerRoute(app, ctx, routes.listTestimonials, async ({ query, principal, reply }) => {
    // A withdrawal must be gone from the very next read: no browser or shared cache may keep the list.
    // The list is one indexed range read, cheap enough to serve every time.
    reply.header('cache-control', 'no-store');
    return listPublicTestimonials(db, principal.organisationId, query);
  });

  registerRoute(app, ctx, routes.getConsent, async ({ query, principal }) => {
    const settings = await loadOrganisationSettings(db, principal.organisationId);
    const consent = consentTextFor(settings.consentText, query.locale ?? 'en');
    if (!consent) throw new HttpProblem(404, 'no-consent-text', { detail: 'The organisation has not set a consent text yet; testimonials cannot be collected.' });
    return { version: settings.consentVersion, ...consent };
  });

  registerRoute(app, ctx, routes.submitTestimonial, async ({ body, principal, reply }) => {
    const settings = await loadOrganisationSettings(db, principal.organisationId);
    if (body.consent.version !== settings.consentVersion) {
      throw new HttpProblem(409, 'consent-outdated', {
        detail: `The consent text has changed (now version ${settings.consentVersion}). Show the current text and ask again.`,
        errors: [{ field: 'body.consent.version', message: `must be ${settings.consentVersion}` }],
      });
    }
    const created = await submitTestimonial(db, { ...moderator(principal), employeeId: principal.employeeId }, body);
    reply.code(201);
    return created;
  });

  registerRoute(app, ctx, routes.listMyTestimonials, async ({ principal }) => ({
    items: await listMyTestimonials(db, principal.organisationId, principal.employeeId),
  }));

  registerRoute(app, ctx, routes.withdrawTestimonial, async ({ params, principal }) =>
    withdrawTestimonial(db, { ...moderator(principal), employeeId: principal.employeeId }, params.id),
  );

  registerRoute(app, ctx, routes.listModerationQueue, async ({ query, principal }) => listModerationQueue(db, principal.organisationId, query));

  registerRoute(app, ctx, routes.approveTestimonial, async ({ params, principal }) => moderateTestimonial(db, moderator(principal), params.id, 'approved', null));
  registerRoute(app, ctx, routes.rejectTestimonial, async ({ params, body, principal }) =>
    moderateTestimonial(db, moderator(principal), params.id, 'rejected', body.reason),
  );
  registerRoute(app, ctx, routes.approveTestimonials, async ({ body, principal }) => ({
    items: await approveTestimonials(db, moderator(principal), body.ids),
  }));

  registerRoute(app, ctx, routes.getTestimonialAudit, async ({ params, principal }) => {
    if (!(await findTestimonial(db, principal.organisationId, params.id))) throw testimonialNotFound();
    return { items: await loadAuditTrail(db, principal.organisationId, 'testimonial', params.id) };
  });
};
