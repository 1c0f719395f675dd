import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { JwtVerifier } from '../auth/jwt.js';
import { HttpProblem } from './problem.js';

export interface RateLimitSettings {
  /** Requests per minute for one publishable or secret key from one IP. */
  perKeyAndIp: number;
  /** Requests per minute for one employee. */
  perEmployee: number;
  /** Requests per minute for one IP without a credential (tracked links, health). */
  perAnonymousIp: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { perKeyAndIp: 600, perEmployee: 300, perAnonymousIp: 300 };

const shortHash = (value: string): string => createHash('sha256').update(value).digest('base64url').slice(0, 16);

/** Bucket of a request: its key and IP, its employee, or its IP alone. */
function bucketOf(request: FastifyRequest): { bucket: string; kind: keyof RateLimitSettings } {
  const credential = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (credential?.startsWith('pk_') || credential?.startsWith('sk_')) {
    return { bucket: `key:${shortHash(credential)}:${request.ip}`, kind: 'perKeyAndIp' };
  }
  const claimed = credential ? JwtVerifier.peek(credential) : undefined;
  if (credential && claimed) {
    // Unverified here: a forged token only lands in a bucket whose requests are then refused.
    return { bucket: `employee:${shortHash(`${claimed.issuer}|${claimed.subject ?? ''}`)}`, kind: 'perEmployee' };
  }
  return { bucket: `ip:${request.ip}`, kind: 'perAnonymousIp' };
}

/** 429 problems with `Retry-After` and the IETF `RateLimit` headers. */
export async function installRateLimits(app: FastifyInstance, limits: RateLimitSettings): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    timeWindow: 60_000,
    max: (request) => limits[bucketOf(request).kind],
    keyGenerator: (request) => bucketOf(request).bucket,
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) =>
      new HttpProblem(429, 'rate-limited', {
        title: 'Too Many Requests',
        detail: `Slow down: at most ${context.max} requests per minute. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
        headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
      }),
  });
}
