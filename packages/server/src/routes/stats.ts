import type { FastifyPluginAsync } from 'fastify';
import { NETWORKS, routes, type Network, type Stats } from '@advocacy/sdk/contract';
import { isoDate, periodRange } from '../domain/periods.js';
import { registerRoute } from '../http/contract-route.js';
import type { ServerContext } from '../server-context.js';

const DAY_MS = 86_400_000;
/** `all` shows its daily series for this many days. */
const ALL_TIME_SERIES_DAYS = 90;

/** `GET /v1/stats`: programme totals from the daily counters, reach and ambassadors from the period's shares. */
export const statsRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const { db } = ctx;

  registerRoute(app, ctx, routes.getStats, async ({ query, principal }) => {
    const now = ctx.now();
    const { start, end } = periodRange(query.period, now);
    const lastDay = isoDate(new Date(Math.min(end.getTime() - DAY_MS, now.getTime())));
    const firstDay = isoDate(start);
    const organisationId = principal.organisationId;

    const perDayNetwork = await db.query<{ day: string; network: string; shares: number; credited: number; uncredited: number; impressions: number }>(
      `SELECT day::text AS day, network, shares, credited_clicks AS credited, uncredited_clicks AS uncredited, impressions
         FROM daily_stats WHERE organisation_id = $1 AND day BETWEEN $2 AND $3`,
      [organisationId, firstDay, lastDay],
    );
    const reach = await db.query<{ network: string; ambassadors: number; reach: number }>(
      `SELECT d.network, count(*)::int AS ambassadors, coalesce(sum((e.audience ->> d.network)::bigint), 0)::bigint AS reach
         FROM (SELECT DISTINCT employee_id, network FROM shares
                WHERE organisation_id = $1 AND created_at >= $2 AND created_at < $3) d
         JOIN employees e ON e.organisation_id = $1 AND e.id = d.employee_id
        GROUP BY d.network`,
      [organisationId, start, end],
    );
    const ambassadors = await db.query<{ n: number }>(
      'SELECT count(DISTINCT employee_id)::int AS n FROM shares WHERE organisation_id = $1 AND created_at >= $2 AND created_at < $3',
      [organisationId, start, end],
    );

    const byNetwork = new Map<Network, Stats['byNetwork'][number]>();
    const networkRow = (network: Network) => {
      let row = byNetwork.get(network);
      if (!row) byNetwork.set(network, (row = { network, shares: 0, creditedClicks: 0, uncreditedClicks: 0, estimatedReach: 0 }));
      return row;
    };
    const seriesStart = query.period === 'all' ? isoDate(new Date(Date.parse(lastDay) - (ALL_TIME_SERIES_DAYS - 1) * DAY_MS)) : firstDay;
    const byDay = new Map<string, Stats['byDay'][number]>();
    for (let time = Date.parse(seriesStart); time <= Date.parse(lastDay); time += DAY_MS) {
      const day = isoDate(new Date(time));
      byDay.set(day, { day, shares: 0, creditedClicks: 0, uncreditedClicks: 0, impressions: 0 });
    }
    const totals = { shares: 0, creditedClicks: 0, uncreditedClicks: 0, impressions: 0 };
    for (const row of perDayNetwork.rows) {
      totals.shares += row.shares;
      totals.creditedClicks += row.credited;
      totals.uncreditedClicks += row.uncredited;
      totals.impressions += row.impressions;
      if ((NETWORKS as readonly string[]).includes(row.network)) {
        const network = networkRow(row.network as Network);
        network.shares += row.shares;
        network.creditedClicks += row.credited;
        network.uncreditedClicks += row.uncredited;
      }
      const day = byDay.get(row.day);
      if (day) {
        day.shares += row.shares;
        day.creditedClicks += row.credited;
        day.uncreditedClicks += row.uncredited;
        day.impressions += row.impressions;
      }
    }
    let estimatedReach = 0;
    for (const row of reach.rows) {
      if (!(NETWORKS as readonly string[]).includes(row.network)) continue;
      networkRow(row.network as Network).estimatedReach = Number(row.reach);
      estimatedReach += Number(row.reach);
    }

    const stats: Stats = {
      period: query.period,
      periodStart: firstDay,
      periodEnd: lastDay,
      ...totals,
      activeAmbassadors: ambassadors.rows[0]?.n ?? 0,
      estimatedReach,
      byNetwork: [...byNetwork.values()].sort((a, b) => b.shares - a.shares || a.network.localeCompare(b.network)),
      byDay: [...byDay.values()],
    };
    return stats;
  });
};
