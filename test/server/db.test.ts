import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../packages/server/src/db/db.js';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';

for (const kind of databaseKinds()) {
  describe(`Db adapter on ${kind}`, () => {
    let db: Db;
    before(async () => {
      db = await openTestDatabase(kind);
      await db.exec('CREATE TABLE items (id int PRIMARY KEY, n bigint NOT NULL, at timestamptz NOT NULL DEFAULT now())');
    });
    after(() => db.close());

    it('reports which driver it is', () => {
      assert.equal(db.driver, kind);
    });

    it('binds parameters and returns bigint as number and timestamptz as Date on both drivers', async () => {
      const inserted = await db.query('INSERT INTO items (id, n) VALUES ($1, $2), ($3, $4)', [1, 9_007_199_254_740_991, 2, 5]);
      assert.equal(inserted.affectedRows, 2);
      const { rows } = await db.query<{ id: number; n: number; at: Date; total: number }>(
        'SELECT id, n, at, count(*) OVER () AS total FROM items ORDER BY id',
      );
      assert.equal(rows.length, 2);
      assert.equal(rows[0]?.n, 9_007_199_254_740_991);
      assert.equal(typeof rows[1]?.total, 'number');
      assert.ok(rows[0]?.at instanceof Date);
    });

    it('commits a transaction that resolves', async () => {
      const value = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO items (id, n) VALUES ($1, $2)', [3, 3]);
        return 'done';
      });
      assert.equal(value, 'done');
      const { rows } = await db.query('SELECT 1 FROM items WHERE id = 3');
      assert.equal(rows.length, 1);
    });

    it('rolls back everything a throwing transaction did, and rethrows its error', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO items (id, n) VALUES ($1, $2)', [4, 4]);
          throw new Error('boom');
        }),
        /boom/,
      );
      const { rows } = await db.query('SELECT 1 FROM items WHERE id = 4');
      assert.equal(rows.length, 0);
    });

    it('rejects a bad statement without breaking the handle', async () => {
      await assert.rejects(db.query('SELECT * FROM no_such_table'));
      const { rows } = await db.query<{ one: number }>('SELECT 1 AS one');
      assert.equal(rows[0]?.one, 1);
    });
  });
}
