import type { Queryable } from '../db/db.js';

/** The advisory lock namespace of counters (the second key is the organisation). */
const COUNTER_LOCK_NAMESPACE = 7_251;

/**
 * Takes the organisations' counter locks, in a fixed order, for the rest of
 * the transaction. Every transaction that moves points, the points
 * histogram, share awards or daily figures takes it before anything else,
 * so counter writers of one organisation run one at a time and can never
 * wait on each other in a cycle (migration 007's histogram trigger locks
 * rows in points order, which two writers could take in opposite orders).
 * Readers never wait: they read the last committed counters.
 */
export async function lockOrganisationCounters(tx: Queryable, organisationIds: Iterable<string>): Promise<void> {
  for (const organisationId of [...new Set(organisationIds)].sort()) {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COUNTER_LOCK_NAMESPACE, organisationId]);
  }
}
