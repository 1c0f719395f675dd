import type { Db, Queryable } from '../db/db.js';

/** Months created ahead of the current one, so the month turning never sends clicks to the default partition. */
export const CLICK_MONTHS_AHEAD = 2;

// Partition DDL of every instance on one database takes turns (any constant, the same everywhere).
const PARTITION_LOCK_KEY = 4_242_012;
const MONTHLY = /^clicks_(\d{4})_(\d{2})$/;

/** One monthly partition of `clicks`: `clicks_YYYY_MM` holds [from, to) in UTC. */
export interface ClickPartition {
  name: string;
  from: Date;
  to: Date;
}

/** The first instant of the UTC month holding `at`, moved by `months`. */
export function utcMonth(at: Date, months = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
}

export function clickPartitionName(month: Date): string {
  return `clicks_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The monthly partitions, oldest first (the default partition is not one of them). */
export async function listClickPartitions(db: Queryable): Promise<ClickPartition[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'clicks'::regclass`,
  );
  return rows
    .flatMap(({ name }) => {
      const match = MONTHLY.exec(name);
      if (!match) return [];
      const from = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
      return [{ name, from, to: utcMonth(from, 1) }];
    })
    .sort((a, b) => a.from.getTime() - b.from.getTime());
}

/**
 * Creates the partitions of the month of `now` and of the `monthsAhead`
 * after it, those missing. Clicks that already reached the default
 * partition for such a month (a clock ahead, a task that did not run) move
 * into it. Returns the names created.
 */
export async function ensureClickPartitions(db: Db, now: Date, monthsAhead = CLICK_MONTHS_AHEAD): Promise<string[]> {
  const created: string[] = [];
  for (let ahead = 0; ahead <= monthsAhead; ahead += 1) {
    const month = utcMonth(now, ahead);
    if (await createMonth(db, month)) created.push(clickPartitionName(month));
  }
  return created;
}

async function createMonth(db: Db, month: Date): Promise<boolean> {
  const name = clickPartitionName(month);
  // Bounds come from a Date, never from a request: safe to write into DDL, which takes no parameters.
  const from = month.toISOString();
  const to = utcMonth(month, 1).toISOString();
  return db.transaction(async (tx) => {
    await takeTurn(tx);
    const { rows } = await tx.query<{ exists: boolean; strays: number }>(
      `SELECT to_regclass($1) IS NOT NULL AS exists,
              (SELECT count(*)::int FROM clicks_default WHERE occurred_at >= $2 AND occurred_at < $3) AS strays`,
      [name, from, to],
    );
    const { exists, strays } = rows[0]!;
    if (exists) return false;
    if (strays === 0) {
      await tx.exec(`CREATE TABLE ${name} PARTITION OF clicks FOR VALUES FROM ('${from}') TO ('${to}')`);
      return true;
    }
    // A new partition may not overlap rows of the default one: move them first, then attach.
    await tx.exec(`
      CREATE TABLE ${name} (LIKE clicks INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
      WITH moved AS (DELETE FROM clicks_default WHERE occurred_at >= '${from}' AND occurred_at < '${to}' RETURNING *)
      INSERT INTO ${name} SELECT * FROM moved;
      ALTER TABLE clicks ATTACH PARTITION ${name} FOR VALUES FROM ('${from}') TO ('${to}');`);
    return true;
  });
}

/** Drops the monthly partitions that end at or before `cutoff`. Returns their names. */
export async function dropClickPartitionsBefore(db: Db, cutoff: Date): Promise<string[]> {
  const dropped: string[] = [];
  for (const partition of await listClickPartitions(db)) {
    if (partition.to.getTime() > cutoff.getTime()) break;
    const done = await db.transaction(async (tx) => {
      await takeTurn(tx);
      const { rows } = await tx.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [partition.name]);
      if (!rows[0]!.exists) return false; // another instance was first
      await tx.exec(`ALTER TABLE clicks DETACH PARTITION ${partition.name}; DROP TABLE ${partition.name};`);
      return true;
    });
    if (done) dropped.push(partition.name);
  }
  return dropped;
}

async function takeTurn(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK_KEY]);
  // DDL on clicks waits for the statements using it; a long wait would stall redirects queued behind it, so give up and retry tomorrow.
  await tx.exec(`SET LOCAL lock_timeout = '5s'`);
}
