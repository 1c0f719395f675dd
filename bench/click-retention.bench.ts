// Retention on Postgres: removing a month of raw clicks by dropping its
// partition (what the daily maintenance does once every organisation is past
// it) against deleting the same number of rows with DELETE (what it does for
// an organisation whose retention is shorter, and what an unpartitioned table
// would need), in the same run. Needs DATABASE_URL; creates and drops its own
// database. BENCH_CLICKS (default 1,000,000) per month.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../packages/server/src/db/migrate.js';
import { openPostgres } from '../packages/server/src/db/postgres.js';
import { dropClickPartitionsBefore, ensureClickPartitions } from '../packages/server/src/domain/click-partitions.js';
import { createOrganisation } from '../packages/server/src/domain/organisations.js';

const adminUrl = process.env['DATABASE_URL'];
if (!adminUrl) {
  console.log('skipped: set DATABASE_URL to a Postgres server (the bench creates and drops its own database)');
  process.exit(0);
}
const CLICKS = Number(process.env['BENCH_CLICKS'] ?? 1_000_000);

const name = `adv_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;

try {
  const db = await openPostgres({ connectionString: url.href, statementTimeoutMs: 600_000 });
  try {
    await migrate(db);
    const org = await createOrganisation(db, { slug: 'bench', name: 'Bench', allowedDomains: ['bench.example'], jwt: { issuer: 'https://idp.bench.example/', audience: 'bench' } });
    const employeeId = crypto.randomUUID();
    const contentId = crypto.randomUUID();
    const shareId = crypto.randomUUID();
    await db.query('INSERT INTO employees (id, organisation_id, subject) VALUES ($1, $2, $3)', [employeeId, org.id, 'bench']);
    await db.query('INSERT INTO content (id, organisation_id, title, url, locale) VALUES ($1, $2, $3, $4, $5)', [contentId, org.id, 'Bench', 'https://bench.example/', 'en']);
    await db.query('INSERT INTO shares (id, organisation_id, employee_id, content_id, network, code) VALUES ($1, $2, $3, $4, $5, $6)', [shareId, org.id, employeeId, contentId, 'linkedin', 'BenchRetain']);
    await ensureClickPartitions(db, new Date('2024-01-15T00:00:00Z'), 1);
    for (const month of ['2024-01-01', '2024-02-01']) {
      await db.query(
        `INSERT INTO clicks (organisation_id, share_id, occurred_at, visitor_hash, credited, reason, click_id)
         SELECT $1, $2, $3::timestamptz + (n % (28 * 86400)) * interval '1 second', '\\x00'::bytea, true, NULL, gen_random_uuid()
           FROM generate_series(1, $4::int) n`,
        [org.id, shareId, month, CLICKS],
      );
    }
    await db.query('VACUUM ANALYZE clicks');

    const size = async (table: string): Promise<number> =>
      Number((await db.query<{ bytes: string }>(`SELECT pg_total_relation_size(to_regclass($1))::text AS bytes`, [table])).rows[0]?.bytes ?? 0);
    const monthBytes = await size('clicks_2024_01');
    let started = performance.now();
    const dropped = await dropClickPartitionsBefore(db, new Date('2024-02-01T00:00:00Z'));
    const dropMs = performance.now() - started;
    started = performance.now();
    const { affectedRows } = await db.query(`DELETE FROM clicks WHERE organisation_id = $1 AND occurred_at < '2024-03-01'`, [org.id]);
    const deleteMs = performance.now() - started;

    const mb = (bytes: number) => Math.round(bytes / 1e6);
    console.table({
      'DROP partition (2024-01)': { clicks: CLICKS, ms: Math.round(dropMs), 'MB before': mb(monthBytes), 'MB after': 0, partitions: dropped.join(', ') },
      // The deleted rows stay on disk as dead tuples until VACUUM, and the space is reused, never returned.
      'DELETE rows (2024-02)': { clicks: affectedRows, ms: Math.round(deleteMs), 'MB before': mb(monthBytes), 'MB after': mb(await size('clicks_2024_02')), partitions: '' },
    });
    console.log(`DELETE / DROP: ${(deleteMs / dropMs).toFixed(0)} × (a month of ${CLICKS.toLocaleString('en')} clicks)`);
  } finally {
    await db.close();
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
