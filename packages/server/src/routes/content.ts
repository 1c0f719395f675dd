import type { FastifyPluginAsync } from 'fastify';
import { routes, type ContentUpdate, type NewContent } from '@advocacy/sdk/contract';
import { isAdmin } from '../auth/principal.js';
import type { SqlParam } from '../db/db.js';
import { CONTENT_COLUMNS, findContent, isShareable, toContent, type ContentRow } from '../domain/content.js';
import { checkDestination } from '../domain/destinations.js';
import { loadOrganisationSettings } from '../domain/organisations.js';
import { registerRoute } from '../http/contract-route.js';
import { HttpProblem } from '../http/problem.js';
import { cursorTime, decodeTimeIdCursor, encodeTimeIdCursor } from '../http/time-id-cursor.js';
import type { ServerContext } from '../server-context.js';

const notFound = (): HttpProblem => new HttpProblem(404, 'not-found', { detail: 'No content with this id.' });

function checkWindow(publishAt: string | undefined, expiresAt: string | null | undefined): void {
  if (publishAt !== undefined && expiresAt && new Date(expiresAt) <= new Date(publishAt)) {
    throw new HttpProblem(400, 'validation-failed', {
      title: 'Bad Request',
      detail: 'The content would expire before it is published.',
      errors: [{ field: 'body.expiresAt', message: 'must be after publishAt' }],
    });
  }
}

/** Content to share: the employee feed and the admin library. */
export const contentRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;

  registerRoute(app, ctx, routes.listContent, async ({ query, principal }) => {
    if (query.status !== undefined && !isAdmin(principal)) {
      throw new HttpProblem(403, 'forbidden', { detail: 'Only an admin may list content by status.' });
    }
    const settings = await loadOrganisationSettings(db, principal.organisationId);
    const where: string[] = ['organisation_id = $1'];
    const params: SqlParam[] = [principal.organisationId];
    const add = (condition: (placeholder: string) => string, value: SqlParam): void => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (query.status === undefined) {
      add((p) => `status = 'published' AND publish_at <= ${p} AND (expires_at IS NULL OR expires_at > ${p})`, ctx.now());
    } else if (query.status !== 'all') {
      add((p) => `status = ${p}`, query.status);
    }
    if (query.locale) add((p) => `(lower(locale) = lower(${p}) OR lower(locale) LIKE lower(${p}) || '-%')`, query.locale);
    if (query.tag) add((p) => `${p} = ANY(tags)`, query.tag);
    const after = decodeTimeIdCursor(query.cursor);
    if (after) {
      params.push(after.at, after.id);
      where.push(`(publish_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const { rows } = await db.query<ContentRow & { cursor_at: string }>(
      `SELECT ${CONTENT_COLUMNS}, ${cursorTime('publish_at')} AS cursor_at FROM content WHERE ${where.join(' AND ')}
        ORDER BY publish_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => toContent(row, settings.disclosure)),
      nextCursor: rows.length > query.limit && last ? encodeTimeIdCursor({ at: last.cursor_at, id: last.id }) : null,
    };
  });

  registerRoute(app, ctx, routes.getContent, async ({ params, principal }) => {
    const row = await findContent(db, principal.organisationId, params.id);
    if (!row || (!isAdmin(principal) && !isShareable(row, ctx.now()))) throw notFound();
    const settings = await loadOrganisationSettings(db, principal.organisationId);
    return toContent(row, settings.disclosure);
  });

  registerRoute(app, ctx, routes.createContent, async ({ body, principal, reply }) => {
    const settings = await loadOrganisationSettings(db, principal.organisationId);
    const input: NewContent = body;
    const url = checkDestination(input.url, settings.allowedDomains);
    checkWindow(input.publishAt ?? ctx.now().toISOString(), input.expiresAt);
    const now = ctx.now();
    const { rows } = await db.query<ContentRow>(
      `INSERT INTO content (id, organisation_id, title, url, image_url, summary, locale, tags, campaign, suggested_texts,
                            status, publish_at, expires_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
       RETURNING ${CONTENT_COLUMNS}`,
      [
        crypto.randomUUID(),
        principal.organisationId,
        input.title,
        url,
        input.imageUrl ?? null,
        input.summary ?? '',
        input.locale,
        [...new Set(input.tags ?? [])],
        input.campaign ?? null,
        JSON.stringify(input.suggestedTexts ?? {}),
        input.status ?? 'published',
        input.publishAt ?? now,
        input.expiresAt ?? null,
        now,
      ],
    );
    reply.code(201);
    return toContent(rows[0]!, settings.disclosure);
  });

  registerRoute(app, ctx, routes.updateContent, async ({ params, body, principal }) => {
    const existing = await findContent(db, principal.organisationId, params.id);
    if (!existing) throw notFound();
    const settings = await loadOrganisationSettings(db, principal.organisationId);
    const input: ContentUpdate = body;
    const url = input.url === undefined ? undefined : checkDestination(input.url, settings.allowedDomains);
    checkWindow(input.publishAt ?? existing.publish_at.toISOString(), input.expiresAt === undefined ? existing.expires_at?.toISOString() : input.expiresAt);
    const changes: [string, SqlParam][] = [];
    if (input.title !== undefined) changes.push(['title', input.title]);
    if (url !== undefined) changes.push(['url', url]);
    if (input.imageUrl !== undefined) changes.push(['image_url', input.imageUrl]);
    if (input.summary !== undefined) changes.push(['summary', input.summary]);
    if (input.locale !== undefined) changes.push(['locale', input.locale]);
    if (input.tags !== undefined) changes.push(['tags', [...new Set(input.tags)]]);
    if (input.campaign !== undefined) changes.push(['campaign', input.campaign]);
    if (input.suggestedTexts !== undefined) changes.push(['suggested_texts', JSON.stringify(input.suggestedTexts)]);
    if (input.status !== undefined) changes.push(['status', input.status]);
    if (input.publishAt !== undefined) changes.push(['publish_at', input.publishAt]);
    if (input.expiresAt !== undefined) changes.push(['expires_at', input.expiresAt]);
    changes.push(['updated_at', ctx.now()]);
    const { rows } = await db.query<ContentRow>(
      `UPDATE content SET ${changes.map(([column], index) => `${column} = $${index + 3}`).join(', ')}
        WHERE organisation_id = $1 AND id = $2 RETURNING ${CONTENT_COLUMNS}`,
      [principal.organisationId, params.id, ...changes.map(([, value]) => value)],
    );
    if (!rows[0]) throw notFound();
    return toContent(rows[0], settings.disclosure);
  });

  registerRoute(app, ctx, routes.archiveContent, async ({ params, principal }) => {
    const { rows } = await db.query<ContentRow>(
      `UPDATE content SET status = 'archived', updated_at = $3 WHERE organisation_id = $1 AND id = $2 RETURNING ${CONTENT_COLUMNS}`,
      [principal.organisationId, params.id, ctx.now()],
    );
    if (!rows[0]) throw notFound();
    const settings = await loadOrganisationSettings(db, principal.organisationId);
    return toContent(rows[0], settings.disclosure);
  });
};
