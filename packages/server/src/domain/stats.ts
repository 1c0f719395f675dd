import { NETWORK_AUDIENCE_CAPS, NETWORKS, type Network, type Period, type PreviousPeriodTotals, type Stats } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import { isoDate, periodRange, previousPeriodRange } from './periods.js';

const DAY_MS = 86_400_000;
/** `all` gives its daily series for the last this-many days; its totals still cover all time. */
export const ALL_TIME_SERIES_DAYS = 90;

const isNetwork = (value: string): value is Network => (NETWORKS as readonly string[]).includes(value);

interface DailyRow {
  day: string;
  network: string;
  shares: number;
  credited: number;
  uncredited: number;
  impressions: number;
}

/**
 * The programme's figures for the period containing `now`: counts from the
 * per-day counters (`daily_stats`), ambassadors and reach from the period's
 * shares. Days are UTC; the current period ends today.
 */
export async function loadStats(db: Queryable, organisationId: string, period: Period, now: Date): Promise<Stats> {
  const { start, end } = periodRange(period, now);
  const firstDay = isoDate(start);
  const lastDay = isoDate(new Date(Math.min(end.getTime() - DAY_MS, now.getTime())));

  const daily = await db.query<DailyRow>(
    `SELECT day::text AS day, network, shares, credited_clicks AS credited, uncredited_clicks AS uncredited, impressions
       FROM daily_stats WHERE organisation_id = $1 AND day BETWEEN $2 AND $3`,
    [organisationId, firstDay, lastDay],
  );
  const sharers = await loadSharers(db, organisationId, { start, end });

  const byNetwork = new Map<Network, Stats['byNetwork'][number]>();
  const networkRow = (network: Network): Stats['byNetwork'][number] => {
    let row = byNetwork.get(network);
    if (!row) byNetwork.set(network, (row = { network, shares: 0, creditedClicks: 0, uncreditedClicks: 0, estimatedReach: 0 }));
    return row;
  };
  const byDay = emptyDays(period === 'all' ? isoDate(new Date(Date.parse(lastDay) - (ALL_TIME_SERIES_DAYS - 1) * DAY_MS)) : firstDay, lastDay);
  const totals = { shares: 0, creditedClicks: 0, uncreditedClicks: 0, impressions: 0 };
  for (const row of daily.rows) {
    totals.shares += row.shares;
    totals.creditedClicks += row.credited;
    totals.uncreditedClicks += row.uncredited;
    totals.impressions += row.impressions;
    // Impressions are filed under 'web', which is no share network.
    if (isNetwork(row.network)) {
      const network = networkRow(row.network);
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
  for (const row of sharers.reachByNetwork) {
    if (!isNetwork(row.network)) continue;
    networkRow(row.network).estimatedReach = row.reach;
    estimatedReach += row.reach;
  }

  const before = previousPeriodRange(period, now);
  return {
    period,
    periodStart: firstDay,
    periodEnd: lastDay,
    ...totals,
    activeAmbassadors: sharers.ambassadors,
    estimatedReach,
    byNetwork: [...byNetwork.values()].sort((a, b) => b.shares - a.shares || a.network.localeCompare(b.network)),
    byDay: [...byDay.values()],
    ...(before ? { previous: await loadPeriodTotals(db, organisationId, before) } : {}),
  };
}

/**
 * Who shared in `[start, end)`: how many employees, and the reach they
 * declare on each network they shared to, each employee × network once
 * (docs/estimated-reach.md). Each figure counts at most its network's cap
 * (NETWORK_AUDIENCE_CAPS), and each employee at most the programme's
 * `reach_cap_per_employee` in the period: above it, their networks are
 * scaled down in proportion (rounded down), so one person cannot move the
 * total by more than the cap. A declared audience that is not a number
 * (hand-edited data) counts as 0, never a 500.
 */
async function loadSharers(db: Queryable, organisationId: string, { start, end }: { start: Date; end: Date }): Promise<{ ambassadors: number; reachByNetwork: { network: string; reach: number }[] }> {
  const capped = Object.entries(NETWORK_AUDIENCE_CAPS);
  const reach = await db.query<{ network: string; reach: number }>(
    `WITH declared AS (
       SELECT d.employee_id, d.network,
              least(CASE WHEN jsonb_typeof(e.audience -> d.network) = 'number' THEN greatest(floor((e.audience ->> d.network)::numeric), 0) ELSE 0 END, caps.cap) AS reach
         FROM (SELECT DISTINCT employee_id, network FROM shares
                WHERE organisation_id = $1 AND created_at >= $2 AND created_at < $3) d
         JOIN employees e ON e.organisation_id = $1 AND e.id = d.employee_id
         JOIN unnest($4::text[], $5::int[]) AS caps(network, cap) ON caps.network = d.network),
     per_employee AS (SELECT employee_id, sum(reach) AS total FROM declared GROUP BY employee_id),
     employee_cap AS (SELECT reach_cap_per_employee AS cap FROM organisations WHERE id = $1)
     SELECT declared.network,
            coalesce(sum(CASE WHEN p.total <= c.cap THEN declared.reach ELSE floor(declared.reach * c.cap / p.total) END), 0)::bigint AS reach
       FROM declared JOIN per_employee p USING (employee_id) CROSS JOIN employee_cap c
      GROUP BY declared.network`,
    [organisationId, start, end, capped.map(([network]) => network), capped.map(([, cap]) => cap)],
  );
  const ambassadors = await db.query<{ n: number }>(
    'SELECT count(DISTINCT employee_id)::int AS n FROM shares WHERE organisation_id = $1 AND created_at >= $2 AND created_at < $3',
    [organisationId, start, end],
  );
  return { ambassadors: ambassadors.rows[0]?.n ?? 0, reachByNetwork: reach.rows };
}

/** Totals of a whole past period `[start, end)`: what a period that has just begun shows beside itself. */
async function loadPeriodTotals(db: Queryable, organisationId: string, range: { start: Date; end: Date }): Promise<PreviousPeriodTotals> {
  const lastDay = isoDate(new Date(range.end.getTime() - DAY_MS));
  const { rows } = await db.query<{ shares: number; credited: number }>(
    `SELECT coalesce(sum(shares), 0)::int AS shares, coalesce(sum(credited_clicks), 0)::int AS credited
       FROM daily_stats WHERE organisation_id = $1 AND day BETWEEN $2 AND $3`,
    [organisationId, isoDate(range.start), lastDay],
  );
  const sharers = await loadSharers(db, organisationId, range);
  return {
    periodStart: isoDate(range.start),
    periodEnd: lastDay,
    shares: rows[0]?.shares ?? 0,
    creditedClicks: rows[0]?.credited ?? 0,
    activeAmbassadors: sharers.ambassadors,
    estimatedReach: sharers.reachByNetwork.filter((row) => isNetwork(row.network)).reduce((sum, row) => sum + row.reach, 0),
  };
}

/** Every day from `first` to `last` (inclusive, `YYYY-MM-DD`), at zero, in order. */
function emptyDays(first: string, last: string): Map<string, Stats['byDay'][number]> {
  const days = new Map<string, Stats['byDay'][number]>();
  for (let time = Date.parse(first); time <= Date.parse(last); time += DAY_MS) {
    const day = isoDate(new Date(time));
    days.set(day, { day, shares: 0, creditedClicks: 0, uncreditedClicks: 0, impressions: 0 });
  }
  return days;
}
