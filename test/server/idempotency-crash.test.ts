import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { openPglite } from '../../packages/server/src/db/pglite.js';
import { openPostgres } from '../../packages/server/src/db/postgres.js';
import { createOrganisation } from '../../packages/server/src/domain/organisations.js';
import { createPostgresTestDatabase, databaseKinds } from '../helpers/databases.js';
import { startServerProcess } from '../helpers/server-process.js';

/** A crash between an idempotent POST's work and its key's completion, made with a real SIGKILL at that point. */
for (const kind of databaseKinds()) {
  describe(`an idempotent POST across a crash on ${kind}`, () => {
    let location: Record<string, string>;
    let open: () => Promise<Db>;
    let cleanUp: () => Promise<void>;
    let secretKey: string;

    before(async () => {
      if (kind === 'pglite') {
        const dataDir = await mkdtemp(join(tmpdir(), 'adv-idem-crash-'));
        location = { DATA_DIR: dataDir, DATABASE_URL: '' };
        open = () => openPglite(dataDir);
        cleanUp = () => rm(dataDir, { recursive: true, force: true });
      } else {
        const database = await createPostgresTestDatabase();
        location = { DATABASE_URL: database.url };
        open = () => openPostgres({ connectionString: database.url, maxConnections: 2 });
        cleanUp = database.drop;
      }
      const db = await open();
      await migrate(db);
      ({ secretKey } = await createOrganisation(db, {
        slug: 'crashco',
        name: 'Crashco',
        allowedDomains: ['crashco.example'],
        jwt: { issuer: 'https://idp.crashco.example/', audience: 'advocacy-crashco', hs256Secret: 'test-secret-crashco-0123456789abcdef0123' },
      }));
      await db.close();
    });
    after(() => cleanUp());

    const post = (url: string): Promise<Response> =>
      fetch(new URL('/v1/content', url), {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json', 'idempotency-key': 'crash-key-1' },
        body: JSON.stringify({ title: 'Written once', url: 'https://crashco.example/once', locale: 'en', status: 'draft' }),
      });

    async function inDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
      const db = await open();
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    }
    const contentRows = (db: Db): Promise<number> =>
      db.query<{ n: number }>(`SELECT count(*)::int AS n FROM content WHERE title = 'Written once'`).then(({ rows }) => rows[0]?.n ?? -1);

    it('creates one row only: the takeover after the crash does the work once, and the retry after it replays', async () => {
      const crashing = await startServerProcess({ ...location, NODE_ENV: 'production', ADVOCACY_TEST_CRASH_POINT: 'idempotent-work-done' });
      await assert.rejects(post(crashing.url), 'the process died before answering');
      await new Promise((resolve) => (crashing.child.exitCode !== null || crashing.child.signalCode !== null ? resolve(null) : crashing.child.once('exit', resolve)));
      assert.equal(crashing.child.signalCode, 'SIGKILL');

      await inDatabase(async (db) => {
        assert.equal(await contentRows(db), 0, 'the work did not commit without its key');
        const { rows } = await db.query<{ status: string }>(`SELECT status FROM idempotency_keys WHERE key = 'crash-key-1'`);
        assert.deepEqual(rows, [{ status: 'in_flight' }], 'the claim outlived the crash');
        // A minute passes: the claim is abandoned and the next attempt may take it over.
        await db.query(`UPDATE idempotency_keys SET created_at = created_at - interval '61 seconds' WHERE key = 'crash-key-1'`);
      });

      const server = await startServerProcess({ ...location, NODE_ENV: 'production' });
      try {
        const first = await post(server.url);
        assert.equal(first.status, 201, await first.clone().text());
        const created = (await first.json()) as { id: string };
        const again = await post(server.url);
        assert.equal(again.status, 201);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        assert.equal(((await again.json()) as { id: string }).id, created.id);
      } finally {
        assert.equal(await server.stop('SIGTERM'), 0, server.output());
      }
      assert.equal(await inDatabase(contentRows), 1);
    });
  });
}
