import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MeSchema, ShareSchema } from '@advocacy/sdk/contract';
import { requestHash } from '../../packages/server/src/http/idempotency.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { assertClientProblem, createContent, jsonRequest, myTotals } from '../helpers/content.js';
import { databaseKinds } from '../helpers/databases.js';

for (const kind of databaseKinds()) {
  describe(`Idempotency-Key on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
      // Points on sharing, so a replayed share would show as points twice.
      await api.db.query(`UPDATE organisations SET share_points_rule = 'on-share'`);
    });
    after(() => api.close());

    const postShare = (headers: Record<string, string>, body: unknown) => api.inject({ method: 'POST', url: '/v1/shares', ...jsonRequest(headers, body) });

    async function withKey(subject: string, key: string): Promise<Record<string, string>> {
      return { ...(await api.acme.employee(subject)), 'idempotency-key': key };
    }

    it('replays the stored answer for the same key and body, marked Idempotent-Replayed', async () => {
      const content = await createContent(api, { title: 'Replay' });
      const headers = await withKey('idem-replay', 'key-replay');
      const first = await postShare(headers, { contentId: content.id, network: 'bluesky' });
      const second = await postShare(headers, { network: 'bluesky', contentId: content.id });
      assert.equal(first.statusCode, 201);
      assert.equal(first.headers['idempotent-replayed'], undefined);
      assert.equal(second.statusCode, 201, 'the stored status, not the 200 a new request would get');
      assert.equal(second.headers['idempotent-replayed'], 'true');
      assert.deepEqual(second.json(), first.json());
      assert.deepEqual(await myTotals(api, headers), { points: 10, shares: 1 });
    });

    it('answers 422 for the same key with another request, and keys belong to their caller', async () => {
      const content = await createContent(api, { title: 'Reuse' });
      const headers = await withKey('idem-reuse', 'key-reuse');
      assert.equal((await postShare(headers, { contentId: content.id, network: 'x' })).statusCode, 201);
      const problem = assertClientProblem(await postShare(headers, { contentId: content.id, network: 'threads' }), 'other body', 422);
      assert.match(problem.type, /idempotency-key-reused$/);
      assert.deepEqual(await myTotals(api, headers), { points: 10, shares: 1 }, 'the refused request did nothing');

      assert.equal((await postShare(await withKey('idem-reuse-2', 'key-reuse'), { contentId: content.id, network: 'threads' })).statusCode, 201);
      const globex = await createContent(api, {}, api.globex);
      const globexHeaders = { ...(await api.globex.employee('idem-reuse')), 'idempotency-key': 'key-reuse' };
      assert.equal((await postShare(globexHeaders, { contentId: globex.id, network: 'x' })).statusCode, 201);
    });

    it('refuses a key already used on another route', async () => {
      const content = await createContent(api, { title: 'Cross route' });
      const admin = { ...(await api.acme.admin('idem-admin')), 'idempotency-key': 'key-cross' };
      assert.equal((await postShare(admin, { contentId: content.id, network: 'x' })).statusCode, 201);
      const created = await api.inject({ method: 'POST', url: '/v1/content', ...jsonRequest(admin, { title: 'Cross route twin', url: 'https://acme.example/', locale: 'en', status: 'draft' }) });
      assertClientProblem(created, 'same key on POST /v1/content', 422);
      const drafts = await api.inject({ method: 'GET', url: '/v1/content?status=draft&limit=100', headers: admin });
      assert.ok(!drafts.body.includes('Cross route twin'));
    });

    it('answers 409 while the same key is in flight, and takes over a key abandoned by a crashed attempt', async () => {
      const content = await createContent(api, { title: 'In flight' });
      const headers = await withKey('idem-flight', 'key-flight');
      const me = MeSchema.parse((await api.inject({ method: 'GET', url: '/v1/me', headers })).json());
      const body = { contentId: content.id, network: 'linkedin' };
      const now = new Date('2031-06-01T10:00:00Z');
      await api.db.query(
        `INSERT INTO idempotency_keys (organisation_id, principal, key, request_hash, status, created_at) VALUES ($1, $2, $3, $4, 'in_flight', $5)`,
        [api.acme.id, `employee:${me.id}`, 'key-flight', requestHash('POST', '/v1/shares', body), now],
      );
      try {
        // Each step gets a token from its own moment, as a page renewing its token would.
        api.setNow(new Date(now.getTime() + 5_000));
        const busy = await postShare(await withKey('idem-flight', 'key-flight'), body);
        assertClientProblem(busy, 'in flight', 409);
        assert.equal(busy.headers['retry-after'], '1');
        assert.deepEqual(await myTotals(api, await withKey('idem-flight', 'key-flight')), { points: 0, shares: 0 });

        api.setNow(new Date(now.getTime() + 5 * 60_000));
        const later = await withKey('idem-flight', 'key-flight');
        const retried = await postShare(later, body);
        assert.equal(retried.statusCode, 201, retried.body);
        const replayed = await postShare(later, body);
        assert.equal(replayed.headers['idempotent-replayed'], 'true');
        assert.deepEqual(replayed.json(), retried.json());
      } finally {
        api.setNow(undefined);
      }
    });

    it('releases the key when the request fails, so the client can send it again', async () => {
      const draft = await createContent(api, { title: 'Not yet', status: 'draft' });
      const headers = await withKey('idem-fail', 'key-fail');
      const body = { contentId: draft.id, network: 'x' };
      assertClientProblem(await postShare(headers, body), 'draft', 404);
      await api.inject({ method: 'PATCH', url: `/v1/content/${draft.id}`, ...jsonRequest(await api.acme.admin(), { status: 'published' }) });
      const retried = await postShare(headers, body);
      assert.equal(retried.statusCode, 201, retried.body);
      assert.equal(retried.headers['idempotent-replayed'], undefined);
    });

    it('forgets keys after 24 hours', async () => {
      const content = await createContent(api, { title: 'Expiry' });
      const headers = await withKey('idem-expiry', 'key-expiry');
      const first = await postShare(headers, { contentId: content.id, network: 'x' });
      assert.equal(first.statusCode, 201);
      try {
        // Each step gets a token from its own moment, as a page renewing its token would.
        api.setNow(new Date(Date.now() + 23 * 3600_000));
        assertClientProblem(await postShare(await withKey('idem-expiry', 'key-expiry'), { contentId: content.id, network: 'telegram' }), 'within 24 h', 422);
        api.setNow(new Date(Date.now() + 25 * 3600_000));
        const same = await postShare(await withKey('idem-expiry', 'key-expiry'), { contentId: content.id, network: 'x' });
        assert.deepEqual([same.statusCode, same.headers['idempotent-replayed']], [200, undefined], 'a new request: the existing link, not a replay');
        const other = await postShare(await withKey('idem-expiry', 'key-expiry-2'), { contentId: content.id, network: 'telegram' });
        assert.equal(other.statusCode, 201);
        api.setNow(new Date(Date.now() + 50 * 3600_000));
        const reused = await postShare(await withKey('idem-expiry', 'key-expiry'), { contentId: content.id, network: 'whatsapp' });
        assert.equal(reused.statusCode, 201, 'the old key no longer binds the request');
      } finally {
        api.setNow(undefined);
      }
    });

    it('refuses a malformed key before doing anything', async () => {
      const content = await createContent(api, { title: 'Malformed' });
      const body = { contentId: content.id, network: 'x' };
      for (const key of ['', 'x'.repeat(256), 'clé', 'two words', 'tab\tkey']) {
        const problem = assertClientProblem(await postShare(await withKey('idem-malformed', key), body), `key ${JSON.stringify(key)}`, 400);
        assert.equal(problem.errors?.[0]?.field, 'headers.idempotency-key');
      }
      assert.deepEqual(await myTotals(api, await api.acme.employee('idem-malformed')), { points: 0, shares: 0 });
      assert.equal((await postShare(await withKey('idem-malformed', 'k'.repeat(255)), body)).statusCode, 201);
    });

    it('turns 20 parallel identical POSTs into one share and one set of points', async () => {
      const content = await createContent(api, { title: 'Parallel' });
      const headers = await withKey('idem-parallel', 'parallel-key');
      const answers = await Promise.all(Array.from({ length: 20 }, () => postShare(headers, { contentId: content.id, network: 'whatsapp' })));
      const fresh = answers.filter((answer) => answer.statusCode === 201 && answer.headers['idempotent-replayed'] === undefined);
      const replays = answers.filter((answer) => answer.statusCode === 201 && answer.headers['idempotent-replayed'] === 'true');
      const busy = answers.filter((answer) => answer.statusCode === 409);
      assert.equal(fresh.length, 1, answers.map((answer) => answer.statusCode).join(','));
      assert.equal(fresh.length + replays.length + busy.length, 20, 'only the answer, its replay, or a 409');
      const codes = new Set([...fresh, ...replays].map((answer) => ShareSchema.parse(answer.json()).code));
      assert.equal(codes.size, 1);
      const { rows } = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM shares WHERE content_id = $1', [content.id]);
      assert.equal(rows[0]?.n, 1);
      assert.deepEqual(await myTotals(api, headers), { points: 10, shares: 1 });
    });
  });
}
