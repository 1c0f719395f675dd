import type { FastifyPluginAsync } from 'fastify';
import { routes } from '@advocacy/sdk/contract';
import { uncreditedReason } from '../domain/click-classification.js';
import { ClickNotRecordableError } from '../domain/click-recorder.js';
import { SHARE_CODE_PATTERN } from '../domain/share-codes.js';
import { ShareLookup } from '../domain/share-lookup.js';
import { registerRoute } from '../http/contract-route.js';
import { HttpProblem } from '../http/problem.js';
import type { ServerContext } from '../server-context.js';

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Link not found</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2328}</style></head>
<body><main><h1>This link does not exist</h1><p>It may have been mistyped or cut short when it was copied. Ask the person who shared it for the full link.</p></main></body></html>`;

/**
 * `GET /r/{code}`: tracked links. The destination only ever comes from the
 * database (or, while it cannot answer, from the last answer it gave: see
 * ShareLookup). No 302 goes out before its click is in the journal.
 */
export const redirectRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const lookup = new ShareLookup(ctx.db);
  ctx.changes.subscribe((change) => lookup.forget(change));

  registerRoute(app, ctx, routes.followTrackedLink, async ({ params, request, reply }) => {
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer-when-downgrade');
    const share = SHARE_CODE_PATTERN.test(params.code) ? await lookup.find(params.code) : undefined;
    if (!share) {
      return reply.code(404).type('text/html; charset=utf-8').send(NOT_FOUND_PAGE);
    }
    const userAgent = request.headers['user-agent'] ?? '';
    try {
      ctx.clicks.record({
        shareId: share.shareId,
        organisationId: share.organisationId,
        employeeId: share.employeeId,
        contentId: share.contentId,
        network: share.network,
        at: ctx.now(),
        ip: request.ip,
        userAgent,
        reason: uncreditedReason({ method: request.method, userAgent }),
      });
    } catch (error) {
      if (!(error instanceof ClickNotRecordableError)) throw error;
      throw new HttpProblem(503, 'clicks-not-recordable', { detail: 'This link cannot be followed right now. Try again shortly.', headers: { 'retry-after': '5' } });
    }
    return reply.redirect(share.location, 302);
  });
};
