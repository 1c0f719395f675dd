import type { FastifyPluginAsync } from 'fastify';
import { MAX_EVENT_AGE_DAYS, routes, type FieldError } from '@advocacy/sdk/contract';
import { addDailyStats } from '../domain/points.js';
import { registerRoute } from '../http/contract-route.js';
import { HttpProblem } from '../http/problem.js';
import type { ServerContext } from '../server-context.js';

/** Impressions have no network; their daily figures go under this one. */
const IMPRESSIONS_NETWORK = 'web';
/** Clocks drift: an event a little ahead of ours is taken as now; far ahead is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const MAX_AGE_MS = MAX_EVENT_AGE_DAYS * 86_400_000;

/** Events whose time is out of bounds, every one of them, so a client can see what to fix. */
function timeErrors(events: readonly { occurredAt: string }[], now: Date): FieldError[] {
  return events.flatMap((event, index) => {
    const at = Date.parse(event.occurredAt);
    const field = `body.events.${index}.occurredAt`;
    if (at > now.getTime() + FUTURE_TOLERANCE_MS) return [{ field, message: 'must not be in the future' }];
    if (at < now.getTime() - MAX_AGE_MS) return [{ field, message: `must be within the last ${MAX_EVENT_AGE_DAYS} days` }];
    return [];
  });
}

/** `POST /v1/events`: impression batches from widgets, idempotent per event id. */
export const eventRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  // navigator.sendBeacon posts text/plain (a CORS-simple request): parse it as the JSON it is. Scoped to this plugin.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch {
      done(new HttpProblem(400, 'invalid-json', { detail: 'The body is not valid JSON.' }), undefined);
    }
  });

  registerRoute(app, ctx, routes.sendEvents, async ({ body, principal, reply }) => {
    const now = ctx.now();
    const organisationId = principal.organisationId;
    const errors = timeErrors(body.events, now);
    if (errors.length > 0) {
      throw new HttpProblem(400, 'validation-failed', { title: 'Bad Request', detail: 'Some events are dated outside the accepted window.', errors });
    }
    // The same id twice in one batch is one event (the last copy wins).
    const unique = [...new Map(body.events.map((event) => [event.id, event])).values()];
    // Ids of another organisation's content or testimonials are dropped, not stored.
    const ownContent = await ctx.db.query<{ id: string }>('SELECT id FROM content WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [
      organisationId,
      unique.flatMap((event) => (event.contentId ? [event.contentId] : [])),
    ]);
    const ownTestimonials = await ctx.db.query<{ id: string }>('SELECT id FROM testimonials WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [
      organisationId,
      unique.flatMap((event) => (event.testimonialId ? [event.testimonialId] : [])),
    ]);
    const contentIds = new Set(ownContent.rows.map((row) => row.id));
    const testimonialIds = new Set(ownTestimonials.rows.map((row) => row.id));

    const accepted = await ctx.db.transaction(async (tx) => {
      const occurred = unique.map((event) => new Date(Math.min(Date.parse(event.occurredAt), now.getTime())));
      const { rows } = await tx.query<{ occurred_at: Date }>(
        `INSERT INTO impression_events (organisation_id, client_event_id, kind, content_id, testimonial_id, occurred_at, received_at)
         SELECT $1, id, kind, content_id, testimonial_id, occurred_at, $7
           FROM unnest($2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::timestamptz[]) AS batch (id, kind, content_id, testimonial_id, occurred_at)
         ON CONFLICT (organisation_id, client_event_id) DO NOTHING
         RETURNING occurred_at`,
        [
          organisationId,
          unique.map((event) => event.id),
          unique.map((event) => event.kind),
          unique.map((event) => (event.contentId && contentIds.has(event.contentId) ? event.contentId : null)),
          unique.map((event) => (event.testimonialId && testimonialIds.has(event.testimonialId) ? event.testimonialId : null)),
          occurred.map((date) => date.toISOString()),
          now,
        ],
      );
      const perDay = new Map<string, { at: Date; count: number }>();
      for (const row of rows) {
        const day = row.occurred_at.toISOString().slice(0, 10);
        const entry = perDay.get(day) ?? { at: row.occurred_at, count: 0 };
        entry.count += 1;
        perDay.set(day, entry);
      }
      for (const [, { at, count }] of [...perDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
        await addDailyStats(tx, { organisationId, at, network: IMPRESSIONS_NETWORK, impressions: count });
      }
      return rows.length;
    });
    reply.code(202);
    return { accepted, duplicates: body.events.length - accepted };
  });
};
