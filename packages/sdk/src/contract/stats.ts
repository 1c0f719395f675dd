import * as z from 'zod/mini';
import { NetworkSchema, PeriodSchema } from './common.js';
import type { RouteDefinition } from './route-definition.js';

const count = z.int().check(z.minimum(0));

export const NetworkStatsSchema = z.object({
  network: NetworkSchema,
  shares: count,
  creditedClicks: count,
  uncreditedClicks: count,
  /** Sum of the declared audiences of the employees who shared on this network in the period (each counted once). */
  estimatedReach: count,
});

export const DayStatsSchema = z.object({ day: z.iso.date(), shares: count, creditedClicks: count, uncreditedClicks: count, impressions: count });

/** Programme figures for a period: what the organisation achieved together. */
export const StatsSchema = z.object({
  period: PeriodSchema,
  periodStart: z.iso.date(),
  /** Last day included (today for the current period). */
  periodEnd: z.iso.date(),
  shares: count,
  /** Readers: a person's first visit of a link in a day, not bots, previews, sharers or repeats. */
  creditedClicks: count,
  /** Bot, preview, sharer's own and repeat visits, recorded but not counted as readers. */
  uncreditedClicks: count,
  /** Employees who shared at least once in the period. */
  activeAmbassadors: count,
  estimatedReach: count,
  impressions: count,
  byNetwork: z.array(NetworkStatsSchema),
  /** Every day of the period (the last 90 days for `all`), zeros included. */
  byDay: z.array(DayStatsSchema),
});
export type Stats = z.infer<typeof StatsSchema>;

export const statsRoutes = {
  getStats: {
    method: 'GET',
    path: '/v1/stats',
    summary: 'Programme figures for a period: shares, readers, ambassadors, estimated reach, by network and by day. No personal data.',
    audience: 'public',
    query: z.strictObject({ period: z._default(PeriodSchema, 'month') }),
    responses: { 200: StatsSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
