// GET /v1/leaderboard on Postgres with 100,000 employees and 10 million click
// events: latency p50/p99 of the first page, a deep page, a team page, and a
// caller ranked near the bottom, against GET /healthz (one SELECT 1) on the
// same server in the same run. Goal: p99 ≤ 10 ms. Needs DATABASE_URL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SignJWT } from 'jose';
import { migrate } from '../packages/server/src/db/migrate.js';
import { openPostgres } from '../packages/server/src/db/postgres.js';
import { createOrganisation } from '../packages/server/src/domain/organisations.js';
import { load, serve } from './helpers/load.js';

const adminUrl = process.env['DATABASE_URL'];
if (!adminUrl) {
  console.log('skipped: set DATABASE_URL to a Postgres server (the bench creates and drops its own database)');
  process.exit(0);
}
const EMPLOYEES = Number(process.env['BENCH_EMPLOYEES'] ?? 100_000);
const CLICKS = Number(process.env['BENCH_CLICKS'] ?? 10_000_000);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
// One request at a time measures latency, not queueing; raise it to see throughput under load.
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 1);

const name = `adv_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;

try {
  const db = await openPostgres({ connectionString: url.href, statementTimeoutMs: 600_000 });
  await migrate(db);
  const secret = randomBytes(32).toString('base64url');
  const org = await createOrganisation(db, { slug: 'bench', name: 'Bench', allowedDomains: ['bench.example'], jwt: { issuer: 'https://idp.bench.example/', audience: 'bench', hs256Secret: secret } });
  const started = performance.now();
  // 100k employees in 20 teams, 90 % opted in; one content; one share each; 10M clicks over 60 days, 70 % credited.
  await db.exec(`
    INSERT INTO teams (id, organisation_id, name) SELECT gen_random_uuid(), '${org.id}', 'Team ' || t FROM generate_series(1, 20) t;
    INSERT INTO employees (id, organisation_id, subject, name, team_id, leaderboard_opt_in)
      SELECT gen_random_uuid(), '${org.id}', 'e' || n, 'Employee ' || n,
             (SELECT id FROM teams WHERE name = 'Team ' || (1 + n % 20)), n % 10 <> 0
        FROM generate_series(1, ${EMPLOYEES}) n;
    INSERT INTO content (id, organisation_id, title, url, locale) VALUES ('00000000-0000-4000-8000-000000000001', '${org.id}', 'Bench', 'https://bench.example/', 'en');
    INSERT INTO shares (id, organisation_id, employee_id, content_id, network, code, created_at)
      SELECT gen_random_uuid(), '${org.id}', id, '00000000-0000-4000-8000-000000000001', 'linkedin', 'b' || subject, now() - interval '60 days' FROM employees;
    CREATE TEMP TABLE share_ids AS SELECT row_number() OVER () AS n, id FROM shares;
    INSERT INTO clicks (organisation_id, share_id, occurred_at, visitor_hash, credited, reason, click_id)
      SELECT '${org.id}', s.id, now() - (random() * interval '60 days'), '\\x00'::bytea, r < 0.7, CASE WHEN r < 0.7 THEN NULL ELSE 'repeat' END, gen_random_uuid()
        FROM (SELECT 1 + floor(power(random(), 3) * ${EMPLOYEES})::int AS n, random() AS r FROM generate_series(1, ${CLICKS})) g
        JOIN share_ids s ON s.n = g.n;
    ALTER TABLE points DISABLE TRIGGER points_histogram_move;
    INSERT INTO points (organisation_id, period_kind, period_start, employee_id, points, shares, clicks, listed, team_id)
      SELECT '${org.id}', kind, start, c.employee_id, sum(c.n), 0, sum(c.n), e.leaderboard_opt_in, e.team_id
        FROM (SELECT s.employee_id, k.kind,
                     CASE k.kind WHEN 'all' THEN DATE '1970-01-01' ELSE date_trunc(k.kind, cl.occurred_at AT TIME ZONE 'UTC')::date END AS start,
                     count(*) AS n
                FROM clicks cl JOIN shares s ON s.id = cl.share_id
                CROSS JOIN (VALUES ('week'), ('month'), ('quarter'), ('all')) k (kind)
               WHERE cl.credited
               GROUP BY 1, 2, 3) c
        JOIN employees e ON e.id = c.employee_id
       GROUP BY kind, start, c.employee_id, e.leaderboard_opt_in, e.team_id;
    -- Built once from the counters, as migration 007 does, instead of 1.5M trigger calls.
    INSERT INTO points_histogram (organisation_id, period_kind, period_start, team_key, points, employees)
      SELECT organisation_id, period_kind, period_start, '00000000-0000-0000-0000-000000000000', points, count(*) FROM points WHERE listed AND points > 0 GROUP BY 1, 2, 3, 5
      UNION ALL
      SELECT organisation_id, period_kind, period_start, team_id, points, count(*) FROM points WHERE listed AND points > 0 AND team_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
    ALTER TABLE points ENABLE TRIGGER points_histogram_move;`);
  // As autovacuum would have by now: statistics, and a visibility map so rank counts are index-only scans.
  await db.exec('VACUUM ANALYZE points');
  await db.exec('VACUUM ANALYZE points_histogram');
  await db.exec('ANALYZE');
  const seeded = await db.query<{ clicks: number; points: number }>('SELECT (SELECT count(*) FROM clicks)::int AS clicks, (SELECT count(*) FROM points)::int AS points');
  console.log(`seeded ${EMPLOYEES} employees, ${seeded.rows[0]?.clicks} clicks, ${seeded.rows[0]?.points} counter rows in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const bottom = await db.query<{ subject: string }>(
    `SELECT e.subject FROM points p JOIN employees e ON e.id = p.employee_id WHERE p.period_kind = 'month' AND p.listed ORDER BY p.points, e.id LIMIT 1`,
  );
  await db.close();

  const token = await new SignJWT({ name: 'Bench', team: 'Team 7' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(bottom.rows[0]?.subject ?? 'e1')
    .setIssuer('https://idp.bench.example/')
    .setAudience('bench')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
  const headers = { authorization: `Bearer ${token}` };

  process.env['BENCH_DATABASE_URL'] = url.href; // serve() passes its environment on
  const server = await serve('api-postgres');
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const first = (await (await fetch(`${base}/v1/leaderboard?period=month&limit=20`, { headers })).json()) as { nextCursor: string; me: { rank: number } };
    let cursor = first.nextCursor;
    for (let page = 0; page < 50; page++) {
      const next = (await (await fetch(`${base}/v1/leaderboard?period=month&limit=100&cursor=${cursor}`, { headers })).json()) as { nextCursor: string };
      cursor = next.nextCursor;
    }
    console.log(`caller's rank: ${first.me.rank}; deep page starts after ~${20 + 50 * 100} rows`);
    const results = {
      '/healthz (SELECT 1)': await load(`${base}/healthz`, seconds, CONNECTIONS),
      'leaderboard, first page': await load(`${base}/v1/leaderboard?period=month&limit=20`, seconds, CONNECTIONS, headers),
      'leaderboard, page ~50': await load(`${base}/v1/leaderboard?period=month&limit=20&cursor=${cursor}`, seconds, CONNECTIONS, headers),
      'leaderboard, one team': await load(`${base}/v1/leaderboard?period=month&limit=20&team=Team%207`, seconds, CONNECTIONS, headers),
      'leaderboard, all time': await load(`${base}/v1/leaderboard?period=all&limit=20`, seconds, CONNECTIONS, headers),
    };
    console.table(results);
    const baseline = results['/healthz (SELECT 1)'];
    for (const [label, result] of Object.entries(results)) {
      console.log(`${label}: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, p99 / healthz p99 = ${(result.p99Ms / Math.max(1, baseline.p99Ms)).toFixed(1)}`);
      if (result.errors > 0) process.exitCode = 1;
    }
  } finally {
    server.child.kill();
  }
} finally {
  await new Promise((resolve) => setTimeout(resolve, 500));
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
