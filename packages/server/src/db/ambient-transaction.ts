import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, QueryResult, Queryable, SqlParam } from './db.js';

interface Scope {
  tx: Queryable;
  /** False once the transaction ended: timers started inside it must not reach a finished transaction. */
  open: boolean;
  savepoints: number;
}

const scopes = new AsyncLocalStorage<Scope>();
const bases = new WeakMap<Db, Db>();

function openScope(): Scope | undefined {
  const scope = scopes.getStore();
  return scope?.open ? scope : undefined;
}

/** A nested `transaction()`: a savepoint, so a failed inner step rolls back alone, as it did on its own. */
async function savepoint<T>(scope: Scope, work: (tx: Queryable) => Promise<T>): Promise<T> {
  scope.savepoints += 1;
  const name = `ambient_${scope.savepoints}`;
  await scope.tx.exec(`SAVEPOINT ${name}`);
  try {
    const result = await work(scope.tx);
    await scope.tx.exec(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await scope.tx.exec(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => {});
    throw error;
  }
}

/**
 * Wraps a database so that, inside `inAmbientTransaction()`, its queries
 * join the transaction open there and its `transaction()` becomes a
 * savepoint. A route handler's domain calls then commit together with
 * whatever the caller adds (an idempotency key's completion) without a
 * transaction threaded through every function. Outside, it is `db`.
 */
export function withAmbientTransactions(db: Db): Db {
  const wrapped: Db = {
    driver: db.driver,
    query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<Row>> {
      return (openScope()?.tx ?? db).query<Row>(sql, params);
    },
    exec(sql: string): Promise<void> {
      return (openScope()?.tx ?? db).exec(sql);
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const scope = openScope();
      return scope ? savepoint(scope, work) : db.transaction(work);
    },
    close: () => db.close(),
  };
  bases.set(wrapped, db);
  return wrapped;
}

/**
 * Runs `work` in one transaction that every query made through a
 * `withAmbientTransactions()` wrapper of `db` joins. A deadlock on Postgres
 * runs `work` again from the start, as `Db.transaction` does.
 */
export function inAmbientTransaction<T>(db: Db, work: (tx: Queryable) => Promise<T>): Promise<T> {
  const base = bases.get(db);
  // Without the wrapper, the work's own queries would run beside the transaction (and wait on it forever on PGlite).
  if (!base) throw new Error('inAmbientTransaction() needs a database wrapped by withAmbientTransactions().');
  return base.transaction(async (tx) => {
    const scope: Scope = { tx, open: true, savepoints: 0 };
    try {
      return await scopes.run(scope, () => work(tx));
    } finally {
      scope.open = false;
    }
  });
}
