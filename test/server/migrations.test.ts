import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Db } from '../../packages/server/src/db/db.js';
import { loadMigrations, migrate, type Migration } from '../../packages/server/src/db/migrate.js';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';

function migration(version: number, name: string, sql: string): Migration {
  return { version, name, sql, checksum: `${version}:${sql}` };
}

describe('loadMigrations', () => {
  it('finds the shipped migrations in numeric order, starting at 001', async () => {
    const migrations = await loadMigrations();
    assert.ok(migrations.length >= 1);
    assert.equal(migrations[0]?.version, 1);
    const versions = migrations.map((m) => m.version);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  });

  it('refuses a file not named NNN_name.sql, and two files with one number', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'adv-migrations-'));
    try {
      await writeFile(join(dir, '1_bad.sql'), 'SELECT 1;');
      await assert.rejects(loadMigrations(dir), /NNN_name\.sql/);
      await rm(join(dir, '1_bad.sql'));
      await writeFile(join(dir, '002_a.sql'), 'SELECT 1;');
      await writeFile(join(dir, '002_b.sql'), 'SELECT 2;');
      await assert.rejects(loadMigrations(dir), /share the number 002/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

for (const kind of databaseKinds()) {
  describe(`migrate on ${kind}`, () => {
    let db: Db;
    beforeEach(async () => {
      db = await openTestDatabase(kind);
    });
    afterEach(() => db.close());

    it('applies the shipped migrations once, in order, and records each', async () => {
      const first = await migrate(db);
      assert.ok(first.applied.length >= 1);
      assert.equal(first.applied[0], '001_organisations');
      const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(
        rows.map((r) => r.version),
        (await loadMigrations()).map((m) => m.version),
      );

      const second = await migrate(db);
      assert.deepEqual(second.applied, []);
      assert.equal(second.alreadyApplied, first.applied.length);
    });

    it('rolls back a failing migration completely and stops before the next', async () => {
      const migrations = [
        migration(1, 'ok', 'CREATE TABLE a (id int);'),
        migration(2, 'broken', 'CREATE TABLE b (id int); INSERT INTO b VALUES (1); SELECT * FROM missing_table;'),
        migration(3, 'later', 'CREATE TABLE c (id int);'),
      ];
      await assert.rejects(migrate(db, migrations), /missing_table/);
      const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
      assert.deepEqual(rows.map((r) => r.version), [1]);
      const tables = await db.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('a','b','c')",
      );
      assert.deepEqual(tables.rows.map((r) => r.name), ['a']);

      // Fixed, it applies on the next start.
      const fixed = [migrations[0]!, migration(2, 'broken', 'CREATE TABLE b (id int);'), migrations[2]!];
      const report = await migrate(db, fixed);
      assert.deepEqual(report.applied, ['002_broken', '003_later']);
    });

    it('refuses to start when an applied migration was edited', async () => {
      await migrate(db, [migration(1, 'one', 'CREATE TABLE a (id int);')]);
      await assert.rejects(
        migrate(db, [migration(1, 'one', 'CREATE TABLE a (id int, extra text);')]),
        /edited after it was applied/,
      );
    });

    if (kind === 'postgres') {
      it('applies each migration once when several servers start together', async () => {
        const migrations = [
          migration(1, 'one', 'CREATE TABLE a (id int);'),
          migration(2, 'two', 'CREATE TABLE b (id int);'),
        ];
        const reports = await Promise.all([migrate(db, migrations), migrate(db, migrations), migrate(db, migrations)]);
        assert.equal(reports.reduce((sum, r) => sum + r.applied.length, 0), 2);
      });
    }
  });
}
