import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ShareSchema, type Content } from '@advocacy/sdk/contract';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { openPostgres } from '../../packages/server/src/db/postgres.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { createContent, jsonRequest } from '../helpers/content.js';
import { demoCounterMismatches } from '../helpers/demo-consistency.js';

// Issue 15's figure: concurrent shares, clicks and opt-in toggles from six
// workers on two server instances over one Postgres give no 5xx, lose no
// click, and leave counters equal to the raw rows. PGlite has one
// connection, so nothing there can run concurrently: Postgres only.

const EMPLOYEES = 30;
const CONTENTS = 20;
const CLICKS = 3_000;
const WORKERS = 6;
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

describe('counters under concurrent load on two instances over Postgres', { skip: process.env['DATABASE_URL'] ? false : 'needs DATABASE_URL (a Postgres server): PGlite runs one statement at a time' }, () => {
  let api: TestApi;
  let secondDb: Db;
  let second: FastifyInstance;
  before(async () => {
    api = await startTestApi('postgres');
    secondDb = await openPostgres({ connectionString: api.databaseUrl!, maxConnections: 4 });
    second = await buildApp(secondDb, api.settings);
  });
  after(async () => {
    await second.close();
    await secondDb.close();
    await api.close();
  });

  const deadlocks = async (): Promise<number> =>
    (await api.db.query<{ n: number }>('SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()')).rows[0]!.n;

  it('gives no 5xx, loses no click, and keeps every counter equal to the raw rows', { timeout: 300_000 }, async () => {
    // Shares earn on sharing, so shares, readers and opt-ins all move the same counter rows at once.
    // Early on, few links exist and take many readers a minute: no burst limit here, bursts have their own test.
    await api.db.query(`UPDATE organisations SET share_points_rule = 'on-share', daily_share_points_cap = 100, burst_credits_per_minute = 100000 WHERE id = $1`, [api.acme.id]);
    const contents: Content[] = [];
    for (let index = 0; index < CONTENTS; index++) contents.push(await createContent(api, { title: `Load ${index}` }));
    const headers = await Promise.all(Array.from({ length: EMPLOYEES }, (_, index) => api.acme.employee(`load-${index}`, { team: index % 2 ? 'Sales' : 'Engineering' })));
    const instances = [api.app, second];
    const deadlocksBefore = await deadlocks();

    const statuses: number[] = [];
    const codes: string[] = [];
    let answeredRedirects = 0;
    let clickNumber = 0;
    const shareJobs = contents.flatMap((content) => headers.map((employee) => ({ content, employee })));
    const worker = async (index: number): Promise<void> => {
      const app = instances[index % 2]!;
      for (let step = 0; ; step++) {
        const share = shareJobs.pop();
        if (share) {
          const response = await app.inject({ method: 'POST', url: '/v1/shares', remoteAddress: '192.0.2.1', ...jsonRequest(share.employee, { contentId: share.content.id, network: 'linkedin' }) });
          statuses.push(response.statusCode);
          if (response.statusCode < 300) codes.push(ShareSchema.parse(response.json()).code);
        }
        for (let burst = 0; burst < 5 && codes.length > 0 && clickNumber < CLICKS; burst++) {
          const number = clickNumber++;
          // Each reader on their own network, so each visit is a credited first visit.
          const response = await app.inject({
            method: 'GET',
            url: `/r/${codes[(number * 7919) % codes.length]}`,
            remoteAddress: `10.${(number >> 8) & 255}.${number & 255}.9`,
            headers: { 'user-agent': BROWSER },
          });
          statuses.push(response.statusCode);
          if (response.statusCode === 302) answeredRedirects += 1;
        }
        if (step % 4 === index % 4) {
          const toggle = await app.inject({ method: 'PATCH', url: '/v1/me', ...jsonRequest(headers[(step + index) % EMPLOYEES]!, { leaderboardOptIn: step % 8 < 4 }) });
          statuses.push(toggle.statusCode);
        }
        if (!share && clickNumber >= CLICKS) return;
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
    await Promise.all(instances.map((app) => app.flushClickRecording()));

    assert.deepEqual(statuses.filter((status) => status >= 500), [], 'no answer of 500 or more');
    assert.equal(codes.length, EMPLOYEES * CONTENTS);
    assert.equal(answeredRedirects, CLICKS);
    const recorded = await api.db.query<{ n: number; credited: number }>('SELECT count(*)::int AS n, count(*) FILTER (WHERE credited)::int AS credited FROM clicks');
    assert.deepEqual(recorded.rows[0], { n: CLICKS, credited: CLICKS }, 'every answered redirect is a recorded, credited click');
    assert.deepEqual(await demoCounterMismatches(api.db), { periods: 0, daily: 0, allTime: 0, dailyTotal: 0 });
    const histogram = await api.db.query<{ n: number }>(`
      WITH expected AS (
        SELECT organisation_id, period_kind, period_start, points, count(*)::int AS employees FROM points WHERE listed AND points > 0 GROUP BY 1, 2, 3, 4)
      SELECT count(*)::int AS n FROM expected x
        FULL JOIN (SELECT * FROM points_histogram WHERE team_key = '00000000-0000-0000-0000-000000000000' AND employees <> 0) h
          ON h.organisation_id = x.organisation_id AND h.period_kind = x.period_kind AND h.period_start = x.period_start AND h.points = x.points
       WHERE x.employees IS DISTINCT FROM h.employees`);
    assert.equal(histogram.rows[0]!.n, 0, 'the ranking histogram matches the counters');
    assert.equal((await deadlocks()) - deadlocksBefore, 0, 'Postgres saw no deadlock');
  });
});
