import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContentSchema, PublicStatsSchema, ShareSchema, StatsSchema, type Stats } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi, type TestOrganisation } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const READER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

for (const kind of databaseKinds()) {
  describe(`stats on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    const json = (headers: Record<string, string>, body: unknown) => ({ headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const stats = async (period: string, headers?: Record<string, string>): Promise<Stats> => {
      const response = await api.inject({ method: 'GET', url: `/v1/stats?period=${period}`, headers: headers ?? (await api.acme.employee('reader')) });
      assert.equal(response.statusCode, 200, response.body);
      return StatsSchema.parse(response.json());
    };
    const newContent = async (org: TestOrganisation, title: string): Promise<string> => {
      const response = await api.inject({ method: 'POST', url: '/v1/content', ...json(await org.admin(), { title, url: `https://${org.domain}/${title}`, locale: 'en' }) });
      assert.equal(response.statusCode, 201, response.body);
      return ContentSchema.parse(response.json()).id;
    };
    const share = async (subject: string, contentId: string, network: string) => {
      const response = await api.inject({ method: 'POST', url: '/v1/shares', ...json(await api.acme.employee(subject), { contentId, network }) });
      assert.ok(response.statusCode === 200 || response.statusCode === 201, response.body);
      return ShareSchema.parse(response.json());
    };
    const declare = async (subject: string, audience: Record<string, number>) => {
      const response = await api.inject({ method: 'PATCH', url: '/v1/me', ...json(await api.acme.employee(subject), { audience }) });
      assert.equal(response.statusCode, 200, response.body);
    };

    it('sums the daily counters of the period, zero-fills every day, and keeps impressions out of the networks', async () => {
      const rows: [string, string, number, number, number, number][] = [
        // day, network, shares, credited, uncredited, impressions
        ['2030-01-31', 'linkedin', 4, 0, 0, 0], // previous month, same quarter
        ['2030-02-10', 'linkedin', 5, 6, 1, 0], // Sunday: the week before
        ['2030-02-11', 'linkedin', 2, 3, 1, 0], // Monday: the week starts
        ['2030-02-13', 'web', 0, 0, 0, 7],
        ['2030-02-15', 'x', 1, 0, 2, 0],
        ['2030-02-16', 'x', 9, 9, 9, 9], // after today: not counted
      ];
      for (const [day, network, shares, credited, uncredited, impressions] of rows) {
        await api.db.query(
          'INSERT INTO daily_stats (organisation_id, day, network, shares, credited_clicks, uncredited_clicks, impressions) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [api.acme.id, day, network, shares, credited, uncredited, impressions],
        );
      }
      api.setNow(new Date('2030-02-15T12:00:00Z'));
      try {
        const week = await stats('week');
        assert.deepEqual(
          { start: week.periodStart, end: week.periodEnd, shares: week.shares, credited: week.creditedClicks, uncredited: week.uncreditedClicks, impressions: week.impressions },
          { start: '2030-02-11', end: '2030-02-15', shares: 3, credited: 3, uncredited: 3, impressions: 7 },
        );
        assert.deepEqual(week.byDay.map((day) => day.day), ['2030-02-11', '2030-02-12', '2030-02-13', '2030-02-14', '2030-02-15']);
        assert.deepEqual(week.byDay[0], { day: '2030-02-11', shares: 2, creditedClicks: 3, uncreditedClicks: 1, impressions: 0 });
        assert.deepEqual(week.byDay[1], { day: '2030-02-12', shares: 0, creditedClicks: 0, uncreditedClicks: 0, impressions: 0 });
        assert.equal(week.byDay[2]?.impressions, 7);
        assert.deepEqual(week.byNetwork.map((row) => row.network), ['linkedin', 'x'], 'most shares first; "web" impressions are no network');

        const month = await stats('month');
        assert.equal(month.shares, 8);
        assert.equal(month.byDay.length, 15);
        const quarter = await stats('quarter');
        assert.equal(quarter.shares, 12);
        assert.equal(quarter.periodStart, '2030-01-01');
        assert.equal(quarter.byDay.length, 31 + 15);
        const all = await stats('all');
        assert.equal(all.shares, 12);
        assert.equal(all.byDay.length, 90, 'all time: totals since the start, the last 90 days day by day');
        assert.equal(all.byDay.at(-1)?.day, '2030-02-15');
        assert.equal((await stats('month', await api.globex.employee('g-1'))).shares, 0, 'other tenants see none of it');

        // The period before, in totals: the week before this one, January before February, none before all time.
        assert.deepEqual(
          week.previous && [week.previous.periodStart, week.previous.periodEnd, week.previous.shares, week.previous.creditedClicks],
          ['2030-02-04', '2030-02-10', 5, 6],
        );
        assert.deepEqual(month.previous && [month.previous.periodStart, month.previous.periodEnd, month.previous.shares], ['2030-01-01', '2030-01-31', 4]);
        assert.deepEqual(quarter.previous && [quarter.previous.periodStart, quarter.previous.periodEnd, quarter.previous.shares], ['2029-10-01', '2029-12-31', 0]);
        assert.equal(all.previous, undefined);
      } finally {
        api.setNow(undefined);
      }
    });

    it('on the first minutes of a month, says the month holds nothing yet and gives the month before', async () => {
      api.setNow(new Date('2030-03-01T00:05:00Z'));
      try {
        const month = await stats('month');
        assert.deepEqual([month.periodStart, month.periodEnd, month.shares, month.creditedClicks], ['2030-03-01', '2030-03-01', 0, 0]);
        assert.deepEqual(month.previous && [month.previous.periodStart, month.previous.periodEnd, month.previous.shares, month.previous.creditedClicks], ['2030-02-01', '2030-02-28', 17, 18]);
        const publicMonth = PublicStatsSchema.parse((await api.inject({ method: 'GET', url: '/v1/stats/public?period=month', headers: api.acme.publicPage() })).json());
        assert.deepEqual(publicMonth.previous, month.previous, 'public pages get the same totals of the month before');
      } finally {
        api.setNow(undefined);
      }
    });

    it('counts ambassadors of the period and their declared reach once per employee and network', async () => {
      const first = await newContent(api.acme, 'reach-1');
      const second = await newContent(api.acme, 'reach-2');
      await declare('amb-a', { linkedin: 500, x: 40 });
      await declare('amb-b', { linkedin: 300 });
      await declare('amb-c', { linkedin: 7_000 });
      await declare('amb-d', {});
      await api.inject({ method: 'GET', url: '/v1/me', headers: await api.acme.employee('amb-e') });
      // Hand-edited data must not turn a read into a 500.
      await api.db.query(`UPDATE employees SET audience = '{"linkedin": "lots"}' WHERE organisation_id = $1 AND subject = 'amb-e'`, [api.acme.id]);

      api.setNow(new Date('2030-05-02T10:00:00Z')); // the week before, same month
      try {
        await share('amb-c', first, 'linkedin');
        api.setNow(new Date('2030-05-14T10:00:00Z'));
        await share('amb-a', first, 'linkedin');
        await share('amb-a', second, 'linkedin'); // same person and network: reach counted once
        await share('amb-a', first, 'x');
        await share('amb-b', second, 'linkedin');
        await share('amb-d', second, 'facebook'); // declared nothing there: reach 0
        await share('amb-e', second, 'linkedin');
        api.setNow(new Date('2030-05-15T10:00:00Z'));

        const week = await stats('week');
        assert.equal(week.shares, 6);
        assert.equal(week.activeAmbassadors, 4);
        assert.equal(week.estimatedReach, 500 + 300 + 40);
        const byNetwork = Object.fromEntries(week.byNetwork.map((row) => [row.network, row.estimatedReach]));
        assert.deepEqual(byNetwork, { linkedin: 800, x: 40, facebook: 0 });
        const month = await stats('month');
        assert.equal(month.activeAmbassadors, 5);
        assert.equal(month.estimatedReach, 500 + 300 + 40 + 7_000);
      } finally {
        api.setNow(undefined);
      }
    });

    it('counts readers and uncredited visits from real tracked links', async () => {
      // A fixed Wednesday: the week holds the same days whatever the wall clock says (no Monday-midnight race).
      api.setNow(new Date('2030-08-14T10:00:00Z'));
      try {
        const contentId = await newContent(api.acme, 'clicks');
        const before = await stats('week');
        const link = await share('click-a', contentId, 'linkedin');
        await api.inject({ method: 'GET', url: `/r/${link.code}`, remoteAddress: '203.0.113.1', headers: { 'user-agent': READER } });
        await api.inject({ method: 'GET', url: `/r/${link.code}`, remoteAddress: '203.0.113.1', headers: { 'user-agent': READER } });
        await api.inject({ method: 'GET', url: `/r/${link.code}`, remoteAddress: '203.0.113.2', headers: { 'user-agent': 'Twitterbot/1.0' } });
        await api.app.flushClickRecording();
        const after = await stats('week');
        assert.equal(after.shares - before.shares, 1);
        assert.equal(after.creditedClicks - before.creditedClicks, 1, 'one reader');
        assert.equal(after.uncreditedClicks - before.uncreditedClicks, 2, 'a repeat and a bot');
        assert.equal(after.periodStart, '2030-08-12');
        assert.deepEqual(after.byDay.at(-1), { day: '2030-08-14', shares: 1, creditedClicks: 1, uncreditedClicks: 2, impressions: 0 });
      } finally {
        api.setNow(undefined);
      }
    });

    it('gives public pages the programme totals only, and the full figures to employees and admins', async () => {
      const fromCareerSite = await api.inject({ method: 'GET', url: '/v1/stats/public?period=all', headers: api.acme.publicPage() });
      assert.equal(fromCareerSite.statusCode, 200, fromCareerSite.body);
      const totals = PublicStatsSchema.parse(fromCareerSite.json());
      assert.deepEqual(Object.keys(fromCareerSite.json() as object).sort(), ['activeAmbassadors', 'creditedClicks', 'estimatedReach', 'period', 'periodEnd', 'periodStart', 'shares']);
      assert.equal(fromCareerSite.headers['cache-control'], 'private, max-age=300');
      const full = await stats('all');
      assert.equal(totals.shares, full.shares);
      assert.equal(totals.estimatedReach, full.estimatedReach);

      const fullWithKey = await api.inject({ method: 'GET', url: '/v1/stats', headers: api.acme.publicPage() });
      assert.equal(fullWithKey.statusCode, 403);
      assert.match((fullWithKey.json() as { detail: string }).detail, /\/v1\/stats\/public/);
      const bySecretKey = await api.inject({ method: 'GET', url: '/v1/stats?period=week', headers: { authorization: `Bearer ${api.acme.secretKey}` } });
      assert.equal(bySecretKey.statusCode, 200, bySecretKey.body);
      StatsSchema.parse(bySecretKey.json());
      await stats('week', await api.acme.admin());
      const wrongOrigin = await api.inject({ method: 'GET', url: '/v1/stats/public', headers: { ...api.acme.publicPage(), origin: 'https://evil.example' } });
      assert.equal(wrongOrigin.statusCode, 403);
    });

    it('refuses unknown periods and parameters, and callers without a credential', async () => {
      const employee = await api.acme.employee('reader');
      for (const url of ['/v1/stats?period=year', '/v1/stats?team=sales', '/v1/stats/public?period=decade']) {
        const response = await api.inject({ method: 'GET', url, headers: url.includes('public') ? api.acme.publicPage() : employee });
        assert.equal(response.statusCode, 400, url);
        assert.match(String(response.headers['content-type']), /problem\+json/);
      }
      assert.equal((await api.inject({ method: 'GET', url: '/v1/stats' })).statusCode, 401);
      assert.equal((await api.inject({ method: 'GET', url: '/v1/stats/public' })).statusCode, 401);
      assert.equal((await stats('month', employee)).period, 'month');
      const byDefault = StatsSchema.parse((await api.inject({ method: 'GET', url: '/v1/stats', headers: employee })).json());
      assert.equal(byDefault.period, 'month');
    });
  });
}
