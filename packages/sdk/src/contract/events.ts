import * as z from 'zod/mini';
import { IsoDateTimeSchema, UuidSchema } from './common.js';
import type { RouteDefinition } from './route-definition.js';

export const MAX_EVENTS_PER_BATCH = 100;
/** Events older than this are refused: figures of past periods stay as reported. */
export const MAX_EVENT_AGE_DAYS = 30;

export const ImpressionEventSchema = z.strictObject({
  /** Chosen by the client; sending the same id again is ignored. */
  id: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : -')),
  kind: z.literal('impression'),
  /** Ids of another organisation's content or testimonials are dropped (the impression still counts). */
  contentId: z.optional(UuidSchema),
  testimonialId: z.optional(UuidSchema),
  /** Within the last 30 days; up to 5 minutes ahead of the server's clock is taken as now, further ahead is refused. */
  occurredAt: IsoDateTimeSchema,
});
export type ImpressionEvent = z.infer<typeof ImpressionEventSchema>;

export const EventBatchSchema = z.strictObject({
  events: z.array(ImpressionEventSchema).check(z.minLength(1), z.maxLength(MAX_EVENTS_PER_BATCH)),
});
export type EventBatch = z.input<typeof EventBatchSchema>;

export const EventBatchResultSchema = z.object({ accepted: z.int(), duplicates: z.int() });
export type EventBatchResult = z.infer<typeof EventBatchResultSchema>;

export const eventRoutes = {
  sendEvents: {
    method: 'POST',
    path: '/v1/events',
    audience: 'public',
    // Widgets send impressions with the publishable key; no server use needs it, so only an `admin` secret key may.
    scope: 'admin',
    query: z.strictObject({ key: z.optional(z.string().check(z.maxLength(200))) }),
    body: EventBatchSchema,
    responses: { 202: EventBatchResultSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
