import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContentSchema, pageOf, ProblemSchema, ShareSchema, TrustFlagSchema, type TrustFlag } from '@advocacy/sdk/contract';
import { insertApiKey } from '../../packages/server/src/auth/api-keys.js';
import { startTestApi, type TestApi, type TestOrganisation } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const json = (headers: Record<string, string>, body: unknown) => ({ headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
const FlagPage = pageOf(TrustFlagSchema);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

for (const kind of databaseKinds()) {
  describe(`trust flags review on ${kind}`, () => {
    let api: TestApi;
    let adminKey: { id: string; key: string };
    /** Acme's flags, created oldest first: a burst, two audience jumps. */
    const acmeFlags: { burst: string; jumpX: string; jumpLinkedin: string; burstShare: string } = { burst: '', jumpX: '', jumpLinkedin: '', burstShare: '' };
    let globexFlag = '';

    const flagIdOf = async (org: TestOrganisation, subject: string, kindOf: string) =>
      (
        await api.db.query<{ id: string }>(
          'SELECT f.id FROM trust_flags f JOIN employees e ON e.id = f.employee_id WHERE f.organisation_id = $1 AND e.subject = $2 AND f.kind = $3',
          [org.id, subject, kindOf],
        )
      ).rows[0]!.id;
    const declare = async (org: TestOrganisation, subject: string, audience: Record<string, number>) => {
      const response = await api.inject({ method: 'PATCH', url: '/v1/me', ...json(await org.employee(subject, { name: `Person ${subject}`, team: 'Sales' }), { audience }) });
      assert.equal(response.statusCode, 200, response.body);
    };

    before(async () => {
      api = await startTestApi(kind);
      adminKey = await insertApiKey(api.db, api.acme.id, 'secret', { label: 'Automation', scopes: ['admin'] });
      const content = await api.inject({ method: 'POST', url: '/v1/content', ...json(await api.acme.admin(), { title: 'Our new plant opens', url: 'https://acme.example/plant', locale: 'en' }) });
      const contentId = ContentSchema.parse(content.json()).id;
      const shared = await api.inject({ method: 'POST', url: '/v1/shares', ...json(await api.acme.employee('burster', { name: 'Bea Burst' }), { contentId, network: 'linkedin' }) });
      assert.ok([200, 201].includes(shared.statusCode), shared.body);
      acmeFlags.burstShare = ShareSchema.parse(shared.json()).id;
      // Bursts are written by the click recorder; here by hand, as it would.
      acmeFlags.burst = crypto.randomUUID();
      await api.db.query('UPDATE shares SET burst_at = $2 WHERE id = $1', [acmeFlags.burstShare, new Date(Date.now() - 3_000)]);
      await api.db.query(
        `INSERT INTO trust_flags (id, organisation_id, kind, employee_id, share_id, detail, created_at)
         SELECT $1, organisation_id, 'burst', employee_id, id, '{"minute": "2030-01-01T10:00:00.000Z", "credited": 240}', $3 FROM shares WHERE id = $2`,
        [acmeFlags.burst, acmeFlags.burstShare, new Date(Date.now() - 3_000)],
      );
      api.setNow(new Date(Date.now() - 2_000));
      await declare(api.acme, 'jumper-x', { x: 60_000 });
      api.setNow(new Date(Date.now() - 1_000));
      await declare(api.acme, 'jumper-li', { linkedin: 30_000 });
      api.setNow(undefined);
      acmeFlags.jumpX = await flagIdOf(api.acme, 'jumper-x', 'audience-jump');
      acmeFlags.jumpLinkedin = await flagIdOf(api.acme, 'jumper-li', 'audience-jump');
      await declare(api.globex, 'outsider', { linkedin: 25_000 });
      globexFlag = await flagIdOf(api.globex, 'outsider', 'audience-jump');
    });
    after(() => api.close());

    const list = async (query = '', headers?: Record<string, string>) => {
      const response = await api.inject({ method: 'GET', url: `/v1/admin/flags${query}`, headers: headers ?? (await api.acme.admin('reviewer')) });
      assert.equal(response.statusCode, 200, response.body);
      return FlagPage.parse(response.json());
    };
    const review = async (id: string, headers?: Record<string, string>) =>
      api.inject({ method: 'POST', url: `/v1/admin/flags/${id}/review`, headers: headers ?? (await api.acme.admin('reviewer')) });
    const audits = async () =>
      (await api.db.query<{ actor: string; target_id: string; detail: Record<string, unknown> }>(`SELECT actor, target_id, detail FROM audit_log WHERE action = 'trust-flag.reviewed' ORDER BY id`)).rows;

    it('keeps the list to admins: 403 for employees and publishable keys, 401 without a credential', async () => {
      for (const headers of [await api.acme.employee('plain'), api.acme.publicPage()]) {
        const listed = await api.inject({ method: 'GET', url: '/v1/admin/flags', headers });
        assert.equal(listed.statusCode, 403, listed.body);
        assert.equal((await review(acmeFlags.jumpX, headers)).statusCode, 403);
      }
      assert.equal((await api.inject({ method: 'GET', url: '/v1/admin/flags' })).statusCode, 401);
      assert.deepEqual(await audits(), []);
    });

    it("lists the organisation's open flags newest first, with names, the burst's content title and the detail", async () => {
      const page = await list();
      assert.deepEqual(page.items.map((flag) => flag.id), [acmeFlags.jumpLinkedin, acmeFlags.jumpX, acmeFlags.burst], 'newest first, no Globex flag');
      const [linkedin, , burst] = page.items as [TrustFlag, TrustFlag, TrustFlag];
      assert.deepEqual(linkedin.employee, { name: 'Person jumper-li', displayName: null, team: 'Sales' });
      assert.equal(linkedin.kind, 'audience-jump');
      assert.deepEqual(linkedin.detail, { network: 'linkedin', from: 0, to: 30_000 });
      assert.equal(linkedin.share, null);
      assert.equal(burst.kind, 'burst');
      assert.equal(burst.employee.name, 'Bea Burst');
      assert.deepEqual(burst.share, { id: acmeFlags.burstShare, network: 'linkedin', contentTitle: 'Our new plant opens' });
      assert.deepEqual(burst.detail, { minute: '2030-01-01T10:00:00.000Z', credited: 240 });
      assert.equal(burst.reviewedAt, null);
      // No employee is named by id: the only uuids are the flags' and the burst's share.
      const ids = new Set([...page.items.map((flag) => flag.id), acmeFlags.burstShare]);
      assert.deepEqual(JSON.stringify(page).match(UUID)?.filter((id) => !ids.has(id)) ?? [], []);
    });

    it('pages with a keyset cursor, and refuses a forged cursor with a 400', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: TrustFlag[]; nextCursor: string | null } = await list(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.items.length <= 1);
        seen.push(...page.items.map((flag) => flag.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [acmeFlags.jumpLinkedin, acmeFlags.jumpX, acmeFlags.burst]);
      const forged = [
        Buffer.from('[0,"not a date","00000000-0000-4000-8000-000000000001"]').toString('base64url'),
        Buffer.from('[2,"2030-01-01T00:00:00.000000Z","00000000-0000-4000-8000-000000000001"]').toString('base64url'),
        Buffer.from('["2030-01-01T00:00:00.000000Z","00000000-0000-4000-8000-000000000001"]').toString('base64url'),
        Buffer.from("[0,\"2030-01-01T00:00:00Z'; DROP TABLE trust_flags; --\",\"x\"]").toString('base64url'),
        'garbage',
      ];
      for (const bad of forged) {
        const response = await api.inject({ method: 'GET', url: `/v1/admin/flags?cursor=${bad}`, headers: await api.acme.admin() });
        assert.equal(response.statusCode, 400, `${bad}: ${response.body}`);
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      }
    });

    it('answers 404 for a flag of another organisation or none, 400 for an id that is no uuid, and changes nothing', async () => {
      for (const id of [globexFlag, crypto.randomUUID()]) {
        const response = await review(id);
        assert.equal(response.statusCode, 404, response.body);
        assert.equal(ProblemSchema.parse(response.json()).detail, 'No flag with this id.');
      }
      assert.equal((await review('1 OR 1=1')).statusCode, 400);
      assert.equal((await api.db.query('SELECT 1 FROM trust_flags WHERE id = $1 AND reviewed_at IS NULL', [globexFlag])).rows.length, 1);
      assert.deepEqual(await audits(), []);
    });

    it('marks a burst reviewed, lets its share credit again, audits it once, and lists it after the open flags', async () => {
      const response = await review(acmeFlags.burst);
      assert.equal(response.statusCode, 200, response.body);
      const flag = TrustFlagSchema.parse(response.json());
      assert.ok(flag.reviewedAt);
      assert.equal(flag.reviewedBy, 'Employee reviewer', 'the reviewer by name');
      const share = await api.db.query<{ burst_at: Date | null }>('SELECT burst_at FROM shares WHERE id = $1', [acmeFlags.burstShare]);
      assert.equal(share.rows[0]!.burst_at, null);

      const again = TrustFlagSchema.parse((await review(acmeFlags.burst, await api.acme.admin('second-reviewer'))).json());
      assert.deepEqual(again, flag, 'reviewing again changes nothing');
      const entries = await audits();
      assert.equal(entries.length, 1);
      assert.equal(entries[0]!.target_id, acmeFlags.burst);
      assert.equal(entries[0]!.detail['kind'], 'burst');
      assert.equal(entries[0]!.detail['shareId'], acmeFlags.burstShare);
      assert.match(entries[0]!.actor, /^employee:/);

      assert.deepEqual((await list()).items.map((item) => item.id), [acmeFlags.jumpLinkedin, acmeFlags.jumpX, acmeFlags.burst]);
      assert.deepEqual((await list('?status=open')).items.map((item) => item.id), [acmeFlags.jumpLinkedin, acmeFlags.jumpX]);
      assert.deepEqual((await list('?status=reviewed')).items.map((item) => item.id), [acmeFlags.burst]);
    });

    it('lets a secret key with the admin scope review, named by its key', async () => {
      const response = await review(acmeFlags.jumpLinkedin, { authorization: `Bearer ${adminKey.key}` });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(TrustFlagSchema.parse(response.json()).reviewedBy, `key:${adminKey.id}`);
      const page = await list('?limit=2');
      assert.deepEqual(page.items.map((item) => item.id), [acmeFlags.jumpX, acmeFlags.jumpLinkedin], 'the open one first, then the newest reviewed');
      assert.ok(page.nextCursor);
      assert.deepEqual((await list(`?limit=2&cursor=${page.nextCursor}`)).items.map((item) => item.id), [acmeFlags.burst]);
    });

    it('is in the OpenAPI document with the admin scope', async () => {
      const document = (await api.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as { paths: Record<string, Record<string, Record<string, unknown>>> };
      for (const [path, method] of [['/v1/admin/flags', 'get'], ['/v1/admin/flags/{id}/review', 'post']] as const) {
        const operation = document.paths[path]?.[method];
        assert.ok(operation, `${method} ${path}`);
        assert.equal(operation['x-secret-key-scope'], 'admin');
        assert.ok(String(operation['summary']).length > 20);
      }
    });
  });
}
