import { PERIODS } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import { periodStart } from './periods.js';

export interface PointsDelta {
  organisationId: string;
  employeeId: string;
  /** When the event happened: it decides which week, month and quarter move. */
  at: Date;
  points: number;
  shares?: number;
  clicks?: number;
}

/**
 * Moves the employee's counters for the week, month, quarter and all time
 * containing `at`, in the caller's transaction. One upsert per period kind,
 * in a fixed order so concurrent credits cannot deadlock.
 */
export async function addPoints(tx: Queryable, delta: PointsDelta): Promise<void> {
  for (const kind of PERIODS) {
    await tx.query(
      `INSERT INTO points (organisation_id, period_kind, period_start, employee_id, points, shares, clicks, listed, team_id)
       SELECT $1, $2, $3, $4, $5, $6, $7, e.leaderboard_opt_in, e.team_id
         FROM employees e WHERE e.organisation_id = $1 AND e.id = $4
       ON CONFLICT (organisation_id, period_kind, period_start, employee_id) DO UPDATE
         SET points = points.points + EXCLUDED.points,
             shares = points.shares + EXCLUDED.shares,
             clicks = points.clicks + EXCLUDED.clicks`,
      [delta.organisationId, kind, periodStart(kind, delta.at), delta.employeeId, delta.points, delta.shares ?? 0, delta.clicks ?? 0],
    );
  }
}

export interface DailyStatsDelta {
  organisationId: string;
  at: Date;
  network: string;
  shares?: number;
  creditedClicks?: number;
  uncreditedClicks?: number;
  impressions?: number;
}

/** Moves the programme's per-day, per-network figures, in the caller's transaction. */
export async function addDailyStats(tx: Queryable, delta: DailyStatsDelta): Promise<void> {
  await tx.query(
    `INSERT INTO daily_stats (organisation_id, day, network, shares, credited_clicks, uncredited_clicks, impressions)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (organisation_id, day, network) DO UPDATE
       SET shares = daily_stats.shares + EXCLUDED.shares,
           credited_clicks = daily_stats.credited_clicks + EXCLUDED.credited_clicks,
           uncredited_clicks = daily_stats.uncredited_clicks + EXCLUDED.uncredited_clicks,
           impressions = daily_stats.impressions + EXCLUDED.impressions`,
    [
      delta.organisationId,
      delta.at.toISOString().slice(0, 10),
      delta.network,
      delta.shares ?? 0,
      delta.creditedClicks ?? 0,
      delta.uncreditedClicks ?? 0,
      delta.impressions ?? 0,
    ],
  );
}

/** Copies an employee's opt-in and team onto their counters, so leaderboard reads need no join to filter. */
export async function syncLeaderboardListing(tx: Queryable, organisationId: string, employeeId: string): Promise<void> {
  await tx.query(
    `UPDATE points p SET listed = e.leaderboard_opt_in, team_id = e.team_id
       FROM employees e
      WHERE e.organisation_id = $1 AND e.id = $2 AND p.organisation_id = $1 AND p.employee_id = $2
        AND (p.listed IS DISTINCT FROM e.leaderboard_opt_in OR p.team_id IS DISTINCT FROM e.team_id)`,
    [organisationId, employeeId],
  );
}
