import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { routes, type Network, type Share } from '@advocacy/sdk/contract';
import { intentUrl } from '@advocacy/sdk/share';
import { findContent, isShareable, type ContentRow } from '../domain/content.js';
import { disclosureFor } from '../domain/disclosure.js';
import { loadOrganisationSettings } from '../domain/organisations.js';
import { isoDate } from '../domain/periods.js';
import { createOrFetchShare, type ShareRow } from '../domain/share-creation.js';
import { fingerprint, organisationFingerprintKey, sharerNetworkFingerprint } from '../domain/visitor-fingerprint.js';
import { registerRoute } from '../http/contract-route.js';
import { HttpProblem } from '../http/problem.js';
import { cursorTime, decodeTimeIdCursor, encodeTimeIdCursor } from '../http/time-id-cursor.js';
import type { ServerContext } from '../server-context.js';

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
    const key = await organisationFingerprintKey(db, principal.organisationId);
    const sharer = fingerprint(key, request.ip, request.headers['user-agent'] ?? '');
    const sharerNetwork = sharerNetworkFingerprint(key, isoDate(now), request.ip);

    const { row, created } = await createOrFetchShare(
      db,
      { organisationId: principal.organisationId, employeeId: principal.employeeId, contentId: content.id, network: body.network, at: now, sharerFingerprint: sharer, sharerNetwork },
      settings,
    );

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
