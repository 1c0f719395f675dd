import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContentPageSchema, ContentSchema, type Content, type ContentPage } from '@advocacy/sdk/contract';
import { encodeCursor } from '../../packages/server/src/http/cursor.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { assertClientProblem, createContent, jsonRequest } from '../helpers/content.js';
import { databaseKinds } from '../helpers/databases.js';

for (const kind of databaseKinds()) {
  describe(`content on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    const reader = () => api.acme.employee('reader');

    async function list(query: string, headers?: Record<string, string>): Promise<ContentPage> {
      const response = await api.inject({ method: 'GET', url: `/v1/content${query}`, headers: headers ?? (await reader()) });
      assert.equal(response.statusCode, 200, response.body);
      return ContentPageSchema.parse(response.json());
    }

    async function titles(query: string, headers?: Record<string, string>): Promise<string[]> {
      return (await list(query, headers)).items.map((item) => item.title);
    }

    /** Every item of a listing, following `nextCursor` to the end. */
    async function allPages(query: string, headers?: Record<string, string>): Promise<Content[]> {
      const items: Content[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`${query}${cursor ? `&cursor=${cursor}` : ''}`, headers);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    }

    it('lets an admin publish content that employees read with the disclosure of its locale', async () => {
      const english = await createContent(api, { title: 'Hiring', url: 'https://ACME.example/blog/../careers?team=web#apply', tags: ['careers', 'careers', 'open-roles'] });
      assert.equal(english.url, 'https://acme.example/careers?team=web#apply', 'stored WHATWG-normalised');
      assert.deepEqual(english.tags, ['careers', 'open-roles']);
      assert.equal(english.status, 'published');
      const french = await createContent(api, { title: 'On recrute', locale: 'fr-CA' });

      const items = (await list('?limit=100')).items;
      assert.equal(items.find((item) => item.id === english.id)?.disclosure, 'I work at acme.');
      assert.equal(items.find((item) => item.id === french.id)?.disclosure, 'Je travaille chez acme.');

      const one = await api.inject({ method: 'GET', url: `/v1/content/${english.id}`, headers: await reader() });
      assert.equal(one.statusCode, 200);
      assert.deepEqual(ContentSchema.parse(one.json()).suggestedTexts, { x: { en: 'We are hiring!', fr: 'On recrute !' }, linkedin: { en: 'Join us.' } });
    });

    it('refuses the open-redirect corpus at creation, with a field error on body.url, and stores nothing', async () => {
      const corpus = [
        '//evil.example',
        '/\\evil.example',
        'https:evil.example',
        '%2F%2Fevil.example',
        'https://acme.example@evil.example/',
        'https://acme.example.evil.example/',
        'https://аcme.example/', // Cyrillic а
        'https://xn--cme-8cd.example/',
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'http://acme.example/',
        'https://acme.example:8443/',
        'https://127.0.0.1/',
      ];
      for (const url of corpus) {
        const response = await api.inject({ method: 'POST', url: '/v1/content', ...jsonRequest(await api.acme.admin(), { title: `corpus ${url}`, url, locale: 'en' }) });
        const problem = assertClientProblem(response, url);
        assert.ok([400, 422].includes(response.statusCode), `${url} → ${response.statusCode}`);
        assert.ok(problem.errors?.some((error) => error.field === 'body.url'), `${url}: ${response.body}`);
      }
      const library = await allPages('?status=all&limit=100', await api.acme.admin());
      assert.ok(!library.some((item) => item.title.startsWith('corpus ')));
    });

    it('refuses a destination change to another domain, and keeps the old one', async () => {
      const content = await createContent(api, { title: 'Moving' });
      const moved = await api.inject({ method: 'PATCH', url: `/v1/content/${content.id}`, ...jsonRequest(await api.acme.admin(), { url: 'https://globex.example/' }) });
      assertClientProblem(moved, 'other tenant domain', 422);
      const after = await api.inject({ method: 'GET', url: `/v1/content/${content.id}`, headers: await reader() });
      assert.equal(ContentSchema.parse(after.json()).url, content.url);
      const subdomain = await api.inject({ method: 'PATCH', url: `/v1/content/${content.id}`, ...jsonRequest(await api.acme.admin(), { url: 'https://jobs.acme.example/new' }) });
      assert.equal(ContentSchema.parse(subdomain.json()).url, 'https://jobs.acme.example/new');
    });

    it('hides drafts, scheduled, expired and archived content from the feed, for admins too', async () => {
      const future = await createContent(api, { title: 'Scheduled', publishAt: '2099-01-01T00:00:00Z' });
      const expired = await createContent(api, { title: 'Expired', publishAt: '2020-01-01T00:00:00Z', expiresAt: '2020-02-01T00:00:00Z' });
      const draft = await createContent(api, { title: 'Draft', status: 'draft' });
      const archived = await createContent(api, { title: 'Archived' });
      const archive = await api.inject({ method: 'POST', url: `/v1/content/${archived.id}/archive`, headers: await api.acme.admin() });
      assert.equal(ContentSchema.parse(archive.json()).status, 'archived');

      for (const headers of [await reader(), await api.acme.admin()]) {
        const feed = (await allPages('?limit=100', headers)).map((item) => item.id);
        for (const hidden of [future, expired, draft, archived]) assert.ok(!feed.includes(hidden.id), `${hidden.title} is not in the feed`);
      }
      for (const hidden of [future, expired, draft, archived]) {
        const one = await api.inject({ method: 'GET', url: `/v1/content/${hidden.id}`, headers: await reader() });
        assertClientProblem(one, hidden.title, 404);
        const asAdmin = await api.inject({ method: 'GET', url: `/v1/content/${hidden.id}`, headers: await api.acme.admin() });
        assert.equal(asAdmin.statusCode, 200, 'the library still has it');
      }
    });

    it('lets admins list the library by status, whatever the window, and only admins', async () => {
      const draft = await createContent(api, { title: 'Library draft', status: 'draft', tags: ['library'] });
      const scheduled = await createContent(api, { title: 'Library scheduled', publishAt: '2098-01-01T00:00:00Z', tags: ['library'] });
      const archived = await createContent(api, { title: 'Library archived', tags: ['library'] });
      await api.inject({ method: 'POST', url: `/v1/content/${archived.id}/archive`, headers: await api.acme.admin() });
      const admin = await api.acme.admin();
      assert.deepEqual(await titles('?tag=library&status=draft', admin), [draft.title]);
      assert.deepEqual(await titles('?tag=library&status=published', admin), [scheduled.title]);
      assert.deepEqual(await titles('?tag=library&status=archived', admin), [archived.title]);
      assert.deepEqual((await titles('?tag=library&status=all', admin)).sort(), [archived.title, draft.title, scheduled.title].sort());
      const asEmployee = await api.inject({ method: 'GET', url: '/v1/content?status=draft', headers: await reader() });
      assertClientProblem(asEmployee, 'employee asks for drafts', 403);
    });

    it('shows content only inside its publish/expiry window as the clock moves', async () => {
      const start = new Date('2031-03-01T12:00:00Z');
      const content = await createContent(api, {
        title: 'Windowed',
        tags: ['window'],
        publishAt: '2031-03-01T13:00:00Z',
        expiresAt: '2031-03-01T15:00:00+01:00', // 14:00 UTC
      });
      try {
        api.setNow(start);
        assert.deepEqual(await titles('?tag=window'), []);
        api.setNow(new Date(start.getTime() + 90 * 60_000));
        assert.deepEqual(await titles('?tag=window'), ['Windowed']);
        const one = await api.inject({ method: 'GET', url: `/v1/content/${content.id}`, headers: await reader() });
        assert.equal(one.statusCode, 200);
        api.setNow(new Date(start.getTime() + 2 * 3600_000));
        assert.deepEqual(await titles('?tag=window'), [], 'gone at expiresAt');
      } finally {
        api.setNow(undefined);
      }
    });

    it('filters by locale (a language matches its regional variants) and by tag', async () => {
      await createContent(api, { title: 'fr', locale: 'fr', tags: ['locales'] });
      await createContent(api, { title: 'fr-CA', locale: 'fr-CA', tags: ['locales'] });
      await createContent(api, { title: 'en', locale: 'en', tags: ['locales', 'english'] });
      assert.deepEqual((await titles('?tag=locales&locale=fr')).sort(), ['fr', 'fr-CA']);
      assert.deepEqual(await titles('?tag=locales&locale=fr-CA'), ['fr-CA']);
      assert.deepEqual(await titles('?tag=english'), ['en']);
      assert.deepEqual(await titles('?tag=locales&locale=de'), []);
    });

    it('pages newest first with a cursor, every item once, 20 by default', async () => {
      for (let i = 0; i < 5; i++) {
        await createContent(api, { title: `Paged ${i}`, tags: ['paged'], publishAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() });
      }
      assert.deepEqual((await allPages('?tag=paged&limit=2')).map((item) => item.title), ['Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);

      for (let i = 0; i < 21; i++) await createContent(api, { title: `Many ${i}`, tags: ['many'] });
      const first = await list('?tag=many');
      assert.equal(first.items.length, 20);
      assert.ok(first.nextCursor);
      assert.equal((await allPages('?tag=many&limit=100')).length, 21);
    });

    it('pages through publish times finer than a millisecond without skipping any', async () => {
      await createContent(api, { title: 'Micro 1', tags: ['micro'], publishAt: '2026-01-01T00:00:00.123456Z' });
      await createContent(api, { title: 'Micro 2', tags: ['micro'], publishAt: '2026-01-01T00:00:00.1234Z' });
      await createContent(api, { title: 'Micro 3', tags: ['micro'], publishAt: '2026-01-01T00:00:00.123Z' });
      assert.deepEqual((await allPages('?tag=micro&limit=1')).map((item) => item.title), ['Micro 1', 'Micro 2', 'Micro 3']);
    });

    it('updates content: fields change, the window is checked, archived content can be republished', async () => {
      const content = await createContent(api, { title: 'Before', tags: ['update'] });
      const admin = await api.acme.admin();
      const patched = await api.inject({
        method: 'PATCH',
        url: `/v1/content/${content.id}`,
        ...jsonRequest(admin, { title: 'After', summary: 'Short summary', imageUrl: 'https://cdn.acme.example/a.png', campaign: null, suggestedTexts: { bluesky: { en: 'New text' } } }),
      });
      assert.equal(patched.statusCode, 200, patched.body);
      const updated = ContentSchema.parse(patched.json());
      assert.deepEqual(
        [updated.title, updated.summary, updated.imageUrl, updated.campaign, updated.suggestedTexts, updated.url],
        // Suggested texts merge: the networks not sent keep their texts.
        ['After', 'Short summary', 'https://cdn.acme.example/a.png', null, { x: { en: 'We are hiring!', fr: 'On recrute !' }, linkedin: { en: 'Join us.' }, bluesky: { en: 'New text' } }, content.url],
      );
      assert.ok(updated.updatedAt >= content.updatedAt);

      const backwards = await api.inject({ method: 'PATCH', url: `/v1/content/${content.id}`, ...jsonRequest(admin, { expiresAt: '2000-01-01T00:00:00Z' }) });
      const problem = assertClientProblem(backwards, 'expires before publish', 400);
      assert.ok(problem.errors?.some((error) => error.field === 'body.expiresAt'));

      await api.inject({ method: 'POST', url: `/v1/content/${content.id}/archive`, headers: admin });
      const again = await api.inject({ method: 'POST', url: `/v1/content/${content.id}/archive`, headers: admin });
      assert.equal(ContentSchema.parse(again.json()).status, 'archived', 'archiving twice changes nothing');
      assert.deepEqual(await titles('?tag=update'), []);
      await api.inject({ method: 'PATCH', url: `/v1/content/${content.id}`, ...jsonRequest(admin, { status: 'published' }) });
      assert.deepEqual(await titles('?tag=update'), ['After']);
    });

    it('keeps tenants apart: another organisation’s content is 404 and never listed', async () => {
      const globexContent = await createContent(api, {}, api.globex);
      const acmeAdmin = await api.acme.admin();
      const attempts = [
        api.inject({ method: 'GET', url: `/v1/content/${globexContent.id}`, headers: await reader() }),
        api.inject({ method: 'GET', url: `/v1/content/${globexContent.id}`, headers: acmeAdmin }),
        api.inject({ method: 'PATCH', url: `/v1/content/${globexContent.id}`, ...jsonRequest(acmeAdmin, { title: 'mine now' }) }),
        api.inject({ method: 'POST', url: `/v1/content/${globexContent.id}/archive`, headers: acmeAdmin }),
      ];
      for (const response of await Promise.all(attempts)) assertClientProblem(response, 'cross-tenant', 404);
      assert.ok(!(await allPages('?status=all&limit=100', acmeAdmin)).some((item) => item.id === globexContent.id));
      const untouched = await api.inject({ method: 'GET', url: `/v1/content/${globexContent.id}`, headers: await api.globex.admin() });
      assert.deepEqual([ContentSchema.parse(untouched.json()).title, ContentSchema.parse(untouched.json()).status], [globexContent.title, 'published']);
    });

    it('lets only admins write, and only callers with a credential read', async () => {
      const body = { title: 't', url: 'https://acme.example/', locale: 'en' };
      assertClientProblem(await api.inject({ method: 'POST', url: '/v1/content', ...jsonRequest(await reader(), body) }), 'employee creates', 403);
      assertClientProblem(await api.inject({ method: 'GET', url: '/v1/content', headers: api.acme.publicPage() }), 'publishable key reads', 403);
      assertClientProblem(await api.inject({ method: 'GET', url: '/v1/content' }), 'no credential', 401);
      const withSecretKey = await api.inject({ method: 'POST', url: '/v1/content', ...jsonRequest({ authorization: `Bearer ${api.acme.secretKey}` }, body) });
      assert.equal(withSecretKey.statusCode, 201, 'a server with the secret key is an admin');
    });

    it('answers every bad input with a 4xx problem, never a 500', async () => {
      const admin = await api.acme.admin();
      const valid = { title: 'Valid', url: 'https://acme.example/', locale: 'en' };
      const bodies: [string, unknown][] = [
        ['unknown field', { ...valid, organisationId: api.globex.id }],
        ['title a number', { ...valid, title: 5 }],
        ['empty title', { ...valid, title: '   ' }],
        ['title too long', { ...valid, title: 'x'.repeat(201) }],
        ['title with NUL', { ...valid, title: 'a\u0000b' }],
        ['summary with NUL', { ...valid, summary: 'a\u0000b' }],
        ['campaign too long', { ...valid, campaign: 'c'.repeat(101) }],
        ['tags not an array', { ...valid, tags: 'careers' }],
        ['tag with capitals', { ...valid, tags: ['Careers'] }],
        ['21 tags', { ...valid, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
        ['unknown network', { ...valid, suggestedTexts: { myspace: { en: 'hi' } } }],
        ['bad locale key', { ...valid, suggestedTexts: { x: { 'not a locale': 'hi' } } }],
        ['suggested text too long', { ...valid, suggestedTexts: { x: { en: 'x'.repeat(3_001) } } }],
        ['unpaired surrogate', { ...valid, suggestedTexts: { x: { en: 'a\ud800b' } } }],
        ['bad locale', { ...valid, locale: 'english!' }],
        ['status archived', { ...valid, status: 'archived' }],
        ['publishAt words', { ...valid, publishAt: 'yesterday' }],
        ['publishAt 30 February', { ...valid, publishAt: '2026-02-30T00:00:00Z' }],
        ['publishAt year 0', { ...valid, publishAt: '0000-01-01T00:00:00Z' }],
        ['publishAt past 9999', { ...valid, publishAt: '9999-12-31T23:00:00-14:00' }],
        ['publishAt without offset', { ...valid, publishAt: '2026-01-01T00:00:00' }],
        ['expires before publish', { ...valid, publishAt: '2026-02-01T00:00:00Z', expiresAt: '2026-01-01T00:00:00Z' }],
        ['image over http', { ...valid, imageUrl: 'http://localhost/a.png' }],
        ['image javascript:', { ...valid, imageUrl: 'javascript:alert(1)' }],
        ['url too long', { ...valid, url: `https://acme.example/${'a'.repeat(2_100)}` }],
        ['an array', [valid]],
        ['null', null],
      ];
      for (const [label, body] of bodies) {
        assertClientProblem(await api.inject({ method: 'POST', url: '/v1/content', ...jsonRequest(admin, body) }), label);
      }
      assertClientProblem(await api.inject({ method: 'POST', url: '/v1/content', headers: { ...admin, 'content-type': 'application/json' }, payload: '{"title":' }), 'broken JSON', 400);
      assertClientProblem(
        await api.inject({ method: 'POST', url: '/v1/content', ...jsonRequest(admin, { ...valid, summary: 'x'.repeat(20_000) }) }),
        'body over 16 KiB',
        413,
      );

      const someId = crypto.randomUUID();
      const forgedCursors = ['***', 'bm9wZQ', encodeCursor(['nope', 'nope']), encodeCursor([1, 2]), encodeCursor(['0000-01-01T00:00:00Z', someId]), encodeCursor(['2026-01-01T00:00:00Z'])];
      for (const cursor of forgedCursors) {
        assertClientProblem(await api.inject({ method: 'GET', url: `/v1/content?cursor=${encodeURIComponent(cursor)}`, headers: await reader() }), `cursor ${cursor}`, 400);
      }
      for (const query of ['?limit=0', '?limit=101', '?limit=ten', '?limit=1&limit=2', '?tag=Not%20A%20Tag', '?locale=xx_YY', '?unknown=1']) {
        assertClientProblem(await api.inject({ method: 'GET', url: `/v1/content${query}`, headers: await reader() }), query, 400);
      }
      assertClientProblem(await api.inject({ method: 'GET', url: '/v1/content?status=deleted', headers: admin }), 'unknown status', 400);
      assertClientProblem(await api.inject({ method: 'GET', url: '/v1/content/not-a-uuid', headers: await reader() }), 'malformed id', 400);
      assertClientProblem(await api.inject({ method: 'GET', url: `/v1/content/${someId}`, headers: await reader() }), 'unknown id', 404);
      assertClientProblem(await api.inject({ method: 'PATCH', url: `/v1/content/${someId}`, ...jsonRequest(admin, {}) }), 'patch unknown id', 404);
      assertClientProblem(await api.inject({ method: 'PATCH', url: `/v1/content/${someId}`, ...jsonRequest(admin, { title: null }) }), 'null title', 400);
      assertClientProblem(await api.inject({ method: 'POST', url: `/v1/content/${someId}/archive`, headers: admin }), 'archive unknown id', 404);
      assertClientProblem(await api.inject({ method: 'POST', url: '/v1/content/1/archive', headers: admin }), 'archive malformed id', 400);
    });

    it('creates content once per Idempotency-Key', async () => {
      const headers = { ...(await api.acme.admin()), 'idempotency-key': 'content-key-1' };
      const body = { title: 'Once only', url: 'https://acme.example/once', locale: 'en', tags: ['once'] };
      const first = await api.inject({ method: 'POST', url: '/v1/content', ...jsonRequest(headers, body) });
      const second = await api.inject({ method: 'POST', url: '/v1/content', ...jsonRequest(headers, body) });
      assert.equal(first.statusCode, 201);
      assert.equal(second.statusCode, 201);
      assert.equal(second.headers['idempotent-replayed'], 'true');
      assert.equal(ContentSchema.parse(second.json()).id, ContentSchema.parse(first.json()).id);
      assert.deepEqual(await titles('?tag=once'), ['Once only']);
    });
  });
}
