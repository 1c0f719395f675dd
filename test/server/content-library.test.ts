import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContentPageSchema, ContentSchema, type Content } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { assertClientProblem, createContent, jsonRequest } from '../helpers/content.js';
import { databaseKinds } from '../helpers/databases.js';

const NOW = new Date('2030-06-15T12:00:00.000Z');
const hoursFrom = (hours: number): string => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

for (const kind of databaseKinds()) {
  describe(`content library on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
      api.setNow(NOW);
    });
    after(() => api.close());

    async function list(query: string, headers?: Record<string, string>): Promise<Content[]> {
      const response = await api.inject({ method: 'GET', url: `/v1/content${query}`, headers: headers ?? (await api.acme.admin()) });
      assert.equal(response.statusCode, 200, response.body);
      return ContentPageSchema.parse(response.json()).items;
    }
    const titles = async (query: string, headers?: Record<string, string>): Promise<string[]> => (await list(query, headers)).map((item) => item.title);

    async function post(path: string, headers?: Record<string, string>) {
      return api.inject({ method: 'POST', url: path, headers: headers ?? (await api.acme.admin()) });
    }
    async function patch(id: string, body: unknown) {
      return api.inject({ method: 'PATCH', url: `/v1/content/${id}`, ...jsonRequest(await api.acme.admin(), body) });
    }
    async function auditActions(id: string): Promise<string[]> {
      const { rows } = await api.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE target_type = 'content' AND target_id = $1 ORDER BY id`, [id]);
      return rows.map((row) => row.action);
    }

    it('derives each content’s state from its status and window, and lists the library by state', async () => {
      const tags = ['states'];
      const draft = await createContent(api, { title: 'Draft', tags, status: 'draft' });
      const scheduled = await createContent(api, { title: 'Scheduled', tags, publishAt: hoursFrom(1) });
      const live = await createContent(api, { title: 'Live', tags, publishAt: hoursFrom(-2), expiresAt: hoursFrom(2) });
      const expired = await createContent(api, { title: 'Expired', tags, publishAt: hoursFrom(-3), expiresAt: hoursFrom(-1) });
      const archived = await createContent(api, { title: 'Archived', tags, publishAt: hoursFrom(-4) });
      assert.equal((await post(`/v1/content/${archived.id}/archive`)).statusCode, 200);
      assert.deepEqual([draft, scheduled, live, expired].map((item) => item.state), ['draft', 'scheduled', 'live', 'expired']);

      assert.deepEqual(await titles('?tag=states&status=draft'), ['Draft']);
      assert.deepEqual(await titles('?tag=states&status=scheduled'), ['Scheduled']);
      assert.deepEqual(await titles('?tag=states&status=live'), ['Live']);
      assert.deepEqual(await titles('?tag=states&status=expired'), ['Expired']);
      assert.deepEqual(await titles('?tag=states&status=archived'), ['Archived']);
      assert.deepEqual(await titles('?tag=states&status=published'), ['Scheduled', 'Live', 'Expired'], 'the old filter: every window');
      const all = await list('?tag=states&status=all');
      assert.deepEqual(
        all.map((item) => [item.title, item.state]),
        [['Scheduled', 'scheduled'], ['Draft', 'draft'], ['Live', 'live'], ['Expired', 'expired'], ['Archived', 'archived']],
      );
      // Employees see only what is live, with its state.
      assert.deepEqual((await list('?tag=states', await api.acme.employee('reader'))).map((item) => [item.title, item.state]), [['Live', 'live']]);

      // The clock moves: the scheduled content goes live, the live one expires.
      api.setNow(new Date(NOW.getTime() + 3 * 3_600_000));
      try {
        assert.deepEqual(await titles('?tag=states&status=live'), ['Scheduled']);
        assert.deepEqual(await titles('?tag=states&status=expired'), ['Live', 'Expired']);
      } finally {
        api.setNow(NOW);
      }
    });

    it('searches titles case-insensitively, taking % and _ literally, and filters by campaign, tag and locale', async () => {
      const tags = ['search'];
      await createContent(api, { title: 'Engineering Days in Lyon', tags, campaign: 'eng-days', locale: 'fr-CA' });
      await createContent(api, { title: 'Sales kick-off', tags, campaign: 'sko' });
      await createContent(api, { title: '100% remote roles', tags, campaign: 'sko' });
      await createContent(api, { title: 'snake_case tips', tags });
      assert.deepEqual(await titles('?tag=search&status=all&q=LYON'), ['Engineering Days in Lyon']);
      assert.deepEqual(await titles('?tag=search&status=all&q=days%20in'), ['Engineering Days in Lyon']);
      assert.deepEqual(await titles(`?tag=search&status=all&q=${encodeURIComponent('%')}`), ['100% remote roles']);
      assert.deepEqual(await titles('?tag=search&status=all&q=k_c'), [], '_ is not a wildcard (it would match "kic")');
      assert.deepEqual(await titles('?tag=search&status=all&q=e_case'), ['snake_case tips']);
      assert.deepEqual((await titles('?tag=search&status=all&campaign=sko')).sort(), ['100% remote roles', 'Sales kick-off']);
      assert.deepEqual(await titles('?tag=search&status=all&locale=fr'), ['Engineering Days in Lyon']);
      assert.deepEqual(await titles('?status=all&q=nothing%20has%20this%20title'), []);
      // The feed takes the same filters.
      assert.deepEqual(await titles('?tag=search&q=kick', await api.acme.employee('reader')), ['Sales kick-off']);
    });

    it('refuses hostile list queries with a 400 or 403, never a 500', async () => {
      const admin = await api.acme.admin();
      const hostile = [
        `?status=all&q=${'a'.repeat(201)}`,
        `?status=all&q=${encodeURIComponent('\u0000')}`,
        '?status=all&q=',
        '?status=published%27%20OR%201=1',
        '?status=live&status=draft',
        '?status=DRAFT',
        `?status=all&campaign=${'c'.repeat(101)}`,
        `?status=all&campaign=${encodeURIComponent('\u0000')}`,
        '?status=all&tag=NOT%20A%20TAG',
        '?status=all&locale=xx_YY',
        '?status=all&unknown=1',
      ];
      for (const query of hostile) assertClientProblem(await api.inject({ method: 'GET', url: `/v1/content${query}`, headers: admin }), query, 400);
      assertClientProblem(await api.inject({ method: 'GET', url: '/v1/content?status=draft', headers: await api.acme.employee('reader') }), 'employee by status', 403);
    });

    it('merges suggested texts per network and per locale: only what is sent as null goes', async () => {
      const content = await createContent(api, {
        tags: ['merge'],
        suggestedTexts: { linkedin: { en: 'LinkedIn EN', fr: 'LinkedIn FR' }, x: { en: 'X EN' }, bluesky: { en: 'Bluesky EN' } },
      });
      const texts = async (body: unknown) => {
        const response = await patch(content.id, body);
        assert.equal(response.statusCode, 200, response.body);
        return ContentSchema.parse(response.json()).suggestedTexts;
      };
      assert.deepEqual(await texts({ suggestedTexts: { linkedin: { en: 'LinkedIn EN 2' } } }), {
        linkedin: { en: 'LinkedIn EN 2', fr: 'LinkedIn FR' },
        x: { en: 'X EN' },
        bluesky: { en: 'Bluesky EN' },
      });
      assert.deepEqual(await texts({ suggestedTexts: { linkedin: { fr: null }, x: { fr: 'X FR' } } }), {
        linkedin: { en: 'LinkedIn EN 2' },
        x: { en: 'X EN', fr: 'X FR' },
        bluesky: { en: 'Bluesky EN' },
      });
      assert.deepEqual(await texts({ suggestedTexts: { bluesky: null, x: { en: null, fr: null } } }), { linkedin: { en: 'LinkedIn EN 2' } }, 'a network left without text goes');
      assert.deepEqual(await texts({ title: 'Only the title' }), { linkedin: { en: 'LinkedIn EN 2' } }, 'texts not sent stay');
      assertClientProblem(await patch(content.id, { suggestedTexts: { myspace: { en: 'x' } } }), 'unknown network', 400);
      assertClientProblem(await patch(content.id, { suggestedTexts: { x: { en: '' } } }), 'empty text', 400);
      assertClientProblem(await patch(content.id, { suggestedTexts: { x: { en: 'a'.repeat(3_001) } } }), 'too long', 400);
      assertClientProblem(await patch(content.id, { suggestedTexts: { x: { en: 'nul\u0000' } } }), 'NUL', 400);
      assert.deepEqual(await auditActions(content.id), ['content.created', 'content.updated', 'content.updated', 'content.updated', 'content.updated']);
    });

    it('restores archived content as it was, draft or published, audit-logged', async () => {
      const published = await createContent(api, { title: 'Was published', tags: ['restore'] });
      const draft = await createContent(api, { title: 'Was a draft', tags: ['restore'], status: 'draft' });
      for (const item of [published, draft]) assert.equal(ContentSchema.parse((await post(`/v1/content/${item.id}/archive`)).json()).status, 'archived');
      assert.deepEqual(await titles('?tag=restore', await api.acme.employee('reader')), []);

      const restoredPublished = ContentSchema.parse((await post(`/v1/content/${published.id}/restore`)).json());
      const restoredDraft = ContentSchema.parse((await post(`/v1/content/${draft.id}/restore`)).json());
      assert.deepEqual([restoredPublished.status, restoredPublished.state, restoredDraft.status], ['published', 'live', 'draft']);
      assert.deepEqual(await titles('?tag=restore', await api.acme.employee('reader')), ['Was published']);

      const again = await post(`/v1/content/${published.id}/restore`);
      assert.equal(again.statusCode, 200);
      assert.equal(ContentSchema.parse(again.json()).status, 'published', 'restoring content that is not archived changes nothing');
      assert.deepEqual(await auditActions(published.id), ['content.created', 'content.archived', 'content.restored']);
    });

    it('duplicates content as a new draft "… (copy)" with the same texts, audit-logged', async () => {
      const original = await createContent(api, { title: 'Spring hiring', tags: ['duplicate'], campaign: 'spring', publishAt: hoursFrom(-1) });
      const response = await post(`/v1/content/${original.id}/duplicate`);
      assert.equal(response.statusCode, 201, response.body);
      const copy = ContentSchema.parse(response.json());
      assert.notEqual(copy.id, original.id);
      assert.deepEqual(
        [copy.title, copy.status, copy.state, copy.url, copy.tags, copy.campaign, copy.suggestedTexts],
        ['Spring hiring (copy)', 'draft', 'draft', original.url, original.tags, 'spring', original.suggestedTexts],
      );
      assert.deepEqual(await titles('?tag=duplicate', await api.acme.employee('reader')), ['Spring hiring'], 'the copy is not in the feed');
      const { rows } = await api.db.query<{ actor: string; detail: { from: string } }>(
        `SELECT actor, detail FROM audit_log WHERE action = 'content.duplicated' AND target_id = $1`,
        [copy.id],
      );
      assert.equal(rows[0]?.detail.from, original.id);

      // A title at its 200-character limit still fits with its suffix, and an emoji at the cut is never split.
      const long = await createContent(api, { title: `${'a'.repeat(192)}😀xxxxxx`, tags: ['duplicate'] });
      const longCopy = ContentSchema.parse((await post(`/v1/content/${long.id}/duplicate`)).json());
      assert.equal(longCopy.title, `${'a'.repeat(192)} (copy)`);
      assert.ok(longCopy.title.length <= 200);
    });

    it('answers 404 for another organisation’s content and unknown ids on every write, and changes nothing', async () => {
      const theirs = await createContent(api, { title: 'Globex only' }, api.globex);
      const unknown = '00000000-0000-4000-8000-00000000abcd';
      for (const id of [theirs.id, unknown]) {
        for (const action of ['archive', 'restore', 'duplicate']) assertClientProblem(await post(`/v1/content/${id}/${action}`), `${action} ${id}`, 404);
        assertClientProblem(await patch(id, { suggestedTexts: { x: null } }), `patch ${id}`, 404);
      }
      assertClientProblem(await post('/v1/content/not-a-uuid/restore'), 'malformed id', 400);
      const untouched = await api.inject({ method: 'GET', url: `/v1/content/${theirs.id}`, headers: await api.globex.admin() });
      assert.deepEqual(ContentSchema.parse(untouched.json()).suggestedTexts, theirs.suggestedTexts);
      assert.equal((await list('?status=all&q=Globex%20only')).length, 0);
      assertClientProblem(await post(`/v1/content/${theirs.id}/duplicate`, await api.acme.employee('reader')), 'employee', 403);
    });

    it('names the organisation’s allowed domains when a destination is refused', async () => {
      const response = await api.inject({
        method: 'POST',
        url: '/v1/content',
        ...jsonRequest(await api.acme.admin(), { title: 'Elsewhere', url: 'https://elsewhere.example/page', locale: 'en' }),
      });
      const problem = assertClientProblem(response, 'other domain', 422);
      assert.match(problem.detail ?? '', /elsewhere\.example is not one of the organisation’s allowed domains \(acme\.example\)/);
      const patched = await patch((await createContent(api, { tags: ['domains'] })).id, { url: 'https://globex.example/' });
      assert.match(assertClientProblem(patched, 'patch other domain', 422).detail ?? '', /\(acme\.example\)/);
    });
  });
}
