import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { ProblemSchema } from '@advocacy/sdk/contract';
import { createOrganisation } from '../../packages/server/src/domain/organisations.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const withKey = (key: string, origin?: string): Record<string, string> => ({ authorization: `Bearer ${key}`, ...(origin === undefined ? {} : { origin }) });

function assertProblem(response: LightMyRequestResponse, status: number, label: string): void {
  assert.equal(response.statusCode, status, `${label}: ${response.body}`);
  assert.match(String(response.headers['content-type']), /problem\+json/, label);
  ProblemSchema.parse(response.json());
}

function assertNoCors(response: LightMyRequestResponse, label: string): void {
  assert.equal(response.headers['access-control-allow-origin'], undefined, label);
  assert.match(String(response.headers.vary), /Origin/, `${label}: the answer depends on Origin`);
}

/** Comma-separated header values, lower-cased. */
const listOf = (value: unknown): string[] => String(value ?? '').toLowerCase().split(/\s*,\s*/);

for (const kind of databaseKinds()) {
  describe(`publishable keys, secret keys and CORS on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    const publicRoutes = (key: string, origin?: string) => [
      { method: 'GET' as const, url: '/v1/testimonials', headers: withKey(key, origin) },
      { method: 'GET' as const, url: '/v1/stats/public', headers: withKey(key, origin) },
      {
        method: 'POST' as const,
        url: '/v1/events',
        headers: { ...withKey(key, origin), 'content-type': 'application/json' },
        payload: JSON.stringify({ events: [{ id: `e-${Math.random()}`, kind: 'impression', occurredAt: new Date().toISOString() }] }),
      },
    ];

    it('lets a publishable key work from its exact origin, echoing that origin only', async () => {
      for (const request of publicRoutes(api.acme.publishableKey, api.acme.publicOrigin)) {
        const response = await api.inject(request);
        assert.ok(response.statusCode === 200 || response.statusCode === 202, `${request.url}: ${response.body}`);
        assert.equal(response.headers['access-control-allow-origin'], api.acme.publicOrigin, request.url);
        assert.equal(response.headers['access-control-allow-credentials'], undefined, 'no cookies, ever');
        assert.match(String(response.headers.vary), /Origin/);
        const exposed = listOf(response.headers['access-control-expose-headers']);
        for (const header of ['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'idempotent-replayed']) {
          assert.ok(exposed.includes(header), `${header} is readable by the page`);
        }
      }
    });

    it('refuses a publishable key from any other origin with a 403 problem and no CORS headers', async () => {
      const refused = [
        'https://evil.example',
        'https://careers.acme.example.evil.example',
        'https://evilcareers.acme.example',
        'null',
        'http://careers.acme.example',
        'https://careers.acme.example:8443',
        'https://careers.acme.example.',
        'https://user@careers.acme.example',
        'HTTPS://CAREERS.ACME.EXAMPLE',
        'https://careers.acme.example/path',
        api.acme.intranetOrigin,
        api.globex.publicOrigin,
        '',
      ];
      for (const origin of refused) {
        for (const request of publicRoutes(api.acme.publishableKey, origin)) {
          const response = await api.inject(request);
          const label = `${request.method} ${request.url} from ${JSON.stringify(origin)}`;
          assertProblem(response, 403, label);
          assertNoCors(response, label);
          assert.notEqual(response.headers['access-control-allow-origin'], '*');
        }
      }
    });

    it('refuses a publishable key sent without an Origin: it is bound to pages, servers use the secret key', async () => {
      for (const request of publicRoutes(api.acme.publishableKey)) assertProblem(await api.inject(request), 403, request.url);
    });

    it('takes a same-origin GET (no Origin, Sec-Fetch-Site: same-origin) as coming from the request’s own origin', async () => {
      // A key for a page served over http by the API itself (as the demo career page is); inject speaks http.
      const { publishableKey } = await createOrganisation(api.db, {
        slug: 'same-origin-site',
        name: 'Same origin',
        allowedDomains: ['same.example'],
        allowedOrigins: [],
        publicOrigins: ['http://careers.same.example'],
        disclosure: { en: 'I work here.' },
        jwt: { issuer: 'https://idp.same.example/', audience: 'same', hs256Secret: 'same-origin-secret-0123456789abcdef0123' },
        consent: { version: '1', text: { en: 'I agree.' } },
      });
      const get = (headers: Record<string, string>) => api.inject({ method: 'GET', url: '/v1/testimonials', headers: { ...withKey(publishableKey), ...headers } });
      assert.equal((await get({ 'sec-fetch-site': 'same-origin', host: 'careers.same.example' })).statusCode, 200);
      assertProblem(await get({ 'sec-fetch-site': 'cross-site', host: 'careers.same.example' }), 403, 'cross-site without Origin');
      assertProblem(await get({ host: 'careers.same.example' }), 403, 'no Sec-Fetch-Site (not a browser)');
      assertProblem(await get({ 'sec-fetch-site': 'same-origin', host: 'evil.example' }), 403, 'same-origin on a host the key does not allow');
    });

    it('accepts employee tokens from the organisation’s intranet only, with CORS on their errors too', async () => {
      const fromIntranet = await api.inject({ method: 'GET', url: '/v1/me', headers: await api.acme.employee('cors-1') });
      assert.equal(fromIntranet.statusCode, 200);
      assert.equal(fromIntranet.headers['access-control-allow-origin'], api.acme.intranetOrigin);
      for (const origin of ['https://evil.example', api.globex.intranetOrigin, api.acme.publicOrigin, 'null']) {
        const response = await api.inject({ method: 'GET', url: '/v1/me', headers: { ...(await api.acme.employee('cors-1')), origin } });
        assertProblem(response, 403, origin);
        assertNoCors(response, origin);
      }
      // An expired token from the right page: the page must be able to read the 401 to renew its token.
      const expired = await api.acme.token('cors-1', { exp: Math.floor(Date.now() / 1000) - 3_600 });
      const response = await api.inject({ method: 'GET', url: '/v1/me', headers: withKey(expired, api.acme.intranetOrigin) });
      assertProblem(response, 401, 'expired');
      assert.equal(response.headers['access-control-allow-origin'], api.acme.intranetOrigin);
      assert.match(String(response.headers['www-authenticate']), /^Bearer/);
    });

    it('answers preflights for allowed origins only, with the methods and headers the SDK sends', async () => {
      const preflight = (url: string, origin: string) =>
        api.inject({
          method: 'OPTIONS',
          url,
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key,adv-client' },
        });
      for (const [url, origin] of [['/v1/shares', api.acme.intranetOrigin], ['/v1/events', api.acme.publicOrigin], ['/v1/events', api.globex.publicOrigin]] as const) {
        const response = await preflight(url, origin);
        assert.equal(response.statusCode, 204, `${url} from ${origin}`);
        assert.equal(response.headers['access-control-allow-origin'], origin);
        assert.match(String(response.headers.vary), /Origin/);
        const methods = listOf(response.headers['access-control-allow-methods']);
        for (const method of ['get', 'post', 'put', 'patch', 'delete']) assert.ok(methods.includes(method), method);
        const headers = listOf(response.headers['access-control-allow-headers']);
        for (const header of ['authorization', 'content-type', 'idempotency-key', 'adv-client']) assert.ok(headers.includes(header), header);
        assert.ok(Number(response.headers['access-control-max-age']) > 0);
      }
      for (const origin of ['https://evil.example', 'null', 'https://intranet.acme.example.evil.example', 'http://intranet.acme.example', 'https://intranet.acme.example:8443']) {
        const response = await preflight('/v1/shares', origin);
        assertNoCors(response, origin);
        assert.equal(response.headers['access-control-allow-methods'], undefined, origin);
      }
      const outsideTheApi = await preflight('/healthz', api.acme.intranetOrigin);
      assert.equal(outsideTheApi.headers['access-control-allow-origin'], undefined, 'CORS covers /v1/ only');
    });

    it('refuses a secret key sent from a browser, and makes a server admin without one', async () => {
      for (const origin of [api.acme.intranetOrigin, api.acme.publicOrigin, 'null', 'https://evil.example']) {
        const response = await api.inject({ method: 'GET', url: '/v1/admin/testimonials', headers: withKey(api.acme.secretKey, origin) });
        assertProblem(response, 403, origin);
        assertNoCors(response, origin);
      }
      const fromServer = await api.inject({ method: 'GET', url: '/v1/admin/testimonials', headers: withKey(api.acme.secretKey) });
      assert.equal(fromServer.statusCode, 200, fromServer.body);
    });

    it('keeps publishable keys to the public routes', async () => {
      const attempts = [
        ['GET', '/v1/content'],
        ['GET', '/v1/me'],
        ['GET', '/v1/leaderboard'],
        ['GET', '/v1/stats'],
        ['GET', '/v1/admin/testimonials'],
        ['GET', '/v1/shares'],
        ['GET', '/v1/testimonials/mine'],
      ] as const;
      for (const [method, url] of attempts) {
        const response = await api.inject({ method, url, headers: api.acme.publicPage() });
        assertProblem(response, 403, url);
      }
    });

    it('refuses unknown, tampered and revoked keys with 401 problems', async () => {
      const key = api.acme.publishableKey;
      const lastCharacter = key.at(-1) === 'A' ? 'B' : 'A';
      const candidates = [
        `${key.slice(0, -1)}${lastCharacter}`,
        `${key.slice(0, 12)}${'A'.repeat(key.length - 12)}`,
        `${key}A`,
        key.slice(0, -1),
        `sk_${key.slice(3)}`,
        'pk_doesnotexist0000000000000000',
        'pk_',
        'sk_',
        'pk_<script>',
        `pk_${'A'.repeat(500)}`,
      ];
      for (const candidate of candidates) {
        const response = await api.inject({ method: 'GET', url: '/v1/testimonials', headers: withKey(candidate, api.acme.publicOrigin) });
        assertProblem(response, 401, candidate.slice(0, 40));
        assert.match(String(response.headers['www-authenticate']), /^Bearer/);
      }
      await api.db.query('UPDATE api_keys SET revoked_at = now() WHERE organisation_id = $1', [api.globex.id]);
      try {
        assertProblem(await api.inject({ method: 'GET', url: '/v1/testimonials', headers: api.globex.publicPage() }), 401, 'revoked publishable key');
        assertProblem(await api.inject({ method: 'GET', url: '/v1/admin/testimonials', headers: withKey(api.globex.secretKey) }), 401, 'revoked secret key');
      } finally {
        await api.db.query('UPDATE api_keys SET revoked_at = NULL WHERE organisation_id = $1', [api.globex.id]);
      }
      assert.equal((await api.inject({ method: 'GET', url: '/v1/testimonials', headers: api.globex.publicPage() })).statusCode, 200);
    });

    it('keeps no usable key in the database: a dump of every table holds only prefixes and hashes', async () => {
      const { rows: tables } = await api.db.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      assert.ok(tables.some((table) => table.name === 'api_keys'));
      let dump = '';
      for (const { name } of tables) {
        const { rows } = await api.db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
        dump += rows.map((row) => row.row).join('\n');
      }
      for (const key of [api.acme.publishableKey, api.acme.secretKey, api.globex.publishableKey, api.globex.secretKey]) {
        assert.ok(!dump.includes(key), 'the key itself');
        assert.ok(!dump.includes(key.slice(12)), 'its secret part');
        assert.ok(!dump.includes(key.slice(-12)), 'even its last characters');
      }
    });
  });
}
