/** A value that can be bound to a `$n` placeholder. */
export type SqlParam = string | number | boolean | null | Date | bigint | Uint8Array | readonly unknown[] | Record<string, unknown>;

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted by the statement. */
  affectedRows: number;
}

/** What both a database handle and an open transaction can do. */
export interface Queryable {
  /** One statement with `$1…$n` parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<Row>>;
  /** A script of several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The database the server runs on: embedded PGlite or a Postgres server.
 * Both speak the same SQL; `int8` columns come back as JS numbers and
 * `timestamptz` as `Date` on both.
 */
export interface Db extends Queryable {
  readonly driver: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back
   * when it throws. A deadlock or serialization failure runs it again, so
   * `work` must start from scratch each time.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Flushes and releases everything; the handle is unusable afterwards. */
  close(): Promise<void>;
  /**
   * Calls `onMessage` with the payload of each `NOTIFY` on `channel` (after
   * the notifying transaction commits), and `onGap` whenever some may have
   * been missed (the listening connection was lost and is back). Resolves
   * with a function that stops listening.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onGap: () => void): Promise<() => Promise<void>>;
  /** Postgres: the pool's connections, for metrics. */
  poolUse?(): PoolUse;
}

export interface PoolUse {
  /** Connections open, busy or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

/** Postgres type ids whose parsing we make identical on both drivers. */
export const INT8_OID = 20;

/** `count(*)` and `bigint` counters: numbers, exact up to 2^53. */
export function parseInt8(value: string): number {
  return Number(value);
}
