import { createHash } from 'node:crypto';
import { inAmbientTransaction } from '../db/ambient-transaction.js';
import type { Db, Queryable } from '../db/db.js';
import { crashPoint } from '../crash-point.js';
import { HttpProblem } from './problem.js';

/** How long a key is remembered (Stripe keeps them 24 hours). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentScope {
  organisationId: string;
  /** Whose key it is: the same key from two callers is two keys. */
  principal: string;
  key: string;
  /** Hash of method, path and body: the same key with another request is refused. */
  requestHash: string;
  now: Date;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** The `Idempotency-Key` header, checked; undefined when absent. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || !KEY_PATTERN.test(key)) {
    throw new HttpProblem(400, 'invalid-idempotency-key', {
      detail: 'The Idempotency-Key header must be 1 to 255 printable ASCII characters, e.g. a UUID.',
      errors: [{ field: 'headers.idempotency-key', message: '1 to 255 printable ASCII characters' }],
    });
  }
  return key;
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body ?? null)}`).digest('base64url');
}

/**
 * An attempt still in flight after this long died with its process (requests
 * are bounded by statement timeouts far shorter): the next attempt takes the key over.
 */
export const IN_FLIGHT_ABANDONED_MS = 60 * 1000;

/** A claim is ours while the key's row is in flight with our claim time (a takeover writes its own). */
type Claim = { claimed: true; at: Date } | { claimed: false; replay: StoredResponse };

async function claim(db: Db, scope: IdempotentScope): Promise<Claim> {
  const id = [scope.organisationId, scope.principal, scope.key];
  const inserted = await db.query(
    `INSERT INTO idempotency_keys (organisation_id, principal, key, request_hash, status, created_at)
     VALUES ($1, $2, $3, $4, 'in_flight', $5) ON CONFLICT DO NOTHING RETURNING key`,
    [...id, scope.requestHash, scope.now],
  );
  if (inserted.rows.length > 0) return { claimed: true, at: scope.now };

  const { rows } = await db.query<{ request_hash: string; status: string; response_status: number | null; response_body: unknown }>(
    'SELECT request_hash, status, response_status, response_body FROM idempotency_keys WHERE organisation_id = $1 AND principal = $2 AND key = $3',
    id,
  );
  const row = rows[0];
  if (!row) {
    // Released between our insert and select: the other attempt failed. Ask the client to try again.
    throw new HttpProblem(409, 'idempotency-key-in-use', { detail: 'A request with this Idempotency-Key just failed; send it again.', headers: { 'retry-after': '1' } });
  }
  if (row.request_hash !== scope.requestHash) {
    throw new HttpProblem(422, 'idempotency-key-reused', {
      title: 'Unprocessable Content',
      detail: 'This Idempotency-Key was used for a different request. Use a new key for a new action.',
    });
  }
  if (row.status === 'done' && row.response_status !== null) {
    return { claimed: false, replay: { status: row.response_status, body: row.response_body } };
  }
  const abandonedBefore = new Date(scope.now.getTime() - IN_FLIGHT_ABANDONED_MS);
  const takenOver = await db.query(
    `UPDATE idempotency_keys SET created_at = $4
      WHERE organisation_id = $1 AND principal = $2 AND key = $3 AND status = 'in_flight' AND created_at < $5 RETURNING key`,
    [...id, scope.now, abandonedBefore],
  );
  if (takenOver.rows.length > 0) return { claimed: true, at: scope.now };
  throw new HttpProblem(409, 'idempotency-key-in-use', {
    detail: 'A request with this Idempotency-Key is still being processed; retry in a moment.',
    headers: { 'retry-after': '1' },
  });
}

/** Locks our claim for the rest of the transaction; false when another attempt took the key over meanwhile. */
async function holdClaim(tx: Queryable, id: string[], claimedAt: Date): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT key FROM idempotency_keys
      WHERE organisation_id = $1 AND principal = $2 AND key = $3 AND status = 'in_flight' AND created_at = $4 FOR UPDATE`,
    [...id, claimedAt],
  );
  return rows.length > 0;
}

/**
 * Runs `work` once per (caller, key), Stripe's way: the first request claims
 * the key; the same key and request again gets the stored answer replayed;
 * the same key with another request is a 422; a key still in flight is a 409.
 * A failed attempt releases its key so the client can try again.
 *
 * Exactly once across crashes: `work` runs in one transaction with the key's
 * completion (its queries through a `withAmbientTransactions()` database join
 * it), so a crash leaves either both committed — the next attempt replays —
 * or neither — the attempt that takes the abandoned key over does the work.
 */
export async function runIdempotently(
  db: Db,
  scope: IdempotentScope,
  work: () => Promise<StoredResponse>,
  /** What to keep for replays when the answer holds something never to be stored (a new key in clear). */
  toStore: (body: unknown) => unknown = (body) => body,
): Promise<StoredResponse & { replayed: boolean }> {
  const expiredBefore = new Date(scope.now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  const id = [scope.organisationId, scope.principal, scope.key];
  await db.query('DELETE FROM idempotency_keys WHERE organisation_id = $1 AND principal = $2 AND key = $3 AND created_at < $4', [...id, expiredBefore]);
  if (Math.random() < 0.01) {
    await db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [expiredBefore]);
  }

  const claimed = await claim(db, scope);
  if (!claimed.claimed) return { ...claimed.replay, replayed: true };

  try {
    const result = await inAmbientTransaction(db, async (tx) => {
      if (!(await holdClaim(tx, id, claimed.at))) {
        throw new HttpProblem(409, 'idempotency-key-in-use', {
          detail: 'Another request with this Idempotency-Key took it over; send it again to get its answer.',
          headers: { 'retry-after': '1' },
        });
      }
      const answer = await work();
      crashPoint('idempotent-work-done');
      await tx.query(
        `UPDATE idempotency_keys SET status = 'done', response_status = $4, response_body = $5
          WHERE organisation_id = $1 AND principal = $2 AND key = $3`,
        [...id, answer.status, JSON.stringify(toStore(answer.body) ?? null)],
      );
      return answer;
    });
    return { ...result, replayed: false };
  } catch (error) {
    // Nothing of the attempt committed: release the key (if still ours) so the client can try again.
    await db
      .query(`DELETE FROM idempotency_keys WHERE organisation_id = $1 AND principal = $2 AND key = $3 AND status = 'in_flight' AND created_at = $4`, [...id, claimed.at])
      .catch(() => {});
    throw error;
  }
}
