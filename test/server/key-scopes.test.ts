import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { KEY_SCOPES, ProblemSchema, routes, type KeyScope, type RouteName } from '@advocacy/sdk/contract';
import { insertApiKey } from '../../packages/server/src/auth/api-keys.js';
import { loadMigrations, migrate } from '../../packages/server/src/db/migrate.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';

/** The routes a secret key can reach: every one must name the scope it needs. */
type SecretKeyRoute = { [K in RouteName]: (typeof routes)[K]['audience'] extends 'public' | 'admin' ? K : never }[RouteName];

interface Probe {
  /** The path with its parameters filled in, and a query string if any. */
  url: string;
  body?: unknown;
  /**
   * The answer when the key may call the route. Writes are probed with a
   * body the route refuses (400) or an id that does not exist (404): the
   * scope is checked before either, so they prove the key got through
   * without changing anything the other probes rely on.
   */
  allowed: number;
}

const unknownId = '00000000-0000-4000-8000-000000000001';

/** One request per route, typed so that a new public or admin route without a probe fails to compile. */
const probes = (): Record<SecretKeyRoute, Probe> => ({
  listTestimonials: { url: '/v1/testimonials', allowed: 200 },
  getConsent: { url: '/v1/testimonials/consent', allowed: 200 },
  getStats: { url: '/v1/stats', allowed: 200 },
  getPublicStats: { url: '/v1/stats/public', allowed: 200 },
  getAdminStats: { url: '/v1/admin/stats?from=2026-01-01&to=2026-01-31', allowed: 200 },
  sendEvents: { url: '/v1/events', body: { events: [{ id: `probe-${crypto.randomUUID()}`, kind: 'impression', occurredAt: new Date().toISOString() }] }, allowed: 202 },
  createContent: { url: '/v1/content', body: {}, allowed: 400 },
  updateContent: { url: `/v1/content/${unknownId}`, body: { title: 'Probe' }, allowed: 404 },
  archiveContent: { url: `/v1/content/${unknownId}/archive`, allowed: 404 },
  listModerationQueue: { url: '/v1/admin/testimonials', allowed: 200 },
  approveTestimonial: { url: `/v1/admin/testimonials/${unknownId}/approve`, allowed: 404 },
  rejectTestimonial: { url: `/v1/admin/testimonials/${unknownId}/reject`, body: { reason: 'Probe' }, allowed: 404 },
  getTestimonialAudit: { url: `/v1/admin/testimonials/${unknownId}/audit`, allowed: 404 },
  getSettings: { url: '/v1/admin/settings', allowed: 200 },
  updateSettings: { url: '/v1/admin/settings', body: { pointsPerShare: -1 }, allowed: 400 },
  listOrigins: { url: '/v1/admin/origins', allowed: 200 },
  addOrigin: { url: '/v1/admin/origins', body: { origin: 'not an origin' }, allowed: 400 },
  removeOrigin: { url: `/v1/admin/origins/${encodeURIComponent('https://never-added.acme.example')}`, allowed: 404 },
  listKeys: { url: '/v1/admin/keys', allowed: 200 },
  createKey: { url: '/v1/admin/keys', body: { kind: 'secret' }, allowed: 400 },
  revokeKey: { url: `/v1/admin/keys/${unknownId}`, allowed: 404 },
  getIdentity: { url: '/v1/admin/identity', allowed: 200 },
  updateIdentity: { url: '/v1/admin/identity', body: {}, allowed: 400 },
  listTrustFlags: { url: '/v1/admin/flags', allowed: 200 },
  reviewTrustFlag: { url: `/v1/admin/flags/${unknownId}/review`, allowed: 404 },
  testIdentity: { url: '/v1/admin/identity/test', body: { token: 'not a jwt' }, allowed: 200 },
  listAuditLog: { url: '/v1/admin/audit', allowed: 200 },
  restoreContent: { url: `/v1/content/${unknownId}/restore`, allowed: 404 },
  duplicateContent: { url: `/v1/content/${unknownId}/duplicate`, allowed: 404 },
  approveTestimonials: { url: '/v1/admin/testimonials/approve', body: { ids: [unknownId] }, allowed: 200 },
  listPeople: { url: '/v1/admin/people', allowed: 200 },
  deactivatePerson: { url: `/v1/admin/people/${unknownId}/deactivate`, allowed: 404 },
  reactivatePerson: { url: `/v1/admin/people/${unknownId}/reactivate`, allowed: 404 },
  exportPerson: { url: `/v1/admin/people/${unknownId}/export`, allowed: 404 },
  erasePerson: { url: `/v1/admin/people/${unknownId}/erase`, body: { confirm: unknownId }, allowed: 404 },
});

const secretKeyRoutes = (Object.keys(routes) as RouteName[]).filter((name): name is SecretKeyRoute => ['public', 'admin'].includes(routes[name].audience));

describe('the route table', () => {
  it('names the scope of every route a secret key can reach, and nothing is left to the default', () => {
    assert.ok(secretKeyRoutes.length >= 20);
    for (const name of secretKeyRoutes) {
      assert.ok(routes[name].scope, `${name} names a scope`);
      assert.ok(KEY_SCOPES.includes(routes[name].scope!), `${name}: ${routes[name].scope} is a known scope`);
    }
    assert.deepEqual(Object.keys(probes()).sort(), [...secretKeyRoutes].sort(), 'every such route is probed below');
  });

  it('gives a career-site server rendering testimonials what it needs with testimonials:read alone', () => {
    assert.equal(routes.listTestimonials.scope, 'testimonials:read');
    assert.equal(routes.getConsent.scope, 'testimonials:read');
  });

  it('lists every route a secret key can reach under its scope in the README’s scope table, and no other', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('\n| scope | routes |\n');
    assert.ok(start >= 0, 'the README has the scope table');
    const rows = readme.slice(start + 1, readme.indexOf('\n\n', start)).split('\n').slice(2);
    const documented = rows.flatMap((row) => {
      const [, scopeCell = '', routesCell = ''] = row.split('|');
      const scope = /`([^`]+)`/.exec(scopeCell)?.[1];
      return [...routesCell.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/v1\/[^`]+)`/g)].map((match) => `${scope} ${match[1]} ${match[2]}`);
    });
    const expected = secretKeyRoutes.map((name) => `${routes[name].scope} ${routes[name].method} ${routes[name].path.replace(/:(\w+)/g, '{$1}')}`);
    assert.deepEqual([...documented].sort(), [...expected].sort());
  });
});

for (const kind of databaseKinds()) {
  describe(`secret key scopes on ${kind}`, () => {
    let api: TestApi;
    const keys = new Map<KeyScope, string>();
    let readAndStats: string;

    before(async () => {
      api = await startTestApi(kind);
      for (const scope of KEY_SCOPES) {
        keys.set(scope, (await insertApiKey(api.db, api.acme.id, 'secret', { label: scope, scopes: [scope] })).key);
      }
      readAndStats = (await insertApiKey(api.db, api.acme.id, 'secret', { scopes: ['testimonials:read', 'stats:read'] })).key;
    });
    after(() => api.close());

    const call = (name: SecretKeyRoute, key: string) => {
      const route = routes[name];
      const probe = probes()[name];
      return api.inject({
        method: route.method,
        url: probe.url,
        headers: { authorization: `Bearer ${key}`, ...(probe.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(probe.body === undefined ? {} : { payload: JSON.stringify(probe.body) }),
      });
    };

    for (const scope of KEY_SCOPES) {
      it(`lets ${scope === 'admin' ? 'an' : 'a'} ${scope} key through ${scope === 'admin' ? 'every route' : 'its routes only'}, and refuses the rest with 403 naming the scope`, async () => {
        for (const name of secretKeyRoutes) {
          const needed = routes[name].scope!;
          const response = await call(name, keys.get(scope)!);
          if (scope === 'admin' || scope === needed) {
            assert.equal(response.statusCode, probes()[name].allowed, `${scope} on ${name}: ${response.body}`);
          } else {
            assert.equal(response.statusCode, 403, `${scope} on ${name}: ${response.body}`);
            assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
            const problem = ProblemSchema.parse(response.json());
            assert.equal(problem.type, 'urn:advocacy:problem:insufficient-scope', name);
            assert.equal(problem.detail, `This key lacks the scope ${needed}.`, name);
            assert.equal(response.headers['www-authenticate'], `Bearer error="insufficient_scope", scope="${needed}"`);
          }
        }
      });
    }

    it('adds up the scopes of a key with several', async () => {
      for (const name of secretKeyRoutes) {
        const response = await call(name, readAndStats);
        const allowed = ['testimonials:read', 'stats:read'].includes(routes[name].scope!);
        assert.equal(response.statusCode, allowed ? probes()[name].allowed : 403, `${name}: ${response.body}`);
      }
    });

    it('says which scope is missing, in words a career-site developer can act on', async () => {
      const response = await api.inject({
        method: 'POST',
        url: `/v1/admin/testimonials/${unknownId}/approve`,
        headers: { authorization: `Bearer ${keys.get('testimonials:read')}` },
      });
      assert.equal(response.statusCode, 403);
      assert.equal(ProblemSchema.parse(response.json()).detail, 'This key lacks the scope testimonials:moderate.');
    });

    it('leaves employee routes to employees and publishable keys as they were', async () => {
      const me = await api.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${keys.get('admin')}` } });
      assert.equal(me.statusCode, 403, 'no scope opens an employee route to a key');
      const publicPage = await api.inject({ method: 'GET', url: '/v1/testimonials', headers: api.acme.publicPage() });
      assert.equal(publicPage.statusCode, 200);
      const adminEmployee = await api.inject({ method: 'GET', url: '/v1/admin/keys', headers: await api.acme.admin() });
      assert.equal(adminEmployee.statusCode, 200, 'an admin employee is not scoped');
    });

    it('shows each route’s scope in the OpenAPI document', async () => {
      const document = (await api.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as { paths: Record<string, Record<string, Record<string, unknown>>> };
      const operation = (name: RouteName) => document.paths[routes[name].path.replace(/:(\w+)/g, '{$1}')]?.[routes[name].method.toLowerCase()];
      assert.equal(operation('listTestimonials')?.['x-secret-key-scope'], 'testimonials:read');
      assert.equal(operation('approveTestimonial')?.['x-secret-key-scope'], 'testimonials:moderate');
      assert.equal(operation('createKey')?.['x-secret-key-scope'], 'admin');
      assert.match(String(operation('getStats')?.['description']), /stats:read/);
      assert.equal(operation('getMe')?.['x-secret-key-scope'], undefined, 'employee routes are not scoped');
    });
  });

  describe(`migration 009 on ${kind}`, () => {
    it('makes every existing secret key an admin key and leaves publishable keys unscoped', async () => {
      const db = await openTestDatabase(kind);
      try {
        const all = await loadMigrations();
        await migrate(db, all.filter((migration) => migration.version < 9));
        const organisationId = crypto.randomUUID();
        await db.query(`INSERT INTO organisations (id, slug, name, jwt_issuer, jwt_audience) VALUES ($1, 'old', 'Old', 'https://idp.old.example/', 'old')`, [organisationId]);
        for (const [keyKind, prefix] of [['secret', 'sk_old000001'], ['publishable', 'pk_old000001']] as const) {
          await db.query('INSERT INTO api_keys (id, organisation_id, kind, prefix, key_hash) VALUES ($1, $2, $3, $4, $5)', [crypto.randomUUID(), organisationId, keyKind, prefix, Buffer.alloc(32)]);
        }
        await migrate(db, all);
        const { rows } = await db.query<{ kind: string; scopes: string[] }>('SELECT kind, scopes FROM api_keys ORDER BY kind');
        assert.deepEqual(rows, [
          { kind: 'publishable', scopes: [] },
          { kind: 'secret', scopes: ['admin'] },
        ]);
        await assert.rejects(
          db.query(`UPDATE api_keys SET scopes = '{root}' WHERE kind = 'secret'`),
          'an unknown scope cannot be stored',
        );
        await assert.rejects(db.query(`UPDATE api_keys SET scopes = '{}' WHERE kind = 'secret'`), 'a secret key without a scope cannot be stored');
      } finally {
        await db.close();
      }
    });
  });
}
