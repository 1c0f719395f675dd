import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { routes, type Network, type Share } from '@advocacy/sdk/contract';
import { intentUrl } from '@advocacy/sdk/share';
import { findContent, isShareable, type ContentRow } from '../domain/content.js';
import { disclosureFor } from '../domain/disclosure.js';
import { loadOrganisationSettings } from '../domain/organisations.js';
import { addDailyStats, addPoints } from '../domain/points.js';
import { newShareCode } from '../domain/share-codes.js';
import { fingerprint, organisationFingerprintKey } from '../domain/visitor-fingerprint.js';
import { registerRoute } from '../http/contract-route.js';
import { HttpProblem } from '../http/problem.js';
import { cursorTime, decodeTimeIdCursor, encodeTimeIdCursor } from '../http/time-id-cursor.js';
import type { ServerContext } from '../server-context.js';

interface ShareRow {
  id: string;
  code: string;
  content_id: string;
  network: Network;
  created_at: Date;
}

/** The suggested text for a network in a locale: the locale, its language, the content's own, then any. */
function suggestedText(content: ContentRow, network: Network, locale: string): string {
  const texts = content.suggested_texts[network] ?? {};
  const language = locale.split('-')[0] ?? locale;
  return texts[locale] ?? texts[language] ?? texts[content.locale] ?? Object.values(texts)[0] ?? content.title;
}

/** Employees' tracked links: one per content and network, created on first ask. */
export const shareRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;
  const trackedUrl = (request: FastifyRequest, code: string): string => `${ctx.publicOrigin(request)}/r/${code}`;

  registerRoute(app, ctx, routes.createShare, async ({ body, principal, request, reply }) => {
    const now = ctx.now();
    const content = await findContent(db, principal.organisationId, body.contentId);
    if (!content || !isShareable(content, now)) {
      throw new HttpProblem(404, 'not-found', { detail: 'No shareable content with this id: it may be archived, expired or not yet published.' });
    }
    const settings = await loadOrganisationSettings(db, principal.organisationId);
    const sharer = fingerprint(await organisationFingerprintKey(db, principal.organisationId), request.ip, request.headers['user-agent'] ?? '');

    const { row, created } = await db.transaction(async (tx) => {
      const inserted = await tx.query<ShareRow>(
        `INSERT INTO shares (id, organisation_id, employee_id, content_id, network, code, created_at, sharer_fingerprint)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (organisation_id, employee_id, content_id, network) DO NOTHING
         RETURNING id, code, content_id, network, created_at`,
        [crypto.randomUUID(), principal.organisationId, principal.employeeId, content.id, body.network, newShareCode(), now, sharer],
      );
      if (inserted.rows[0]) {
        await addPoints(tx, { organisationId: principal.organisationId, employeeId: principal.employeeId, at: now, points: settings.pointsPerShare, shares: 1 });
        await addDailyStats(tx, { organisationId: principal.organisationId, at: now, network: body.network, shares: 1 });
        return { row: inserted.rows[0], created: true };
      }
      // Shared before: the same link back; the device it is shared from now is the sharer's too.
      const existing = await tx.query<ShareRow>(
        `UPDATE shares SET sharer_fingerprint = $5
          WHERE organisation_id = $1 AND employee_id = $2 AND content_id = $3 AND network = $4
          RETURNING id, code, content_id, network, created_at`,
        [principal.organisationId, principal.employeeId, content.id, body.network, sharer],
      );
      return { row: existing.rows[0]!, created: false };
    });

    const url = trackedUrl(request, row.code);
    const locale = body.locale ?? content.locale;
    const share: Share = {
      id: row.id,
      code: row.code,
      contentId: row.content_id,
      network: row.network,
      trackedUrl: url,
      intentUrl:
        intentUrl(row.network, {
          text: body.text ?? suggestedText(content, row.network, locale),
          disclosure: disclosureFor(settings.disclosure, locale),
          url,
          subject: content.title,
          ...(body.mastodonInstance ? { mastodonInstance: body.mastodonInstance } : {}),
        }) ?? null,
      createdAt: row.created_at.toISOString(),
    };
    reply.code(created ? 201 : 200);
    return share;
  });

  registerRoute(app, ctx, routes.listMyShares, async ({ query, principal, request }) => {
    const after = decodeTimeIdCursor(query.cursor);
    const { rows } = await db.query<ShareRow & { cursor_at: string }>(
      `SELECT id, code, content_id, network, created_at, ${cursorTime('created_at')} AS cursor_at FROM shares
        WHERE organisation_id = $1 AND employee_id = $2
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $5`,
      [principal.organisationId, principal.employeeId, after?.at ?? null, after?.id ?? null, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        code: row.code,
        contentId: row.content_id,
        network: row.network,
        trackedUrl: trackedUrl(request, row.code),
        intentUrl: null,
        createdAt: row.created_at.toISOString(),
      })),
      nextCursor: rows.length > query.limit && last ? encodeTimeIdCursor({ at: last.cursor_at, id: last.id }) : null,
    };
  });
};
