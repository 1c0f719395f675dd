import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DemoSchema, DemoTokenSchema, LeaderboardSchema, MeSchema, PublicStatsSchema, type Demo } from '@advocacy/sdk/contract';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { allowDemoOrigins, seedDemo } from '../../packages/server/src/demo/seed-demo.js';
import type { FastifyInstance } from 'fastify';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';

for (const kind of databaseKinds()) {
  describe(`demo mode on ${kind}`, () => {
    let db: Db;
    let app: FastifyInstance;
    let demo: Demo;
    before(async () => {
      db = await openTestDatabase(kind);
      await migrate(db);
      const first = await seedDemo(db);
      assert.equal(first.created, true);
      await allowDemoOrigins(db, ['http://localhost:8787']);
      app = await buildApp(db, { version: 'test', demoMode: true });
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

    it('has weeks of shares and clicks, with counters that match the raw events', async () => {
      const days = await count(`SELECT (max(created_at)::date - min(created_at)::date)::int AS n FROM shares`);
      assert.ok(days >= 14, `shares span ${days} days`);
      assert.ok((await count('SELECT count(*)::int AS n FROM clicks WHERE credited')) > 100);
      assert.ok((await count('SELECT count(*)::int AS n FROM clicks WHERE NOT credited')) > 10);
      const mismatches = await count(`
        WITH expected AS (
          SELECT e.id AS employee_id,
                 10 * (SELECT count(*) FROM shares s WHERE s.employee_id = e.id)
               + (SELECT count(*) FROM clicks c JOIN shares s ON s.id = c.share_id WHERE s.employee_id = e.id AND c.credited) AS points
            FROM employees e)
        SELECT count(*)::int AS n FROM expected x
          LEFT JOIN points p ON p.employee_id = x.employee_id AND p.period_kind = 'all'
         WHERE coalesce(p.points, 0) <> x.points`);
      assert.equal(mismatches, 0);
      const daily = await count(`SELECT (SELECT coalesce(sum(credited_clicks), 0) FROM daily_stats)::int - (SELECT count(*) FROM clicks WHERE credited)::int AS n`);
      assert.equal(daily, 0);
    });

    it('seeds once', async () => {
      assert.equal((await seedDemo(db)).created, false);
      assert.equal(await count('SELECT count(*)::int AS n FROM organisations'), 1);
    });

    it('gives a working employee token, with the admin role for admins', async () => {
      const employee = demo.employees.find((candidate) => !candidate.isAdmin)!;
      const token = DemoTokenSchema.parse((await app.inject({ method: 'POST', url: '/v1/demo/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ employeeId: employee.id }) })).json());
      const me = MeSchema.parse((await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token.token}`, origin: 'http://localhost:8787' } })).json());
      assert.deepEqual([me.id, me.name, me.isAdmin], [employee.id, employee.name, false]);
      const board = LeaderboardSchema.parse((await app.inject({ method: 'GET', url: '/v1/leaderboard?period=month', headers: { authorization: `Bearer ${token.token}` } })).json());
      assert.ok(board.items.length > 5, 'the leaderboard has shape');
      const admin = demo.employees.find((candidate) => candidate.isAdmin)!;
      const adminToken = DemoTokenSchema.parse((await app.inject({ method: 'POST', url: '/v1/demo/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ employeeId: admin.id }) })).json());
      const queue = await app.inject({ method: 'GET', url: '/v1/admin/testimonials', headers: { authorization: `Bearer ${adminToken.token}` } });
      assert.equal(queue.statusCode, 200);
      const stats = PublicStatsSchema.parse((await app.inject({ method: 'GET', url: '/v1/stats/public?period=month', headers: { authorization: `Bearer ${demo.publishableKey}`, origin: 'http://localhost:8787' } })).json());
      assert.ok(stats.estimatedReach > 0 && stats.creditedClicks > 0);
    });

    it('answers only loopback clients', async () => {
      const remote = await app.inject({ method: 'GET', url: '/v1/demo', remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': '127.0.0.1' } });
      assert.equal(remote.statusCode, 404);
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
