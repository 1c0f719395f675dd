// GET /v1/admin/stats on Postgres with the leaderboard bench's data set
// (100,000 employees in 20 teams, one share each, 10 million clicks over 60
// days), plus shares spread over the past year so every day of a 365-day
// read has sharers: latency p50/p99 of a 365-day dashboard read by day, by
// team, by content and as CSV, against GET /healthz (one SELECT 1) on the
// same server in the same run. Goal: p99 ≤ 50 ms. The raw rows are written
// before migration 014, which then fills its counters from them (the
// backfill is timed too). Needs DATABASE_URL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SignJWT } from 'jose';
import { loadMigrations, migrate } from '../packages/server/src/db/migrate.js';
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
/** Extra shares spread over the past year (one content a week, shared by random employees). */
const YEAR_SHARES = Number(process.env['BENCH_YEAR_SHARES'] ?? EMPLOYEES);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 1);
const AGGREGATES_VERSION = 14;

const name = `adv_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;

try {
  const db = await openPostgres({ connectionString: url.href, statementTimeoutMs: 3_600_000 });
  const migrations = await loadMigrations();
  await migrate(db, migrations.filter((migration) => migration.version < AGGREGATES_VERSION));
  const secret = randomBytes(32).toString('base64url');
  const org = await createOrganisation(db, { slug: 'bench', name: 'Bench', allowedDomains: ['bench.example'], jwt: { issuer: 'https://idp.bench.example/', audience: 'bench', hs256Secret: secret } });
  let started = performance.now();
  // As the leaderboard bench: 100k employees in 20 teams, 90 % opted in; one content; one share each; 10M clicks over 60 days, 70 % credited.
  await db.exec(`
    INSERT INTO teams (id, organisation_id, name) SELECT gen_random_uuid(), '${org.id}', 'Team ' || t FROM generate_series(1, 20) t;
    INSERT INTO employees (id, organisation_id, subject, name, team_id, leaderboard_opt_in, audience)
      SELECT gen_random_uuid(), '${org.id}', 'e' || n, 'Employee ' || n,
             (SELECT id FROM teams WHERE name = 'Team ' || (1 + n % 20)), n % 10 <> 0, jsonb_build_object('linkedin', n % 2000, 'x', n % 300)
        FROM generate_series(1, ${EMPLOYEES}) n;
    INSERT INTO content (id, organisation_id, title, url, locale) VALUES ('00000000-0000-4000-8000-000000000001', '${org.id}', 'Bench', 'https://bench.example/', 'en');
    INSERT INTO shares (id, organisation_id, employee_id, content_id, network, code, created_at)
      SELECT gen_random_uuid(), '${org.id}', id, '00000000-0000-4000-8000-000000000001', 'linkedin', 'b' || subject, now() - interval '60 days' FROM employees;
    CREATE TEMP TABLE share_ids AS SELECT row_number() OVER () AS n, id FROM shares;
    INSERT INTO clicks (organisation_id, share_id, occurred_at, visitor_hash, credited, reason, click_id)
      SELECT '${org.id}', s.id, now() - (random() * interval '60 days'), '\\x00'::bytea, r < 0.7, CASE WHEN r < 0.7 THEN NULL WHEN r < 0.8 THEN 'preview' WHEN r < 0.9 THEN 'bot' ELSE 'repeat' END, gen_random_uuid()
        FROM (SELECT 1 + floor(power(random(), 3) * ${EMPLOYEES})::int AS n, random() AS r FROM generate_series(1, ${CLICKS})) g
        JOIN share_ids s ON s.n = g.n;
    -- A content a week for a year, in 5 campaigns, shared by random employees on random days of its week.
    INSERT INTO content (id, organisation_id, title, url, locale, campaign)
      SELECT gen_random_uuid(), '${org.id}', 'Week ' || w, 'https://bench.example/' || w, 'en', 'Campaign ' || (w % 5) FROM generate_series(1, 52) w;
    CREATE TEMP TABLE weekly AS SELECT row_number() OVER (ORDER BY title) AS w, id FROM content WHERE campaign IS NOT NULL;
    CREATE TEMP TABLE employee_ids AS SELECT row_number() OVER () AS n, id FROM employees;
    INSERT INTO shares (id, organisation_id, employee_id, content_id, network, code, created_at)
      SELECT gen_random_uuid(), '${org.id}', e.id, c.id, (ARRAY['linkedin', 'x', 'facebook'])[1 + g.k % 3], 'y' || g.k,
             now() - interval '1 year' + (c.w - 1) * interval '7 days' + random() * interval '7 days'
        FROM (SELECT k, 1 + floor(random() * ${EMPLOYEES})::int AS n, 1 + k % 52 AS w FROM generate_series(1, ${YEAR_SHARES}) k) g
        JOIN employee_ids e ON e.n = g.n JOIN weekly c ON c.w = g.w
      ON CONFLICT DO NOTHING;`);
  console.log(`seeded raw rows in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  started = performance.now();
  await migrate(db);
  console.log(`migration 014 filled the counters from them in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await db.exec('VACUUM ANALYZE programme_daily');
  await db.exec('VACUUM ANALYZE programme_day_totals');
  await db.exec('VACUUM ANALYZE programme_content_daily');
  await db.exec('VACUUM ANALYZE programme_sharer_days');
  await db.exec('VACUUM ANALYZE employees');
  const seeded = await db.query<{ clicks: number; shares: number; daily: number; sharer_days: number }>(
    `SELECT (SELECT count(*) FROM clicks)::int AS clicks, (SELECT count(*) FROM shares)::int AS shares,
            (SELECT count(*) FROM programme_daily)::int AS daily, (SELECT count(*) FROM programme_sharer_days)::int AS sharer_days`,
  );
  const figures = seeded.rows[0]!;
  console.log(`${EMPLOYEES} employees, ${figures.clicks} clicks, ${figures.shares} shares; counters: ${figures.daily} daily rows, ${figures.sharer_days} sharer-days`);
  await db.close();

  const token = await new SignJWT({ name: 'Bench admin', roles: ['advocacy-admin'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench-admin')
    .setIssuer('https://idp.bench.example/')
    .setAudience('bench')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
  const headers = { authorization: `Bearer ${token}` };
  const today = new Date();
  const to = today.toISOString().slice(0, 10);
  const from = new Date(today.getTime() - 364 * 86_400_000).toISOString().slice(0, 10);
  const range = `from=${from}&to=${to}`;

  process.env['BENCH_DATABASE_URL'] = url.href; // serve() passes its environment on
  const server = await serve('api-postgres');
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const check = (await (await fetch(`${base}/v1/admin/stats?${range}`, { headers })).json()) as { kpis: { activeAmbassadors: number; shares: number; creditedReaders: number } };
    console.log(`365 days: ${check.kpis.activeAmbassadors} active ambassadors, ${check.kpis.shares} shares, ${check.kpis.creditedReaders} credited readers`);
    const results = {
      '/healthz (SELECT 1)': await load(`${base}/healthz`, seconds, CONNECTIONS),
      'admin stats, 365 days by day': await load(`${base}/v1/admin/stats?${range}&groupBy=day`, seconds, CONNECTIONS, headers),
      'admin stats, 365 days by team': await load(`${base}/v1/admin/stats?${range}&groupBy=team`, seconds, CONNECTIONS, headers),
      'admin stats, 365 days top content': await load(`${base}/v1/admin/stats?${range}&groupBy=content`, seconds, CONNECTIONS, headers),
      'admin stats, 365 days by day, CSV': await load(`${base}/v1/admin/stats?${range}&groupBy=day`, seconds, CONNECTIONS, { ...headers, accept: 'text/csv' }),
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
  // BENCH_KEEP=1 keeps the database for EXPLAIN ANALYZE.
  if (process.env['BENCH_KEEP'] === '1') console.log(`kept ${url.href}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
