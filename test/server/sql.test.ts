import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../packages/server/src/db/db.js';
import { join, raw, run, sql } from '../../packages/server/src/db/sql.js';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';

describe('sql tagged template', () => {
  it('numbers the parameters in the order they appear', () => {
    const { text, params } = sql`SELECT a FROM t WHERE x = ${1} AND y = ${'two'} AND z = ${null}`.compile();
    assert.equal(text, 'SELECT a FROM t WHERE x = $1 AND y = $2 AND z = $3');
    assert.deepEqual(params, [1, 'two', null]);
  });

  it('inlines nested fragments and renumbers their parameters', () => {
    const inner = sql`b = ${'inner'}`;
    const { text, params } = sql`SELECT ${raw('a, b')} FROM t WHERE a = ${'outer'} AND ${inner} LIMIT ${5}`.compile();
    assert.equal(text, 'SELECT a, b FROM t WHERE a = $1 AND b = $2 LIMIT $3');
    assert.deepEqual(params, ['outer', 'inner', 5]);
  });

  it('repeats a value as two parameters when it is interpolated twice', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const { text, params } = sql`${now} <= b AND b < ${now}`.compile();
    assert.equal(text, '$1 <= b AND b < $2');
    assert.deepEqual(params, [now, now]);
  });

  it('joins fragments with a separator, and an empty list to empty text', () => {
    const conditions = [sql`a = ${1}`, sql`b = ${2}`, sql`c = ${3}`];
    const joined = sql`WHERE ${sql.join(conditions, sql` AND `)} LIMIT ${9}`.compile();
    assert.equal(joined.text, 'WHERE a = $1 AND b = $2 AND c = $3 LIMIT $4');
    assert.deepEqual(joined.params, [1, 2, 3, 9]);
    assert.deepEqual(sql`${join([sql`one = ${1}`], raw(', '))}`.compile(), { text: 'one = $1', params: [1] });
    assert.deepEqual(join([], raw(', ')).compile(), { text: '', params: [] });
  });

  it('keeps a value with SQL in it a parameter, never text', () => {
    const hostile = "x'; DROP TABLE content; --";
    const { text, params } = sql`SELECT 1 WHERE a = ${hostile}`.compile();
    assert.equal(text, 'SELECT 1 WHERE a = $1');
    assert.deepEqual(params, [hostile]);
  });
});

for (const kind of databaseKinds()) {
  describe(`sql on ${kind}`, () => {
    let db: Db;
    before(async () => {
      db = await openTestDatabase(kind);
    });
    after(() => db.close());

    it('runs a composed statement with its parameters', async () => {
      const filters = [sql`n > ${1}`, sql`n < ${4}`];
      const { rows } = await run<{ n: number; label: string }>(
        db,
        sql`SELECT n, ${'row '}::text || n AS label FROM generate_series(1, 5) AS n WHERE ${sql.join(filters, sql` AND `)} ORDER BY n`,
      );
      assert.deepEqual(rows, [
        { n: 2, label: 'row 2' },
        { n: 3, label: 'row 3' },
      ]);
    });
  });
}
