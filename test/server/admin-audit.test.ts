// GET /v1/admin/audit: the organisation's changes, newest first, keyset pages, people named; never another organisation's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuditLogEntrySchema, pageOf, ProblemSchema } from '@advocacy/sdk/contract';
import { encodeCursor } from '../../packages/server/src/http/cursor.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const PageSchema = pageOf(AuditLogEntrySchema);

for (const kind of databaseKinds()) {
  describe(`audit list on ${kind}`, () => {
    let api: TestApi;
    let admin: Record<string, string>;

    before(async () => {
      api = await startTestApi(kind);
      api.setNow(new Date('2026-12-06T10:00:00.000Z'));
      admin = await api.acme.admin('jonas');
      await api.inject({ method: 'PATCH', url: '/v1/me', headers: { ...admin, 'content-type': 'application/json' }, payload: JSON.stringify({ displayName: 'Jonas Weber' }) });
      for (const points of [3, 4, 5]) {
        const response = await api.inject({
          method: 'PATCH',
          url: '/v1/admin/settings',
          headers: { ...admin, 'content-type': 'application/json' },
          payload: JSON.stringify({ pointsPerShare: points }),
        });
        assert.equal(response.statusCode, 200, response.body);
      }
      const globexAdmin = await api.globex.admin('hank');
      await api.inject({ method: 'PATCH', url: '/v1/admin/settings', headers: { ...globexAdmin, 'content-type': 'application/json' }, payload: JSON.stringify({ pointsPerShare: 9 }) });
    });
    after(() => api.close());

    const list = async (query = '') => api.inject({ method: 'GET', url: `/v1/admin/audit${query}`, headers: admin });

    it('lists who changed what, newest first, naming the person', async () => {
      const response = await list();
      assert.equal(response.statusCode, 200, response.body);
      const page = PageSchema.parse(response.json());
      const changes = page.items.filter((item) => item.action === 'settings.updated');
      assert.equal(changes.length, 3);
      assert.deepEqual(changes.map((item) => item.actor), ['Jonas Weber', 'Jonas Weber', 'Jonas Weber']);
      assert.ok(page.items.every((item) => !item.actor.startsWith('employee:')), 'no uuid labels');
      const ids = page.items.map((item) => Number(item.id));
      assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
    });

    it('pages with a cursor, without repeats or gaps, and keeps to the organisation', async () => {
      const all = PageSchema.parse((await list('?limit=100')).json()).items;
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = PageSchema.parse((await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json());
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, all.map((item) => item.id));
      const globex = (await api.db.query<{ id: string }>('SELECT id::text AS id FROM audit_log WHERE organisation_id = $1', [api.globex.id])).rows.map((row) => row.id);
      assert.ok(globex.length > 0);
      assert.ok(seen.every((id) => !globex.includes(id)), 'nothing from Globex');
    });

    it('refuses a forged cursor (400) and non-admins (403)', async () => {
      const forged = await list(`?cursor=${encodeCursor(['drop table'])}`);
      assert.equal(forged.statusCode, 400);
      assert.equal(ProblemSchema.parse(forged.json()).status, 400);
      const employee = await api.inject({ method: 'GET', url: '/v1/admin/audit', headers: await api.acme.employee('sam') });
      assert.equal(employee.statusCode, 403);
    });
  });
}
