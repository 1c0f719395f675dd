import * as z from 'zod/mini';
import { IsoDateSchema } from './common.js';
import type { RouteDefinition } from './route-definition.js';

// The programme dashboard's figures (docs/programme-figures.md holds the
// written definition of each, the words the dashboard shows).

const count = z.int().check(z.minimum(0));
/** A share of people, 0 to 1; null when there is nobody to divide by. */
const ratio = z.nullable(z.number().check(z.minimum(0), z.maximum(1)));

/** The longest range one read covers, in days (a leap year). */
export const ADMIN_STATS_MAX_DAYS = 366;
/** Teams with fewer employees than this are folded into one "other teams" row. */
export const TEAM_THRESHOLD = 5;

export const ADMIN_STATS_GROUPS = ['day', 'network', 'team', 'campaign', 'content'] as const;
export const AdminStatsGroupSchema = z.enum(ADMIN_STATS_GROUPS);
export type AdminStatsGroup = z.infer<typeof AdminStatsGroupSchema>;

/** Visits recorded but not counted as readers, by why. */
export const UncreditedVisitsSchema = z.object({
  /** Robots and HEAD requests: no person. */
  bots: count,
  /** Link-preview fetchers (LinkedIn, Slack, WhatsApp…) drawing the post's card. */
  linkPreviews: count,
  /** The same visitor again that day, more visits from one network than the daily limit, or visits past a burst. */
  repeats: count,
  /** The sharer's own device, or their network on a day they shared from it. */
  ownClicks: count,
  total: count,
});
export type UncreditedVisits = z.infer<typeof UncreditedVisitsSchema>;

/** An estimate from the organisation's own cost per click and per thousand impressions; null when it set neither. */
export const EarnedMediaSchema = z.object({
  value: z.number().check(z.minimum(0)),
  /** ISO 4217, as set in the programme settings. */
  currency: z.string(),
  cpc: z.number(),
  cpm: z.number(),
  /** The formula in words, to show beside the value. */
  formula: z.string(),
  /** Always true: the value is an estimate, never a measured figure. */
  estimate: z.literal(true),
});
export type EarnedMedia = z.infer<typeof EarnedMediaSchema>;

export const AdminStatsRangeSchema = z.object({ from: IsoDateSchema, to: IsoDateSchema, days: count });
export type AdminStatsRange = z.infer<typeof AdminStatsRangeSchema>;

/** The figures of one range. */
export const ProgrammeKpisSchema = z.object({
  /** Employees with at least one share in the range. */
  activeAmbassadors: count,
  /** Employees opted in to the leaderboard now. */
  optedInEmployees: count,
  /** Every employee the identity provider introduced. */
  allEmployees: count,
  participation: z.object({
    /** activeAmbassadors / optedInEmployees. */
    ofOptedIn: ratio,
    /** activeAmbassadors / allEmployees. */
    ofAll: ratio,
  }),
  shares: count,
  /** A person's first visit of a link in a UTC day: not a robot, preview, repeat or the sharer. */
  creditedReaders: count,
  uncreditedVisits: UncreditedVisitsSchema,
  /** Declared audiences of the day's sharers, each employee × network once a day, summed over the range. */
  estimatedReach: count,
  earnedMedia: z.nullable(EarnedMediaSchema),
});
export type ProgrammeKpis = z.infer<typeof ProgrammeKpisSchema>;

/**
 * One row of a breakdown. `key` is the day (`YYYY-MM-DD`), the network, the
 * team id, the campaign or the content id; `no-team`, `other-teams` and
 * `no-campaign` stand for the groups without one. `label` is what to show
 * (the team's or content's name). `activeAmbassadors` is given by day and by
 * team only (null elsewhere); `employees` by team only.
 */
export const AdminStatsRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  shares: count,
  creditedReaders: count,
  uncreditedVisits: UncreditedVisitsSchema,
  estimatedReach: count,
  activeAmbassadors: z.nullable(count),
  employees: z.nullable(count),
});
export type AdminStatsRow = z.infer<typeof AdminStatsRowSchema>;

export const AdminStatsSchema = z.object({
  groupBy: AdminStatsGroupSchema,
  range: AdminStatsRangeSchema,
  /** The same number of days, ending the day before `range.from`. */
  previousRange: AdminStatsRangeSchema,
  kpis: ProgrammeKpisSchema,
  previousKpis: ProgrammeKpisSchema,
  /**
   * Day rows: every day of the range, zeros included, in order. Content: the
   * top 50 by readers. Others: by readers, then shares. Teams below
   * TEAM_THRESHOLD employees are folded into `other-teams`.
   */
  rows: z.array(AdminStatsRowSchema),
});
export type AdminStats = z.infer<typeof AdminStatsSchema>;

export const AdminStatsQuerySchema = z.strictObject({
  /** First UTC day, inclusive. */
  from: IsoDateSchema,
  /** Last UTC day, inclusive: at least `from`, at most 366 days in all. */
  to: IsoDateSchema,
  groupBy: z._default(AdminStatsGroupSchema, 'day'),
});
export type AdminStatsQuery = z.input<typeof AdminStatsQuerySchema>;

export const adminStatsRoutes = {
  getAdminStats: {
    method: 'GET',
    path: '/v1/admin/stats',
    audience: 'admin',
    scope: 'stats:read',
    query: AdminStatsQuerySchema,
    responses: { 200: AdminStatsSchema },
    // `Accept: text/csv`: the KPIs and rows as an RFC 4180 file.
    textFormats: ['text/csv'],
  },
} as const satisfies Record<string, RouteDefinition>;
