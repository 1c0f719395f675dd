import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import {
  AllowedOriginsSchema,
  ApiKeySchema,
  ContentSchema,
  CreatedApiKeySchema,
  IdentitySettingsSchema,
  ProblemSchema,
  ProgrammeSettingsSchema,
  routes,
  type RouteName,
} from '@advocacy/sdk/contract';
import { insertApiKey } from '../../packages/server/src/auth/api-keys.js';
import { createOrganisation } from '../../packages/server/src/domain/organisations.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const json = (headers: Record<string, string>, body?: unknown) => ({
  headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
});
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A 4xx problem document naming `field` among its errors (when given). */
function assertProblem(response: LightMyRequestResponse, status: number, field?: string): void {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const problem = ProblemSchema.parse(response.json());
  if (field) assert.ok(problem.errors?.some((error) => error.field === field), `${field} in ${JSON.stringify(problem.errors)}`);
}

const ADMIN_API: RouteName[] = ['getSettings', 'updateSettings', 'listOrigins', 'addOrigin', 'removeOrigin', 'listKeys', 'createKey', 'revokeKey', 'getIdentity', 'updateIdentity'];
const path = (name: RouteName) => routes[name].path.replace(':origin', encodeURIComponent('https://intranet.acme.example')).replace(':id', crypto.randomUUID());

for (const kind of databaseKinds()) {
  describe(`admin API on ${kind}`, () => {
    let api: TestApi;
    /** Secret keys of Acme: `settings:write` and `admin`. */
    let settingsKey: string;
    let adminKey: { id: string; key: string };

    before(async () => {
      api = await startTestApi(kind);
      settingsKey = (await insertApiKey(api.db, api.acme.id, 'secret', { label: 'Settings bot', scopes: ['settings:write'] })).key;
      adminKey = await insertApiKey(api.db, api.acme.id, 'secret', { label: 'Automation', scopes: ['admin'] });
    });
    after(() => api.close());

    const audit = async (organisationId: string, action: string) =>
      (
        await api.db.query<{ actor: string; target_type: string; target_id: string; detail: Record<string, unknown> }>(
          'SELECT actor, target_type, target_id, detail FROM audit_log WHERE organisation_id = $1 AND action = $2 ORDER BY id',
          [organisationId, action],
        )
      ).rows;
    const employeeId = async (subject: string) =>
      (await api.db.query<{ id: string }>('SELECT id FROM employees WHERE organisation_id = $1 AND subject = $2', [api.acme.id, subject])).rows[0]!.id;

    it('lists the admin routes in the OpenAPI document, with their scopes', async () => {
      const document = (await api.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as { paths: Record<string, Record<string, Record<string, unknown>>> };
      const expected: [string, string, string][] = [
        ['/v1/admin/settings', 'get', 'settings:write'],
        ['/v1/admin/settings', 'patch', 'settings:write'],
        ['/v1/admin/origins', 'get', 'settings:write'],
        ['/v1/admin/origins', 'post', 'settings:write'],
        ['/v1/admin/origins/{origin}', 'delete', 'settings:write'],
        ['/v1/admin/keys', 'get', 'admin'],
        ['/v1/admin/keys', 'post', 'admin'],
        ['/v1/admin/keys/{id}', 'delete', 'admin'],
        ['/v1/admin/identity', 'get', 'settings:write'],
        ['/v1/admin/identity', 'put', 'settings:write'],
      ];
      for (const [url, method, scope] of expected) {
        const operation = document.paths[url]?.[method];
        assert.ok(operation, `${method} ${url}`);
        assert.equal(operation['x-secret-key-scope'], scope, `${method} ${url}`);
        assert.ok(String(operation['summary']).length > 20);
      }
    });

    it('refuses non-admin employees and publishable keys with 403, and strangers with 401', async () => {
      const employee = await api.acme.employee('plain-1');
      for (const name of ADMIN_API) {
        const { method } = routes[name];
        const body = ['POST', 'PATCH', 'PUT'].includes(method) ? {} : undefined;
        assertProblem(await api.inject({ method, url: path(name), ...json(employee, body) }), 403);
        assertProblem(await api.inject({ method, url: path(name), ...json(api.acme.publicPage(), body) }), 403);
        assertProblem(await api.inject({ method, url: path(name), ...json({}, body) }), 401);
      }
    });

    describe('settings', () => {
      it('shows the programme settings to an admin employee and a settings:write key', async () => {
        for (const headers of [await api.acme.admin(), bearer(settingsKey)]) {
          const response = await api.inject({ method: 'GET', url: '/v1/admin/settings', headers });
          assert.equal(response.statusCode, 200, response.body);
          assert.deepEqual(ProgrammeSettingsSchema.parse(response.json()), {
            pointsPerShare: 10,
            pointsPerClick: 1,
            sharePointsRule: 'first-reader',
            dailySharePointsCap: 15,
            creditsPerNetworkPerDay: 3,
            burstCreditsPerMinute: 30,
            reachCapPerEmployee: 10_000,
            clickRetentionMonths: 13,
            avatarHosts: [],
            disclosure: { en: 'I work at acme.', fr: 'Je travaille chez acme.' },
            allowedDomains: ['acme.example'],
            earnedMedia: null,
          });
        }
      });

      it('changes only what is sent, merges disclosures per locale, and audits the change', async () => {
        const change = await api.inject({
          method: 'PATCH',
          url: '/v1/admin/settings',
          ...json(bearer(settingsKey), { pointsPerClick: 2, disclosure: { 'fr-ca': 'Je bosse chez Acme.', de: 'Ich arbeite bei Acme.' }, allowedDomains: ['acme.example', 'Careers.Acme.Example', 'bücher.example'] }),
        });
        assert.equal(change.statusCode, 200, change.body);
        const settings = ProgrammeSettingsSchema.parse(change.json());
        assert.equal(settings.pointsPerShare, 10, 'untouched');
        assert.equal(settings.pointsPerClick, 2);
        assert.deepEqual(settings.disclosure, { en: 'I work at acme.', fr: 'Je travaille chez acme.', 'fr-CA': 'Je bosse chez Acme.', de: 'Ich arbeite bei Acme.' });
        assert.deepEqual(settings.allowedDomains, ['acme.example', 'careers.acme.example', 'xn--bcher-kva.example']);

        const removal = await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...json(await api.acme.admin('settings-admin'), { disclosure: { de: null } }) });
        assert.deepEqual(ProgrammeSettingsSchema.parse(removal.json()).disclosure, { en: 'I work at acme.', fr: 'Je travaille chez acme.', 'fr-CA': 'Je bosse chez Acme.' });

        const entries = await audit(api.acme.id, 'settings.updated');
        assert.equal(entries.length, 2);
        assert.match(entries[0]!.actor, /^key:/);
        assert.deepEqual((entries[0]!.detail['changed'] as Record<string, unknown>)['pointsPerClick'], { from: 1, to: 2 });
        assert.equal(entries[1]!.actor, `employee:${await employeeId('settings-admin')}`);
        assert.deepEqual(entries[1]!.detail['changed'], { 'disclosure.de': { from: 'Ich arbeite bei Acme.', to: null } });
        assert.equal((await audit(api.globex.id, 'settings.updated')).length, 0);
      });

      it('puts the new disclosure on content at once', async () => {
        const created = await api.inject({
          method: 'POST',
          url: '/v1/content',
          ...json(await api.acme.admin(), { title: 'Open roles in Montréal', url: 'https://careers.acme.example/montreal', locale: 'fr-CA' }),
        });
        assert.equal(created.statusCode, 201, created.body);
        assert.equal(ContentSchema.parse(created.json()).disclosure, 'Je bosse chez Acme.');
      });

      it('refuses out-of-range points, multi-line or long disclosures, odd domains and unknown fields with 400 naming the field', async () => {
        const cases: [unknown, string][] = [
          [{ pointsPerShare: 1001 }, 'body.pointsPerShare'],
          [{ pointsPerClick: -1 }, 'body.pointsPerClick'],
          [{ pointsPerShare: 2.5 }, 'body.pointsPerShare'],
          [{ disclosure: { fr: 'Je travaille\nchez Acme.' } }, 'body.disclosure.fr'],
          [{ disclosure: { fr: 'x'.repeat(201) } }, 'body.disclosure.fr'],
          [{ disclosure: { fr: '   ' } }, 'body.disclosure.fr'],
          [{ disclosure: { 'not a locale': 'x' } }, 'body.disclosure.not a locale'],
          [{ allowedDomains: ['https://acme.example/path'] }, 'body.allowedDomains.0'],
          [{ allowedDomains: ['*.acme.example'] }, 'body.allowedDomains.0'],
          [{ allowedDomains: ['10.0.0.1'] }, 'body.allowedDomains.0'],
          [{ consentVersion: '2027-01' }, 'body'],
        ];
        for (const [body, field] of cases) {
          const response = await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...json(bearer(settingsKey), body) });
          assertProblem(response, 400, field === 'body' ? undefined : field);
        }
        const unchanged = ProgrammeSettingsSchema.parse((await api.inject({ method: 'GET', url: '/v1/admin/settings', headers: bearer(settingsKey) })).json());
        assert.equal(unchanged.pointsPerShare, 10);
      });
    });

    describe('origins', () => {
      const tokenFrom = async (origin: string) => ({ ...(await api.acme.employee('origin-test')), origin });

      it('adds an origin, normalised, so employee tokens work from it; says 200 when it was there; removes it again', async () => {
        const page = 'https://wiki.acme.example';
        assert.equal((await api.inject({ method: 'GET', url: '/v1/me', headers: await tokenFrom(page) })).statusCode, 403);

        const added = await api.inject({ method: 'POST', url: '/v1/admin/origins', ...json(bearer(settingsKey), { origin: 'HTTPS://Wiki.Acme.example:443/' }) });
        assert.equal(added.statusCode, 201, added.body);
        assert.deepEqual(AllowedOriginsSchema.parse(added.json()).origins, ['https://intranet.acme.example', page]);
        assert.equal((await api.inject({ method: 'GET', url: '/v1/me', headers: await tokenFrom(page) })).statusCode, 200);

        const again = await api.inject({ method: 'POST', url: '/v1/admin/origins', ...json(await api.acme.admin(), { origin: page }) });
        assert.equal(again.statusCode, 200);
        const listed = await api.inject({ method: 'GET', url: '/v1/admin/origins', headers: bearer(settingsKey) });
        assert.deepEqual(AllowedOriginsSchema.parse(listed.json()).origins, ['https://intranet.acme.example', page]);

        const removed = await api.inject({ method: 'DELETE', url: `/v1/admin/origins/${encodeURIComponent(page)}`, headers: bearer(settingsKey) });
        assert.equal(removed.statusCode, 200, removed.body);
        assert.deepEqual(AllowedOriginsSchema.parse(removed.json()).origins, ['https://intranet.acme.example']);
        assert.equal((await api.inject({ method: 'GET', url: '/v1/me', headers: await tokenFrom(page) })).statusCode, 403);
        assertProblem(await api.inject({ method: 'DELETE', url: `/v1/admin/origins/${encodeURIComponent(page)}`, headers: bearer(settingsKey) }), 404);

        assert.deepEqual((await audit(api.acme.id, 'origin.added')).map((entry) => entry.detail), [{ origin: page }], 'one entry: the second add changed nothing');
        assert.deepEqual((await audit(api.acme.id, 'origin.removed')).map((entry) => entry.detail), [{ origin: page }]);
      });

      it('replays an add with the same Idempotency-Key', async () => {
        const send = () =>
          api.inject({ method: 'POST', url: '/v1/admin/origins', ...json({ ...bearer(settingsKey), 'idempotency-key': 'add-docs-origin' }, { origin: 'https://docs.acme.example' }) });
        const first = await send();
        const second = await send();
        assert.equal(first.statusCode, 201);
        assert.equal(second.statusCode, 201);
        assert.equal(second.headers['idempotent-replayed'], 'true');
        assert.deepEqual(second.json(), first.json());
      });

      it('refuses what is not an http(s) origin: paths, wildcards, other schemes, null', async () => {
        for (const origin of ['https://intranet.acme.example/home', 'https://*.acme.example', 'http://loopback:*', 'ftp://acme.example', 'null', 'intranet.acme.example', 'https://user:pw@acme.example', 'https://acme.example?x=1']) {
          assertProblem(await api.inject({ method: 'POST', url: '/v1/admin/origins', ...json(bearer(settingsKey), { origin }) }), 400, 'body.origin');
        }
      });

      it('never touches another organisation’s origins', async () => {
        const response = await api.inject({ method: 'DELETE', url: `/v1/admin/origins/${encodeURIComponent(api.globex.intranetOrigin)}`, headers: bearer(settingsKey) });
        assertProblem(response, 404);
        const globex = await api.inject({ method: 'GET', url: '/v1/me', headers: await api.globex.employee('g-1') });
        assert.equal(globex.statusCode, 200, 'Globex’s intranet still works');
      });
    });

    describe('keys', () => {
      it('creates a secret key with its scopes, shows it once, and lists keys without the key or its hash', async () => {
        const created = await api.inject({ method: 'POST', url: '/v1/admin/keys', ...json(bearer(adminKey.key), { kind: 'secret', scopes: ['testimonials:read'], name: 'Career site server' }) });
        assert.equal(created.statusCode, 201, created.body);
        const key = CreatedApiKeySchema.parse(created.json());
        assert.match(key.key!, /^sk_[A-Za-z0-9_-]{32}$/);
        assert.equal(key.prefix, key.key!.slice(0, 12));
        assert.deepEqual([key.kind, key.name, key.scopes, key.origins, key.revokedAt], ['secret', 'Career site server', ['testimonials:read'], [], null]);

        assert.equal((await api.inject({ method: 'GET', url: '/v1/testimonials', headers: bearer(key.key!) })).statusCode, 200, 'a career-site server reads testimonials');
        const settings = await api.inject({ method: 'GET', url: '/v1/admin/settings', headers: bearer(key.key!) });
        assertProblem(settings, 403);
        assert.equal(ProblemSchema.parse(settings.json()).detail, 'This key lacks the scope settings:write.');

        const listed = await api.inject({ method: 'GET', url: '/v1/admin/keys', headers: await api.acme.admin() });
        assert.equal(listed.statusCode, 200);
        assert.ok(!listed.body.includes(key.key!), 'the key is never listed');
        const items = (listed.json() as { items: unknown[] }).items.map((item) => ApiKeySchema.parse(item));
        const mine = items.find((item) => item.id === key.id);
        assert.deepEqual(mine, { id: key.id, prefix: key.prefix, kind: 'secret', name: 'Career site server', scopes: ['testimonials:read'], origins: [], createdAt: key.createdAt, revokedAt: null });
        for (const item of (listed.json() as { items: Record<string, unknown>[] }).items) {
          assert.deepEqual(Object.keys(item).sort(), ['createdAt', 'id', 'kind', 'name', 'origins', 'prefix', 'revokedAt', 'scopes']);
        }
        const globexKeys = (await api.db.query<{ id: string }>('SELECT id FROM api_keys WHERE organisation_id = $1', [api.globex.id])).rows.map((row) => row.id);
        assert.equal(globexKeys.length, 2);
        assert.ok(items.length >= 5 && items.every((item) => !globexKeys.includes(item.id)), 'only Acme’s keys');

        const [entry] = (await audit(api.acme.id, 'key.created')).filter((row) => row.target_id === key.id);
        assert.ok(entry, 'audited');
        assert.match(entry.actor, /^key:/);
        assert.deepEqual(entry.detail, { kind: 'secret', prefix: key.prefix, name: 'Career site server', scopes: ['testimonials:read'], origins: [] });
      });

      it('creates a publishable key bound to its normalised origins', async () => {
        const created = await api.inject({ method: 'POST', url: '/v1/admin/keys', ...json(await api.acme.admin(), { kind: 'publishable', origins: ['https://Jobs.Acme.example/'] }) });
        assert.equal(created.statusCode, 201, created.body);
        const key = CreatedApiKeySchema.parse(created.json());
        assert.match(key.key!, /^pk_/);
        assert.deepEqual([key.origins, key.scopes], [['https://jobs.acme.example'], []]);
        const fromJobs = await api.inject({ method: 'GET', url: '/v1/testimonials', headers: { ...bearer(key.key!), origin: 'https://jobs.acme.example' } });
        assert.equal(fromJobs.statusCode, 200);
        const fromElsewhere = await api.inject({ method: 'GET', url: '/v1/testimonials', headers: { ...bearer(key.key!), origin: api.acme.publicOrigin } });
        assert.equal(fromElsewhere.statusCode, 403);
      });

      it('creates one key for a retried request, and never stores the key for the replay', async () => {
        const send = () =>
          api.inject({ method: 'POST', url: '/v1/admin/keys', ...json({ ...bearer(adminKey.key), 'idempotency-key': 'bi-export-key' }, { kind: 'secret', scopes: ['stats:read'], name: 'BI export' }) });
        const first = CreatedApiKeySchema.parse((await send()).json());
        const replay = await send();
        assert.equal(replay.statusCode, 201);
        assert.equal(replay.headers['idempotent-replayed'], 'true');
        const replayed = CreatedApiKeySchema.parse(replay.json());
        assert.equal(replayed.id, first.id);
        assert.equal(replayed.key, null, 'the key is shown once');
        const { rows } = await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM api_keys WHERE organisation_id = $1 AND label = 'BI export'`, [api.acme.id]);
        assert.equal(rows[0]!.n, 1);
        const stored = await api.db.query<{ body: string }>('SELECT response_body::text AS body FROM idempotency_keys WHERE key = $1', ['bi-export-key']);
        assert.ok(stored.rows.length === 1 && !stored.rows[0]!.body.includes(first.key!), 'no key in clear in the database');
      });

      it('refuses bad key requests with 400 naming the field', async () => {
        const cases: [unknown, string][] = [
          [{ kind: 'secret' }, 'body.scopes'],
          [{ kind: 'secret', scopes: [] }, 'body.scopes'],
          [{ kind: 'secret', scopes: ['root'] }, 'body.scopes.0'],
          [{ kind: 'secret', scopes: ['admin'], origins: ['https://a.example'] }, 'body'],
          [{ kind: 'publishable' }, 'body.origins'],
          [{ kind: 'publishable', origins: ['https://*.acme.example'] }, 'body.origins.0'],
          [{ kind: 'publishable', origins: ['https://careers.acme.example'], scopes: ['admin'] }, 'body'],
          [{ kind: 'root' }, 'body.kind'],
          [{ kind: 'secret', scopes: ['admin'], name: 'two\nlines' }, 'body.name'],
        ];
        for (const [body, field] of cases) {
          assertProblem(await api.inject({ method: 'POST', url: '/v1/admin/keys', ...json(bearer(adminKey.key), body) }), 400, field === 'body' ? undefined : field);
        }
      });

      it('revokes a key at once, once, and never another organisation’s', async () => {
        const { id, key } = await insertApiKey(api.db, api.acme.id, 'secret', { scopes: ['stats:read'] });
        assert.equal((await api.inject({ method: 'GET', url: '/v1/stats', headers: bearer(key) })).statusCode, 200);
        const revoked = await api.inject({ method: 'DELETE', url: `/v1/admin/keys/${id}`, headers: await api.acme.admin() });
        assert.equal(revoked.statusCode, 200, revoked.body);
        const revokedAt = ApiKeySchema.parse(revoked.json()).revokedAt;
        assert.ok(revokedAt);
        assertProblem(await api.inject({ method: 'GET', url: '/v1/stats', headers: bearer(key) }), 401);
        const again = await api.inject({ method: 'DELETE', url: `/v1/admin/keys/${id}`, headers: bearer(adminKey.key) });
        assert.equal(ApiKeySchema.parse(again.json()).revokedAt, revokedAt, 'revoking twice changes nothing');
        assert.equal((await audit(api.acme.id, 'key.revoked')).filter((entry) => entry.target_id === id).length, 1);

        const globexKey = (await api.db.query<{ id: string }>(`SELECT id FROM api_keys WHERE organisation_id = $1 AND kind = 'secret'`, [api.globex.id])).rows[0]!.id;
        assertProblem(await api.inject({ method: 'DELETE', url: `/v1/admin/keys/${globexKey}`, headers: bearer(adminKey.key) }), 404);
        assert.equal((await api.inject({ method: 'GET', url: '/v1/admin/keys', headers: bearer(api.globex.secretKey) })).statusCode, 200, 'Globex’s key still works');
        assertProblem(await api.inject({ method: 'DELETE', url: '/v1/admin/keys/not-a-uuid', headers: bearer(adminKey.key) }), 400, 'params.id');
      });

      it('revokes the key making the call only with ?confirm=self', async () => {
        const own = await insertApiKey(api.db, api.acme.id, 'secret', { scopes: ['admin'] });
        const refused = await api.inject({ method: 'DELETE', url: `/v1/admin/keys/${own.id}`, headers: bearer(own.key) });
        assertProblem(refused, 409);
        assert.match(ProblemSchema.parse(refused.json()).detail!, /confirm=self/);
        const confirmed = await api.inject({ method: 'DELETE', url: `/v1/admin/keys/${own.id}?confirm=self`, headers: bearer(own.key) });
        assert.equal(confirmed.statusCode, 200, confirmed.body);
        assertProblem(await api.inject({ method: 'GET', url: '/v1/admin/keys', headers: bearer(own.key) }), 401);
      });

      it('leaves keys to the admin scope', async () => {
        const response = await api.inject({ method: 'GET', url: '/v1/admin/keys', headers: bearer(settingsKey) });
        assertProblem(response, 403);
        assert.equal(ProblemSchema.parse(response.json()).detail, 'This key lacks the scope admin.');
      });
    });

    describe('identity', () => {
      it('shows how tokens are verified', async () => {
        const response = await api.inject({ method: 'GET', url: '/v1/admin/identity', headers: bearer(settingsKey) });
        assert.deepEqual(IdentitySettingsSchema.parse(response.json()), { issuer: 'https://idp.acme.example/', audience: 'advocacy-acme', jwksUrl: null, adminRole: 'advocacy-admin' });
      });

      it('sets a new identity provider, audited', async () => {
        // Another organisation, so Acme's test tokens keep working for the other tests.
        const initech = await createOrganisation(api.db, { slug: 'initech', name: 'Initech', jwt: { issuer: 'https://old.initech.example/', audience: 'initech' } });
        const change = { issuer: 'https://login.initech.example/', audience: 'advocacy', jwksUrl: 'https://login.initech.example/.well-known/jwks.json', adminRole: 'comms-admin' };
        const response = await api.inject({ method: 'PUT', url: '/v1/admin/identity', ...json(bearer(initech.secretKey), change) });
        assert.equal(response.statusCode, 200, response.body);
        assert.deepEqual(IdentitySettingsSchema.parse(response.json()), change);
        const [entry] = await audit(initech.id, 'identity.updated');
        assert.deepEqual(entry?.detail['to'], change);
        assert.equal((entry?.detail['from'] as Record<string, unknown>)['issuer'], 'https://old.initech.example/');
        assert.deepEqual(IdentitySettingsSchema.parse((await api.inject({ method: 'GET', url: '/v1/admin/identity', headers: bearer(initech.secretKey) })).json()), change);
      });

      it('refuses a key set over plain http from elsewhere, missing fields and an issuer and audience another organisation uses', async () => {
        const valid = { issuer: 'https://idp.initech-2.example/', audience: 'initech-2', jwksUrl: 'https://idp.initech-2.example/jwks', adminRole: 'advocacy-admin' };
        const cases: [unknown, number, string | undefined][] = [
          [{ ...valid, jwksUrl: 'http://idp.acme.example/jwks' }, 400, 'body.jwksUrl'],
          [{ ...valid, jwksUrl: 'http://127.0.0.2:8080/jwks' }, 200, undefined],
          [{ ...valid, jwksUrl: 'file:///etc/passwd' }, 400, 'body.jwksUrl'],
          [{ ...valid, audience: undefined }, 400, 'body.audience'],
          [{ ...valid, adminRole: '' }, 400, 'body.adminRole'],
          [{ ...valid, issuer: 'https://idp.globex.example/', audience: 'advocacy-globex' }, 409, 'body.audience'],
        ];
        const initech = await createOrganisation(api.db, { slug: 'initech-2', name: 'Initech 2', jwt: { issuer: 'https://idp.initech-2.example/', audience: 'initech-2' } });
        for (const [body, status, field] of cases) {
          const response = await api.inject({ method: 'PUT', url: '/v1/admin/identity', ...json(bearer(initech.secretKey), body) });
          if (status === 200) assert.equal(response.statusCode, 200, response.body);
          else assertProblem(response, status, field);
        }
      });
    });
  });
}
