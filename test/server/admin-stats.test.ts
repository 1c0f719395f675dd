import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdminStatsSchema, ContentSchema, ShareSchema, type AdminStats } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi, type TestOrganisation } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const READER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

for (const kind of databaseKinds()) {
  describe(`admin stats on ${kind}`, () => {
    let api: TestApi;
    let launch: string;
    let plain: string;
    let tricky: string;
    let theirContent: string;
    const teamOf: Record<string, string> = {};
    before(async () => {
      api = await startTestApi(kind);
      api.setNow(new Date('2026-12-01T09:00:00Z'));
      launch = await newContent(api.acme, 'launch-post', 'launch');
      plain = await newContent(api.acme, 'plain-post', null);
      tricky = await newContent(api.acme, '=HYPERLINK("http://evil.example"),"sum"', null);
      theirContent = await newContent(api.globex, 'globex-post', 'launch');
      // Big: 5 people (shown by name); Small: 4 (never named, even to admins).
      for (const n of [1, 2, 3, 4, 5]) teamOf[`b${n}`] = 'Big';
      for (const n of [1, 2, 3, 4]) teamOf[`s${n}`] = 'Small';
      for (const subject of Object.keys(teamOf)) {
        // Employees exist from their first request (the identity provider introduces them).
        const response = await api.inject({ method: 'GET', url: '/v1/me', headers: await employee(subject) });
        assert.equal(response.statusCode, 200, response.body);
      }
      await declare('b1', { linkedin: 1_000, x: 200 });
    });
    after(() => api.close());

    const json = (headers: Record<string, string>, body: unknown) => ({ headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    async function newContent(org: TestOrganisation, title: string, campaign: string | null): Promise<string> {
      const body = { title, url: `https://${org.domain}/${encodeURIComponent(title)}`, locale: 'en', ...(campaign ? { campaign } : {}) };
      const response = await api.inject({ method: 'POST', url: '/v1/content', ...json(await org.admin(), body) });
      assert.equal(response.statusCode, 201, response.body);
      return ContentSchema.parse(response.json()).id;
    }
    async function employee(subject: string): Promise<Record<string, string>> {
      return api.acme.employee(subject, teamOf[subject] ? { team: teamOf[subject] } : {});
    }
    async function declare(subject: string, audience: Record<string, number>): Promise<void> {
      const response = await api.inject({ method: 'PATCH', url: '/v1/me', ...json(await employee(subject), { audience }) });
      assert.equal(response.statusCode, 200, response.body);
    }
    async function shareAt(at: string, subject: string, contentId: string, network: string, org: TestOrganisation = api.acme): Promise<string> {
      api.setNow(new Date(at));
      const headers = org === api.acme ? await employee(subject) : await org.employee(subject);
      const response = await api.inject({ method: 'POST', url: '/v1/shares', remoteAddress: '198.51.100.200', ...json(headers, { contentId, network }) });
      assert.ok(response.statusCode === 200 || response.statusCode === 201, response.body);
      return ShareSchema.parse(response.json()).code;
    }
    async function clickAt(at: string, code: string, ip: string, userAgent = READER): Promise<void> {
      api.setNow(new Date(at));
      const response = await api.inject({ method: 'GET', url: `/r/${code}`, remoteAddress: ip, headers: { 'user-agent': userAgent } });
      assert.equal(response.statusCode, 302, response.body);
      await api.app.flushClickRecording();
    }
    async function stats(query: string, headers?: Record<string, string>): Promise<AdminStats> {
      const response = await api.inject({ method: 'GET', url: `/v1/admin/stats?${query}`, headers: headers ?? (await api.acme.admin()) });
      assert.equal(response.statusCode, 200, response.body);
      return AdminStatsSchema.parse(response.json());
    }
    /** The same figures, recomputed from raw shares and clicks (never from the counters). */
    async function fromRawRows(organisationId: string, from: string, to: string) {
      const { rows } = await api.db.query<{ shares: number; active: number; credited: number; previews: number; repeats: number; own: number; bots: number }>(
        `SELECT (SELECT count(*)::int FROM shares WHERE organisation_id = $1 AND created_at >= $2::date AND created_at < $3::date + 1) AS shares,
                (SELECT count(DISTINCT employee_id)::int FROM shares WHERE organisation_id = $1 AND created_at >= $2::date AND created_at < $3::date + 1) AS active,
                (SELECT count(*)::int FROM clicks WHERE organisation_id = $1 AND occurred_at >= $2::date AND occurred_at < $3::date + 1 AND credited) AS credited,
                (SELECT count(*)::int FROM clicks WHERE organisation_id = $1 AND occurred_at >= $2::date AND occurred_at < $3::date + 1 AND reason = 'preview') AS previews,
                (SELECT count(*)::int FROM clicks WHERE organisation_id = $1 AND occurred_at >= $2::date AND occurred_at < $3::date + 1 AND reason IN ('repeat', 'repeat-network', 'burst')) AS repeats,
                (SELECT count(*)::int FROM clicks WHERE organisation_id = $1 AND occurred_at >= $2::date AND occurred_at < $3::date + 1 AND reason = 'self') AS own,
                (SELECT count(*)::int FROM clicks WHERE organisation_id = $1 AND occurred_at >= $2::date AND occurred_at < $3::date + 1 AND reason IN ('bot', 'head')) AS bots`,
        [organisationId, from, to],
      );
      return rows[0]!;
    }
    const kpiFigures = (result: AdminStats['kpis']) => ({
      shares: result.shares,
      active: result.activeAmbassadors,
      credited: result.creditedReaders,
      previews: result.uncreditedVisits.linkPreviews,
      repeats: result.uncreditedVisits.repeats,
      own: result.uncreditedVisits.ownClicks,
      bots: result.uncreditedVisits.bots,
    });

    describe('with a seeded programme around new year', () => {
      before(async () => {
        // Previous range of 2026-12-28..2027-01-03 is 2026-12-21..2026-12-27.
        const early = await shareAt('2026-12-22T08:00:00Z', 'b3', plain, 'linkedin');
        await clickAt('2026-12-22T09:00:00Z', early, '203.0.1.7');
        // The range itself, across the month and the year.
        const first = await shareAt('2026-12-30T10:00:00Z', 'b1', launch, 'linkedin');
        await shareAt('2026-12-30T10:05:00Z', 'b1', launch, 'x');
        const small = await shareAt('2026-12-31T23:59:00Z', 's1', launch, 'linkedin');
        await shareAt('2027-01-02T07:00:00Z', 'b1', plain, 'linkedin');
        const late = await shareAt('2027-01-03T23:00:00Z', 'b2', tricky, 'x');
        await clickAt('2026-12-30T11:00:00Z', first, '203.0.2.7');
        await clickAt('2026-12-30T11:01:00Z', first, '203.0.2.7'); // the same visitor again: a repeat
        await clickAt('2026-12-30T11:02:00Z', first, '203.0.3.7', 'LinkedInBot/1.0 (compatible; Mozilla/5.0)'); // a link preview
        await clickAt('2026-12-30T11:03:00Z', first, '198.51.100.200'); // the sharer's own network, the day they shared
        await clickAt('2026-12-30T11:04:00Z', first, '203.0.4.7', ''); // no user agent: a robot
        await clickAt('2027-01-01T00:00:00Z', small, '203.0.5.7');
        await clickAt('2027-01-03T23:30:00Z', late, '203.0.6.7');
        await clickAt('2027-01-04T00:00:00Z', late, '203.0.7.7'); // the day after the range
        // Another organisation, same days: never counted.
        const theirs = await shareAt('2026-12-30T12:00:00Z', 'g-1', theirContent, 'linkedin', api.globex);
        await clickAt('2026-12-30T12:30:00Z', theirs, '203.0.8.7');
        api.setNow(new Date('2027-01-05T12:00:00Z'));
      });

      it('gives the KPIs of the range and of the previous one, equal to the raw rows, across a month and a year boundary', async () => {
        const result = await stats('from=2026-12-28&to=2027-01-03');
        assert.deepEqual(result.range, { from: '2026-12-28', to: '2027-01-03', days: 7 });
        assert.deepEqual(result.previousRange, { from: '2026-12-21', to: '2026-12-27', days: 7 });
        assert.deepEqual(kpiFigures(result.kpis), { shares: 5, active: 3, credited: 3, previews: 1, repeats: 1, own: 1, bots: 1 });
        assert.deepEqual(kpiFigures(result.kpis), await fromRawRows(api.acme.id, '2026-12-28', '2027-01-03'));
        assert.deepEqual(kpiFigures(result.previousKpis), { shares: 1, active: 1, credited: 1, previews: 0, repeats: 0, own: 0, bots: 0 });
        assert.deepEqual(kpiFigures(result.previousKpis), await fromRawRows(api.acme.id, '2026-12-21', '2026-12-27'));
        assert.equal(result.kpis.allEmployees, 10, 'nine in teams and the admin, who has none');
        assert.equal(result.kpis.optedInEmployees, 0);
        assert.equal(result.kpis.participation.ofOptedIn, null, 'nobody opted in: no ratio rather than a division by zero');
        assert.equal(result.kpis.participation.ofAll, 3 / 10);
        // b1 declared 1,000 on LinkedIn and 200 on X and shared to both on 2026-12-30, LinkedIn again on 2027-01-02.
        assert.equal(result.kpis.estimatedReach, 1_000 + 200 + 1_000);
        assert.equal(result.kpis.earnedMedia, null, 'no CPC/CPM set: no earned media');

        const december = await stats('from=2026-12-01&to=2026-12-31');
        assert.deepEqual(kpiFigures(december.kpis), await fromRawRows(api.acme.id, '2026-12-01', '2026-12-31'));
        assert.deepEqual(december.previousRange, { from: '2026-10-31', to: '2026-11-30', days: 31 });
        const january = await stats('from=2027-01-01&to=2027-01-31');
        assert.deepEqual(kpiFigures(january.kpis), await fromRawRows(api.acme.id, '2027-01-01', '2027-01-31'));
        assert.equal(january.kpis.activeAmbassadors, 2, 'b1 and b2 shared in January');
        const year = await stats('from=2026-01-05&to=2027-01-05');
        assert.equal(year.range.days, 366);
        assert.deepEqual(kpiFigures(year.kpis), await fromRawRows(api.acme.id, '2026-01-05', '2027-01-05'));
        assert.equal(year.kpis.activeAmbassadors, 4, 'b1, b2, b3 and s1, each once whatever their number of share days');
      });

      it('breaks the range down by day, network, campaign and content', async () => {
        const days = await stats('from=2026-12-28&to=2027-01-03&groupBy=day');
        assert.deepEqual(days.rows.map((row) => row.key), ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
        const day = (key: string) => days.rows.find((row) => row.key === key)!;
        assert.deepEqual([day('2026-12-30').shares, day('2026-12-30').creditedReaders, day('2026-12-30').activeAmbassadors, day('2026-12-30').uncreditedVisits.total], [2, 1, 1, 4]);
        assert.deepEqual([day('2026-12-31').shares, day('2027-01-01').creditedReaders, day('2026-12-29').shares], [1, 1, 0]);

        const networks = await stats('from=2026-12-28&to=2027-01-03&groupBy=network');
        assert.deepEqual(networks.rows.map((row) => [row.key, row.shares, row.creditedReaders]), [['linkedin', 3, 2], ['x', 2, 1]]);
        assert.equal(networks.rows[0]!.activeAmbassadors, null);

        const campaigns = await stats('from=2026-12-28&to=2027-01-03&groupBy=campaign');
        assert.deepEqual(campaigns.rows.map((row) => [row.key, row.label, row.shares, row.creditedReaders]), [['launch', 'launch', 3, 2], ['no-campaign', 'No campaign', 2, 1]]);

        const contents = await stats('from=2026-12-28&to=2027-01-03&groupBy=content');
        assert.deepEqual(contents.rows.map((row) => [row.key, row.creditedReaders, row.shares]), [[launch, 2, 3], [tricky, 1, 1], [plain, 0, 1]]);
        assert.equal(contents.rows[0]!.label, 'launch-post');
      });

      it('names only teams of 5 or more; a team of 4 is folded into "other teams"', async () => {
        const teams = await stats('from=2026-12-28&to=2027-01-03&groupBy=team');
        const labels = teams.rows.map((row) => row.label);
        assert.deepEqual(labels, ['Big', 'Other teams']);
        const { rows } = await api.db.query<{ id: string }>(`SELECT id::text AS id FROM teams WHERE organisation_id = $1 AND name = 'Small'`, [api.acme.id]);
        assert.ok(!teams.rows.some((row) => row.key === rows[0]!.id || row.label === 'Small'), 'the team of 4 never appears by name or id');
        const big = teams.rows[0]!;
        assert.deepEqual([big.employees, big.activeAmbassadors, big.shares, big.creditedReaders], [5, 2, 4, 2]);
        const other = teams.rows[1]!;
        assert.deepEqual([other.key, other.employees, other.activeAmbassadors, other.shares, other.creditedReaders], ['other-teams', 5, 1, 1, 1], 'Small and the one person without a team');
      });

      it('answers CSV for Accept: text/csv: RFC 4180, UTF-8, a file name with the range, formulas defused', async () => {
        const response = await api.inject({ method: 'GET', url: '/v1/admin/stats?from=2026-12-28&to=2027-01-03&groupBy=content', headers: { ...(await api.acme.admin()), accept: 'text/csv' } });
        assert.equal(response.statusCode, 200, response.body);
        assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
        assert.equal(response.headers['content-disposition'], 'attachment; filename="advocacy-content-2026-12-28_2027-01-03.csv"');
        assert.match(String(response.headers['vary']), /accept/i);
        const lines = response.body.split('\r\n');
        assert.equal(lines.at(-1), '', 'every line ends with CRLF');
        assert.ok(!response.body.replaceAll('\r\n', '').includes('\n'), 'no bare line feed');
        assert.equal(lines[0], 'key,label,shares,credited_readers,uncredited_bots,uncredited_link_previews,uncredited_repeats,uncredited_own_clicks,uncredited_total,estimated_reach,active_ambassadors,employees');
        // Reach per content: b1's LinkedIn and X on 2026-12-30 (1,000 + 200); their LinkedIn of 2027-01-02 went to plain-post.
        assert.equal(lines[1], `${launch},launch-post,3,2,0,0,0,0,4,1200,,`);
        assert.equal(lines[2], `${tricky},"'=HYPERLINK(""http://evil.example""),""sum""",1,1,0,0,0,0,0,0,,`);

        const json = await api.inject({ method: 'GET', url: '/v1/admin/stats?from=2026-12-28&to=2027-01-03', headers: { ...(await api.acme.admin()), accept: 'application/json, text/csv;q=0.5' } });
        assert.match(String(json.headers['content-type']), /^application\/json/);
      });

      it('adds an earned-media estimate once CPC and CPM are set, with its formula', async () => {
        const admin = await api.acme.admin();
        const set = await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...json(admin, { earnedMedia: { currency: 'EUR', cpc: 0.8, cpm: 5 } }) });
        assert.equal(set.statusCode, 200, set.body);
        assert.deepEqual(set.json().earnedMedia, { currency: 'EUR', cpc: 0.8, cpm: 5 });
        const audit = await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE organisation_id = $1 AND action = 'settings.updated' AND detail::text LIKE '%earnedMedia%'`, [api.acme.id]);
        assert.equal(audit.rows[0]!.n, 1, 'the change is audit-logged');
        const result = await stats('from=2026-12-28&to=2027-01-03');
        // 3 readers × 0.80 + 2,200 reach ÷ 1,000 × 5 = 2.40 + 11.00
        assert.deepEqual(result.kpis.earnedMedia, { value: 13.4, currency: 'EUR', cpc: 0.8, cpm: 5, formula: 'credited readers × CPC + estimated reach ÷ 1,000 × CPM (an estimate)', estimate: true });
        const cleared = await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...json(admin, { earnedMedia: null }) });
        assert.equal(cleared.json().earnedMedia, null);
        assert.equal((await stats('from=2026-12-28&to=2027-01-03')).kpis.earnedMedia, null);
        const bad = await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...json(admin, { earnedMedia: { currency: 'euro', cpc: -1, cpm: 5 } }) });
        assert.equal(bad.statusCode, 400);
      });

      it("never counts another organisation's data", async () => {
        const theirs = await stats('from=2026-12-28&to=2027-01-03', await api.globex.admin());
        assert.deepEqual(kpiFigures(theirs.kpis), { shares: 1, active: 1, credited: 1, previews: 0, repeats: 0, own: 0, bots: 0 });
        assert.deepEqual(kpiFigures(theirs.kpis), await fromRawRows(api.globex.id, '2026-12-28', '2027-01-03'));
      });

      it('does not count a leaver among the employees once deactivated; their past activity stays in the figures', async () => {
        const { id } = (await api.inject({ method: 'GET', url: '/v1/me', headers: await employee('b5') })).json<{ id: string }>();
        const admin = await api.acme.admin();
        const deactivated = await api.inject({ method: 'POST', url: `/v1/admin/people/${id}/deactivate`, headers: admin });
        assert.equal(deactivated.statusCode, 200, deactivated.body);
        try {
          const result = await stats('from=2026-12-28&to=2027-01-03&groupBy=team');
          assert.equal(result.kpis.allEmployees, 9);
          assert.deepEqual(kpiFigures(result.kpis), await fromRawRows(api.acme.id, '2026-12-28', '2027-01-03'));
          assert.deepEqual(result.rows.map((row) => row.label), ['Other teams'], 'Big has 4 people left: folded too');
        } finally {
          const reactivated = await api.inject({ method: 'POST', url: `/v1/admin/people/${id}/reactivate`, headers: admin });
          assert.equal(reactivated.statusCode, 200, reactivated.body);
        }
      });

      it('counts active ambassadors exactly for any range when share days arrive out of order', async () => {
        // s2's share days written 10, 1, 5 then 3 February: each earlier one relinks the day after it.
        await shareAt('2027-02-10T09:00:00Z', 's2', launch, 'x');
        await shareAt('2027-02-01T09:00:00Z', 's2', plain, 'x');
        await shareAt('2027-02-05T09:00:00Z', 's2', tricky, 'linkedin');
        await shareAt('2027-02-03T09:00:00Z', 's2', launch, 'facebook');
        await shareAt('2027-02-04T09:00:00Z', 's3', launch, 'linkedin');
        for (const [from, to] of [['2027-02-01', '2027-02-28'], ['2027-02-04', '2027-02-06'], ['2027-02-06', '2027-02-12'], ['2027-02-02', '2027-02-04'], ['2027-02-11', '2027-02-20'], ['2026-02-11', '2027-02-10']]) {
          const result = await stats(`from=${from}&to=${to}&groupBy=team`);
          const raw = await fromRawRows(api.acme.id, from!, to!);
          assert.equal(result.kpis.activeAmbassadors, raw.active, `${from}..${to}`);
          const byTeam = result.rows.reduce((sum, row) => sum + (row.activeAmbassadors ?? 0), 0);
          assert.equal(byTeam, raw.active, `${from}..${to}: the teams' active ambassadors add up`);
        }
      });
    });

    it('refuses bad ranges with a 400 and non-admins with a 403', async () => {
      const admin = await api.acme.admin();
      for (const query of ['from=2027-01-03&to=2026-12-28', 'from=2026-01-01&to=2027-01-02', 'from=2026-02-30&to=2026-03-01', 'from=2026-01-01', 'from=2026-01-01&to=2026-01-02&groupBy=week', 'from=2026-1-1&to=2026-01-02']) {
        const response = await api.inject({ method: 'GET', url: `/v1/admin/stats?${query}`, headers: admin });
        assert.equal(response.statusCode, 400, `${query}: ${response.body}`);
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      }
      const employee = await api.inject({ method: 'GET', url: '/v1/admin/stats?from=2026-12-28&to=2027-01-03', headers: await api.acme.employee('b1') });
      assert.equal(employee.statusCode, 403);
      const publishable = await api.inject({ method: 'GET', url: '/v1/admin/stats?from=2026-12-28&to=2027-01-03', headers: api.acme.publicPage() });
      assert.equal(publishable.statusCode, 403);
      const secret = await api.inject({ method: 'GET', url: '/v1/admin/stats?from=2026-12-28&to=2027-01-03', headers: { authorization: `Bearer ${api.acme.secretKey}` } });
      assert.equal(secret.statusCode, 200, secret.body);
    });

    it('keeps the counters equal to the raw rows under concurrent shares and clicks', async () => {
      const subjects = Array.from({ length: 8 }, (_, index) => `c${index}`);
      api.setNow(new Date('2027-03-10T10:00:00Z'));
      const codes = await Promise.all(
        subjects.flatMap((subject) => [
          (async () => {
            const response = await api.inject({ method: 'POST', url: '/v1/shares', ...json(await api.acme.employee(subject), { contentId: launch, network: 'linkedin' }) });
            return ShareSchema.parse(response.json()).code;
          })(),
          (async () => {
            const response = await api.inject({ method: 'POST', url: '/v1/shares', ...json(await api.acme.employee(subject), { contentId: plain, network: 'x' }) });
            return ShareSchema.parse(response.json()).code;
          })(),
        ]),
      );
      await Promise.all(
        codes.flatMap((code, index) => [
          api.inject({ method: 'GET', url: `/r/${code}`, remoteAddress: `192.0.2.${index + 1}`, headers: { 'user-agent': READER } }),
          api.inject({ method: 'GET', url: `/r/${code}`, remoteAddress: `192.0.2.${index + 1}`, headers: { 'user-agent': READER } }),
          api.inject({ method: 'GET', url: `/r/${code}`, remoteAddress: `198.18.${index}.1`, headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0' } }),
        ]),
      );
      await api.app.flushClickRecording();
      const result = await stats('from=2027-03-10&to=2027-03-10');
      assert.deepEqual(kpiFigures(result.kpis), await fromRawRows(api.acme.id, '2027-03-10', '2027-03-10'));
      assert.equal(result.kpis.shares, 16);
      assert.equal(result.kpis.activeAmbassadors, 8);
      assert.equal(result.kpis.creditedReaders + result.kpis.uncreditedVisits.total, 48);
    });
  });
}
