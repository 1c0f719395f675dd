import type { Leaderboard, LeaderboardEntry, Period } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import { run, sql } from '../db/sql.js';
import { decodeLeaderboardCursor, encodeLeaderboardCursor } from '../http/leaderboard-cursor.js';
import { loadAvatarHosts, shownAvatar } from './avatar-hosts.js';
import { isoDate, periodStart, previousPeriodRange } from './periods.js';

/** `team_key` of the histogram rows that count every team together. */
const ALL_TEAMS = '00000000-0000-0000-0000-000000000000';

interface RankedRow {
  employee_id: string;
  points: number;
  shares: number;
  clicks: number;
  display_name: string | null;
  name: string;
  avatar_url: string | null;
  team: string | null;
}

export interface LeaderboardRequest {
  period: Period;
  team?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * A page of the leaderboard: counters of the period read in index order
 * (points desc, employee id), keyset-paginated; ranks come from two
 * index-only counts, so a page costs the same at rank 1 and rank 90,000.
 */
export async function loadLeaderboard(db: Queryable, organisationId: string, employeeId: string, query: LeaderboardRequest, now: Date): Promise<Leaderboard> {
  const start = periodStart(query.period, now);
  const after = decodeLeaderboardCursor(query.cursor);
  let teamId: string | null = null;
  if (query.team !== undefined) {
    const team = await run<{ id: string }>(db, sql`SELECT id FROM teams WHERE organisation_id = ${organisationId} AND name = ${query.team}`);
    teamId = team.rows[0]?.id ?? ALL_TEAMS;
  }
  const listed = sql`organisation_id = ${organisationId} AND period_kind = ${query.period} AND period_start = ${start}
    ${teamId === null ? sql`` : sql`AND team_id = ${teamId}`} AND listed AND points > 0`;
  const afterPosition = after
    ? sql`AND points <= ${after.points} AND (points < ${after.points} OR employee_id > ${after.employeeId}::uuid)`
    : sql``;
  const { rows } = await run<RankedRow>(
    db,
    sql`SELECT p.employee_id, p.points, p.shares, p.clicks, e.display_name, e.name, e.avatar_url, t.name AS team
          FROM (SELECT employee_id, points, shares, clicks FROM points
                 WHERE ${listed} ${afterPosition}
                 ORDER BY points DESC, employee_id LIMIT ${query.limit + 1}) p
          JOIN employees e ON e.organisation_id = ${organisationId} AND e.id = p.employee_id
          LEFT JOIN teams t ON t.id = e.team_id
         ORDER BY p.points DESC, p.employee_id`,
  );
  const page = rows.slice(0, query.limit);
  const avatarHosts = await loadAvatarHosts(db, organisationId);

  /** One plus the listed employees above `points`, from the histogram of totals (see migration 007). */
  const rankOf = async (points: number): Promise<number> => {
    const above = await run<{ n: number }>(
      db,
      sql`SELECT coalesce(sum(employees), 0)::int AS n FROM points_histogram
           WHERE organisation_id = ${organisationId} AND period_kind = ${query.period} AND period_start = ${start}
             AND team_key = ${teamId ?? ALL_TEAMS} AND points > ${points}`,
    );
    return (above.rows[0]?.n ?? 0) + 1;
  };

  // The page's first row: its rank, and how many of its ties come before it in the listing.
  const first = page[0];
  let firstIndex = 0;
  let firstRank = 1;
  if (first) {
    const tied = await run<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM points WHERE ${listed} AND points = ${first.points} AND employee_id < ${first.employee_id}::uuid`,
    );
    firstRank = await rankOf(first.points);
    firstIndex = firstRank - 1 + (tied.rows[0]?.n ?? 0);
  }
  const items: LeaderboardEntry[] = [];
  let previous: { points: number; rank: number } | undefined;
  for (const [index, row] of page.entries()) {
    // Standard competition ranking: a tie group's rank is one more than the rows above it.
    const rank = previous === undefined ? firstRank : previous.points === row.points ? previous.rank : firstIndex + index + 1;
    previous = { points: row.points, rank };
    items.push({
      rank,
      displayName: row.display_name ?? row.name,
      avatarUrl: shownAvatar(row.avatar_url, avatarHosts),
      team: row.team,
      points: row.points,
      shares: row.shares,
      clicks: row.clicks,
      isMe: row.employee_id === employeeId,
    });
  }

  const mine = await run<{ points: number; shares: number; clicks: number; opted_in: boolean }>(
    db,
    sql`SELECT coalesce(p.points, 0)::int AS points, coalesce(p.shares, 0)::int AS shares, coalesce(p.clicks, 0)::int AS clicks,
               e.leaderboard_opt_in AS opted_in
          FROM employees e
          LEFT JOIN points p ON p.organisation_id = e.organisation_id AND p.employee_id = e.id
                            AND p.period_kind = ${query.period} AND p.period_start = ${start}
         WHERE e.organisation_id = ${organisationId} AND e.id = ${employeeId}`,
  );
  const me = mine.rows[0] ?? { points: 0, shares: 0, clicks: 0, opted_in: false };
  const before = previousPeriodRange(query.period, now);
  const previousStart = before ? isoDate(before.start) : undefined;
  const mineBefore = previousStart
    ? ((
        await run<{ points: number; shares: number; clicks: number }>(
          db,
          sql`SELECT points::int, shares::int, clicks::int FROM points
               WHERE organisation_id = ${organisationId} AND period_kind = ${query.period} AND period_start = ${previousStart}
                 AND employee_id = ${employeeId}`,
        )
      ).rows[0] ?? { points: 0, shares: 0, clicks: 0 })
    : undefined;
  const inTeam =
    teamId === null ||
    page.some((row) => row.employee_id === employeeId) ||
    (await run(db, sql`SELECT 1 FROM employees WHERE organisation_id = ${organisationId} AND id = ${employeeId} AND team_id = ${teamId}`)).rows.length > 0;
  const myRank = me.opted_in && me.points > 0 && inTeam ? await rankOf(me.points) : null;

  const last = page.at(-1);
  return {
    period: query.period,
    periodStart: start,
    periodEnd: isoDate(now),
    team: query.team ?? null,
    items,
    nextCursor: rows.length > query.limit && last ? encodeLeaderboardCursor({ points: last.points, employeeId: last.employee_id }) : null,
    me: {
      rank: myRank,
      points: me.points,
      shares: me.shares,
      clicks: me.clicks,
      optedIn: me.opted_in,
      ...(previousStart && mineBefore ? { previous: { periodStart: previousStart, ...mineBefore } } : {}),
    },
  };
}
