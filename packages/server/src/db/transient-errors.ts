/**
 * Postgres errors that say "try again", not "this request is wrong":
 * serialization failures and deadlocks (class 40), lost or refused
 * connections (class 08, ECONNREFUSED…), an administrator shutdown (57P01…)
 * and insufficient resources (class 53: disk full, too many connections),
 * and no pooled connection free in time.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (/^(40|08|53)[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  const message = String((error as Error | null)?.message ?? '');
  // pg-pool's wait for a free connection ran out (every connection busy, or the server unreachable).
  return ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code) || /Connection terminated|timeout exceeded when trying to connect/i.test(message);
}

/** A serialization failure or deadlock: the transaction was rolled back and can simply run again. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

const MAX_ATTEMPTS = 5;

/**
 * Runs a transaction again when Postgres rolled it back for a serialization
 * failure or deadlock (up to 5 attempts, with jittered backoff), so neither
 * ever reaches a client. `work` must not keep state between attempts.
 */
export async function retryConflicts<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryableConflict(error) || tries >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** tries * (0.5 + Math.random())));
    }
  }
}
