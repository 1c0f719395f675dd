import type { Db } from '../db/db.js';
import { run, sql } from '../db/sql.js';
import { dropClickPartitionsBefore } from './click-partitions.js';

/** Months raw clicks are kept when an organisation has not chosen (migration 012's default too). */
export const DEFAULT_CLICK_RETENTION_MONTHS = 13;

/**
 * The crediting state per share and day or minute (first visits, networks,
 * credits a minute) is only read for the day a click is credited; a week
 * leaves room for clicks replayed late from a journal.
 */
const CREDITING_STATE_DAYS = 7;
const DELETE_BATCH = 5_000;

export interface RetentionReport {
  droppedPartitions: string[];
  deletedClicks: number;
  deletedCreditingRows: number;
}

/**
 * Deletes raw clicks older than each organisation's retention (months back
 * from `now`, in UTC), whole monthly partitions first where every
 * organisation is past them, then row by row in batches, so that no
 * statement holds locks for long. Points and daily figures are counters and
 * stay.
 */
export async function applyClickRetention(db: Db, now: Date): Promise<RetentionReport> {
  const { rows } = await run<{ cutoff: Date }>(
    db,
    sql`SELECT (${now}::timestamptz AT TIME ZONE 'UTC'
                - make_interval(months => coalesce(max(click_retention_months), ${DEFAULT_CLICK_RETENTION_MONTHS}))) AT TIME ZONE 'UTC' AS cutoff
          FROM organisations`,
  );
  const droppedPartitions = await dropClickPartitionsBefore(db, rows[0]!.cutoff);

  let deletedClicks = 0;
  const { rows: organisations } = await run<{ id: string; cutoff: Date }>(
    db,
    sql`SELECT id, (${now}::timestamptz AT TIME ZONE 'UTC' - make_interval(months => click_retention_months)) AT TIME ZONE 'UTC' AS cutoff
          FROM organisations ORDER BY id`,
  );
  for (const organisation of organisations) {
    for (;;) {
      const { affectedRows } = await run(
        db,
        sql`DELETE FROM clicks WHERE (id, occurred_at) IN (
              SELECT id, occurred_at FROM clicks
               WHERE organisation_id = ${organisation.id} AND occurred_at < ${organisation.cutoff}
               LIMIT ${DELETE_BATCH})`,
      );
      deletedClicks += affectedRows;
      if (affectedRows < DELETE_BATCH) break;
    }
  }

  let deletedCreditingRows = 0;
  for (const statement of [
    sql`DELETE FROM click_visitors WHERE day < (${now}::timestamptz AT TIME ZONE 'UTC')::date - ${CREDITING_STATE_DAYS}::int`,
    sql`DELETE FROM click_networks WHERE day < (${now}::timestamptz AT TIME ZONE 'UTC')::date - ${CREDITING_STATE_DAYS}::int`,
    sql`DELETE FROM share_minutes WHERE minute < ${now}::timestamptz - make_interval(days => ${CREDITING_STATE_DAYS}::int)`,
  ]) {
    deletedCreditingRows += (await run(db, statement)).affectedRows;
  }
  return { droppedPartitions, deletedClicks, deletedCreditingRows };
}
