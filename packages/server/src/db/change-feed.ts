import type { Db } from './db.js';

/** The channel migration 013's triggers notify on. */
export const CHANGES_CHANNEL = 'advocacy_changes';

/**
 * A committed change to a row that instances may cache, or `everything`
 * when some changes may have been missed (the listening connection was
 * lost): then every cache starts afresh.
 */
export type Change =
  | { table: 'organisations' | 'api_keys' | 'content' | 'shares'; organisationId: string; id: string }
  | { table: 'everything' };

const TABLES = new Set(['organisations', 'api_keys', 'content', 'shares']);

function parseChange(payload: string): Change | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return undefined;
    const { table, organisationId, id } = value as Record<string, unknown>;
    if (typeof table !== 'string' || !TABLES.has(table) || typeof organisationId !== 'string' || typeof id !== 'string') return undefined;
    return { table: table as Exclude<Change['table'], 'everything'>, organisationId, id };
  } catch {
    return undefined;
  }
}

/**
 * Tells this instance's caches what changed in the database, on any
 * instance, through Postgres `LISTEN/NOTIFY` (PGlite: the same, in this
 * process). Delivery takes milliseconds after the commit; while the
 * listening connection is down, caches fall back on their own TTL, and they
 * are emptied once it is back.
 */
export class ChangeFeed {
  readonly #subscribers = new Set<(change: Change) => void>();
  #stop: (() => Promise<void>) | undefined;

  /** Starts listening; a database without `listen` leaves caches on their TTL alone. */
  async start(db: Db): Promise<void> {
    if (!db.listen) return;
    this.#stop = await db.listen(
      CHANGES_CHANNEL,
      (payload) => {
        const change = parseChange(payload);
        if (change) this.publish(change);
      },
      () => this.publish({ table: 'everything' }),
    );
  }

  /** Calls `subscriber` with every change from now on. */
  subscribe(subscriber: (change: Change) => void): void {
    this.#subscribers.add(subscriber);
  }

  publish(change: Change): void {
    for (const subscriber of this.#subscribers) subscriber(change);
  }

  async close(): Promise<void> {
    const stop = this.#stop;
    this.#stop = undefined;
    await stop?.().catch(() => {});
  }
}
