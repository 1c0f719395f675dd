import * as z from 'zod/mini';
import { CursorSchema, IsoDateSchema, LimitQuerySchema, PeriodSchema, text } from './common.js';
import type { RouteDefinition } from './route-definition.js';

export const LeaderboardQuerySchema = z.strictObject({
  period: z._default(PeriodSchema, 'month'),
  /** A team name, as the identity provider sends it. */
  team: z.optional(text(120)),
  limit: LimitQuerySchema,
  cursor: z.optional(CursorSchema),
});
export type LeaderboardQuery = z.input<typeof LeaderboardQuerySchema>;

export const LeaderboardEntrySchema = z.object({
  /** Ties share a rank (1, 2, 2, 4). */
  rank: z.int(),
  displayName: z.string(),
  avatarUrl: z.nullable(z.string()),
  team: z.nullable(z.string()),
  points: z.int(),
  shares: z.int(),
  clicks: z.int(),
  /** The caller's own row. */
  isMe: z.boolean(),
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntrySchema>;

export const LeaderboardSchema = z.object({
  period: PeriodSchema,
  /** First day (UTC) of the period; weeks start on Monday. */
  periodStart: IsoDateSchema,
  team: z.nullable(z.string()),
  items: z.array(LeaderboardEntrySchema),
  nextCursor: z.nullable(z.string()),
  /** Last day (UTC) of the period counted so far: today. Equal to `periodStart` on a period's first day. */
  periodEnd: z.optional(IsoDateSchema),
  /** The caller, even outside the page: rank null until they opt in or earn points. */
  me: z.object({
    rank: z.nullable(z.int()),
    points: z.int(),
    shares: z.int(),
    clicks: z.int(),
    optedIn: z.boolean(),
    /** The caller's figures for the period just before (absent for `all`), so a period just begun can show them beside it. */
    previous: z.optional(z.object({ periodStart: IsoDateSchema, points: z.int(), shares: z.int(), clicks: z.int() })),
  }),
});
export type Leaderboard = z.infer<typeof LeaderboardSchema>;

export const leaderboardRoutes = {
  getLeaderboard: {
    method: 'GET',
    path: '/v1/leaderboard',
    audience: 'employee',
    query: LeaderboardQuerySchema,
    responses: { 200: LeaderboardSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
