import { isTransientDatabaseError } from './transient-errors.js';

/**
 * Why the database cannot serve a request right now, when it is ours and
 * passing, not the request's fault:
 * - `busy`: a statement ran past its timeout, or no pooled connection came free in time;
 * - `storage-full`: the disk holding the data is full (Postgres 53100, ENOSPC, EDQUOT);
 * - `read-only`: the data cannot be written (EROFS, a read-only transaction);
 * - `unavailable`: unreachable, restarting, closed, or a conflict that outlived its retries.
 */
export type DatabaseFault = 'busy' | 'storage-full' | 'read-only' | 'unavailable';

/** pg-pool's message when `connectionTimeoutMillis` passed with every connection in use. */
const POOL_TIMEOUT = /timeout exceeded when trying to connect/i;
/** PGlite's file system reports errors as Emscripten `ErrnoError`s, numbered its way (not Linux's). */
const EMSCRIPTEN_ERRNO: Record<number, DatabaseFault> = { 51: 'storage-full', 19: 'storage-full', 69: 'read-only', 29: 'unavailable' };

function faultOfOne(error: unknown): DatabaseFault | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const { code, errno, name, message } = error as { code?: unknown; errno?: unknown; name?: unknown; message?: unknown };
  const text = String(message ?? '');
  if (code === '57014' || POOL_TIMEOUT.test(text)) return 'busy';
  if (code === '53100' || code === 'ENOSPC' || code === 'EDQUOT') return 'storage-full';
  if (code === '25006' || code === 'EROFS') return 'read-only';
  if (name === 'ErrnoError' && typeof errno === 'number') return EMSCRIPTEN_ERRNO[errno] ?? 'unavailable';
  if (code === 'EIO' || code === '58030' || /PGlite is closed/i.test(text)) return 'unavailable';
  if (isTransientDatabaseError(error)) return 'unavailable';
  return undefined;
}

/** The fault behind an error, looking through `cause` and `AggregateError` (a refused IPv4 and IPv6 connect). */
export function databaseFaultOf(error: unknown, depth = 0): DatabaseFault | undefined {
  const own = faultOfOne(error);
  if (own || depth > 4 || error === null || typeof error !== 'object') return own;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  for (const inner of [cause, ...(Array.isArray(errors) ? errors : [])]) {
    const fault = inner === undefined ? undefined : databaseFaultOf(inner, depth + 1);
    if (fault) return fault;
  }
  return undefined;
}
