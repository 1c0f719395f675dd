import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SharePageSchema, ShareSchema, StatsSchema, type Share, type SharePage } from '@advocacy/sdk/contract';
import { encodeCursor } from '../../packages/server/src/http/cursor.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { assertClientProblem, createContent, jsonRequest, myTotals } from '../helpers/content.js';
import { databaseKinds } from '../helpers/databases.js';

for (const kind of databaseKinds()) {
  describe(`shares on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    const share = (headers: Record<string, string>, body: Record<string, unknown>) => api.inject({ method: 'POST', url: '/v1/shares', ...jsonRequest(headers, body) });

    async function shareOk(headers: Record<string, string>, body: Record<string, unknown>, status = 201): Promise<Share> {
      const response = await share(headers, body);
      assert.equal(response.statusCode, status, response.body);
      return ShareSchema.parse(response.json());
    }

    /** The prefilled post text an intent URL carries in its `param`. */
    const prefilled = (share: Share, param = 'text'): string => new URL(share.intentUrl ?? 'about:blank').searchParams.get(param) ?? '';

    async function myShares(headers: Record<string, string>, query = ''): Promise<SharePage> {
      const response = await api.inject({ method: 'GET', url: `/v1/shares${query}`, headers });
      assert.equal(response.statusCode, 200, response.body);
      return SharePageSchema.parse(response.json());
    }

    it('gives an employee a tracked link and a prefilled intent URL, then the same link again; points come with the first reader, once per content', async () => {
      const content = await createContent(api, { title: 'Share me' });
      const headers = { ...(await api.acme.employee('sharer-1')), host: 'advocacy.acme.example' };
      const first = await shareOk(headers, { contentId: content.id, network: 'x' });
      assert.match(first.code, /^[A-Za-z0-9]{10}$/);
      assert.equal(first.trackedUrl, `http://advocacy.acme.example/r/${first.code}`);
      assert.deepEqual([first.contentId, first.network], [content.id, 'x']);
      const intent = new URL(first.intentUrl ?? '');
      assert.equal(`${intent.origin}${intent.pathname}`, 'https://x.com/intent/post');
      assert.equal(intent.searchParams.get('url'), first.trackedUrl);
      assert.equal(intent.searchParams.get('text'), 'We are hiring!\n\nI work at acme.');
      assert.deepEqual(await myTotals(api, headers), { points: 0, shares: 1 }, 'pressing Share earns nothing until a reader comes (first-reader rule)');

      const again = await shareOk(headers, { contentId: content.id, network: 'x', locale: 'fr' }, 200);
      assert.deepEqual([again.id, again.code, again.createdAt], [first.id, first.code, first.createdAt]);
      assert.equal(prefilled(again), 'On recrute !\n\nJe travaille chez acme.', 'the locale changes the text and the disclosure');
      assert.deepEqual(await myTotals(api, headers), { points: 0, shares: 1 }, 'the same link again');

      const linkedin = await shareOk(headers, { contentId: content.id, network: 'linkedin' });
      assert.notEqual(linkedin.code, first.code);
      const linkedinIntent = new URL(linkedin.intentUrl ?? '');
      assert.equal(linkedinIntent.href, `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(linkedin.trackedUrl)}`);
      assert.deepEqual(await myTotals(api, headers), { points: 0, shares: 2 });

      // A reader on another network: the share's 10 points (once for the content) and 1 for the reader.
      const read = (code: string, ip: string) => api.inject({ method: 'GET', url: `/r/${code}`, remoteAddress: ip, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0' } });
      assert.equal((await read(linkedin.code, '198.51.100.7')).statusCode, 302);
      assert.equal((await read(first.code, '203.0.113.9')).statusCode, 302);
      await api.app.flushClickRecording();
      assert.deepEqual(await myTotals(api, headers), { points: 12, shares: 2 });

      const colleague = await shareOk(await api.acme.employee('sharer-1b'), { contentId: content.id, network: 'x' });
      assert.notEqual(colleague.code, first.code, 'each employee has their own link');
    });

    it('picks the suggested text by locale, falls back sensibly, and always appends the disclosure', async () => {
      const content = await createContent(api, {
        title: 'Fallbacks',
        suggestedTexts: { bluesky: { en: 'English post', fr: 'Post en français' }, threads: { fr: 'Seulement en français' } },
      });
      const headers = await api.acme.employee('sharer-locale');
      const canadian = await shareOk(headers, { contentId: content.id, network: 'bluesky', locale: 'fr-CA' });
      assert.equal(prefilled(canadian), `Post en français\n\nJe travaille chez acme.\n\n${canadian.trackedUrl}`, 'Bluesky carries the link inside the text');
      const german = await shareOk(headers, { contentId: content.id, network: 'bluesky', locale: 'de' }, 200);
      assert.equal(prefilled(german), `English post\n\nI work at acme.\n\n${german.trackedUrl}`, 'the content’s own locale, English disclosure');
      const threads = await shareOk(headers, { contentId: content.id, network: 'threads' });
      assert.match(prefilled(threads), /^Seulement en français\n\nI work at acme\./, 'any text of the network rather than none');
      const whatsapp = await shareOk(headers, { contentId: content.id, network: 'whatsapp' });
      assert.match(prefilled(whatsapp), /^Fallbacks\n\nI work at acme\./, 'the title when the network has no text');
      const own = await shareOk(headers, { contentId: content.id, network: 'telegram', text: '  My own words  ' });
      assert.deepEqual([prefilled(own), prefilled(own, 'url')], ['My own words\n\nI work at acme.', own.trackedUrl]);
      const email = await shareOk(headers, { contentId: content.id, network: 'email' });
      assert.ok(email.intentUrl?.startsWith('mailto:?subject=Fallbacks&body='), email.intentUrl ?? '');
    });

    it('builds Mastodon intents only on a plain instance host the employee names', async () => {
      const content = await createContent(api, { title: 'Toot', suggestedTexts: { mastodon: { en: 'Toot this' } } });
      const headers = await api.acme.employee('sharer-mastodon');
      const withoutInstance = await shareOk(headers, { contentId: content.id, network: 'mastodon' });
      assert.equal(withoutInstance.intentUrl, null);
      const withInstance = await shareOk(headers, { contentId: content.id, network: 'mastodon', mastodonInstance: 'Mastodon.Social' }, 200);
      const intent = new URL(withInstance.intentUrl ?? '');
      assert.equal(`${intent.origin}${intent.pathname}`, 'https://mastodon.social/share');
      assert.equal(intent.searchParams.get('text'), `Toot this\n\nI work at acme.\n\n${withInstance.trackedUrl}`);
      for (const instance of ['https://evil.example', 'evil.example/share', 'user@evil.example', 'evil.example:8443', '127.0.0.1', 'localhost', 'evil.example/..', '', 'a'.repeat(254)]) {
        assertClientProblem(await share(headers, { contentId: content.id, network: 'mastodon', mastodonInstance: instance }), `instance ${instance}`, 400);
      }
    });

    it('refuses to share content that is not shareable now, without points', async () => {
      const admin = await api.acme.admin();
      const draft = await createContent(api, { title: 'Draft', status: 'draft' });
      const scheduled = await createContent(api, { title: 'Scheduled', publishAt: '2099-01-01T00:00:00Z' });
      const expired = await createContent(api, { title: 'Expired', publishAt: '2020-01-01T00:00:00Z', expiresAt: '2020-02-01T00:00:00Z' });
      const archived = await createContent(api, { title: 'Archived' });
      await api.inject({ method: 'POST', url: `/v1/content/${archived.id}/archive`, headers: admin });
      const headers = await api.acme.employee('sharer-hidden');
      for (const content of [draft, scheduled, expired, archived]) {
        const problem = assertClientProblem(await share(headers, { contentId: content.id, network: 'x' }), content.title, 404);
        assert.match(problem.detail ?? '', /archived, expired or not yet published/);
      }
      assert.deepEqual(await myTotals(api, headers), { points: 0, shares: 0 });
      assert.equal((await myShares(headers)).items.length, 0);
    });

    it('under the on-share rule, moves points by the organisation’s points per share, once per content, and the day’s share count by network', async () => {
      await api.db.query(`UPDATE organisations SET points_per_share = 3, share_points_rule = 'on-share' WHERE id = $1`, [api.globex.id]);
      const content = await createContent(api, { title: 'Globex news' }, api.globex);
      const admin = await api.globex.admin();
      const weekShares = async (network: string): Promise<number> => {
        const response = await api.inject({ method: 'GET', url: '/v1/stats?period=week', headers: admin });
        return StatsSchema.parse(response.json()).byNetwork.find((row) => row.network === network)?.shares ?? 0;
      };
      const before = await weekShares('teams');
      const headers = await api.globex.employee('globex-sharer');
      await shareOk(headers, { contentId: content.id, network: 'teams' });
      await shareOk(headers, { contentId: content.id, network: 'teams' }, 200);
      await shareOk(await api.globex.employee('globex-sharer-2'), { contentId: content.id, network: 'teams' });
      assert.deepEqual(await myTotals(api, headers), { points: 3, shares: 1 });
      assert.equal(await weekShares('teams'), before + 2);
      await shareOk(headers, { contentId: content.id, network: 'linkedin' });
      assert.deepEqual(await myTotals(api, headers), { points: 3, shares: 2 }, 'another network of the same content: a share, no points');
    });

    it('is race-safe without a key: parallel identical shares make one link and one set of points', async () => {
      await api.db.query(`UPDATE organisations SET points_per_share = 10, share_points_rule = 'on-share' WHERE id = $1`, [api.globex.id]);
      const content = await createContent(api, { title: 'Race' }, api.globex);
      const headers = await api.globex.employee('sharer-race');
      const answers = await Promise.all(Array.from({ length: 10 }, () => share(headers, { contentId: content.id, network: 'facebook' })));
      const statuses = answers.map((answer) => answer.statusCode).sort();
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      assert.equal(new Set(answers.map((answer) => ShareSchema.parse(answer.json()).code)).size, 1);
      assert.deepEqual(await myTotals(api, headers), { points: 10, shares: 1 });
    });

    it('lists the caller’s own shares, newest first, page by page', async () => {
      const created: string[] = [];
      const start = Date.UTC(2030, 4, 1);
      try {
        for (const [i, network] of (['linkedin', 'x', 'whatsapp', 'email', 'threads'] as const).entries()) {
          api.setNow(new Date(start + i * 60_000));
          const content = await createContent(api, { title: `Listed ${i}` });
          // A token of that moment, as the page would hold then.
          created.push((await shareOk(await api.acme.employee('sharer-list'), { contentId: content.id, network })).id);
        }
      } finally {
        api.setNow(undefined);
      }
      const headers = await api.acme.employee('sharer-list');
      await shareOk(await api.acme.employee('someone-else'), { contentId: (await createContent(api)).id, network: 'x' });
      await shareOk(await api.globex.employee('sharer-list'), { contentId: (await createContent(api, {}, api.globex)).id, network: 'x' });

      const seen: Share[] = [];
      let cursor: string | null = null;
      do {
        const page: SharePage = await myShares(headers, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.items.length <= 2);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen.map((item) => item.id), created.toReversed());
      assert.ok(seen.every((item) => item.trackedUrl.endsWith(`/r/${item.code}`) && item.intentUrl === null));
      assert.equal((await myShares(headers)).items.length, 5);
    });

    it('keeps tenants apart: another organisation’s content cannot be shared', async () => {
      const globexContent = await createContent(api, {}, api.globex);
      const headers = await api.acme.employee('sharer-tenant');
      assertClientProblem(await share(headers, { contentId: globexContent.id, network: 'x' }), 'cross-tenant share', 404);
      assert.deepEqual(await myTotals(api, headers), { points: 0, shares: 0 });
    });

    it('answers every bad input with a 4xx problem, never a 500', async () => {
      const content = await createContent(api, { title: 'Bad inputs' });
      const headers = await api.acme.employee('sharer-bad');
      const valid = { contentId: content.id, network: 'x' };
      const bodies: [string, unknown][] = [
        ['missing contentId', { network: 'x' }],
        ['malformed contentId', { ...valid, contentId: 'not-a-uuid' }],
        ['contentId a number', { ...valid, contentId: 42 }],
        ['unknown network', { ...valid, network: 'myspace' }],
        ['unknown field', { ...valid, employeeId: crypto.randomUUID() }],
        ['bad locale', { ...valid, locale: 'français' }],
        ['text too long', { ...valid, text: 'x'.repeat(3_001) }],
        ['text with NUL', { ...valid, text: 'a\u0000b' }],
        ['text an object', { ...valid, text: { en: 'hi' } }],
        ['a string body', 'share please'],
      ];
      for (const [label, body] of bodies) assertClientProblem(await share(headers, body as Record<string, unknown>), label, 400);
      assertClientProblem(await share(headers, { ...valid, contentId: crypto.randomUUID() }), 'unknown content', 404);
      assertClientProblem(await share({ authorization: `Bearer ${api.acme.secretKey}` }, valid), 'secret key', 403);
      assertClientProblem(await share(api.acme.publicPage(), valid), 'publishable key', 403);
      assertClientProblem(await api.inject({ method: 'POST', url: '/v1/shares', ...jsonRequest({}, valid) }), 'no credential', 401);
      for (const cursor of ['***', encodeCursor(['nope', 'nope']), encodeCursor(['2026-01-01T00:00:00Z', 'x'])]) {
        assertClientProblem(await api.inject({ method: 'GET', url: `/v1/shares?cursor=${encodeURIComponent(cursor)}`, headers }), `cursor ${cursor}`, 400);
      }
      assertClientProblem(await api.inject({ method: 'GET', url: '/v1/shares?limit=500', headers }), 'limit 500', 400);
      assert.deepEqual(await myTotals(api, headers), { points: 0, shares: 0 });
    });
  });
}
