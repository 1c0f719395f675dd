import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContentSchema, EventBatchResultSchema, ProblemSchema } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi, type TestOrganisation } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

// The server's clock for every test here unless one moves it: a Wednesday at noon UTC, far from any day's edge.
const NOW = new Date('2030-01-16T12:00:00Z');

for (const kind of databaseKinds()) {
  describe(`events on ${kind}`, () => {
    let api: TestApi;
    let acmeContent: string;
    let globexContent: string;
    before(async () => {
      api = await startTestApi(kind);
      api.setNow(NOW);
      acmeContent = await newContent(api.acme);
      globexContent = await newContent(api.globex);
    });
    after(() => api.close());

    const json = (headers: Record<string, string>, body: unknown) => ({ headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    async function newContent(org: TestOrganisation): Promise<string> {
      const response = await api.inject({ method: 'POST', url: '/v1/content', ...json(await org.admin(), { title: 'Seen', url: `https://${org.domain}/seen`, locale: 'en' }) });
      return ContentSchema.parse(response.json()).id;
    }
    const event = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'impression', occurredAt: NOW.toISOString(), ...extra });
    const send = (headers: Record<string, string>, events: unknown[]) => api.inject({ method: 'POST', url: '/v1/events', ...json(headers, { events }) });
    const impressionsOn = async (org: TestOrganisation, day: string): Promise<number> => {
      const { rows } = await api.db.query<{ impressions: number }>(`SELECT impressions FROM daily_stats WHERE organisation_id = $1 AND day = $2 AND network = 'web'`, [org.id, day]);
      return rows[0]?.impressions ?? 0;
    };
    const stored = async (org: TestOrganisation, id: string) => {
      const { rows } = await api.db.query<{ content_id: string | null; testimonial_id: string | null; occurred_at: Date }>(
        'SELECT content_id, testimonial_id, occurred_at FROM impression_events WHERE organisation_id = $1 AND client_event_id = $2',
        [org.id, id],
      );
      return rows[0];
    };

    it('takes impression batches, ignores ids already received, and counts only new ones', async () => {
      const before = await impressionsOn(api.acme, '2030-01-16');
      const events = Array.from({ length: 3 }, (_, index) => event(`imp-${index}`, { contentId: acmeContent }));
      const first = await send(api.acme.publicPage(), events);
      assert.equal(first.statusCode, 202, first.body);
      assert.deepEqual(EventBatchResultSchema.parse(first.json()), { accepted: 3, duplicates: 0 });
      const again = await send(api.acme.publicPage(), [...events, event('imp-new')]);
      assert.deepEqual(again.json(), { accepted: 1, duplicates: 3 });
      const twiceInOne = await send(api.acme.publicPage(), [event('imp-twin'), event('imp-twin')]);
      assert.deepEqual(twiceInOne.json(), { accepted: 1, duplicates: 1 });
      assert.equal((await impressionsOn(api.acme, '2030-01-16')) - before, 5, 'filed under the day of NOW');
      const otherTenant = await send(api.globex.publicPage(), [events[0]]);
      assert.deepEqual(otherTenant.json(), { accepted: 1, duplicates: 0 }, 'ids are per organisation');
    });

    it('files each impression under the day it happened, and takes a slightly fast clock as now', async () => {
      api.setNow(new Date('2030-03-10T12:00:00Z'));
      try {
        const response = await send(await api.acme.employee('viewer'), [
          event('day-old', { occurredAt: '2030-03-08T23:59:00Z' }),
          event('fast-clock', { occurredAt: '2030-03-10T12:04:00Z' }),
        ]);
        assert.equal(response.statusCode, 202, response.body);
        assert.equal(await impressionsOn(api.acme, '2030-03-08'), 1);
        assert.equal(await impressionsOn(api.acme, '2030-03-10'), 1);
        assert.equal((await stored(api.acme, 'fast-clock'))?.occurred_at.toISOString(), '2030-03-10T12:00:00.000Z');
      } finally {
        api.setNow(NOW);
      }
    });

    it('refuses events from the far future or older than 30 days, naming each one, and records none of the batch', async () => {
      api.setNow(new Date('2030-04-10T12:00:00Z'));
      try {
        const response = await send(api.acme.publicPage(), [
          event('fine', { occurredAt: '2030-04-10T11:00:00Z' }),
          event('ahead', { occurredAt: '2030-04-10T12:06:00Z' }),
          event('stale', { occurredAt: '2030-03-11T11:59:00Z' }),
        ]);
        assert.equal(response.statusCode, 400);
        const problem = ProblemSchema.parse(response.json());
        assert.deepEqual(problem.errors?.map((error) => error.field), ['body.events.1.occurredAt', 'body.events.2.occurredAt']);
        assert.equal(await stored(api.acme, 'fine'), undefined);
        const thirtyDays = await send(api.acme.publicPage(), [event('edge', { occurredAt: '2030-03-11T12:00:00Z' })]);
        assert.equal(thirtyDays.statusCode, 202, thirtyDays.body);
      } finally {
        api.setNow(NOW);
      }
    });

    it("keeps another organisation's content and testimonial ids out of the records, still counting the impression", async () => {
      const foreignTestimonial = crypto.randomUUID();
      const response = await send(api.acme.publicPage(), [
        event('own', { contentId: acmeContent }),
        event('foreign', { contentId: globexContent, testimonialId: foreignTestimonial }),
      ]);
      assert.deepEqual(response.json(), { accepted: 2, duplicates: 0 });
      assert.equal((await stored(api.acme, 'own'))?.content_id, acmeContent);
      assert.deepEqual(await stored(api.acme, 'foreign').then((row) => [row?.content_id, row?.testimonial_id]), [null, null]);
    });

    it('accepts a sendBeacon-style text/plain batch with the publishable key in the URL, and nothing else that way', async () => {
      const body = JSON.stringify({ events: [event('beacon-1')] });
      const beacon = await api.inject({
        method: 'POST',
        url: `/v1/events?key=${api.acme.publishableKey}`,
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: api.acme.publicOrigin },
        payload: body,
      });
      assert.equal(beacon.statusCode, 202, beacon.body);
      const fromElsewhere = await api.inject({ method: 'POST', url: `/v1/events?key=${api.acme.publishableKey}`, headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, payload: body });
      assert.equal(fromElsewhere.statusCode, 403);
      const secretInUrl = await api.inject({ method: 'POST', url: `/v1/events?key=${api.acme.secretKey}`, headers: { 'content-type': 'text/plain' }, payload: body });
      assert.equal(secretInUrl.statusCode, 401);
      const garbage = await api.inject({ method: 'POST', url: `/v1/events?key=${api.acme.publishableKey}`, headers: { 'content-type': 'text/plain', origin: api.acme.publicOrigin }, payload: '{"events": [' });
      assert.equal(garbage.statusCode, 400);
      assert.match(String(garbage.headers['content-type']), /problem\+json/);
      const statsWithKeyInUrl = await api.inject({ method: 'GET', url: `/v1/stats/public?key=${api.acme.publishableKey}`, headers: { origin: api.acme.publicOrigin } });
      assert.equal(statsWithKeyInUrl.statusCode, 401, 'a key in the URL is read only by the events route');
    });

    it('refuses empty, oversized and malformed batches, and callers without a credential', async () => {
      const cases: [unknown, number][] = [
        [{ events: [] }, 400],
        [{ events: Array.from({ length: 101 }, (_, index) => event(`e-${index}`)) }, 400],
        [{ events: [event('x', { kind: 'click' })] }, 400],
        [{ events: [event('bad id with spaces')] }, 400],
        [{ events: [event('x'.repeat(65))] }, 400],
        [{ events: [event('no-date', { occurredAt: 'yesterday' })] }, 400],
        [{ events: [event('extra', { extra: true })] }, 400],
        [{ events: [event('not-uuid', { contentId: 'abc' })] }, 400],
        [{ events: 'impression' }, 400],
        [{}, 400],
      ];
      for (const [body, status] of cases) {
        const response = await api.inject({ method: 'POST', url: '/v1/events', ...json(api.acme.publicPage(), body) });
        assert.equal(response.statusCode, status, JSON.stringify(body).slice(0, 80));
        assert.match(String(response.headers['content-type']), /problem\+json/);
      }
      const hundred = await send(api.acme.publicPage(), Array.from({ length: 100 }, (_, index) => event(`full-${index}`)));
      assert.deepEqual(hundred.json(), { accepted: 100, duplicates: 0 });
      const big = await api.inject({ method: 'POST', url: '/v1/events', headers: { ...api.acme.publicPage(), 'content-type': 'application/json' }, payload: `{"events":[${'"x",'.repeat(5000)}"x"]}` });
      assert.equal(big.statusCode, 413);
      assert.equal((await api.inject({ method: 'POST', url: '/v1/events', ...json({}, { events: [event('anon')] }) })).statusCode, 401);
    });
  });
}
