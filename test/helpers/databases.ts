import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite } from '../../packages/server/src/db/pglite.js';
import { openPostgres } from '../../packages/server/src/db/postgres.js';
import type { Db } from '../../packages/server/src/db/db.js';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * The databases a server suite runs on: always embedded PGlite, and a real
 * Postgres too when DATABASE_URL is set (`.ci/run` sets it).
 */
export function databaseKinds(): DatabaseKind[] {
  return process.env['DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, empty database: in-memory PGlite, or a new database on the
 * Postgres server that is dropped again by `close()`.
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<Db & { url?: string }> {
  if (kind === 'pglite') return openPglite(undefined);
  const database = await createPostgresTestDatabase();
  const db = await openPostgres({ connectionString: database.url, maxConnections: 4 });
  return {
    ...db,
    /** Where a second server instance finds the same database. */
    url: database.url,
    async close() {
      await db.close();
      await database.drop();
    },
  };
}

/** A new, empty database on the DATABASE_URL server, for a test that needs a URL (a server process). */
export async function createPostgresTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `adv_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
