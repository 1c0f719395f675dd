import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LeaderboardSchema, NETWORKS, ShareSchema, type Share } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi, type TestOrganisation } from '../helpers/api.js';
import { createContent, jsonRequest, myTotals } from '../helpers/content.js';
import { databaseKinds } from '../helpers/databases.js';

// docs/honest-figures.md: what a visit, a share and a reader may earn.
// Every expectation below is a literal; the API's clock is set, never read.

const MONDAY = new Date('2027-03-08T09:00:00Z');
const minutesAfter = (start: Date, minutes: number): Date => new Date(start.getTime() + minutes * 60_000);
const SHARER_IP = '192.0.2.10';
const SHARER_BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
/** A browser's User-Agent, `n` making each one different. */
const browser = (n: number): string => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.${n}.0 Safari/537.36`;

for (const kind of databaseKinds()) {
  describe(`honest figures on ${kind}`, () => {
    let api: TestApi;
    let proxied: TestApi;
    before(async () => {
      api = await startTestApi(kind);
      // Behind a proxy on loopback, as with TRUST_PROXY=127.0.0.1: X-Forwarded-For names the client.
      proxied = await startTestApi(kind, { trustProxy: '127.0.0.1' });
    });
    after(async () => {
      await api.close();
      await proxied.close();
    });

    async function shareFrom(target: TestApi, org: TestOrganisation, subject: string, contentId: string, network = 'linkedin'): Promise<Share> {
      const response = await target.inject({
        method: 'POST',
        url: '/v1/shares',
        remoteAddress: SHARER_IP,
        ...jsonRequest({ ...(await org.employee(subject)), 'user-agent': SHARER_BROWSER }, { contentId, network }),
      });
      assert.ok(response.statusCode === 201 || response.statusCode === 200, response.body);
      return ShareSchema.parse(response.json());
    }

    const visit = async (target: TestApi, code: string, from: { ip: string; userAgent: string; forwardedFor?: string }): Promise<void> => {
      const response = await target.inject({
        method: 'GET',
        url: `/r/${code}`,
        remoteAddress: from.ip,
        headers: { 'user-agent': from.userAgent, ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}) },
      });
      assert.equal(response.statusCode, 302);
    };

    /** Recorded visits of a share by outcome: `credited` or the reason it was not. */
    async function outcomes(target: TestApi, shareId: string): Promise<Record<string, number>> {
      await target.app.flushClickRecording();
      const { rows } = await target.db.query<{ outcome: string; n: number }>(
        `SELECT coalesce(CASE WHEN credited THEN 'credited' END, reason) AS outcome, count(*)::int AS n FROM clicks WHERE share_id = $1 GROUP BY 1 ORDER BY 1`,
        [shareId],
      );
      return Object.fromEntries(rows.map((row) => [row.outcome, row.n]));
    }

    it('credits at most 3 first visits a day from one network, whatever the User-Agent; 3 more the next day', async () => {
      api.setNow(MONDAY);
      const content = await createContent(api, { title: 'One office' });
      const share = await shareFrom(api, api.acme, 'ua-farm-target', content.id);
      for (let index = 0; index < 300; index++) {
        await visit(api, share.code, { ip: '203.0.113.50', userAgent: `Mozilla/5.0 (X11; Linux x86_64) Browser/${index}` });
      }
      assert.deepEqual(await outcomes(api, share.id), { credited: 3, 'repeat-network': 297 });
      // A neighbour on the same /24 is the same network; a made-up X-Forwarded-For without a trusted proxy changes nothing.
      await visit(api, share.code, { ip: '203.0.113.51', userAgent: browser(9_999), forwardedFor: '198.51.100.1' });
      assert.deepEqual(await outcomes(api, share.id), { credited: 3, 'repeat-network': 298 });
      assert.deepEqual(await myTotals(api, await api.acme.employee('ua-farm-target')), { points: 10 + 3, shares: 1 });

      api.setNow(new Date('2027-03-09T00:01:00Z'));
      for (let index = 0; index < 10; index++) {
        await visit(api, share.code, { ip: '203.0.113.50', userAgent: `Mozilla/5.0 (X11; Linux x86_64) Browser/${index}` });
      }
      assert.deepEqual(await outcomes(api, share.id), { credited: 6, 'repeat-network': 305 });
      api.setNow(undefined);
    });

    it('credits 300 visitors from 300 networks behind a trusted proxy, at a human pace', async () => {
      proxied.setNow(MONDAY);
      const content = await createContent(proxied, { title: 'Many readers' });
      const share = await shareFrom(proxied, proxied.acme, 'many-readers', content.id);
      for (let index = 0; index < 300; index++) {
        // 25 a minute: below the default burst threshold of 30.
        proxied.setNow(minutesAfter(MONDAY, 1 + Math.floor(index / 25)));
        await visit(proxied, share.code, { ip: '127.0.0.1', userAgent: 'Mozilla/5.0 (iPhone) Safari/604.1', forwardedFor: `10.${Math.floor(index / 200)}.${index % 200}.7` });
      }
      assert.deepEqual(await outcomes(proxied, share.id), { credited: 300 });
      proxied.setNow(undefined);
    });

    it('stops crediting a share past the burst threshold in one minute, and lists it for admins', async () => {
      proxied.setNow(MONDAY);
      const content = await createContent(proxied, { title: 'Bursting' });
      const share = await shareFrom(proxied, proxied.acme, 'burst-target', content.id);
      const reader = (index: number) => ({ ip: '127.0.0.1', userAgent: browser(1), forwardedFor: `172.16.${index}.20` });
      proxied.setNow(minutesAfter(MONDAY, 5));
      for (let index = 0; index < 40; index++) await visit(proxied, share.code, reader(index));
      assert.deepEqual(await outcomes(proxied, share.id), { burst: 10, credited: 30 });
      proxied.setNow(minutesAfter(MONDAY, 30));
      await visit(proxied, share.code, reader(100));
      assert.deepEqual(await outcomes(proxied, share.id), { burst: 11, credited: 30 }, 'the share stays stopped until reviewed');
      const flags = await proxied.db.query<{ kind: string; employee_id: string; detail: { credited: number; threshold: number } }>(
        'SELECT kind, employee_id, detail FROM trust_flags WHERE share_id = $1 AND reviewed_at IS NULL',
        [share.id],
      );
      assert.deepEqual(flags.rows.map((row) => [row.kind, row.detail.threshold]), [['burst', 30]]);
      proxied.setNow(undefined);
    });

    it('does not credit the sharer: their browser on their network any day, anyone on their network the day they shared from it', async () => {
      api.setNow(MONDAY);
      const content = await createContent(api, { title: 'My own link' });
      const share = await shareFrom(api, api.acme, 'self-clicker', content.id);
      await visit(api, share.code, { ip: SHARER_IP, userAgent: SHARER_BROWSER });
      await visit(api, share.code, { ip: '192.0.2.77', userAgent: 'Mozilla/5.0 (Windows) Firefox/140.0' });
      assert.deepEqual(await outcomes(api, share.id), { self: 2 });
      api.setNow(new Date('2027-03-09T10:00:00Z'));
      await visit(api, share.code, { ip: '192.0.2.77', userAgent: 'Mozilla/5.0 (Windows) Firefox/140.0' });
      await visit(api, share.code, { ip: '192.0.2.10', userAgent: SHARER_BROWSER });
      assert.deepEqual(await outcomes(api, share.id), { credited: 1, self: 3 }, 'a colleague on the office network the next day counts; the sharer’s own browser there does not');
      api.setNow(undefined);
    });

    it('never ranks someone who pressed Share on every network of every content above someone with 10 readers', async () => {
      api.setNow(MONDAY);
      const contents = [];
      for (let index = 0; index < 5; index++) contents.push(await createContent(api, { title: `Campaign post ${index}` }, api.globex));
      for (const content of contents) {
        for (const network of NETWORKS) await shareFrom(api, api.globex, 'presser', content.id, network);
      }
      const real = await shareFrom(api, api.globex, 'real-reach', contents[0]!.id);
      for (let index = 0; index < 10; index++) await visit(api, real.code, { ip: `198.18.${index}.4`, userAgent: browser(1) });
      await api.app.flushClickRecording();
      for (const subject of ['presser', 'real-reach']) {
        await api.inject({ method: 'PATCH', url: '/v1/me', ...jsonRequest(await api.globex.employee(subject), { leaderboardOptIn: true }) });
      }
      assert.deepEqual(await myTotals(api, await api.globex.employee('presser')), { points: 0, shares: 5 * NETWORKS.length });
      assert.equal(NETWORKS.length, 10, 'every network the kit knows');
      assert.deepEqual(await myTotals(api, await api.globex.employee('real-reach')), { points: 10 + 10, shares: 1 });
      const board = LeaderboardSchema.parse((await api.inject({ method: 'GET', url: '/v1/leaderboard?period=all', headers: await api.globex.employee('presser') })).json());
      assert.deepEqual(board.me.rank, null, 'no points, no rank');
      assert.equal(board.items[0]?.points, 20);
      api.setNow(undefined);
    });

    it('under the on-share rule, earns share points once per content and for at most the daily cap of contents', async () => {
      await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...jsonRequest(await api.globex.admin(), { sharePointsRule: 'on-share', dailySharePointsCap: 2 }) });
      api.setNow(new Date('2027-03-10T08:00:00Z'));
      const contents = [];
      for (let index = 0; index < 4; index++) contents.push(await createContent(api, { title: `Daily ${index}` }, api.globex));
      for (const content of contents.slice(0, 3)) {
        await shareFrom(api, api.globex, 'daily-capped', content.id, 'x');
        await shareFrom(api, api.globex, 'daily-capped', content.id, 'bluesky');
      }
      assert.deepEqual(await myTotals(api, await api.globex.employee('daily-capped')), { points: 20, shares: 6 });
      api.setNow(new Date('2027-03-11T00:00:00Z'));
      await shareFrom(api, api.globex, 'daily-capped', contents[3]!.id, 'x');
      assert.deepEqual(await myTotals(api, await api.globex.employee('daily-capped')), { points: 30, shares: 7 }, 'a new UTC day, a new cap');
      await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...jsonRequest(await api.globex.admin(), { sharePointsRule: 'first-reader', dailySharePointsCap: 15 }) });
      api.setNow(undefined);
    });

    it('under the first-reader rule, grants share points on a later day when the cap was reached on the first', async () => {
      await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...jsonRequest(await api.acme.admin(), { dailySharePointsCap: 1 }) });
      api.setNow(new Date('2027-03-12T10:00:00Z'));
      const first = await createContent(api, { title: 'Capped one' });
      const second = await createContent(api, { title: 'Capped two' });
      const one = await shareFrom(api, api.acme, 'first-reader-capped', first.id);
      const two = await shareFrom(api, api.acme, 'first-reader-capped', second.id);
      await visit(api, one.code, { ip: '198.51.100.30', userAgent: browser(2) });
      api.setNow(new Date('2027-03-12T10:05:00Z'));
      await visit(api, two.code, { ip: '198.51.100.31', userAgent: browser(3) });
      await api.app.flushClickRecording();
      assert.deepEqual(await myTotals(api, await api.acme.employee('first-reader-capped')), { points: 10 + 2, shares: 2 });
      api.setNow(new Date('2027-03-13T10:00:00Z'));
      await visit(api, two.code, { ip: '198.51.100.32', userAgent: browser(4) });
      await api.app.flushClickRecording();
      assert.deepEqual(await myTotals(api, await api.acme.employee('first-reader-capped')), { points: 20 + 3, shares: 2 });
      await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...jsonRequest(await api.acme.admin(), { dailySharePointsCap: 15 }) });
      api.setNow(undefined);
    });

    it('applies a points rule change from the moment it is made, re-scores nothing before it, and audits it with that time', async () => {
      api.setNow(new Date('2027-04-05T09:00:00Z'));
      const before = await createContent(api, { title: 'Before the change' });
      const one = await shareFrom(api, api.acme, 'rule-change', before.id);
      api.setNow(new Date('2027-04-05T09:10:00Z'));
      await visit(api, one.code, { ip: '198.51.100.60', userAgent: browser(5) });
      await api.app.flushClickRecording();
      assert.deepEqual(await myTotals(api, await api.acme.employee('rule-change')), { points: 10 + 1, shares: 1 });

      const changedAt = new Date('2027-04-06T09:00:00Z');
      api.setNow(changedAt);
      const change = await api.inject({
        method: 'PATCH',
        url: '/v1/admin/settings',
        ...jsonRequest(await api.acme.admin('rule-admin'), { pointsPerShare: 20, pointsPerClick: 5, sharePointsRule: 'on-share' }),
      });
      assert.equal(change.statusCode, 200, change.body);
      assert.deepEqual(await myTotals(api, await api.acme.employee('rule-change')), { points: 10 + 1, shares: 1 }, 'nothing earned before the change is re-scored');
      const audited = await api.db.query<{ at: Date; detail: { changed: Record<string, { from: unknown; to: unknown }> } }>(
        `SELECT at, detail FROM audit_log WHERE organisation_id = $1 AND action = 'settings.updated' ORDER BY id DESC LIMIT 1`,
        [api.acme.id],
      );
      assert.equal(new Date(audited.rows[0]!.at).toISOString(), changedAt.toISOString(), 'the audit entry carries the moment the rule applies from');
      assert.deepEqual(audited.rows[0]!.detail.changed, {
        pointsPerShare: { from: 10, to: 20 },
        pointsPerClick: { from: 1, to: 5 },
        sharePointsRule: { from: 'first-reader', to: 'on-share' },
      });

      // After the change: a reader of the earlier share earns the new click points; a new content earns the new share points on sharing.
      api.setNow(new Date('2027-04-06T09:10:00Z'));
      await visit(api, one.code, { ip: '198.51.100.61', userAgent: browser(6) });
      await api.app.flushClickRecording();
      const after = await createContent(api, { title: 'After the change' });
      await shareFrom(api, api.acme, 'rule-change', after.id);
      assert.deepEqual(await myTotals(api, await api.acme.employee('rule-change')), { points: 10 + 1 + 5 + 20, shares: 2 });

      await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...jsonRequest(await api.acme.admin('rule-admin'), { pointsPerShare: 10, pointsPerClick: 1, sharePointsRule: 'first-reader' }) });
      api.setNow(undefined);
    });
  });
}
