import type { FastifyPluginAsync } from 'fastify';
import { routes, type Leaderboard, type LeaderboardEntry } from '@advocacy/sdk/contract';
import type { SqlParam } from '../db/db.js';
import { loadAvatarHosts, shownAvatar } from '../domain/avatar-hosts.js';
import { isoDate, periodStart, previousPeriodRange } from '../domain/periods.js';
import { registerRoute } from '../http/contract-route.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import type { ServerContext } from '../server-context.js';

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

/**
 * `GET /v1/leaderboard`: counters of the period read in index order
 * (points desc, employee id), keyset-paginated; ranks come from two
 * index-only counts, so a page costs the same at rank 1 and rank 90,000.
 */
export const leaderboardRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;

  registerRoute(app, ctx, routes.getLeaderboard, async ({ query, principal }) => {
    const start = periodStart(query.period, ctx.now());
    const scope: SqlParam[] = [principal.organisationId, query.period, start];
    let teamFilter = '';
    let teamId: string | null = null;
    if (query.team !== undefined) {
      const team = await db.query<{ id: string }>('SELECT id FROM teams WHERE organisation_id = $1 AND name = $2', [principal.organisationId, query.team]);
      teamId = team.rows[0]?.id ?? '00000000-0000-0000-0000-000000000000';
      scope.push(teamId);
      teamFilter = `AND team_id = $${scope.length}`;
    }
    const listed = `organisation_id = $1 AND period_kind = $2 AND period_start = $3 ${teamFilter} AND listed AND points > 0`;
    const after = decodeCursor(query.cursor, 2);
    const pageParams = [...scope, after ? Number(after[0]) : null, after ? String(after[1]) : null, query.limit + 1];
    const n = scope.length;
    const { rows } = await db.query<RankedRow>(
      `SELECT p.employee_id, p.points, p.shares, p.clicks, e.display_name, e.name, e.avatar_url, t.name AS team
         FROM (SELECT employee_id, points, shares, clicks FROM points
                WHERE ${listed}
                  AND ($${n + 1}::bigint IS NULL OR (points <= $${n + 1}::bigint
                       AND (points < $${n + 1}::bigint OR employee_id > $${n + 2}::uuid)))
                ORDER BY points DESC, employee_id LIMIT $${n + 3}) p
         JOIN employees e ON e.organisation_id = $1 AND e.id = p.employee_id
         LEFT JOIN teams t ON t.id = e.team_id
        ORDER BY p.points DESC, p.employee_id`,
      pageParams,
    );
    const page = rows.slice(0, query.limit);
    const avatarHosts = await loadAvatarHosts(db, principal.organisationId);

    /** One plus the listed employees above `points`, from the histogram of totals (see migration 007). */
    const rankOf = async (points: number): Promise<number> => {
      const above = await db.query<{ n: number }>(
        `SELECT coalesce(sum(employees), 0)::int AS n FROM points_histogram
          WHERE organisation_id = $1 AND period_kind = $2 AND period_start = $3 AND team_key = $4 AND points > $5`,
        [principal.organisationId, query.period, start, teamId ?? ALL_TEAMS, points],
      );
      return (above.rows[0]?.n ?? 0) + 1;
    };

    // The page's first row: its rank, and how many of its ties come before it in the listing.
    const first = page[0];
    let firstIndex = 0;
    let firstRank = 1;
    if (first) {
      const tied = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM points WHERE ${listed} AND points = $${n + 1} AND employee_id < $${n + 2}::uuid`,
        [...scope, first.points, first.employee_id],
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
        isMe: row.employee_id === principal.employeeId,
      });
    }

    const mine = await db.query<{ points: number; shares: number; clicks: number; listed: boolean; opted_in: boolean }>(
      `SELECT coalesce(p.points, 0)::int AS points, coalesce(p.shares, 0)::int AS shares, coalesce(p.clicks, 0)::int AS clicks,
              e.leaderboard_opt_in AS opted_in
         FROM employees e
         LEFT JOIN points p ON p.organisation_id = e.organisation_id AND p.employee_id = e.id AND p.period_kind = $3 AND p.period_start = $4
        WHERE e.organisation_id = $1 AND e.id = $2`,
      [principal.organisationId, principal.employeeId, query.period, start],
    );
    const me = mine.rows[0] ?? { points: 0, shares: 0, clicks: 0, opted_in: false };
    const before = previousPeriodRange(query.period, ctx.now());
    const previousStart = before ? isoDate(before.start) : undefined;
    const mineBefore = previousStart
      ? (
          await db.query<{ points: number; shares: number; clicks: number }>(
            `SELECT points::int, shares::int, clicks::int FROM points
              WHERE organisation_id = $1 AND period_kind = $2 AND period_start = $3 AND employee_id = $4`,
            [principal.organisationId, query.period, previousStart, principal.employeeId],
          )
        ).rows[0] ?? { points: 0, shares: 0, clicks: 0 }
      : undefined;
    const inTeam = teamId === null || page.some((row) => row.employee_id === principal.employeeId) || (await isInTeam(principal.employeeId, teamId));
    const myRank = me.opted_in && me.points > 0 && inTeam ? await rankOf(me.points) : null;

    const last = page.at(-1);
    const body: Leaderboard = {
      period: query.period,
      periodStart: start,
      periodEnd: isoDate(ctx.now()),
      team: query.team ?? null,
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.points, last.employee_id]) : null,
      me: {
        rank: myRank,
        points: me.points,
        shares: me.shares,
        clicks: me.clicks,
        optedIn: me.opted_in,
        ...(previousStart && mineBefore ? { previous: { periodStart: previousStart, ...mineBefore } } : {}),
      },
    };
    return body;

    async function isInTeam(employeeId: string, team: string): Promise<boolean> {
      const { rows: found } = await db.query('SELECT 1 FROM employees WHERE organisation_id = $1 AND id = $2 AND team_id = $3', [principal.organisationId, employeeId, team]);
      return found.length > 0;
    }
  });
};
