import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientNetwork } from './client-address.js';
import type { Authenticator } from './contract-route.js';
import { HttpProblem } from './problem.js';

export interface RateLimitSettings {
  /** Requests per minute for one publishable or secret key from one IP. */
  perKeyAndIp: number;
  /** Requests per minute for one employee. */
  perEmployee: number;
  /** Requests per minute for one IP without a credential (tracked links, health), or with one that was refused. */
  perAnonymousIp: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { perKeyAndIp: 600, perEmployee: 300, perAnonymousIp: 300 };

/** `employee`, `key` or `ip`: what a bucket counts, without who. */
export type BucketKind = 'employee' | 'key' | 'ip';
const LIMIT_OF_KIND: Record<BucketKind, keyof RateLimitSettings> = { employee: 'perEmployee', key: 'perKeyAndIp', ip: 'perAnonymousIp' };
const kindOf = (bucket: string): BucketKind => {
  const kind = bucket.slice(0, bucket.indexOf(':'));
  return kind === 'employee' || kind === 'key' ? kind : 'ip';
};

export interface RateLimitStorage {
  /** A shared store (Redis); the plugin's in-memory one when absent. */
  store?: FastifyRateLimitStoreCtor | undefined;
  /** Called for each refused request (metrics). */
  onRefused?: (kind: BucketKind) => void;
}

/**
 * Bucket of a request, from its verified credential: the employee, the key
 * and network, or the network alone. A refused credential counts against
 * the client's network, so forged tokens cannot spend someone else's budget
 * and made-up keys do not each get a fresh one.
 */
async function bucketOf(request: FastifyRequest, authenticate: Authenticator): Promise<string> {
  const principal = await authenticate(request).catch(() => null);
  if (principal?.kind === 'employee') return `employee:${principal.employeeId}`;
  const network = clientNetwork(request.ip);
  if (principal) return `key:${principal.keyId}:${network}`;
  return `ip:${network}`;
}

/** 429 problems with `Retry-After` and the IETF draft `RateLimit-*` headers. */
export async function installRateLimits(app: FastifyInstance, limits: RateLimitSettings, authenticate: Authenticator, storage: RateLimitStorage = {}): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    ...(storage.store ? { store: storage.store } : {}),
    onExceeded: (_request, bucket) => storage.onRefused?.(kindOf(bucket)),
    timeWindow: 60_000,
    keyGenerator: (request) => bucketOf(request, authenticate),
    max: (_request, bucket) => limits[LIMIT_OF_KIND[kindOf(bucket)]],
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) =>
      new HttpProblem(429, 'rate-limited', {
        title: 'Too Many Requests',
        detail: `Slow down: at most ${context.max} requests per minute. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
        headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
      }),
  });
}
