import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContentSchema, EventBatchResultSchema, ShareSchema, StatsSchema, type Stats } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const READER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

for (const kind of databaseKinds()) {
  describe(`stats and events on ${kind}`, () => {
    let api: TestApi;
    let contentId: string;
    before(async () => {
      api = await startTestApi(kind);
      const content = await api.inject({
        method: 'POST',
        url: '/v1/content',
        headers: { ...(await api.acme.admin()), 'content-type': 'application/json' },
        payload: JSON.stringify({ title: 'Stats', url: 'https://acme.example/stats', locale: 'en' }),
      });
      contentId = ContentSchema.parse(content.json()).id;
    });
    after(() => api.close());

    const json = (headers: Record<string, string>, body: unknown) => ({ headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const stats = async (period = 'week', headers?: Record<string, string>): Promise<Stats> => {
      const response = await api.inject({ method: 'GET', url: `/v1/stats?period=${period}`, headers: headers ?? api.acme.publicPage() });
      assert.equal(response.statusCode, 200, response.body);
      return StatsSchema.parse(response.json());
    };

    it('counts shares, readers, uncredited visits, ambassadors and declared reach, by network and day', async () => {
      const before = await stats();
      for (const [subject, network, audience] of [
        ['s-1', 'linkedin', 500],
        ['s-2', 'linkedin', 300],
        ['s-1', 'x', 100],
      ] as const) {
        await api.inject({ method: 'PATCH', url: '/v1/me', ...json(await api.acme.employee(subject), { audience: { [network]: audience } }) });
        const share = ShareSchema.parse((await api.inject({ method: 'POST', url: '/v1/shares', ...json(await api.acme.employee(subject), { contentId, network }) })).json());
        await api.inject({ method: 'GET', url: `/r/${share.code}`, remoteAddress: '203.0.113.1', headers: { 'user-agent': READER } });
        await api.inject({ method: 'GET', url: `/r/${share.code}`, remoteAddress: '203.0.113.1', headers: { 'user-agent': READER } });
        await api.inject({ method: 'GET', url: `/r/${share.code}`, remoteAddress: '203.0.113.2', headers: { 'user-agent': 'Twitterbot/1.0' } });
      }
      await api.app.flushClickRecording();
      const after = await stats();
      assert.equal(after.shares - before.shares, 3);
      assert.equal(after.creditedClicks - before.creditedClicks, 3);
      assert.equal(after.uncreditedClicks - before.uncreditedClicks, 6);
      assert.equal(after.activeAmbassadors, 2);
      assert.equal(after.estimatedReach, 900);
      const linkedin = after.byNetwork.find((row) => row.network === 'linkedin');
      assert.deepEqual(linkedin, { network: 'linkedin', shares: 2, creditedClicks: 2, uncreditedClicks: 4, estimatedReach: 800 });
      assert.equal(after.byDay.length >= 1 && after.byDay.length <= 7, true);
      const today = after.byDay.at(-1)!;
      assert.equal(today.day, new Date().toISOString().slice(0, 10));
      assert.ok(today.shares >= 3);
      assert.equal((await stats('all')).byDay.length, 90);
      assert.equal((await stats('week', await api.globex.employee('g-1'))).shares, 0, 'other tenants see none of it');
    });

    it('takes impression batches, ignores duplicate ids, and counts them', async () => {
      const before = await stats();
      const events = Array.from({ length: 3 }, (_, index) => ({ id: `imp-${index}`, kind: 'impression', contentId, occurredAt: new Date().toISOString() }));
      const first = await api.inject({ method: 'POST', url: '/v1/events', ...json(api.acme.publicPage(), { events }) });
      assert.equal(first.statusCode, 202, first.body);
      assert.deepEqual(EventBatchResultSchema.parse(first.json()), { accepted: 3, duplicates: 0 });
      const again = await api.inject({ method: 'POST', url: '/v1/events', ...json(api.acme.publicPage(), { events: [...events, { ...events[0], id: 'imp-new' }] }) });
      assert.deepEqual(again.json(), { accepted: 1, duplicates: 3 });
      assert.equal((await stats()).impressions - before.impressions, 4);
      const otherTenant = await api.inject({ method: 'POST', url: '/v1/events', ...json(api.globex.publicPage(), { events: [events[0]] }) });
      assert.deepEqual(otherTenant.json(), { accepted: 1, duplicates: 0 }, 'ids are per organisation');
    });

    it('accepts a sendBeacon-style text/plain batch with the publishable key in the URL, and nothing else that way', async () => {
      const body = JSON.stringify({ events: [{ id: 'beacon-1', kind: 'impression', occurredAt: new Date().toISOString() }] });
      const beacon = await api.inject({ method: 'POST', url: `/v1/events?key=${api.acme.publishableKey}`, headers: { 'content-type': 'text/plain;charset=UTF-8', origin: api.acme.publicOrigin }, payload: body });
      assert.equal(beacon.statusCode, 202, beacon.body);
      const fromElsewhere = await api.inject({ method: 'POST', url: `/v1/events?key=${api.acme.publishableKey}`, headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, payload: body });
      assert.equal(fromElsewhere.statusCode, 403);
      const secretInUrl = await api.inject({ method: 'POST', url: `/v1/events?key=${api.acme.secretKey}`, headers: { 'content-type': 'text/plain' }, payload: body });
      assert.equal(secretInUrl.statusCode, 401);
      const statsWithKeyInUrl = await api.inject({ method: 'GET', url: `/v1/stats?key=${api.acme.publishableKey}`, headers: { origin: api.acme.publicOrigin } });
      assert.equal(statsWithKeyInUrl.statusCode, 401, 'a key in the URL is read only by the events route');
    });

    it('refuses empty, oversized and malformed batches', async () => {
      const event = (id: string) => ({ id, kind: 'impression', occurredAt: new Date().toISOString() });
      const cases: [unknown, number][] = [
        [{ events: [] }, 400],
        [{ events: Array.from({ length: 101 }, (_, index) => event(`e-${index}`)) }, 400],
        [{ events: [{ ...event('x'), kind: 'click' }] }, 400],
        [{ events: [{ ...event('bad id with spaces') }] }, 400],
        [{ events: [{ ...event('future'), occurredAt: '2999-01-01T00:00:00Z' }] }, 400],
        [{ events: [{ ...event('extra'), extra: true }] }, 400],
      ];
      for (const [body, status] of cases) {
        const response = await api.inject({ method: 'POST', url: '/v1/events', ...json(api.acme.publicPage(), body) });
        assert.equal(response.statusCode, status, JSON.stringify(body).slice(0, 80));
      }
      const big = await api.inject({ method: 'POST', url: '/v1/events', headers: { ...api.acme.publicPage(), 'content-type': 'application/json' }, payload: `{"events":[${'"x",'.repeat(5000)}"x"]}` });
      assert.equal(big.statusCode, 413);
    });
  });
}
