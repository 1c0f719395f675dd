import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { AdvHttpError, AdvNetworkError, AdvValidationError, createClient, createLeaderboardStore, createMeStore, createTestimonialsStore, share, updateMe, type AdvClient, type ResourceState } from '@advocacy/sdk';
import { startTestApi, type TestApi } from '../helpers/api.js';

/** A fetch that adds the Origin a browser would send from `origin`. */
const fetchFrom = (origin: string): typeof fetch => (input, init) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), origin } });

describe('SDK resources against the real server', () => {
  let api: TestApi;
  let baseUrl: string;
  let employee: AdvClient;
  let admin: AdvClient;
  let careers: AdvClient;
  before(async () => {
    api = await startTestApi('pglite');
    // Points on sharing, so a share moves the board these journeys read (by default they wait for a first reader).
    await api.db.query(`UPDATE organisations SET share_points_rule = 'on-share'`);
    baseUrl = `${await api.app.listen({ port: 0, host: '127.0.0.1' })}/`;
    employee = createClient({ baseUrl, getToken: () => api.acme.token('sdk-employee', { name: 'Sam SDK', team: 'Sales' }), fetch: fetchFrom(api.acme.intranetOrigin) });
    admin = createClient({ baseUrl, getToken: () => api.acme.token('sdk-admin', { roles: ['advocacy-admin'] }), fetch: fetchFrom(api.acme.intranetOrigin) });
    careers = createClient({ baseUrl, publishableKey: api.acme.publishableKey, fetch: fetchFrom(api.acme.publicOrigin) });
  });
  after(() => api.close());

  it('runs the whole employee and admin journey with typed, validated answers', async () => {
    const content = await admin.admin.content.create({ title: 'SDK launch', url: 'https://acme.example/sdk', locale: 'en', suggestedTexts: { x: { en: 'Try our SDK' } } });
    const updated = await admin.admin.content.update(content.id, { summary: 'Typed all the way.' });
    assert.equal(updated.summary, 'Typed all the way.');
    const feed = await employee.content.list({ limit: 10 });
    assert.ok(feed.items.some((item) => item.id === content.id));
    assert.equal((await employee.content.get(content.id)).title, 'SDK launch');

    const share = await employee.shares.create({ contentId: content.id, network: 'x' });
    assert.match(share.intentUrl ?? '', /^https:\/\/x\.com\/intent\/post\?/);
    assert.equal((await employee.shares.listMine()).items[0]?.code, share.code);

    const me = await employee.me.update({ leaderboardOptIn: true, audience: { x: 300 } });
    assert.equal(me.leaderboardOptIn, true);
    assert.equal((await employee.me.get()).audience.x, 300);
    const board = await employee.leaderboard.get({ period: 'week' });
    assert.equal(board.me.points, 10);

    const consent = await employee.testimonials.consent({ locale: 'en' });
    const testimonial = await employee.testimonials.submit({ quote: 'Great place.', role: 'Seller', team: 'Sales', location: 'Paris', locale: 'en', consent: { version: consent.version, accepted: true } });
    const queue = await admin.admin.testimonials.queue();
    assert.ok(queue.items.some((item) => item.id === testimonial.id));
    await admin.admin.testimonials.approve(testimonial.id);
    assert.ok((await careers.testimonials.list()).items.some((item) => item.id === testimonial.id));
    assert.deepEqual((await admin.admin.testimonials.audit(testimonial.id)).items.map((entry) => entry.action).slice(0, 2), ['testimonial.submitted', 'testimonial.approved']);
    await employee.testimonials.withdraw(testimonial.id);
    assert.ok(!(await careers.testimonials.list()).items.some((item) => item.id === testimonial.id));
    assert.equal((await employee.testimonials.listMine()).items[0]?.status, 'withdrawn');

    const accepted = await careers.events.send({ events: [{ id: 'sdk-1', kind: 'impression', occurredAt: new Date().toISOString() }] });
    assert.equal(accepted.accepted, 1);
    assert.ok((await employee.stats.get({ period: 'week' })).shares >= 1);
    assert.ok((await careers.stats.getPublic({ period: 'week' })).shares >= 1);
    assert.equal((await admin.admin.content.archive(content.id)).status, 'archived');
    assert.equal((await admin.admin.content.restore(content.id)).state, 'live');
    const copy = await admin.admin.content.duplicate(content.id);
    assert.deepEqual([copy.title, copy.status, copy.state], ['SDK launch (copy)', 'draft', 'draft']);
    const second = await employee.testimonials.submit({ quote: 'Still great.', role: 'Seller', team: 'Sales', location: 'Paris', locale: 'en', consent: { version: consent.version, accepted: true } });
    const bulk = await admin.admin.testimonials.approveMany([second.id, testimonial.id]);
    assert.deepEqual(bulk.items.map((item) => item.outcome), ['approved', 'withdrawn']);
  });

  it('sends the employee token, not the publishable key, when a client has both (an intranet page with one provider)', async () => {
    const both = createClient({
      baseUrl,
      publishableKey: api.acme.publishableKey, // allowed from the career site only
      getToken: () => api.acme.token('sdk-both'),
      fetch: fetchFrom(api.acme.intranetOrigin),
    });
    // /v1/stats refuses publishable keys, and this key does not work from the intranet anyway.
    assert.equal(typeof (await both.stats.get({ period: 'week' })).shares, 'number');
    assert.ok(Array.isArray((await both.testimonials.list()).items));
    assert.equal(typeof (await both.stats.getPublic({ period: 'week' })).shares, 'number');
  });

  it('refuses bad input with AdvValidationError before sending anything', async () => {
    let sent = 0;
    const counting = createClient({ baseUrl, getToken: () => 'x', fetch: (input, init) => ((sent += 1), fetch(input, init)) });
    await assert.rejects(counting.shares.create({ contentId: 'not-a-uuid', network: 'x' }), AdvValidationError);
    await assert.rejects(counting.me.update({ points: 5 } as never), AdvValidationError);
    await assert.rejects(counting.leaderboard.get({ limit: 1_000 }), AdvValidationError);
    assert.equal(sent, 0);
  });

  it('turns refusals into AdvHttpError with the problem', async () => {
    await assert.rejects(employee.admin.content.archive(crypto.randomUUID()), (error: unknown) => error instanceof AdvHttpError && error.status === 403);
    await assert.rejects(employee.content.get(crypto.randomUUID()), (error: unknown) => error instanceof AdvHttpError && error.status === 404 && error.problem.type.endsWith('not-found'));
  });

  it('feeds stores that load on subscribe, refresh after actions, and end in error, not loading, when offline', async () => {
    const $me = createMeStore(employee);
    const $board = createLeaderboardStore(employee, { period: 'all' });
    const settled = <T,>(store: { subscribe: (cb: (state: ResourceState<T>) => void) => () => void }) =>
      new Promise<ResourceState<T>>((resolve) => {
        const stop = store.subscribe((state) => {
          if (state.status === 'ready' || state.status === 'error') {
            queueMicrotask(() => stop());
            resolve(state);
          }
        });
      });
    const stopBoard = $board.listen(() => {});
    assert.equal((await settled($me)).status, 'ready');
    await $board.refresh();
    const before = $board.get().data?.me.points ?? 0;
    const content = await admin.admin.content.create({ title: 'Store', url: 'https://acme.example/store', locale: 'en' });
    await share(employee, { contentId: content.id, network: 'linkedin' }, { refresh: [$board] });
    await updateMe(employee, { displayName: 'Sam' });
    // The refresh runs in the background: wait for the store to settle again, however long the machine takes.
    for (let i = 0; i < 500 && ($board.get().status !== 'ready' || $board.get().data?.me.points === before); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal($board.get().data?.me.points, before + 10, 'the leaderboard store refreshed after the share');
    stopBoard();

    const offline = createClient({ baseUrl: 'http://127.0.0.1:9/', publishableKey: api.acme.publishableKey, retry: false });
    const state = await settled(createTestimonialsStore(offline));
    assert.equal(state.status, 'error');
    assert.ok(state.error instanceof AdvNetworkError);
  });

  describe('when 30 % of answers are lost after the server committed', () => {
    let proxy: Server;
    let proxyUrl: string;
    let lost = 0;
    before(async () => {
      let seed = 42;
      const lose = (): boolean => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) < 0.3;
      proxy = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', async () => {
          const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
          const upstream = await fetch(new URL(request.url ?? '/', baseUrl), { method: request.method, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
          const body = Buffer.from(await upstream.arrayBuffer());
          // The server did the work; the client never hears back.
          if (request.method === 'POST' && lose()) {
            lost += 1;
            response.socket?.destroy();
            return;
          }
          response.writeHead(upstream.status, Object.fromEntries(upstream.headers));
          response.end(body);
        });
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/`;
    });
    after(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

    it('counts every share exactly once', async () => {
      const flaky = createClient({ baseUrl: proxyUrl, getToken: () => api.acme.token('flaky-sharer'), retry: { retries: 8, baseDelayMs: 1, maxDelayMs: 5 } });
      const content = await admin.admin.content.create({ title: 'Flaky', url: 'https://acme.example/flaky', locale: 'en' });
      const networks = ['linkedin', 'x', 'facebook', 'whatsapp', 'bluesky', 'threads', 'telegram', 'teams', 'email'] as const;
      const shares = [];
      for (const network of networks) shares.push(await flaky.shares.create({ contentId: content.id, network }));
      assert.ok(lost >= 2, `the proxy lost ${lost} answers`);
      assert.equal(new Set(shares.map((share) => share.code)).size, networks.length);
      const { rows } = await api.db.query<{ shares: number; points: number }>(
        `SELECT p.shares, p.points FROM points p JOIN employees e ON e.id = p.employee_id WHERE e.subject = 'flaky-sharer' AND p.period_kind = 'all'`,
      );
      assert.deepEqual(rows[0], { shares: networks.length, points: 10 }, 'one content: its points once, whatever the networks');
    });
  });
});
