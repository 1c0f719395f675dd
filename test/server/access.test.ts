import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { routes, type RouteDefinition } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

for (const kind of databaseKinds()) {
  describe(`keys, origins and tenants on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    const withKey = (key: string, origin?: string) => ({ authorization: `Bearer ${key}`, ...(origin === undefined ? {} : { origin }) });

    it('lets a publishable key work only from its exact origins, echoing only those', async () => {
      const allowed = await api.inject({ method: 'GET', url: '/v1/testimonials', headers: withKey(api.acme.publishableKey, api.acme.publicOrigin) });
      assert.equal(allowed.statusCode, 200);
      assert.equal(allowed.headers['access-control-allow-origin'], api.acme.publicOrigin);
      assert.match(String(allowed.headers.vary), /Origin/);
      const refused = ['https://evil.example', 'https://careers.acme.example.evil.example', 'null', 'http://careers.acme.example', 'https://careers.acme.example:8443', api.globex.publicOrigin];
      for (const origin of refused) {
        const response = await api.inject({ method: 'GET', url: '/v1/testimonials', headers: withKey(api.acme.publishableKey, origin) });
        assert.equal(response.statusCode, 403, origin);
        assert.equal(response.headers['access-control-allow-origin'], undefined, origin);
        assert.match(String(response.headers.vary), /Origin/);
      }
    });

    it('answers preflights for allowed origins only, never with * or null', async () => {
      const preflight = (origin: string) =>
        api.inject({ method: 'OPTIONS', url: '/v1/shares', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' } });
      const ok = await preflight(api.acme.intranetOrigin);
      assert.equal(ok.headers['access-control-allow-origin'], api.acme.intranetOrigin);
      assert.match(String(ok.headers['access-control-allow-headers']), /idempotency-key/);
      for (const origin of ['https://evil.example', 'null', 'https://intranet.acme.example.evil.example']) {
        const response = await preflight(origin);
        assert.ok(![origin, '*', 'null'].includes(String(response.headers['access-control-allow-origin'])), origin);
        assert.equal(response.headers['access-control-allow-origin'], undefined);
      }
    });

    it('refuses a secret key sent from a browser, and accepts it server-to-server as admin', async () => {
      const fromBrowser = await api.inject({ method: 'GET', url: '/v1/admin/testimonials', headers: withKey(api.acme.secretKey, api.acme.intranetOrigin) });
      assert.equal(fromBrowser.statusCode, 403);
      assert.equal(fromBrowser.headers['access-control-allow-origin'], undefined);
      const fromServer = await api.inject({ method: 'GET', url: '/v1/admin/testimonials', headers: withKey(api.acme.secretKey) });
      assert.equal(fromServer.statusCode, 200);
    });

    it('keeps publishable keys to the public routes', async () => {
      for (const url of ['/v1/content', '/v1/me', '/v1/leaderboard', '/v1/admin/testimonials', '/v1/shares']) {
        const response = await api.inject({ method: 'GET', url, headers: withKey(api.acme.publishableKey, api.acme.publicOrigin) });
        assert.equal(response.statusCode, 403, url);
      }
    });

    it('refuses unknown, tampered and revoked keys with 401', async () => {
      const tampered = `${api.acme.publishableKey.slice(0, -4)}AAAA`;
      for (const key of [tampered, 'pk_doesnotexist0000000000000000', 'sk_', 'pk_<script>']) {
        const response = await api.inject({ method: 'GET', url: '/v1/stats', headers: withKey(key, api.acme.publicOrigin) });
        assert.equal(response.statusCode, 401, key);
      }
      await api.db.query('UPDATE api_keys SET revoked_at = now() WHERE organisation_id = $1 AND kind = $2', [api.globex.id, 'publishable']);
      const revoked = await api.inject({ method: 'GET', url: '/v1/stats', headers: withKey(api.globex.publishableKey, api.globex.publicOrigin) });
      assert.equal(revoked.statusCode, 401);
      await api.db.query('UPDATE api_keys SET revoked_at = NULL WHERE organisation_id = $1', [api.globex.id]);
    });

    it('stores no usable key: a database dump holds only prefixes and hashes', async () => {
      const { rows } = await api.db.query('SELECT * FROM api_keys');
      const dump = JSON.stringify(rows);
      for (const key of [api.acme.publishableKey, api.acme.secretKey]) {
        assert.ok(!dump.includes(key));
        assert.ok(!dump.includes(key.slice(12)), 'not even the secret part');
      }
    });

    it('answers another organisation’s ids with 404, as if they did not exist', async () => {
      const admin = { ...(await api.globex.admin()), 'content-type': 'application/json' };
      const content = (await api.inject({ method: 'POST', url: '/v1/content', headers: admin, payload: JSON.stringify({ title: 'Globex only', url: 'https://globex.example/', locale: 'en' }) })).json() as { id: string };
      const testimonial = (await api.inject({
        method: 'POST',
        url: '/v1/testimonials',
        headers: { ...(await api.globex.employee('g-author')), 'content-type': 'application/json' },
        payload: JSON.stringify({ quote: 'Globex quote', role: 'r', team: 't', location: 'l', locale: 'en', consent: { version: '2026-01', accepted: true } }),
      })).json() as { id: string };
      const acmeAdmin = { ...(await api.acme.admin()), 'content-type': 'application/json' };
      const acmeEmployee = { ...(await api.acme.employee('a-1')), 'content-type': 'application/json' };
      const attempts: [string, string, Record<string, string>, unknown?][] = [
        ['GET', `/v1/content/${content.id}`, acmeAdmin],
        ['PATCH', `/v1/content/${content.id}`, acmeAdmin, { title: 'x' }],
        ['POST', `/v1/content/${content.id}/archive`, acmeAdmin],
        ['POST', '/v1/shares', acmeEmployee, { contentId: content.id, network: 'x' }],
        ['POST', `/v1/admin/testimonials/${testimonial.id}/approve`, acmeAdmin],
        ['POST', `/v1/admin/testimonials/${testimonial.id}/reject`, acmeAdmin, { reason: 'no' }],
        ['GET', `/v1/admin/testimonials/${testimonial.id}/audit`, acmeAdmin],
        ['POST', `/v1/testimonials/${testimonial.id}/withdraw`, acmeEmployee],
      ];
      for (const [method, url, headers, body] of attempts) {
        const sent = body === undefined ? Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'content-type')) : headers;
        const response = await api.inject({ method: method as 'GET', url, headers: sent, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
        assert.equal(response.statusCode, 404, `${method} ${url}: ${response.body}`);
      }
    });

    it('answers 400, not 500, to text the database cannot store', async () => {
      const employee = { ...(await api.acme.employee('nul-1')), 'content-type': 'application/json' };
      const me = await api.inject({ method: 'PATCH', url: '/v1/me', headers: employee, payload: JSON.stringify({ displayName: 'a\u0000b' }) });
      assert.equal(me.statusCode, 400, me.body);
      const testimonial = await api.inject({
        method: 'POST',
        url: '/v1/testimonials',
        headers: employee,
        payload: JSON.stringify({ quote: 'nul \u0000 here', role: 'r', team: 't', location: 'l', locale: 'en', consent: { version: '2026-01', accepted: true } }),
      });
      assert.equal(testimonial.statusCode, 400, testimonial.body);
    });

    it('answers only 2xx or 4xx to fuzzed bodies and queries on every route', async () => {
      const headers = { ...(await api.acme.admin()), 'content-type': 'application/json' };
      const entries = Object.entries(routes) as [string, RouteDefinition][];
      const pathFor = (route: RouteDefinition, id: string) => route.path.replace(/:[a-z]+/gi, encodeURIComponent(id));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...entries),
          fc.oneof(fc.json(), fc.jsonValue().map((value) => JSON.stringify(value)), fc.string(), fc.constant('{"__proto__":{"admin":true}}')),
          fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
          fc.dictionary(fc.constantFrom('limit', 'cursor', 'period', 'tag', 'locale', 'status', 'team', 'x'), fc.string({ maxLength: 30 })),
          async ([, route], body, id, query) => {
            const search = new URLSearchParams(query).toString();
            const response = await api.inject({
              method: route.method,
              url: `${pathFor(route, id)}${search ? `?${search}` : ''}`,
              headers,
              ...(route.method === 'GET' ? {} : { payload: body }),
            });
            assert.ok(response.statusCode < 500, `${route.method} ${route.path} → ${response.statusCode} ${response.body.slice(0, 200)}`);
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe(`rate limits on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind, { rateLimits: { perKeyAndIp: 5, perEmployee: 5, perAnonymousIp: 5 } });
    });
    after(() => api.close());

    it('answers the request over the limit with a 429 problem, Retry-After and RateLimit headers, per bucket', async () => {
      const employee = await api.acme.employee('busy');
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 6; i++) {
        last = await api.inject({ method: 'GET', url: '/v1/me', headers: employee });
        statuses.push(last.statusCode);
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
      assert.ok(Number(last!.headers['retry-after']) > 0);
      assert.equal(last!.headers['ratelimit-limit'], '5');
      assert.match(String(last!.headers['content-type']), /problem\+json/);
      const colleague = await api.inject({ method: 'GET', url: '/v1/me', headers: await api.acme.employee('calm') });
      assert.equal(colleague.statusCode, 200, 'another employee has their own budget');
      const otherTenant = await api.inject({ method: 'GET', url: '/v1/stats/public', headers: api.globex.publicPage() });
      assert.equal(otherTenant.statusCode, 200, 'another organisation is not slowed down');
    });
  });
}
