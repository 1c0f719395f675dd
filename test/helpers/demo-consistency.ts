import type { Db } from '../../packages/server/src/db/db.js';

/**
 * How many counters disagree with the raw rows they stand for, in a
 * database holding only the demo (a share's points as its award row says,
 * once per content; 1 a credited click):
 * points per employee and period, daily figures per network, all-time
 * points per employee, and credited clicks in total. All zero when the
 * counters are right.
 */
export async function demoCounterMismatches(db: Db): Promise<{ periods: number; daily: number; allTime: number; dailyTotal: number }> {
  const count = async (sql: string): Promise<number> => (await db.query<{ n: number }>(sql)).rows[0]!.n;
  const periods = await count(`
    WITH events AS (
      SELECT s.employee_id, s.created_at AS at, 0 AS points, 1 AS shares, 0 AS clicks FROM shares s
      UNION ALL
      SELECT a.employee_id, a.awarded_at, a.points, 0, 0 FROM share_awards a
      UNION ALL
      SELECT s.employee_id, c.occurred_at, 1, 0, 1 FROM clicks c JOIN shares s ON s.id = c.share_id WHERE c.credited),
    expected AS (
      SELECT employee_id, kind,
             CASE kind WHEN 'all' THEN DATE '1970-01-01'
                       ELSE date_trunc(kind, at AT TIME ZONE 'UTC')::date END AS start,
             sum(points) AS points, sum(shares) AS shares, sum(clicks) AS clicks
        FROM events CROSS JOIN unnest(ARRAY['week', 'month', 'quarter', 'all']) AS kind
       GROUP BY 1, 2, 3)
    SELECT count(*)::int AS n FROM expected x
      FULL JOIN points p ON p.employee_id = x.employee_id AND p.period_kind = x.kind AND p.period_start = x.start
     WHERE x.points IS DISTINCT FROM p.points OR x.shares IS DISTINCT FROM p.shares OR x.clicks IS DISTINCT FROM p.clicks`);
  const daily = await count(`
    WITH expected AS (
      SELECT day, network, sum(shares) AS shares, sum(credited) AS credited, sum(uncredited) AS uncredited FROM (
        SELECT (s.created_at AT TIME ZONE 'UTC')::date AS day, s.network, 1 AS shares, 0 AS credited, 0 AS uncredited FROM shares s
        UNION ALL
        SELECT (c.occurred_at AT TIME ZONE 'UTC')::date, s.network, 0, CASE WHEN c.credited THEN 1 ELSE 0 END, CASE WHEN c.credited THEN 0 ELSE 1 END
          FROM clicks c JOIN shares s ON s.id = c.share_id) AS rows
       GROUP BY 1, 2)
    SELECT count(*)::int AS n FROM expected x FULL JOIN daily_stats d ON d.day = x.day AND d.network = x.network
     WHERE x.shares IS DISTINCT FROM d.shares OR x.credited IS DISTINCT FROM d.credited_clicks OR x.uncredited IS DISTINCT FROM d.uncredited_clicks`);
  const allTime = await count(`
    WITH expected AS (
      SELECT e.id AS employee_id,
             (SELECT coalesce(sum(a.points), 0) FROM share_awards a WHERE a.employee_id = e.id)
           + (SELECT count(*) FROM clicks c JOIN shares s ON s.id = c.share_id WHERE s.employee_id = e.id AND c.credited) AS points
        FROM employees e)
    SELECT count(*)::int AS n FROM expected x
      LEFT JOIN points p ON p.employee_id = x.employee_id AND p.period_kind = 'all'
     WHERE coalesce(p.points, 0) <> x.points`);
  const dailyTotal = await count(`SELECT abs((SELECT coalesce(sum(credited_clicks), 0) FROM daily_stats)::int - (SELECT count(*) FROM clicks WHERE credited)::int) AS n`);
  return { periods, daily, allTime, dailyTotal };
}
