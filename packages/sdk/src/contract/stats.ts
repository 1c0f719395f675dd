import * as z from 'zod/mini';
import { IsoDateSchema, NetworkSchema, PeriodSchema } from './common.js';
import type { RouteDefinition } from './route-definition.js';

const count = z.int().check(z.minimum(0));

export const NetworkStatsSchema = z.object({
  network: NetworkSchema,
  shares: count,
  creditedClicks: count,
  uncreditedClicks: count,
  /** Sum of the declared audiences on this network of the employees who shared on it in the period, each counted once. */
  estimatedReach: count,
});

export const DayStatsSchema = z.object({ day: IsoDateSchema, shares: count, creditedClicks: count, uncreditedClicks: count, impressions: count });

/** A period's totals, as a public page may show them (the public stats and the period before both have them). */
const periodTotals = {
  periodStart: IsoDateSchema,
  /** Its last day (today for the current period). */
  periodEnd: IsoDateSchema,
  shares: count,
  creditedClicks: count,
  activeAmbassadors: count,
  estimatedReach: count,
};

/**
 * The period just before, in totals: so a period that has just begun can say
 * so and show the last one beside it. Absent for `all`.
 */
export const PreviousPeriodTotalsSchema = z.object(periodTotals);
export type PreviousPeriodTotals = z.infer<typeof PreviousPeriodTotalsSchema>;

/** Programme figures for a period: what the organisation achieved together. */
export const StatsSchema = z.object({
  period: PeriodSchema,
  periodStart: IsoDateSchema,
  /** Last day included (today for the current period). */
  periodEnd: IsoDateSchema,
  shares: count,
  /** Readers: a person's first visit of a link in a day, not bots, previews, sharers or repeats. */
  creditedClicks: count,
  /** Bot, preview, sharer's own and repeat visits, recorded but not counted as readers. */
  uncreditedClicks: count,
  /** Employees who shared at least once in the period. */
  activeAmbassadors: count,
  /**
   * Each employee × network with a share in the period counts once, with the
   * audience the employee declares now for that network (see `GET /v1/me`).
   */
  estimatedReach: count,
  /** Widget impressions (`POST /v1/events`) in the period. */
  impressions: count,
  byNetwork: z.array(NetworkStatsSchema),
  /** Every day of the period (the last 90 days for `all`), zeros included. */
  byDay: z.array(DayStatsSchema),
  previous: z.optional(PreviousPeriodTotalsSchema),
});
export type Stats = z.infer<typeof StatsSchema>;

/** The programme totals a public page may show: no per-day or per-network detail, no bot or repeat counts. */
export const PublicStatsSchema = z.object({ period: PeriodSchema, ...periodTotals, previous: z.optional(PreviousPeriodTotalsSchema) });
export type PublicStats = z.infer<typeof PublicStatsSchema>;

export const StatsQuerySchema = z.strictObject({ period: z._default(PeriodSchema, 'month') });
export type StatsQuery = z.input<typeof StatsQuerySchema>;

export const statsRoutes = {
  getStats: {
    method: 'GET',
    path: '/v1/stats',
    // Employees and admins: no audience says exactly that, so the handler turns publishable keys away.
    audience: 'public',
    scope: 'stats:read',
    query: StatsQuerySchema,
    responses: { 200: StatsSchema },
  },
  getPublicStats: {
    method: 'GET',
    path: '/v1/stats/public',
    audience: 'public',
    scope: 'stats:read',
    query: StatsQuerySchema,
    responses: { 200: PublicStatsSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
