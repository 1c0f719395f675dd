import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../packages/server/src/db/open-database.js';
import { openPglite } from '../../packages/server/src/db/pglite.js';
import { createPostgresTestDatabase } from '../helpers/databases.js';
import { runServerProcess, startServerProcess } from '../helpers/server-process.js';

describe('the server process (npm start)', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'adv-data-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('starts on a new data folder, stops cleanly on SIGINT, and finds its data intact on the next start', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '' });
    assert.match(first.output(), /applied 001_organisations/);
    const health = await fetch(new URL('/healthz', first.url));
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { database: { up: boolean } }).database.up, true);
    assert.equal(await first.stop('SIGINT'), 0);

    // Between runs, write a row straight into the persisted database.
    const id = randomUUID();
    const db = await openPglite(dataDir);
    await db.query('INSERT INTO organisations (id, slug, name) VALUES ($1, $2, $3)', [id, 'acme', 'Acme']);
    await db.close();

    const second = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '' });
    assert.match(second.output(), /schema up to date/);
    assert.equal((await fetch(new URL('/healthz', second.url))).status, 200);
    assert.equal(await second.stop('SIGTERM'), 0);

    const reopened = await openPglite(dataDir);
    const { rows } = await reopened.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [id]);
    await reopened.close();
    assert.deepEqual(rows, [{ name: 'Acme' }]);
  });

  it('holds its data folder alone: a second server stops at once and names the first; after kill -9 the folder is free again', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'adv-lock-'));
    try {
      const first = await startServerProcess({ DATA_DIR: folder, DATABASE_URL: '', NODE_ENV: 'production' });
      try {
        const second = await runServerProcess({ PORT: '0', DATA_DIR: folder, DATABASE_URL: '', NODE_ENV: 'production' });
        assert.equal(second.code, 1);
        assert.match(second.output, new RegExp(`in use by an Advocacy Kit server \\(process ${first.child.pid},`));
        assert.match(second.output, /give this one its own DATA_DIR/);
        assert.doesNotMatch(second.output, /\n\s+at /, 'a message, not a stack trace');
        assert.equal((await fetch(new URL('/healthz', first.url))).status, 200, 'the first server goes on');
      } finally {
        await first.stop('SIGKILL');
      }
      // The lock file is left behind by kill -9; its owner is gone, so the next start takes it over.
      const again = await startServerProcess({ DATA_DIR: folder, DATABASE_URL: '', NODE_ENV: 'production' });
      assert.equal((await fetch(new URL('/healthz', again.url))).status, 200);
      assert.equal(await again.stop('SIGTERM'), 0);
      // Stopped cleanly, it leaves no lock: an in-process opener gets the folder at once.
      const db = await openDatabase({ dataDir: folder, holder: 'the test' });
      await db.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  if (process.env['DATABASE_URL']) {
    it('runs on Postgres when DATABASE_URL is set', async () => {
      const database = await createPostgresTestDatabase();
      try {
        const server = await startServerProcess({ DATABASE_URL: database.url });
        assert.match(server.output(), /on Postgres \(DATABASE_URL\)/);
        const health = (await (await fetch(new URL('/healthz', server.url))).json()) as { database: { driver: string } };
        assert.equal(health.database.driver, 'postgres');
        assert.equal(await server.stop('SIGTERM'), 0, server.output());
      } finally {
        await database.drop();
      }
    });
  }

  it('refuses a bad PORT or DATABASE_URL with a readable message and exit code 1', async () => {
    const badPort = await runServerProcess({ PORT: 'eighty', DATA_DIR: dataDir });
    assert.equal(badPort.code, 1);
    assert.match(badPort.output, /PORT must be a port number/);
    const badUrl = await runServerProcess({ DATABASE_URL: 'mysql://nope', DATA_DIR: dataDir });
    assert.equal(badUrl.code, 1);
    assert.match(badUrl.output, /DATABASE_URL must start with postgres/);
  });
});
