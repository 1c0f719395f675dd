import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApp } from '../../packages/server/src/app.js';
import { openPostgres } from '../../packages/server/src/db/postgres.js';
import { readServerEnv } from '../../packages/server/src/server-env.js';
import { createPostgresTestDatabase } from '../helpers/databases.js';

// PGlite runs in-process on one thread with no way to interrupt a statement; the timeout is a Postgres server feature.
describe('database statement timeout (Postgres)', { skip: !process.env['DATABASE_URL'] && 'needs DATABASE_URL' }, () => {
  it('cancels a statement past the limit, and the API answers 503 with Retry-After', async () => {
    const database = await createPostgresTestDatabase();
    const db = await openPostgres({ connectionString: database.url, maxConnections: 2, statementTimeoutMs: 200 });
    const app = await buildApp(db, { version: 'test', demoMode: false });
    app.get('/test/slow', async () => db.query('SELECT pg_sleep(5)'));
    try {
      await assert.rejects(db.query('SELECT pg_sleep(5)'), /statement timeout/);
      const response = await app.inject({ method: 'GET', url: '/test/slow' });
      assert.equal(response.statusCode, 503);
      assert.equal(response.headers['retry-after'], '2');
      assert.match(String(response.headers['content-type']), /problem\+json/);
    } finally {
      await app.close();
      await db.close();
      await database.drop();
    }
  });
});

describe('statement timeout setting', () => {
  it('is 5 s unless STATEMENT_TIMEOUT_MS says otherwise, and refuses nonsense', () => {
    assert.equal(readServerEnv({}).statementTimeoutMs, 5_000);
    assert.equal(readServerEnv({ STATEMENT_TIMEOUT_MS: '250' }).statementTimeoutMs, 250);
    for (const value of ['0', '-1', '1.5', 'soon', '600001']) {
      assert.throws(() => readServerEnv({ STATEMENT_TIMEOUT_MS: value }), /STATEMENT_TIMEOUT_MS must be/, value);
    }
  });
});
