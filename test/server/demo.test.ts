import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DemoSchema, DemoTokenSchema, LeaderboardSchema, MeSchema, PublicStatsSchema, type Demo } from '@advocacy/sdk/contract';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { allowDemoOrigins, demoExtension, seedDemo } from '@advocacy/demo';
import type { FastifyInstance } from 'fastify';
import { openPglite } from '../../packages/server/src/db/pglite.js';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';
import { demoCounterMismatches } from '../helpers/demo-consistency.js';
import { startServerProcess } from '../helpers/server-process.js';

/** What the seed generates, without its random ids, codes and hashes. */
async function seededShape(db: Db): Promise<unknown> {
  const { rows } = await db.query(`
    SELECT e.subject, e.name, e.display_name, e.leaderboard_opt_in, e.audience, t.name AS team,
           (SELECT count(*) FROM shares s WHERE s.employee_id = e.id)::int AS shares,
           (SELECT count(*) FROM clicks c JOIN shares s ON s.id = c.share_id WHERE s.employee_id = e.id AND c.credited)::int AS credited,
           (SELECT array_agg(p.points::int ORDER BY p.period_kind, p.period_start) FROM points p WHERE p.employee_id = e.id) AS points
      FROM employees e LEFT JOIN teams t ON t.id = e.team_id ORDER BY e.subject`);
  return rows;
}

for (const kind of databaseKinds()) {
  describe(`demo mode on ${kind}`, () => {
    let db: Db;
    let app: FastifyInstance;
    let demo: Demo;
    // The clock of the seed and of the server, never the wall clock's: five minutes into 1 December 2026 (a Tuesday),
    // the day issue 12 was filed, when a demo seeded on the real clock showed an empty month.
    const seededAt = new Date('2026-12-01T00:05:00Z');
    before(async () => {
      db = await openTestDatabase(kind);
      await migrate(db);
      // Two servers starting together on one database: one seeds, the other waits and finds the demo there.
      const first = await Promise.all([seedDemo(db, seededAt), seedDemo(db, seededAt)]);
      assert.deepEqual(first.map((report) => report.created).sort(), [false, true]);
      await allowDemoOrigins(db, ['http://localhost:8787']);
      app = await buildApp(db, { version: 'test', demoMode: true, now: () => seededAt, extensions: [demoExtension] });
      const response = await app.inject({ method: 'GET', url: '/v1/demo' });
      assert.equal(response.statusCode, 200, response.body);
      demo = DemoSchema.parse(response.json());
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const count = async (sql: string, params: unknown[] = []): Promise<number> => (await db.query<{ n: number }>(sql, params as never)).rows[0]!.n;

    it('seeds about 40 employees in 4 teams, 15 pieces of content in French and English, 12 approved testimonials', async () => {
      assert.equal(demo.employees.length, 40);
      assert.equal(new Set(demo.employees.map((employee) => employee.team)).size, 4);
      assert.ok(demo.employees.some((employee) => employee.isAdmin));
      assert.equal(await count(`SELECT count(*)::int AS n FROM content`), 15);
      assert.deepEqual((await db.query<{ locale: string }>('SELECT DISTINCT locale FROM content ORDER BY locale')).rows.map((row) => row.locale), ['en', 'fr']);
      assert.equal(await count(`SELECT count(*)::int AS n FROM testimonials WHERE status = 'approved'`), 12);
    });

    it('describes itself to the demo pages: the API origin, the key, the people', async () => {
      assert.equal(demo.organisation.name, 'Northwind');
      assert.equal(new URL(demo.apiUrl).hostname, 'localhost');
      assert.match(demo.publishableKey, /^pk_/);
      assert.ok(demo.employees.filter((employee) => employee.isAdmin).length >= 1);
      assert.ok(demo.employees.some((employee) => employee.displayName !== null));
      assert.ok(demo.employees.every((employee) => employee.role && employee.team));
    });

    it('has three weeks and more of shares and clicks, with counters that match the raw events in every period', async () => {
      const days = await count(`SELECT (max(created_at)::date - min(created_at)::date)::int AS n FROM shares`);
      assert.ok(days >= 21, `shares span ${days} days`);
      assert.deepEqual(await demoCounterMismatches(db), { periods: 0, daily: 0, allTime: 0, dailyTotal: 0 });
      assert.ok((await count('SELECT count(*)::int AS n FROM clicks WHERE credited')) > 100);
      assert.ok((await count('SELECT count(*)::int AS n FROM clicks WHERE NOT credited')) > 10);
    });

    it('seeds once', async () => {
      // The seeding clock, not the wall clock: a later start adds the plan's activity since seededAt, which would differ from `elsewhere` below.
      assert.equal((await seedDemo(db, seededAt)).created, false);
      assert.equal(await count('SELECT count(*)::int AS n FROM organisations'), 1);
      assert.equal(await count('SELECT count(*)::int AS n FROM employees'), 40);
      assert.equal(await count('SELECT count(*)::int AS n FROM content'), 15);
    });

    it('seeds the same people and activity on every machine', async () => {
      const elsewhere = await openPglite(undefined);
      try {
        await migrate(elsewhere);
        await seedDemo(elsewhere, seededAt);
        assert.deepEqual(await seededShape(elsewhere), await seededShape(db));
      } finally {
        await elsewhere.close();
      }
    });

    it('gives seeded shares tracked links that redirect', async () => {
      const { rows } = await db.query<{ code: string }>('SELECT code FROM shares ORDER BY code');
      assert.ok(rows.length > 50);
      for (const { code } of rows.slice(0, 25)) {
        const response = await app.inject({ method: 'GET', url: `/r/${code}`, headers: { 'user-agent': 'Mozilla/5.0 (demo test)' } });
        assert.equal(response.statusCode, 302, code);
        assert.equal(new URL(String(response.headers.location)).hostname, 'northwind.example');
      }
    });

    it('gives a working employee token, with the admin role for admins', async () => {
      const employee = demo.employees.find((candidate) => !candidate.isAdmin)!;
      const token = DemoTokenSchema.parse((await app.inject({ method: 'POST', url: '/v1/demo/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ employeeId: employee.id }) })).json());
      const me = MeSchema.parse((await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token.token}`, origin: 'http://localhost:8787' } })).json());
      assert.deepEqual([me.id, me.name, me.isAdmin], [employee.id, employee.name, false]);
      // All time: minutes into a new month, the month's board rightly holds only its first few ambassadors.
      const board = LeaderboardSchema.parse((await app.inject({ method: 'GET', url: '/v1/leaderboard?period=all', headers: { authorization: `Bearer ${token.token}` } })).json());
      assert.ok(board.items.length > 5, 'the leaderboard has shape');
      const admin = demo.employees.find((candidate) => candidate.isAdmin)!;
      const adminToken = DemoTokenSchema.parse((await app.inject({ method: 'POST', url: '/v1/demo/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ employeeId: admin.id }) })).json());
      const queue = await app.inject({ method: 'GET', url: '/v1/admin/testimonials', headers: { authorization: `Bearer ${adminToken.token}` } });
      assert.equal(queue.statusCode, 200);
      const stats = PublicStatsSchema.parse((await app.inject({ method: 'GET', url: '/v1/stats/public?period=month', headers: { authorization: `Bearer ${demo.publishableKey}`, origin: 'http://localhost:8787' } })).json());
      assert.deepEqual([stats.periodStart, stats.periodEnd], ['2026-12-01', '2026-12-01'], 'the month of the injected clock, five minutes old');
      assert.ok(stats.estimatedReach > 0 && stats.creditedClicks > 0, JSON.stringify(stats));
    });

    it('lets any page on this machine use the demo key and tokens, keeps origins others added, and refuses the rest', async () => {
      const employee = demo.employees[0]!;
      const tokenFrom = async (origin: string) =>
        app.inject({ method: 'POST', url: '/v1/demo/token', headers: { 'content-type': 'application/json', origin }, payload: JSON.stringify({ employeeId: employee.id }) });
      for (const origin of ['http://localhost:5173', 'https://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:9000', 'http://my-app.localhost:4000']) {
        const token = await tokenFrom(origin);
        assert.equal(token.statusCode, 200, origin);
        assert.equal(token.headers['access-control-allow-origin'], origin, `the token route answers CORS to ${origin}`);
        // A browser page asks with a JSON body: its preflight, and the demo's description read from the page, are answered too.
        const tokenPreflight = await app.inject({ method: 'OPTIONS', url: '/v1/demo/token', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
        assert.equal(tokenPreflight.headers['access-control-allow-origin'], origin, `the token route's preflight from ${origin}`);
        assert.equal((await app.inject({ method: 'GET', url: '/v1/demo', headers: { origin } })).headers['access-control-allow-origin'], origin, `GET /v1/demo from ${origin}`);
        const { token: jwt } = DemoTokenSchema.parse(token.json());
        const me = await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${jwt}`, origin } });
        assert.equal(me.statusCode, 200, `token from ${origin}`);
        assert.equal(me.headers['access-control-allow-origin'], origin);
        const stats = await app.inject({ method: 'GET', url: '/v1/stats/public', headers: { authorization: `Bearer ${demo.publishableKey}`, origin } });
        assert.equal(stats.statusCode, 200, `key from ${origin}`);
        const preflight = await app.inject({ method: 'OPTIONS', url: '/v1/me', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
        assert.equal(preflight.headers['access-control-allow-origin'], origin, `preflight from ${origin}`);
      }
      for (const origin of ['http://localhost.evil.example', 'http://127.0.0.1.evil.example:8080', 'http://10.0.0.7:8080', 'https://evil.example']) {
        const stats = await app.inject({ method: 'GET', url: '/v1/stats/public', headers: { authorization: `Bearer ${demo.publishableKey}`, origin } });
        assert.equal(stats.statusCode, 403, origin);
        assert.match(stats.json<{ detail: string }>().detail, /is not allowed to use this key/);
        assert.equal((await tokenFrom(origin)).headers['access-control-allow-origin'], undefined, origin);
        const tokenPreflight = await app.inject({ method: 'OPTIONS', url: '/v1/demo/token', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
        assert.equal(tokenPreflight.headers['access-control-allow-origin'], undefined, `no preflight for ${origin}`);
      }
      // An admin (or another start) added a real origin: a new start keeps it.
      await db.query(`UPDATE organisations SET allowed_origins = allowed_origins || '{https://intranet.northwind.example}' WHERE slug = 'northwind-demo'`);
      await allowDemoOrigins(db, ['http://localhost:8787']);
      const { rows } = await db.query<{ allowed_origins: string[] }>(`SELECT allowed_origins FROM organisations WHERE slug = 'northwind-demo'`);
      assert.ok(rows[0]!.allowed_origins.includes('https://intranet.northwind.example'));
      assert.equal(new Set(rows[0]!.allowed_origins).size, rows[0]!.allowed_origins.length, 'no origin twice');
    });

    it('answers only loopback clients, talking to it directly under a loopback name', async () => {
      const remote = await app.inject({ method: 'GET', url: '/v1/demo', remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': '127.0.0.1' } });
      assert.equal(remote.statusCode, 404);
      for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
        for (const host of ['localhost:8787', '127.0.0.1:8787', '[::1]:8787']) {
          assert.equal((await app.inject({ method: 'GET', url: '/v1/demo', remoteAddress, headers: { host } })).statusCode, 200, `${remoteAddress} → ${host}`);
        }
      }
      const notLoopback = [
        { remoteAddress: '10.0.0.7', headers: { host: 'localhost:8787' } },
        { remoteAddress: '::ffff:192.168.1.9', headers: { host: 'localhost:8787' } },
        // A proxy on this machine relays someone else.
        { remoteAddress: '127.0.0.1', headers: { host: 'localhost:8787', 'x-forwarded-for': '203.0.113.9' } },
        { remoteAddress: '127.0.0.1', headers: { host: 'localhost:8787', forwarded: 'for=203.0.113.9' } },
        // A page whose name was rebound to 127.0.0.1 (DNS rebinding).
        { remoteAddress: '127.0.0.1', headers: { host: 'evil.example:8787' } },
        { remoteAddress: '127.0.0.1', headers: { host: '127.0.0.1.evil.example' } },
      ];
      for (const request of notLoopback) {
        const response = await app.inject({ method: 'GET', url: '/v1/demo', ...request });
        assert.equal(response.statusCode, 404, JSON.stringify(request));
        assert.doesNotMatch(response.body, /pk_/);
      }
      const token = await app.inject({ method: 'POST', url: '/v1/demo/token', remoteAddress: '203.0.113.9', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ employeeId: demo.employees[0]!.id }) });
      assert.equal(token.statusCode, 404);
    });

    it('does not exist outside demo mode', async () => {
      const production = await buildApp(db, { version: 'test', demoMode: false });
      try {
        assert.equal((await production.inject({ method: 'GET', url: '/v1/demo' })).statusCode, 404);
        assert.equal((await production.inject({ method: 'POST', url: '/v1/demo/token', headers: { 'content-type': 'application/json' }, payload: '{}' })).statusCode, 404);
      } finally {
        await production.close();
      }
    });
  });
}

describe('demo mode from npm start', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'adv-demo-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('seeds a new data folder on first start and lets its own pages use the demo key and tokens', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' });
    try {
      assert.match(server.output(), /seeded the Northwind demo organisation/);
      const origin = new URL(server.url).origin;
      const demo = DemoSchema.parse(await (await fetch(new URL('/v1/demo', server.url))).json());
      assert.equal(demo.apiUrl, origin);
      const stats = await fetch(new URL('/v1/stats/public?period=month', server.url), { headers: { authorization: `Bearer ${demo.publishableKey}`, origin } });
      assert.equal(stats.status, 200, 'the publishable key works from the server’s own origin');
      assert.equal(stats.headers.get('access-control-allow-origin'), origin);
      const token = DemoTokenSchema.parse(
        await (await fetch(new URL('/v1/demo/token', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeId: demo.employees[0]!.id }) })).json(),
      );
      const me = await fetch(new URL('/v1/me', server.url), { headers: { authorization: `Bearer ${token.token}`, origin } });
      assert.equal(me.status, 200);
    } finally {
      assert.equal(await server.stop('SIGTERM'), 0, server.output());
    }
    const again = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' });
    try {
      assert.match(again.output(), /Northwind demo organisation is ready/);
    } finally {
      await again.stop('SIGTERM');
    }
  });

  it('has no demo routes and no demo data with NODE_ENV=production', async () => {
    const productionDir = await mkdtemp(join(tmpdir(), 'adv-prod-'));
    try {
      const server = await startServerProcess({ DATA_DIR: productionDir, DATABASE_URL: '', NODE_ENV: 'production' });
      try {
        assert.equal((await fetch(new URL('/v1/demo', server.url))).status, 404);
        // With no organisation yet, the start says what to run, in order, on this very folder.
        const guide = server.output();
        assert.match(guide, /No organisation is set up/);
        const steps = [...guide.matchAll(/^\s+\d+\. DATA_DIR=(\S+) npx advocacy-admin (\w+ \w+)/gm)].map((match) => [match[1], match[2]]);
        assert.deepEqual(steps.map(([, command]) => command), ['org create', 'identity set', 'identity test', 'origins add', 'domains add', 'keys create', 'keys create']);
        assert.ok(steps.every(([folder]) => folder === productionDir));
        assert.match(guide, /stop this server before running them/);
      } finally {
        await server.stop('SIGTERM');
      }
      const db = await openPglite(productionDir);
      try {
        assert.deepEqual((await db.query('SELECT id FROM organisations')).rows, []);
      } finally {
        await db.close();
      }
    } finally {
      await rm(productionDir, { recursive: true, force: true });
    }
  });
});
