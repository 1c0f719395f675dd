import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { routes, type RouteDefinition } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

for (const kind of databaseKinds()) {
  // Keys, origins and CORS: auth-keys-cors.test.ts; rate limits: rate-limits.test.ts.
  describe(`tenants and fuzzed requests on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

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
}
