import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContentPageSchema, ContentSchema, ProblemSchema, ShareSchema, type Content } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const json = (headers: Record<string, string>, body: unknown) => ({ headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

for (const kind of databaseKinds()) {
  describe(`content and shares on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    async function createContent(overrides: Record<string, unknown> = {}, org = api.acme): Promise<Content> {
      const response = await api.inject({
        method: 'POST',
        url: '/v1/content',
        headers: { ...(await org.admin()), 'content-type': 'application/json' },
        payload: JSON.stringify({
          title: 'We are hiring engineers',
          url: `https://${org.domain}/careers?utm_source=old`,
          locale: 'en',
          tags: ['careers'],
          campaign: 'spring-hiring',
          suggestedTexts: { x: { en: 'We are hiring!', fr: 'On recrute !' }, linkedin: { en: 'Join us.' } },
          ...overrides,
        }),
      });
      assert.equal(response.statusCode, 201, response.body);
      return ContentSchema.parse(response.json());
    }

    async function points(employeeSubject: string): Promise<number> {
      const { rows } = await api.db.query<{ points: number }>(
        `SELECT p.points FROM points p JOIN employees e ON e.id = p.employee_id WHERE e.subject = $1 AND p.period_kind = 'all'`,
        [employeeSubject],
      );
      return rows[0]?.points ?? 0;
    }

    it('lets an admin create content and employees read it with the disclosure', async () => {
      const content = await createContent();
      assert.equal(content.disclosure, 'I work at acme.');
      const list = await api.inject({ method: 'GET', url: '/v1/content', headers: await api.acme.employee('reader') });
      assert.equal(list.statusCode, 200);
      const page = ContentPageSchema.parse(list.json());
      assert.ok(page.items.some((item) => item.id === content.id));
      const one = await api.inject({ method: 'GET', url: `/v1/content/${content.id}`, headers: await api.acme.employee('reader') });
      assert.equal(ContentSchema.parse(one.json()).title, 'We are hiring engineers');
    });

    it('refuses the open-redirect corpus at creation', async () => {
      for (const url of ['//evil.example', 'https:evil.example', 'https://acme.example@evil.example/', 'https://аcme.example/', 'javascript:alert(1)']) {
        const response = await api.inject({ method: 'POST', url: '/v1/content', ...json(await api.acme.admin(), { title: 't', url, locale: 'en' }) });
        assert.ok([400, 422].includes(response.statusCode), `${url} → ${response.statusCode}`);
        assert.match(String(response.headers['content-type']), /problem\+json/);
      }
    });

    it('refuses employees creating content and unknown fields', async () => {
      const asEmployee = await api.inject({ method: 'POST', url: '/v1/content', ...json(await api.acme.employee('e1'), { title: 't', url: 'https://acme.example/', locale: 'en' }) });
      assert.equal(asEmployee.statusCode, 403);
      const unknown = await api.inject({ method: 'POST', url: '/v1/content', ...json(await api.acme.admin(), { title: 't', url: 'https://acme.example/', locale: 'en', organisationId: api.globex.id }) });
      assert.equal(unknown.statusCode, 400);
      assert.ok(ProblemSchema.parse(unknown.json()).errors?.length);
    });

    it('hides drafts, future, expired and archived content from employees', async () => {
      const future = await createContent({ title: 'Future', publishAt: '2099-01-01T00:00:00Z' });
      const expired = await createContent({ title: 'Expired', publishAt: '2020-01-01T00:00:00Z', expiresAt: '2020-02-01T00:00:00Z' });
      const draft = await createContent({ title: 'Draft', status: 'draft' });
      const archived = await createContent({ title: 'Archived' });
      const archive = await api.inject({ method: 'POST', url: `/v1/content/${archived.id}/archive`, headers: await api.acme.admin() });
      assert.equal(ContentSchema.parse(archive.json()).status, 'archived');
      const page = ContentPageSchema.parse((await api.inject({ method: 'GET', url: '/v1/content?limit=100', headers: await api.acme.employee('reader') })).json());
      const ids = page.items.map((item) => item.id);
      for (const hidden of [future, expired, draft, archived]) {
        assert.ok(!ids.includes(hidden.id), `${hidden.title} is hidden`);
        const one = await api.inject({ method: 'GET', url: `/v1/content/${hidden.id}`, headers: await api.acme.employee('reader') });
        assert.equal(one.statusCode, 404);
      }
    });

    it('paginates with a cursor, newest first, every item once', async () => {
      for (let i = 0; i < 5; i++) await createContent({ title: `Paged ${i}`, tags: ['paged'], publishAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/v1/content?tag=paged&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = ContentPageSchema.parse((await api.inject({ method: 'GET', url, headers: await api.acme.employee('reader') })).json());
        seen.push(...page.items.map((item) => item.title));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, ['Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);
      const forged = await api.inject({ method: 'GET', url: '/v1/content?cursor=bm9wZQ', headers: await api.acme.employee('reader') });
      assert.equal(forged.statusCode, 400);
      const tooMany = await api.inject({ method: 'GET', url: '/v1/content?limit=101', headers: await api.acme.employee('reader') });
      assert.equal(tooMany.statusCode, 400);
    });

    it('keeps tenants apart: another organisation’s content is 404 and never listed', async () => {
      const globexContent = await createContent({}, api.globex);
      const one = await api.inject({ method: 'GET', url: `/v1/content/${globexContent.id}`, headers: await api.acme.employee('reader') });
      assert.equal(one.statusCode, 404);
      const patch = await api.inject({ method: 'PATCH', url: `/v1/content/${globexContent.id}`, ...json(await api.acme.admin(), { title: 'mine now' }) });
      assert.equal(patch.statusCode, 404);
      const share = await api.inject({ method: 'POST', url: '/v1/shares', ...json(await api.acme.employee('reader'), { contentId: globexContent.id, network: 'x' }) });
      assert.equal(share.statusCode, 404);
      const page = ContentPageSchema.parse((await api.inject({ method: 'GET', url: '/v1/content?limit=100', headers: await api.acme.employee('reader') })).json());
      assert.ok(!page.items.some((item) => item.id === globexContent.id));
    });

    it('creates a tracked link once per employee, content and network, with points once', async () => {
      const content = await createContent({ title: 'Share me' });
      const headers = await api.acme.employee('sharer-1');
      const first = await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: content.id, network: 'x' }) });
      assert.equal(first.statusCode, 201, first.body);
      const share = ShareSchema.parse(first.json());
      assert.match(share.trackedUrl, new RegExp(`/r/${share.code}$`));
      const intent = new URL(share.intentUrl ?? '');
      assert.equal(intent.origin, 'https://x.com');
      assert.equal(intent.searchParams.get('url'), share.trackedUrl);
      assert.match(intent.searchParams.get('text') ?? '', /We are hiring!\n\nI work at acme\./);

      const again = await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: content.id, network: 'x', locale: 'fr' }) });
      assert.equal(again.statusCode, 200);
      assert.equal(ShareSchema.parse(again.json()).code, share.code);
      assert.match(new URL(ShareSchema.parse(again.json()).intentUrl ?? '').searchParams.get('text') ?? '', /On recrute !/);
      assert.equal(await points('sharer-1'), 10);

      const linkedin = ShareSchema.parse((await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: content.id, network: 'linkedin' }) })).json());
      assert.notEqual(linkedin.code, share.code);
      assert.equal(new URL(linkedin.intentUrl ?? '').origin, 'https://www.linkedin.com');
      assert.equal(await points('sharer-1'), 20);

      const mastodon = ShareSchema.parse((await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: content.id, network: 'mastodon' }) })).json());
      assert.equal(mastodon.intentUrl, null);
      const mine = await api.inject({ method: 'GET', url: '/v1/shares', headers });
      assert.equal(mine.json().items.length, 3);
    });

    it('refuses a share of unknown content, a bad network, or an admin key', async () => {
      const headers = await api.acme.employee('sharer-2');
      const unknown = await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: crypto.randomUUID(), network: 'x' }) });
      assert.equal(unknown.statusCode, 404);
      const badNetwork = await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: crypto.randomUUID(), network: 'myspace' }) });
      assert.equal(badNetwork.statusCode, 400);
      const secret = await api.inject({ method: 'POST', url: '/v1/shares', ...json({ authorization: `Bearer ${api.acme.secretKey}` }, { contentId: crypto.randomUUID(), network: 'x' }) });
      assert.equal(secret.statusCode, 403);
    });

    describe('Idempotency-Key', () => {
      it('replays the stored answer for the same key and body', async () => {
        const content = await createContent({ title: 'Idem' });
        const headers = { ...(await api.acme.employee('idem-1')), 'idempotency-key': 'key-1' };
        const first = await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: content.id, network: 'bluesky' }) });
        const second = await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { network: 'bluesky', contentId: content.id }) });
        assert.equal(first.statusCode, 201);
        assert.equal(second.statusCode, 201);
        assert.equal(second.headers['idempotent-replayed'], 'true');
        assert.equal(first.headers['idempotent-replayed'], undefined);
        assert.deepEqual(second.json(), first.json());
      });

      it('answers 422 for the same key with another body, and keys are per caller', async () => {
        const content = await createContent({ title: 'Idem 2' });
        const headers = { ...(await api.acme.employee('idem-2')), 'idempotency-key': 'key-2' };
        await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: content.id, network: 'x' }) });
        const other = await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: content.id, network: 'threads' }) });
        assert.equal(other.statusCode, 422);
        const someoneElse = await api.inject({ method: 'POST', url: '/v1/shares', ...json({ ...(await api.acme.employee('idem-3')), 'idempotency-key': 'key-2' }, { contentId: content.id, network: 'threads' }) });
        assert.equal(someoneElse.statusCode, 201);
      });

      it('forgets keys after 24 hours', async () => {
        const content = await createContent({ title: 'Idem 3' });
        const headers = { ...(await api.acme.employee('idem-4')), 'idempotency-key': 'key-4' };
        await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: content.id, network: 'x' }) });
        api.setNow(new Date(Date.now() + 25 * 3600_000));
        try {
          const later = await api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: content.id, network: 'telegram' }) });
          assert.equal(later.statusCode, 201, 'the old key no longer binds the request');
        } finally {
          api.setNow(undefined);
        }
      });

      it('refuses a malformed key', async () => {
        const response = await api.inject({ method: 'POST', url: '/v1/shares', ...json({ ...(await api.acme.employee('idem-5')), 'idempotency-key': 'x'.repeat(300) }, { contentId: crypto.randomUUID(), network: 'x' }) });
        assert.equal(response.statusCode, 400);
      });

      it('turns 20 parallel identical POSTs into one share and one set of points', async () => {
        const content = await createContent({ title: 'Parallel' });
        const headers = { ...(await api.acme.employee('parallel-1')), 'idempotency-key': 'parallel-key' };
        const answers = await Promise.all(
          Array.from({ length: 20 }, () => api.inject({ method: 'POST', url: '/v1/shares', ...json(headers, { contentId: content.id, network: 'whatsapp' }) })),
        );
        const statuses = answers.map((answer) => answer.statusCode);
        assert.ok(statuses.every((status) => status === 201 || status === 409), statuses.join(','));
        assert.ok(statuses.includes(201));
        const codes = new Set(answers.filter((answer) => answer.statusCode === 201).map((answer) => ShareSchema.parse(answer.json()).code));
        assert.equal(codes.size, 1);
        const { rows } = await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM shares WHERE content_id = $1`, [content.id]);
        assert.equal(rows[0]?.n, 1);
        assert.equal(await points('parallel-1'), 10);
      });
    });
  });
}
