// The demo data the programme console shows (GET /v1/admin/stats as the demo
// admin, /demo/admin): several campaigns, teams of different sizes (one under
// the dashboard's threshold of 5, folded into "other teams"), pending and
// approved testimonials, and dashboard counters that add up to the raw shares
// and clicks the seed wrote. On PGlite and Postgres, at a fixed seeding clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { AdminStatsSchema, DemoSchema, DemoTokenSchema, type AdminStats, type Demo } from '@advocacy/sdk/contract';
import { allowDemoOrigins, demoExtension, seedDemo } from '@advocacy/demo';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { addClickAggregates, addShareAggregates } from '../../packages/server/src/domain/programme-aggregates.js';
import type { UncreditedReason } from '../../packages/server/src/domain/click-classification.js';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';

/** The dashboard's counter tables, in a comparable order, without the organisation. */
async function aggregates(db: Db): Promise<unknown> {
  const daily = await db.query(
    `SELECT day::text, team_key::text, network, campaign, shares::int, credited::int, uncredited_bot::int, uncredited_preview::int, uncredited_repeat::int, estimated_reach::int
       FROM programme_daily ORDER BY 1, 2, 3, 4`,
  );
  const content = await db.query('SELECT day::text, content_id::text, shares::int, credited::int, uncredited::int, estimated_reach::int FROM programme_content_daily ORDER BY 1, 2');
  const sharers = await db.query('SELECT day::text, employee_id::text, team_key::text, previous_day::text, networks, reach::int FROM programme_sharer_days ORDER BY 1, 2');
  const totals = await db.query('SELECT day::text, shares::int, credited::int, estimated_reach::int, sharers::int FROM programme_day_totals ORDER BY 1');
  return { daily: daily.rows, totals: totals.rows, content: content.rows, sharers: sharers.rows };
}

/** Seeded in the middle of a month: the last four weeks cross its start. */
const SEEDED_AT = new Date('2026-11-18T10:30:00Z');
const FROM = '2026-10-21';
const TO = '2026-11-18';

for (const kind of databaseKinds()) {
  describe(`the demo console's data on ${kind}`, () => {
    let db: Db;
    let app: FastifyInstance;
    let demo: Demo;
    let token: string;
    before(async () => {
      db = await openTestDatabase(kind);
      await migrate(db);
      await seedDemo(db, SEEDED_AT);
      await allowDemoOrigins(db);
      app = await buildApp(db, { version: 'test', demoMode: true, extensions: [demoExtension], now: () => SEEDED_AT });
      demo = DemoSchema.parse((await app.inject({ method: 'GET', url: '/v1/demo' })).json());
      const admin = demo.employees.find((employee) => employee.isAdmin)!;
      assert.equal(admin.name, 'Jonas Weber', 'the console acts as Jonas Weber');
      token = DemoTokenSchema.parse(
        (await app.inject({ method: 'POST', url: '/v1/demo/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ employeeId: admin.id }) })).json(),
      ).token;
    });
    after(async () => {
      await app?.close();
      await db?.close();
    });

    const stats = async (groupBy: string): Promise<AdminStats> => {
      const response = await app.inject({ method: 'GET', url: `/v1/admin/stats?from=${FROM}&to=${TO}&groupBy=${groupBy}`, headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.statusCode, 200, response.body);
      return AdminStatsSchema.parse(response.json());
    };
    const count = async (sql: string): Promise<number> => (await db.query<{ n: number }>(sql)).rows[0]!.n;

    it('has teams of 16, 12, 8 and 4: three named on the dashboard, the small one folded into "other teams"', async () => {
      const sizes = new Map<string, number>();
      for (const employee of demo.employees) sizes.set(employee.team, (sizes.get(employee.team) ?? 0) + 1);
      assert.deepEqual(Object.fromEntries(sizes), { Engineering: 16, Sales: 12, People: 4, Marketing: 8 });
      const teams = await stats('team');
      assert.deepEqual(teams.rows.filter((row) => row.key !== 'other-teams').map((row) => row.label).sort(), ['Engineering', 'Marketing', 'Sales']);
      const other = teams.rows.find((row) => row.key === 'other-teams');
      assert.ok(other && other.shares > 0, 'the People team shares, under "other teams"');
      assert.ok(!teams.rows.some((row) => row.label === 'People'));
      for (const row of teams.rows) assert.ok(row.shares > 0 && row.creditedReaders > 0, `${row.label} has something to say`);
    });

    it('shares content of several campaigns, each with readers', async () => {
      const campaigns = (await stats('campaign')).rows.filter((row) => row.shares > 0 && row.creditedReaders > 0);
      assert.ok(campaigns.length >= 4, `campaigns: ${campaigns.map((row) => row.label).join(', ')}`);
    });

    it('adds up: the dashboard counts exactly the raw shares and credited clicks of the range', async () => {
      const { kpis } = await stats('day');
      const range = `BETWEEN DATE '${FROM}' AND DATE '${TO}'`;
      assert.equal(kpis.shares, await count(`SELECT count(*)::int AS n FROM shares WHERE (created_at AT TIME ZONE 'UTC')::date ${range}`));
      assert.equal(kpis.creditedReaders, await count(`SELECT count(*)::int AS n FROM clicks WHERE credited AND (occurred_at AT TIME ZONE 'UTC')::date ${range}`));
      assert.equal(kpis.uncreditedVisits.total, await count(`SELECT count(*)::int AS n FROM clicks WHERE NOT credited AND (occurred_at AT TIME ZONE 'UTC')::date ${range}`));
      assert.equal(kpis.activeAmbassadors, await count(`SELECT count(DISTINCT employee_id)::int AS n FROM shares WHERE (created_at AT TIME ZONE 'UTC')::date ${range}`));
      assert.ok(kpis.shares > 50 && kpis.estimatedReach > 0);
      assert.ok(kpis.uncreditedVisits.bots > 0 && kpis.uncreditedVisits.linkPreviews > 0 && kpis.uncreditedVisits.repeats > 0);
    });

    it('moves the counters exactly as the live share and click paths would (programme-aggregates.ts)', async () => {
      const seeded = await aggregates(db);
      const replayed = await openTestDatabase(kind);
      try {
        await migrate(replayed);
        await seedDemo(replayed, SEEDED_AT);
        await replayed.transaction(async (tx) => {
          for (const table of ['programme_daily', 'programme_day_totals', 'programme_content_daily', 'programme_sharer_days']) await tx.query(`DELETE FROM ${table}`);
          const { rows: shares } = await tx.query<{ organisation_id: string; employee_id: string; content_id: string; network: string; created_at: Date; cap: number }>(
            `SELECT s.organisation_id, s.employee_id, s.content_id, s.network, s.created_at, o.reach_cap_per_employee AS cap
               FROM shares s JOIN organisations o ON o.id = s.organisation_id ORDER BY s.created_at, s.id`,
          );
          for (const share of shares) {
            await addShareAggregates(tx, { organisationId: share.organisation_id, employeeId: share.employee_id, contentId: share.content_id, network: share.network, at: new Date(share.created_at), reachCapPerEmployee: share.cap });
          }
          const { rows: clicks } = await tx.query<{ organisation_id: string; employee_id: string; content_id: string; network: string; day: string; credited: boolean; reason: UncreditedReason | null }>(
            `SELECT c.organisation_id, s.employee_id, s.content_id, s.network, to_char(c.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, c.credited, c.reason
               FROM clicks c JOIN shares s ON s.id = c.share_id`,
          );
          await addClickAggregates(tx, clicks.map((click) => ({ organisationId: click.organisation_id, employeeId: click.employee_id, contentId: click.content_id, network: click.network, day: click.day, credited: click.credited, reason: click.reason })));
        });
        // Ids differ between the two databases: compare by the seed's stable names.
        const named = async (target: Db): Promise<unknown> => {
          const names = new Map<string, string>();
          for (const row of (await target.query<{ id: string; name: string }>("SELECT id::text, 'employee:' || subject AS name FROM employees UNION ALL SELECT id::text, 'team:' || name FROM teams UNION ALL SELECT id::text, 'content:' || url FROM content")).rows) names.set(row.id, row.name);
          const tables = JSON.parse(JSON.stringify(await aggregates(target), (_, value: unknown) => (typeof value === 'string' && names.has(value) ? names.get(value) : value))) as Record<string, unknown[]>;
          return Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, rows.map((row) => JSON.stringify(row)).sort()]));
        };
        assert.ok((seeded as { daily: unknown[] }).daily.length > 0);
        assert.deepEqual(await named(db), await named(replayed));
      } finally {
        await replayed.close();
      }
    });

    it('has a testimonial waiting for moderation, and approved ones', async () => {
      assert.ok((await count(`SELECT count(*)::int AS n FROM testimonials WHERE status = 'pending'`)) >= 1);
      assert.ok((await count(`SELECT count(*)::int AS n FROM testimonials WHERE status = 'approved'`)) >= 1);
    });
  });
}
