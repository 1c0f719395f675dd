import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DemoSchema, DemoTokenSchema, LeaderboardSchema, PublicStatsSchema, StatsSchema, type Demo, type Period } from '@advocacy/sdk/contract';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { openPglite } from '../../packages/server/src/db/pglite.js';
import { allowDemoOrigins, demoExtension, seedDemo } from '@advocacy/demo';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';
import { demoCounterMismatches } from '../helpers/demo-consistency.js';
import { startServerProcess } from '../helpers/server-process.js';

const ORIGIN = 'http://localhost:8787';

/** The demo seen at `now` by its first employee (the one the demo intranet opens as). */
async function openDemoAt(db: Db, now: Date): Promise<{ app: FastifyInstance; get: (url: string) => Promise<unknown>; close: () => Promise<void> }> {
  await allowDemoOrigins(db, [ORIGIN]);
  const app = await buildApp(db, { version: 'test', demoMode: true, now: () => now, extensions: [demoExtension] });
  const demo: Demo = DemoSchema.parse((await app.inject({ method: 'GET', url: '/v1/demo' })).json());
  const featured = demo.employees.find((employee) => employee.name === 'Amélie Laurent')!;
  const token = DemoTokenSchema.parse(
    (await app.inject({ method: 'POST', url: '/v1/demo/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ employeeId: featured.id }) })).json(),
  ).token;
  const get = async (url: string): Promise<unknown> => {
    const credential = url.startsWith('/v1/stats/public') ? demo.publishableKey : token;
    const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${credential}`, origin: ORIGIN } });
    assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
    return response.json();
  };
  return { app, get, close: () => app.close() };
}

// Each boundary with the period starts it must report, written out by hand (never computed from the clock).
const BOUNDARIES: { now: string; note: string; starts: Record<Exclude<Period, 'all'>, string>; previousMonth: [string, string] }[] = [
  { now: '2027-01-01T00:05:00Z', note: '00:05 on 1 January', starts: { week: '2026-12-28', month: '2027-01-01', quarter: '2027-01-01' }, previousMonth: ['2026-12-01', '2026-12-31'] },
  { now: '2027-03-01T00:05:00Z', note: '00:05 on the 1st of a month, a Monday', starts: { week: '2027-03-01', month: '2027-03-01', quarter: '2027-01-01' }, previousMonth: ['2027-02-01', '2027-02-28'] },
  { now: '2026-12-07T00:05:00Z', note: '00:05 on a Monday', starts: { week: '2026-12-07', month: '2026-12-01', quarter: '2026-10-01' }, previousMonth: ['2026-11-01', '2026-11-30'] },
  { now: '2027-01-31T23:59:00Z', note: '23:59 on the last day of a month', starts: { week: '2027-01-25', month: '2027-01-01', quarter: '2027-01-01' }, previousMonth: ['2026-12-01', '2026-12-31'] },
];

for (const kind of databaseKinds()) {
  describe(`the demo on the calendar's edges, on ${kind}`, () => {
    for (const boundary of BOUNDARIES) {
      it(`is alive at ${boundary.note} (${boundary.now}): every current period has shares, readers, reach and a leaderboard`, async () => {
        const now = new Date(boundary.now);
        const db = await openTestDatabase(kind);
        try {
          await migrate(db);
          await seedDemo(db, now);
          const demo = await openDemoAt(db, now);
          try {
            for (const period of ['week', 'month', 'quarter', 'all'] as const) {
              const expectedStart = period === 'all' ? '1970-01-01' : boundary.starts[period];
              const stats = StatsSchema.parse(await demo.get(`/v1/stats?period=${period}`));
              assert.equal(stats.periodStart, expectedStart, `${period} start`);
              assert.equal(stats.periodEnd, boundary.now.slice(0, 10), `${period} ends today`);
              assert.ok(stats.shares > 0 && stats.creditedClicks > 0 && stats.estimatedReach > 0 && stats.activeAmbassadors > 0, `${period}: ${JSON.stringify({ ...stats, byDay: undefined })}`);
              const publicStats = PublicStatsSchema.parse(await demo.get(`/v1/stats/public?period=${period}`));
              assert.ok(publicStats.creditedClicks > 0 && publicStats.estimatedReach > 0, `public ${period}`);
              const board = LeaderboardSchema.parse(await demo.get(`/v1/leaderboard?period=${period}`));
              assert.equal(board.periodStart, expectedStart);
              assert.ok(board.items.length > 0 && board.items[0]!.points > 0, `${period}: someone is ranked`);
              assert.ok(board.me.clicks + board.me.shares > 0, `${period}: the featured employee has readers or shares (${JSON.stringify(board.me)})`);
              if (period === 'all') {
                assert.equal(stats.previous, undefined);
                assert.equal(board.me.previous, undefined);
              } else {
                assert.ok(stats.previous, `${period}: the period before`);
                assert.ok(board.me.previous, `${period}: my period before`);
                // Four weeks of history always cover the whole week before.
                if (period === 'week') assert.ok(stats.previous.creditedClicks > 0 && stats.previous.estimatedReach > 0 && board.me.previous.clicks > 0, 'last week had readers');
              }
            }
            const month = StatsSchema.parse(await demo.get('/v1/stats?period=month'));
            assert.deepEqual([month.previous?.periodStart, month.previous?.periodEnd], boundary.previousMonth);
            assert.deepEqual(await demoCounterMismatches(db), { periods: 0, daily: 0, allTime: 0, dailyTotal: 0 });
          } finally {
            await demo.close();
          }
        } finally {
          await db.close();
        }
      });
    }

    it('catches up a demo left alone for five weeks, deterministically, and stays alive on a new quarter', async () => {
      const db = await openTestDatabase(kind);
      try {
        await migrate(db);
        await seedDemo(db, new Date('2027-02-24T10:00:00Z'));
        const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM shares')).rows[0]!.n;
        const now = new Date('2027-04-01T00:05:00Z');
        const report = await seedDemo(db, now);
        assert.equal(report.created, false);
        assert.ok(report.added.shares > 20 && report.added.clicks > 100, JSON.stringify(report.added));
        assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM shares')).rows[0]!.n, before + report.added.shares);
        // A start right after adds only what happened in between: nothing twice.
        assert.deepEqual((await seedDemo(db, now)).added, { shares: 0, clicks: 0 });
        const demo = await openDemoAt(db, now);
        try {
          const quarter = StatsSchema.parse(await demo.get('/v1/stats?period=quarter'));
          assert.equal(quarter.periodStart, '2027-04-01');
          assert.ok(quarter.shares > 0 && quarter.creditedClicks > 0);
          assert.deepEqual([quarter.previous?.periodStart, quarter.previous?.periodEnd], ['2027-01-01', '2027-03-31']);
        } finally {
          await demo.close();
        }
        assert.deepEqual(await demoCounterMismatches(db), { periods: 0, daily: 0, allTime: 0, dailyTotal: 0 });
      } finally {
        await db.close();
      }
    });
  });
}

describe('the demo on two machines the same day', () => {
  it('holds the same activity whether it was started once in the evening or at midnight and again in the evening', async () => {
    const shape = async (db: Db): Promise<unknown> =>
      (
        await db.query(`
          SELECT e.subject, s.network, c.url, s.created_at,
                 (SELECT count(*) FROM clicks k WHERE k.share_id = s.id AND k.credited)::int AS readers,
                 (SELECT count(*) FROM clicks k WHERE k.share_id = s.id AND NOT k.credited)::int AS others
            FROM shares s JOIN employees e ON e.id = s.employee_id JOIN content c ON c.id = s.content_id
           ORDER BY s.created_at, e.subject, s.network`)
      ).rows;
    const twice = await openPglite(undefined);
    const once = await openPglite(undefined);
    try {
      await migrate(twice);
      await migrate(once);
      await seedDemo(twice, new Date('2027-03-01T00:05:00Z'));
      await seedDemo(twice, new Date('2027-03-01T19:30:00Z'));
      await seedDemo(once, new Date('2027-03-01T19:30:00Z'));
      const [a, b] = [await shape(twice), await shape(once)];
      assert.ok(Array.isArray(a) && a.length > 100);
      assert.deepEqual(a, b);
      assert.deepEqual(await demoCounterMismatches(twice), { periods: 0, daily: 0, allTime: 0, dailyTotal: 0 });
    } finally {
      await twice.close();
      await once.close();
    }
  });
});

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const noFaketime = existsSync(LIBFAKETIME) ? false : `needs Debian's libfaketime (${LIBFAKETIME}): sudo apt-get install -y faketime`;

// Issue 12's "done when", without a browser or a build: the server started as `npm start` starts it (the demo's
// entry, its own clock, a fresh data folder), its clock faked to 00:05 UTC on Monday 1 March 2027 whatever the
// date of the run. What the demo intranet's "Your impact" (the leaderboard's `me`), "Our programme" (stats) and
// leaderboard read for its first employee is non-empty for this week, this month and this quarter.
// (test/e2e/calendar.test.ts checks the same pages in a browser.)
describe('the demo started in a fresh data folder at 00:05 UTC on Monday 1 March 2027 (libfaketime)', { skip: noFaketime }, () => {
  it('shows its first employee figures for this week, this month and this quarter', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'adv-demo-calendar-'));
    try {
      // "@" starts the clock there and lets it run, as a real server's would.
      const server = await startServerProcess(
        { DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development', LD_PRELOAD: LIBFAKETIME, FAKETIME: '@2027-03-01 00:05:00', FAKETIME_DONT_RESET: '1', TZ: 'UTC' },
        120_000,
      );
      try {
        const origin = new URL(server.url).origin;
        const demo = DemoSchema.parse(await (await fetch(new URL('/v1/demo', server.url))).json());
        const first = demo.employees[0]!; // the one the demo intranet opens as
        const token = DemoTokenSchema.parse(
          await (await fetch(new URL('/v1/demo/token', server.url), { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ employeeId: first.id }) })).json(),
        ).token;
        const get = async (path: string): Promise<unknown> => {
          const response = await fetch(new URL(path, server.url), { headers: { authorization: `Bearer ${token}`, origin } });
          assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
          return response.json();
        };
        const starts = { week: '2027-03-01', month: '2027-03-01', quarter: '2027-01-01' };
        for (const period of ['week', 'month', 'quarter'] as const) {
          const stats = StatsSchema.parse(await get(`/v1/stats?period=${period}`));
          // The server's clock is the faked one: week and month began five minutes ago.
          assert.deepEqual([stats.periodStart, stats.periodEnd], [starts[period], '2027-03-01'], `${period}: the period of the faked clock`);
          assert.ok(stats.shares > 0 && stats.creditedClicks > 0 && stats.estimatedReach > 0, `our programme this ${period}: ${JSON.stringify({ ...stats, byDay: undefined })}`);
          const board = LeaderboardSchema.parse(await get(`/v1/leaderboard?period=${period}`));
          assert.ok(board.items.length > 0 && board.items[0]!.points > 0, `the leaderboard ranks someone this ${period}`);
          assert.ok(board.me.clicks + board.me.shares > 0, `${first.name}'s impact this ${period}: ${JSON.stringify(board.me)}`);
        }
      } finally {
        assert.equal(await server.stop('SIGTERM'), 0, server.output());
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
