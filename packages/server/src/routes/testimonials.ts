import type { FastifyPluginAsync } from 'fastify';
import { routes, type PublicTestimonial, type Testimonial, type TestimonialStatus } from '@advocacy/sdk/contract';
import { principalLabel } from '../auth/principal.js';
import type { Queryable, SqlParam } from '../db/db.js';
import { writeAudit } from '../domain/audit-log.js';
import { disclosureFor } from '../domain/disclosure.js';
import { loadOrganisationSettings } from '../domain/organisations.js';
import { registerRoute } from '../http/contract-route.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { HttpProblem } from '../http/problem.js';
import type { ServerContext } from '../server-context.js';

interface TestimonialRow {
  id: string;
  employee_id: string;
  quote: string;
  author_name: string;
  role: string;
  team: string;
  location: string;
  locale: string;
  photo_url: string | null;
  tags: string[];
  status: TestimonialStatus;
  consent_version: string;
  consent_accepted_at: Date;
  created_at: Date;
  moderated_at: Date | null;
  rejection_reason: string | null;
  withdrawn_at: Date | null;
}

const COLUMNS =
  'id, employee_id, quote, author_name, role, team, location, locale, photo_url, tags, status, consent_version, consent_accepted_at, created_at, moderated_at, rejection_reason, withdrawn_at';

function toTestimonial(row: TestimonialRow): Testimonial {
  return {
    id: row.id,
    quote: row.quote,
    authorName: row.author_name,
    role: row.role,
    team: row.team,
    location: row.location,
    locale: row.locale,
    photoUrl: row.photo_url,
    tags: row.tags,
    status: row.status,
    consent: { version: row.consent_version, acceptedAt: row.consent_accepted_at.toISOString() },
    createdAt: row.created_at.toISOString(),
    moderatedAt: row.moderated_at?.toISOString() ?? null,
    rejectionReason: row.rejection_reason,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
  };
}

/** Only what a candidate may see: no email, no employee id, no moderation detail. */
function toPublic(row: TestimonialRow): PublicTestimonial {
  return {
    id: row.id,
    quote: row.quote,
    authorName: row.author_name,
    role: row.role,
    team: row.team,
    location: row.location,
    locale: row.locale,
    photoUrl: row.photo_url,
    tags: row.tags,
    approvedAt: (row.moderated_at ?? row.created_at).toISOString(),
  };
}

const notFound = (): HttpProblem => new HttpProblem(404, 'not-found', { detail: 'No testimonial with this id.' });

async function findTestimonial(db: Queryable, organisationId: string, id: string): Promise<TestimonialRow | undefined> {
  const { rows } = await db.query<TestimonialRow>(`SELECT ${COLUMNS} FROM testimonials WHERE organisation_id = $1 AND id = $2`, [organisationId, id]);
  return rows[0];
}

/** Employees' testimonials: submitted with consent, moderated, shown on the career site, withdrawn at will. */
export const testimonialRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;

  registerRoute(app, ctx, routes.listTestimonials, async ({ query, principal, reply }) => {
    const where = [`organisation_id = $1`, `status = 'approved'`];
    const params: SqlParam[] = [principal.organisationId];
    const add = (condition: (placeholder: string) => string, value: SqlParam): void => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (query.team) add((p) => `lower(team) = lower(${p})`, query.team);
    if (query.location) add((p) => `lower(location) = lower(${p})`, query.location);
    if (query.locale) add((p) => `(lower(locale) = lower(${p}) OR lower(locale) LIKE lower(${p}) || '-%')`, query.locale);
    if (query.tag) add((p) => `${p} = ANY(tags)`, query.tag);
    const after = decodeCursor(query.cursor, 2);
    if (after) {
      params.push(String(after[0]), String(after[1]));
      where.push(`(moderated_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const { rows } = await db.query<TestimonialRow>(
      `SELECT ${COLUMNS} FROM testimonials WHERE ${where.join(' AND ')} ORDER BY moderated_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    // A withdrawal must be gone from the very next read: no shared or browser cache may keep the list.
    reply.header('cache-control', 'no-store');
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toPublic),
      nextCursor: rows.length > query.limit && last ? encodeCursor([(last.moderated_at ?? last.created_at).toISOString(), last.id]) : null,
    };
  });

  registerRoute(app, ctx, routes.getConsent, async ({ query, principal }) => {
    const settings = await loadOrganisationSettings(db, principal.organisationId);
    const locale = query.locale ?? 'en';
    const available = Object.keys(settings.consentText);
    const text = disclosureFor(settings.consentText, locale);
    const chosen = available.find((key) => settings.consentText[key] === text) ?? locale;
    if (text === '') throw new HttpProblem(404, 'no-consent-text', { detail: 'The organisation has not set a consent text yet; testimonials cannot be collected.' });
    return { version: settings.consentVersion, text, locale: chosen };
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
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING ${COLUMNS}`,
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
      `SELECT ${COLUMNS} FROM testimonials WHERE organisation_id = $1 AND employee_id = $2 ORDER BY created_at DESC, id DESC LIMIT 100`,
      [principal.organisationId, principal.employeeId],
    );
    return { items: rows.map(toTestimonial) };
  });

  registerRoute(app, ctx, routes.withdrawTestimonial, async ({ params, principal }) => {
    const existing = await findTestimonial(db, principal.organisationId, params.id);
    if (!existing || existing.employee_id !== principal.employeeId) throw notFound();
    if (existing.status === 'withdrawn') return toTestimonial(existing);
    const now = ctx.now();
    const row = await db.transaction(async (tx) => {
      const { rows } = await tx.query<TestimonialRow>(
        `UPDATE testimonials SET status = 'withdrawn', withdrawn_at = $3 WHERE organisation_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [principal.organisationId, params.id, now],
      );
      await writeAudit(tx, { organisationId: principal.organisationId, actor: principalLabel(principal), action: 'testimonial.withdrawn', targetType: 'testimonial', targetId: params.id, detail: { previousStatus: existing.status }, at: now });
      return rows[0]!;
    });
    return toTestimonial(row);
  });

  registerRoute(app, ctx, routes.listModerationQueue, async ({ query, principal }) => {
    const after = decodeCursor(query.cursor, 2);
    const { rows } = await db.query<TestimonialRow>(
      `SELECT ${COLUMNS} FROM testimonials
        WHERE organisation_id = $1 AND status = $2 AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY created_at, id LIMIT $5`,
      [principal.organisationId, query.status, after ? String(after[0]) : null, after ? String(after[1]) : null, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: page.map(toTestimonial), nextCursor: rows.length > query.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null };
  });

  const moderate = async (organisationId: string, id: string, actor: string, decision: 'approved' | 'rejected', reason: string | null): Promise<Testimonial> => {
    const existing = await findTestimonial(db, organisationId, id);
    if (!existing) throw notFound();
    if (existing.status === 'withdrawn') throw new HttpProblem(409, 'testimonial-withdrawn', { detail: 'The author withdrew this testimonial; it cannot be published.' });
    if (existing.status === decision) return toTestimonial(existing);
    const now = ctx.now();
    const row = await db.transaction(async (tx) => {
      const { rows } = await tx.query<TestimonialRow>(
        `UPDATE testimonials SET status = $3, moderated_at = $4, moderated_by = $5, rejection_reason = $6
          WHERE organisation_id = $1 AND id = $2 AND status <> 'withdrawn' RETURNING ${COLUMNS}`,
        [organisationId, id, decision, now, actor, reason],
      );
      if (!rows[0]) throw new HttpProblem(409, 'testimonial-withdrawn', { detail: 'The author withdrew this testimonial; it cannot be published.' });
      await writeAudit(tx, {
        organisationId,
        actor,
        action: decision === 'approved' ? 'testimonial.approved' : 'testimonial.rejected',
        targetType: 'testimonial',
        targetId: id,
        detail: { previousStatus: existing.status, ...(reason ? { reason } : {}) },
        at: now,
      });
      return rows[0];
    });
    return toTestimonial(row);
  };

  registerRoute(app, ctx, routes.approveTestimonial, async ({ params, principal }) =>
    moderate(principal.organisationId, params.id, principalLabel(principal), 'approved', null),
  );
  registerRoute(app, ctx, routes.rejectTestimonial, async ({ params, body, principal }) =>
    moderate(principal.organisationId, params.id, principalLabel(principal), 'rejected', body.reason),
  );

  registerRoute(app, ctx, routes.getTestimonialAudit, async ({ params, principal }) => {
    if (!(await findTestimonial(db, principal.organisationId, params.id))) throw notFound();
    const { rows } = await db.query<{ actor: string; action: string; detail: Record<string, unknown>; at: Date }>(
      `SELECT actor, action, detail, at FROM audit_log WHERE organisation_id = $1 AND target_type = 'testimonial' AND target_id = $2 ORDER BY at, id`,
      [principal.organisationId, params.id],
    );
    return { items: rows.map((row) => ({ actor: row.actor, action: row.action, detail: row.detail, at: row.at.toISOString() })) };
  });
};
