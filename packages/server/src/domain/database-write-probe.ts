import type { Db } from '../db/db.js';
import { databaseFaultOf, type DatabaseFault } from '../db/database-faults.js';

export type WriteProbeResult = { ok: true; latencyMs: number } | { ok: false; fault: DatabaseFault | 'timeout' | 'error'; message: string };

/**
 * Writes one row to a new temporary table and commits: it extends a file
 * (so a full disk fails it, where an update within an existing page would
 * still pass), writes the WAL and takes a transaction, yet leaves nothing
 * behind (ON COMMIT DROP).
 */
export async function probeDatabaseWrite(db: Db, timeoutMs: number): Promise<WriteProbeResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<WriteProbeResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, fault: 'timeout', message: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const probe = db
    .transaction(async (tx) => {
      await tx.query('CREATE TEMPORARY TABLE readiness_probe (written_at timestamptz) ON COMMIT DROP');
      await tx.query('INSERT INTO readiness_probe (written_at) VALUES (now())');
    })
    .then(
      (): WriteProbeResult => ({ ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 }),
      (error: unknown): WriteProbeResult => ({ ok: false, fault: databaseFaultOf(error) ?? 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
