import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ContentSchema, ProgrammeSettingsSchema, ShareSchema } from '@advocacy/sdk/contract';
import { loadMigrations, migrate } from '../../packages/server/src/db/migrate.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { startClickMaintenance } from '../../packages/server/src/domain/click-maintenance.js';
import { ensureClickPartitions, listClickPartitions } from '../../packages/server/src/domain/click-partitions.js';
import { startTestApi, type TestApi, type TestOrganisation } from '../helpers/api.js';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';

const READER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** An organisation, an employee, a content and a share in plain SQL, valid before and after migration 012. */
async function seedShare(db: Db): Promise<{ organisationId: string; shareId: string }> {
  const organisationId = randomUUID();
  const employeeId = randomUUID();
  const contentId = randomUUID();
  const shareId = randomUUID();
  await db.query(`INSERT INTO organisations (id, slug, name) VALUES ($1, 'initech', 'Initech')`, [organisationId]);
  await db.query(`INSERT INTO employees (id, organisation_id, subject) VALUES ($1, $2, 'e-1')`, [employeeId, organisationId]);
  await db.query(`INSERT INTO content (id, organisation_id, title, url, locale) VALUES ($1, $2, 'Jobs', 'https://initech.example/', 'en')`, [contentId, organisationId]);
  await db.query(`INSERT INTO shares (id, organisation_id, employee_id, content_id, network, code) VALUES ($1, $2, $3, $4, 'linkedin', 'abc123')`, [
    shareId,
    organisationId,
    employeeId,
    contentId,
  ]);
  return { organisationId, shareId };
}

async function insertClick(db: Db, share: { organisationId: string; shareId: string }, at: string): Promise<void> {
  await db.query(
    `INSERT INTO clicks (organisation_id, share_id, occurred_at, visitor_hash, credited, reason, click_id)
     VALUES ($1, $2, $3, '\\x01', $4, $5, gen_random_uuid())`,
    [share.organisationId, share.shareId, at, at.startsWith('2025'), at.startsWith('2025') ? null : 'bot'],
  );
}

const whereClicksAre = (db: Db) =>
  db
    .query<{ partition: string; id: number; at: string; credited: boolean; reason: string | null }>(
      `SELECT tableoid::regclass::text AS partition, id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS at, credited, reason FROM clicks ORDER BY id`,
    )
    .then(({ rows }) => rows);

for (const kind of databaseKinds()) {
  describe(`clicks partitioned by month on ${kind}`, () => {
    it('migration 012 keeps every click, its id and its values, each in its month, and ids go on from the last', async () => {
      const db = await openTestDatabase(kind);
      try {
        const all = await loadMigrations();
        await migrate(db, all.filter((m) => m.version < 12));
        const share = await seedShare(db);
        for (const at of ['2025-03-15T10:00:00Z', '2025-03-31T23:59:59Z', '2025-05-01T00:00:00Z', '2024-12-31T23:00:00Z']) await insertClick(db, share, at);
        const before = await db.query<{ id: number; click_id: string }>('SELECT id, click_id FROM clicks ORDER BY id');

        await migrate(db, all);

        const { rows: kinds } = await db.query<{ relkind: string }>(`SELECT relkind::text FROM pg_class WHERE relname = 'clicks'`);
        assert.equal(kinds[0]?.relkind, 'p');
        assert.deepEqual(await whereClicksAre(db), [
          { partition: 'clicks_2025_03', id: 1, at: '2025-03-15', credited: true, reason: null },
          { partition: 'clicks_2025_03', id: 2, at: '2025-03-31', credited: true, reason: null },
          { partition: 'clicks_2025_05', id: 3, at: '2025-05-01', credited: true, reason: null },
          { partition: 'clicks_2024_12', id: 4, at: '2024-12-31', credited: false, reason: 'bot' },
        ]);
        const after = await db.query<{ id: number; click_id: string }>('SELECT id, click_id FROM clicks ORDER BY id');
        assert.deepEqual(after.rows, before.rows);
        // Every month from the oldest click to two months past the database's clock.
        const names = (await listClickPartitions(db)).map((p) => p.name);
        assert.equal(names[0], 'clicks_2024_12');
        assert.ok(names.includes('clicks_2025_04'), 'a month without clicks has its partition too');

        // "Now" as the database tells it, as migration 012 read it (under faketime, Postgres keeps the real time).
        const { rows: clock } = await db.query<{ now: string }>(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS now`);
        await insertClick(db, share, clock[0]!.now);
        const { rows: last } = await db.query<{ id: number; partition: string }>(
          `SELECT id, tableoid::regclass::text AS partition FROM clicks ORDER BY id DESC LIMIT 1`,
        );
        assert.equal(last[0]?.id, 5);
        assert.notEqual(last[0]?.partition, 'clicks_default');
        // Click ids stay unique (011), with their time.
        const duplicate = before.rows[0]!.click_id;
        await assert.rejects(
          db.query(
            `INSERT INTO clicks (organisation_id, share_id, occurred_at, visitor_hash, credited, reason, click_id) VALUES ($1, $2, '2025-03-15T10:00:00Z', '\\x01', false, 'bot', $3)`,
            [share.organisationId, share.shareId, duplicate],
          ),
          /clicks_2025_03_click_id_occurred_at_key|duplicate key/,
        );
      } finally {
        await db.close();
      }
    });

    it('creates the month and the next two ahead, and moves clicks that reached the default partition into their month', async () => {
      const db = await openTestDatabase(kind);
      try {
        await migrate(db);
        const share = await seedShare(db);
        await insertClick(db, share, '2031-06-03T08:00:00Z');
        assert.equal((await whereClicksAre(db))[0]?.partition, 'clicks_default');

        const created = await ensureClickPartitions(db, new Date('2031-05-20T12:00:00Z'));
        assert.deepEqual(created, ['clicks_2031_05', 'clicks_2031_06', 'clicks_2031_07']);
        assert.equal((await whereClicksAre(db))[0]?.partition, 'clicks_2031_06');
        assert.deepEqual(await ensureClickPartitions(db, new Date('2031-05-21T12:00:00Z')), []);
        // The moved partition has the parent's keys.
        await insertClick(db, share, '2031-06-04T08:00:00Z');
        assert.equal((await whereClicksAre(db)).filter((row) => row.partition === 'clicks_2031_06').length, 2);
      } finally {
        await db.close();
      }
    });
  });

  describe(`click retention on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    async function share(org: TestOrganisation, subject: string): Promise<string> {
      const admin = { ...(await org.admin()), 'content-type': 'application/json' };
      const content = ContentSchema.parse(
        (await api.inject({ method: 'POST', url: '/v1/content', headers: admin, payload: JSON.stringify({ title: 'Jobs', url: `https://${org.domain}/jobs`, locale: 'en' }) })).json(),
      );
      const response = await api.inject({
        method: 'POST',
        url: '/v1/shares',
        remoteAddress: '10.9.9.9',
        headers: { ...(await org.employee(subject)), 'content-type': 'application/json' },
        payload: JSON.stringify({ contentId: content.id, network: 'linkedin' }),
      });
      return ShareSchema.parse(response.json()).code;
    }

    const follow = async (code: string, at: string): Promise<void> => {
      api.setNow(new Date(at));
      const response = await api.inject({ method: 'GET', url: `/r/${code}`, remoteAddress: '203.0.113.7', headers: { 'user-agent': READER } });
      assert.equal(response.statusCode, 302);
      await api.app.flushClickRecording();
    };

    const rawClicks = async (org: TestOrganisation): Promise<string[]> =>
      (
        await api.db.query<{ day: string }>(
          `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM clicks WHERE organisation_id = $1 ORDER BY occurred_at`,
          [org.id],
        )
      ).rows.map((row) => row.day);

    const counters = async (org: TestOrganisation) => {
      const { rows } = await api.db.query<{ clicks: number; credited: number }>(
        `SELECT (SELECT coalesce(sum(clicks), 0)::int FROM points WHERE organisation_id = $1 AND period_kind = 'all') AS clicks,
                (SELECT coalesce(sum(credited_clicks), 0)::int FROM daily_stats WHERE organisation_id = $1) AS credited`,
        [org.id],
      );
      return rows[0];
    };

    it('is 13 months unless the organisation sets it, between 1 and 120', async () => {
      const settings = ProgrammeSettingsSchema.parse((await api.inject({ method: 'GET', url: '/v1/admin/settings', headers: await api.acme.admin() })).json());
      assert.equal(settings.clickRetentionMonths, 13);
      const headers = { ...(await api.globex.admin()), 'content-type': 'application/json' };
      for (const months of [0, 121]) {
        const refused = await api.inject({ method: 'PATCH', url: '/v1/admin/settings', headers, payload: JSON.stringify({ clickRetentionMonths: months }) });
        assert.equal(refused.statusCode, 400);
      }
      const changed = await api.inject({ method: 'PATCH', url: '/v1/admin/settings', headers, payload: JSON.stringify({ clickRetentionMonths: 2 }) });
      assert.equal(ProgrammeSettingsSchema.parse(changed.json()).clickRetentionMonths, 2);
    });

    it('deletes raw clicks past each organisation\'s retention, drops months past every one, and keeps points and daily figures', async () => {
      // The server ran back then: its maintenance created those months.
      await ensureClickPartitions(api.db, new Date('2025-01-05T00:00:00Z'));
      await ensureClickPartitions(api.db, new Date('2025-11-01T00:00:00Z'));
      api.setNow(new Date('2025-01-05T09:00:00Z'));
      const acmeCode = await share(api.acme, 'retention-a');
      const globexCode = await share(api.globex, 'retention-g');
      for (const at of ['2025-01-10T10:00:00Z', '2025-11-20T10:00:00Z', '2026-02-10T10:00:00Z']) {
        await follow(acmeCode, at);
        await follow(globexCode, at);
      }
      assert.deepEqual(await rawClicks(api.acme), ['2025-01-10', '2025-11-20', '2026-02-10']);
      const acmeBefore = await counters(api.acme);
      const globexBefore = await counters(api.globex);
      assert.deepEqual(acmeBefore, { clicks: 3, credited: 3 });

      // 2026-03-01: Acme keeps 13 months (from 2025-02-01), Globex 2 (from 2026-01-01).
      const reports: unknown[] = [];
      const maintenance = startClickMaintenance(api.db, { now: () => new Date('2026-03-01T03:00:00Z'), onReport: (report) => reports.push(report), onError: (error) => reports.push(error) });
      await maintenance.firstRun;
      await maintenance.stop();

      assert.equal(reports.length, 1);
      const { deletedCreditingRows, ...report } = reports[0] as { deletedCreditingRows: number };
      assert.deepEqual(report, { createdPartitions: ['clicks_2026_03', 'clicks_2026_04', 'clicks_2026_05'], droppedPartitions: ['clicks_2025_01'], deletedClicks: 1 });
      assert.ok(deletedCreditingRows >= 4, `${deletedCreditingRows} rows of crediting state deleted`);
      assert.deepEqual(await rawClicks(api.acme), ['2025-11-20', '2026-02-10']);
      assert.deepEqual(await rawClicks(api.globex), ['2026-02-10']);
      assert.deepEqual(await counters(api.acme), acmeBefore);
      assert.deepEqual(await counters(api.globex), globexBefore);
      const names = (await listClickPartitions(api.db)).map((p) => p.name);
      assert.ok(!names.includes('clicks_2025_01') && names.includes('clicks_2025_11'));
      // The crediting state of days long gone (visitor hashes per share and day) goes too.
      const { rows } = await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM click_visitors WHERE day < '2026-02-01'`);
      assert.equal(rows[0]?.n, 0);

      // A later day finds nothing more to delete.
      const again = startClickMaintenance(api.db, { now: () => new Date('2026-03-02T03:00:00Z'), onReport: (report) => reports.push(report) });
      await again.firstRun;
      await again.stop();
      assert.deepEqual(reports[1], { createdPartitions: [], droppedPartitions: [], deletedClicks: 0, deletedCreditingRows: 0 });
      api.setNow(undefined);
    });
  });
}
