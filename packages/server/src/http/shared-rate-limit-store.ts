import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { Redis } from 'ioredis';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

/** Fixed window: the first request of a window starts its expiry. Atomic, so instances never lose a count. */
const INCREMENT_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if current == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}`;

type ScriptedRedis = Redis & { advocacyRateLimit(key: string, windowMs: number, callback: (error: Error | null | undefined, result?: unknown) => void): void };

/** Per-instance windows, used while the shared store cannot answer. Bounded: the oldest bucket goes first. */
class LocalWindows {
  readonly #windows = new Map<string, { current: number; endsAt: number }>();
  static readonly MAX_BUCKETS = 20_000;

  incr(key: string, windowMs: number): Counted {
    const now = Date.now();
    let window = this.#windows.get(key);
    if (!window || window.endsAt <= now) {
      this.#windows.delete(key);
      if (this.#windows.size >= LocalWindows.MAX_BUCKETS) this.#windows.delete(this.#windows.keys().next().value as string);
      window = { current: 0, endsAt: now + windowMs };
      this.#windows.set(key, window);
    }
    window.current += 1;
    return { current: window.current, ttl: window.endsAt - now };
  }
}

/** What happens to the shared store, for the log: it stopped answering, or it is back. */
export type SharedStoreEvent = { kind: 'unavailable'; error: unknown } | { kind: 'recovered' };

const FIRST_CONNECTION_WAIT_MS = 1_500;

/**
 * A Redis client for rate limits: fails fast instead of queueing, so a Redis
 * outage never holds a request up. Waits a moment for the first connection;
 * a Redis still unreachable after it is not fatal (see the store below).
 */
export async function openRateLimitRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: 250,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Errors are handled per command (the store falls back); without a listener ioredis would log each one.
  redis.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise((resolve) => redis.once('ready', resolve)),
    new Promise((resolve) => (timer = setTimeout(resolve, FIRST_CONNECTION_WAIT_MS))),
  ]);
  clearTimeout(timer);
  return redis;
}

/**
 * A store for @fastify/rate-limit shared by every instance through Redis
 * (`REDIS_URL`). When Redis does not answer, each instance counts on its
 * own until it does again: limits fail open to per-instance limits, never
 * closed (a Redis outage must not take the API and tracked links down with
 * it) and never to no limit at all.
 */
export function sharedRateLimitStore(redis: Redis, nameSpace: string, onEvent: (event: SharedStoreEvent) => void): FastifyRateLimitStoreCtor {
  const scripted = redis as ScriptedRedis;
  if (typeof scripted.advocacyRateLimit !== 'function') redis.defineCommand('advocacyRateLimit', { numberOfKeys: 1, lua: INCREMENT_SCRIPT });
  const local = new LocalWindows();
  let healthy = true;
  const fallBack = (error: unknown): void => {
    if (healthy) onEvent({ kind: 'unavailable', error });
    healthy = false;
  };

  class SharedStore implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      const fullKey = nameSpace + key;
      if (redis.status !== 'ready') {
        fallBack(new Error(`Redis is ${redis.status}`));
        callback(null, local.incr(fullKey, timeWindow));
        return;
      }
      scripted.advocacyRateLimit(fullKey, timeWindow, (error, result) => {
        const pair = Array.isArray(result) ? result.map(Number) : [];
        if (error || pair.length !== 2 || pair.some((n) => !Number.isFinite(n))) {
          fallBack(error ?? new Error('unexpected answer from Redis'));
          callback(null, local.incr(fullKey, timeWindow));
          return;
        }
        if (!healthy) onEvent({ kind: 'recovered' });
        healthy = true;
        callback(null, { current: pair[0]!, ttl: pair[1]! });
      });
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  }
  return SharedStore;
}
