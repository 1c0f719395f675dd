import pg from 'pg';
import type { Db, QueryResult, Queryable, SqlParam } from './db.js';
import { INT8_OID, parseInt8 } from './db.js';
import { listenOnPostgres } from './postgres-listener.js';
import { retryConflicts } from './transient-errors.js';

export interface PostgresOptions {
  connectionString: string;
  /** Connections kept by this process. */
  maxConnections?: number;
  /** Any statement running longer is cancelled by the server. */
  statementTimeoutMs?: number;
  /** A request waiting longer for a free connection (pool exhausted, server unreachable) fails, and answers 503. */
  connectionTimeoutMs?: number;
}

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

function queryable(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
      const result = await target.query({ text: sql, values: [...params], types: typeParsers });
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await target.query(sql);
    },
  };
}

/** Opens a pool on a Postgres server (`DATABASE_URL`). */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 5_000,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 3_000,
    application_name: 'advocacy-server',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Fail at start, not at the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();

  return {
    driver: 'postgres',
    ...queryable(pool),
    transaction: (work) =>
      retryConflicts(async () => {
        const client = await pool.connect();
        // The pool listens for errors only on idle clients: a checked-out one losing its connection between
        // queries (Postgres stopped) would emit an unhandled 'error' and end the process.
        let lost: Error | undefined;
        const onLost = (error: Error): void => {
          lost = error;
        };
        client.on('error', onLost);
        try {
          await client.query('BEGIN');
          const result = await work(queryable(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          client.off('error', onLost);
          // A client whose connection was lost is destroyed, not handed to the next caller.
          client.release(lost);
        }
      }),
    close: () => pool.end(),
    listen: (channel, onMessage, onGap) => listenOnPostgres(options.connectionString, channel, onMessage, onGap),
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}
