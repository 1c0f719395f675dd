import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult, Queryable, SqlParam } from './db.js';
import { INT8_OID, parseInt8 } from './db.js';

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function queryable(target: PgliteLike): Queryable {
  return {
    async query<Row>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, [...params]);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/**
 * Opens the embedded database. `dataDir` is a folder persisted on disk;
 * `undefined` keeps everything in memory (tests).
 */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const pg = await PGlite.create({ dataDir, parsers: { [INT8_OID]: parseInt8 } });
  return {
    driver: 'pglite',
    ...queryable(pg),
    transaction: (work) => pg.transaction((tx) => work(queryable(tx))),
    close: () => pg.close(),
    // One process: nothing is ever missed, so `onGap` is never called.
    listen: (channel, onMessage) => pg.listen(channel, onMessage),
  };
}
