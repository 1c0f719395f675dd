import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import pg from 'pg';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { openPostgres } from '../../packages/server/src/db/postgres.js';
import { createOrganisation } from '../../packages/server/src/domain/organisations.js';
import { createPostgresTestDatabase } from '../helpers/databases.js';
import { startServerProcess } from '../helpers/server-process.js';

const SECRET = 'test-secret-drainco-0123456789abcdef0123';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/**
 * SIGTERM on a real server process: it stops taking connections, finishes
 * the requests in flight, writes every click it answered, closes the
 * database and exits 0. The requests are held in flight by a table lock
 * another connection takes, so this needs Postgres.
 */
describe('graceful shutdown on SIGTERM', { skip: process.env['DATABASE_URL'] ? false : 'needs DATABASE_URL (Postgres)' }, () => {
  let database: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
  let journalDir: string;
  let secretKey: string;

  before(async () => {
    database = await createPostgresTestDatabase();
    journalDir = await mkdtemp(join(tmpdir(), 'adv-drain-journal-'));
    const db = await openPostgres({ connectionString: database.url, maxConnections: 2 });
    await migrate(db);
    ({ secretKey } = await createOrganisation(db, {
      slug: 'drainco',
      name: 'Drainco',
      allowedDomains: ['drainco.example'],
      jwt: { issuer: 'https://idp.drainco.example/', audience: 'advocacy-drainco', hs256Secret: SECRET },
    }));
    await db.close();
  });
  after(async () => {
    await database.drop();
    await rm(journalDir, { recursive: true, force: true });
  });

  it('finishes the requests in flight, refuses new connections, writes every answered click and exits 0', async () => {
    const server = await startServerProcess({ DATABASE_URL: database.url, JOURNAL_DIR: journalDir, NODE_ENV: 'development' }); // demo mode: HS256 employee tokens
    const admin = { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' };
    const createContent = (title: string): Promise<Response> =>
      fetch(new URL('/v1/content', server.url), { method: 'POST', headers: admin, body: JSON.stringify({ title, url: 'https://drainco.example/jobs', locale: 'en' }) });
    const content = (await (await createContent('Shared before the stop')).json()) as { id: string };
    const token = await new SignJWT({ name: 'Dana' }).setProtectedHeader({ alg: 'HS256' }).setSubject('dana').setIssuer('https://idp.drainco.example/')
      .setAudience('advocacy-drainco').setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
    const shared = await fetch(new URL('/v1/shares', server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ contentId: content.id, network: 'linkedin' }),
    });
    assert.equal(shared.status, 201, await shared.clone().text());
    const { code } = (await shared.json()) as { code: string };

    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    let exitCode: Promise<number | null> | undefined;
    try {
      // Writes to content now wait on this lock: the three creations below stay in flight.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE content IN EXCLUSIVE MODE');
      const inFlight = ['One', 'Two', 'Three'].map((title) => createContent(`In flight ${title}`));
      let answered = 0;
      for (let n = 0; n < 40; n += 1) {
        const response = await fetch(new URL(`/r/${code}`, server.url), { redirect: 'manual', headers: { 'user-agent': BROWSER } });
        await response.arrayBuffer();
        if (response.status === 302) answered += 1;
      }
      assert.equal(answered, 40);
      await new Promise((resolve) => setTimeout(resolve, 200));

      exitCode = server.stop('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await assert.rejects(fetch(new URL('/healthz', server.url)), 'no new connection once SIGTERM came');
      assert.equal(server.child.exitCode, null, 'still running: requests are in flight');

      await blocker.query('COMMIT');
      const statuses = await Promise.all(inFlight.map(async (request) => (await request).status));
      assert.deepEqual(statuses, [201, 201, 201], 'every request in flight at SIGTERM got its answer');
      assert.equal(await exitCode, 0, server.output());
      assert.match(server.output(), /SIGTERM: closing/);
    } finally {
      await blocker.query('ROLLBACK').catch(() => {});
      await blocker.end();
      if (server.child.exitCode === null) await server.stop('SIGKILL');
    }

    const check = new pg.Client({ connectionString: database.url });
    await check.connect();
    try {
      const contentRows = await check.query<{ n: number }>(`SELECT count(*)::int AS n FROM content WHERE title LIKE 'In flight %'`);
      assert.equal(contentRows.rows[0]?.n, 3);
      const clickRows = await check.query<{ n: number }>('SELECT count(*)::int AS n FROM clicks WHERE share_id = (SELECT id FROM shares WHERE code = $1)', [code]);
      assert.equal(clickRows.rows[0]?.n, 40, 'every answered click was written before the exit');
    } finally {
      await check.end();
    }
  });
});
