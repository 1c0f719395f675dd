import type { FastifyPluginAsync } from 'fastify';
import { routes, type Testimonial } from '@advocacy/sdk/contract';
import { principalLabel, type AdminPrincipal } from '../auth/principal.js';
import { writeAudit } from '../domain/audit-log.js';
import { loadOrganisationSettings } from '../domain/organisations.js';
import {
  consentTextFor,
  cursorTimestamp,
  findTestimonial,
  listPublicTestimonials,
  moderationMove,
  TESTIMONIAL_COLUMNS,
  testimonialNotFound,
  testimonialWithdrawn,
  toTestimonial,
  type ModerationDecision,
  type TestimonialRow,
} from '../domain/testimonials.js';
import { registerRoute } from '../http/contract-route.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { HttpProblem } from '../http/problem.js';
import type { ServerContext } from '../server-context.js';

type PagedRow = TestimonialRow & { cursor_at: string };

/** Employees' testimonials: submitted with consent, moderated, shown on the career site, withdrawn at will. */
export const testimonialRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;

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
    const now = ctx.now();
    const row = await db.transaction(async (tx) => {
      const author = await tx.query<{ name: string }>('SELECT coalesce(display_name, name) AS name FROM employees WHERE organisation_id = $1 AND id = $2', [
        principal.organisationId,
        principal.employeeId,
      ]);
      const { rows } = await tx.query<TestimonialRow>(
        `INSERT INTO testimonials (id, organisation_id, employee_id, quote, author_name, role, team, location, locale, photo_url, tags,
                                   consent_version, consent_accepted_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING ${TESTIMONIAL_COLUMNS}`,
        [
          crypto.randomUUID(),
          principal.organisationId,
          principal.employeeId,
          body.quote,
          author.rows[0]?.name || 'Employee',
          body.role,
          body.team,
          body.location,
          body.locale,
          body.photoUrl ?? null,
          [...new Set(body.tags ?? [])],
          body.consent.version,
          now,
        ],
      );
      const created = rows[0]!;
      await writeAudit(tx, {
        organisationId: principal.organisationId,
        actor: principalLabel(principal),
        action: 'testimonial.submitted',
        targetType: 'testimonial',
        targetId: created.id,
        detail: { consentVersion: body.consent.version },
        at: now,
      });
      return created;
    });
    reply.code(201);
    return toTestimonial(row);
  });

  registerRoute(app, ctx, routes.listMyTestimonials, async ({ principal }) => {
    const { rows } = await db.query<TestimonialRow>(
      `SELECT ${TESTIMONIAL_COLUMNS} FROM testimonials WHERE organisation_id = $1 AND employee_id = $2 ORDER BY created_at DESC, id DESC LIMIT 100`,
      [principal.organisationId, principal.employeeId],
    );
    return { items: rows.map(toTestimonial) };
  });

  registerRoute(app, ctx, routes.withdrawTestimonial, async ({ params, principal }) => {
    const now = ctx.now();
    const row = await db.transaction(async (tx) => {
      // Locked, so an approval racing the withdrawal waits and then sees it.
      const { rows: found } = await tx.query<TestimonialRow>(
        `SELECT ${TESTIMONIAL_COLUMNS} FROM testimonials WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [principal.organisationId, params.id],
      );
      const existing = found[0];
      // Someone else's testimonial answers as if it did not exist.
      if (!existing || existing.employee_id !== principal.employeeId) throw testimonialNotFound();
      if (existing.status === 'withdrawn') return existing;
      const { rows } = await tx.query<TestimonialRow>(
        `UPDATE testimonials SET status = 'withdrawn', withdrawn_at = $3 WHERE organisation_id = $1 AND id = $2 RETURNING ${TESTIMONIAL_COLUMNS}`,
        [principal.organisationId, params.id, now],
      );
      await writeAudit(tx, {
        organisationId: principal.organisationId,
        actor: principalLabel(principal),
        action: 'testimonial.withdrawn',
        targetType: 'testimonial',
        targetId: params.id,
        detail: { previousStatus: existing.status },
        at: now,
      });
      return rows[0]!;
    });
    return toTestimonial(row);
  });

  registerRoute(app, ctx, routes.listModerationQueue, async ({ query, principal }) => {
    const after = decodeCursor(query.cursor, 2);
    const { rows } = await db.query<PagedRow>(
      `SELECT ${TESTIMONIAL_COLUMNS}, ${cursorTimestamp('created_at')} AS cursor_at FROM testimonials
        WHERE organisation_id = $1 AND status = $2 AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY created_at, id LIMIT $5`,
      [principal.organisationId, query.status, after ? String(after[0]) : null, after ? String(after[1]) : null, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: page.map(toTestimonial), nextCursor: rows.length > query.limit && last ? encodeCursor([last.cursor_at, last.id]) : null };
  });

  const moderate = async (principal: AdminPrincipal, id: string, decision: ModerationDecision, reason: string | null): Promise<Testimonial> => {
    const now = ctx.now();
    const actor = principalLabel(principal);
    const row = await db.transaction(async (tx) => {
      const { rows: found } = await tx.query<TestimonialRow>(`SELECT ${TESTIMONIAL_COLUMNS} FROM testimonials WHERE organisation_id = $1 AND id = $2 FOR UPDATE`, [
        principal.organisationId,
        id,
      ]);
      const existing = found[0];
      if (!existing) throw testimonialNotFound();
      const move = moderationMove(existing.status, decision);
      if (move === 'withdrawn') throw testimonialWithdrawn();
      if (move === 'same') return existing;
      const { rows } = await tx.query<TestimonialRow>(
        `UPDATE testimonials SET status = $3, moderated_at = $4, moderated_by = $5, rejection_reason = $6
          WHERE organisation_id = $1 AND id = $2 RETURNING ${TESTIMONIAL_COLUMNS}`,
        [principal.organisationId, id, decision, now, actor, reason],
      );
      await writeAudit(tx, {
        organisationId: principal.organisationId,
        actor,
        action: decision === 'approved' ? 'testimonial.approved' : 'testimonial.rejected',
        targetType: 'testimonial',
        targetId: id,
        detail: { previousStatus: existing.status, ...(reason ? { reason } : {}) },
        at: now,
      });
      return rows[0]!;
    });
    return toTestimonial(row);
  };

  registerRoute(app, ctx, routes.approveTestimonial, async ({ params, principal }) => moderate(principal, params.id, 'approved', null));
  registerRoute(app, ctx, routes.rejectTestimonial, async ({ params, body, principal }) => moderate(principal, params.id, 'rejected', body.reason));

  registerRoute(app, ctx, routes.getTestimonialAudit, async ({ params, principal }) => {
    if (!(await findTestimonial(db, principal.organisationId, params.id))) throw testimonialNotFound();
    const { rows } = await db.query<{ actor: string; action: string; detail: Record<string, unknown>; at: Date }>(
      `SELECT actor, action, detail, at FROM audit_log WHERE organisation_id = $1 AND target_type = 'testimonial' AND target_id = $2 ORDER BY at, id`,
      [principal.organisationId, params.id],
    );
    return { items: rows.map((row) => ({ actor: row.actor, action: row.action, detail: row.detail, at: row.at.toISOString() })) };
  });
};
