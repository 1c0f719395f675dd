import { describeValue } from './describe-value.js';
import { AdvConfigError } from './errors.js';

/** How a failed request is tried again. Only requests that are safe to repeat are retried. */
export interface RetryPolicy {
  /** Further attempts after the first; 0 turns retries off. Default 3. */
  readonly retries: number;
  /** First backoff ceiling in milliseconds; doubles per attempt. Default 250. */
  readonly baseDelayMs: number;
  /** Largest backoff ceiling in milliseconds. Default 10 000. */
  readonly maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the call fails at once. Default 60 000. */
  readonly maxRetryAfterMs: number;
}

export type RetryOption = false | Partial<RetryPolicy>;

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 250, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 };

const NO_RETRY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, retries: 0 };

/** Statuses worth another attempt: the server may answer differently a moment later. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Full-jitter exponential backoff (AWS architecture blog, "Exponential
 * Backoff and Jitter"): a uniform delay in [0, min(max, base · 2^attempt)).
 * `attempt` counts retries from 0.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

function checkNumber(name: keyof RetryPolicy, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new AdvConfigError(`createClient: expected retry.${name} to be an integer from 0 to ${max}, but received ${describeValue(value)}.`);
  }
  return value;
}

/** Checks `createClient({ retry })`; throws `AdvConfigError` for a bad value. */
export function resolveRetryPolicy(option: unknown): RetryPolicy {
  if (option === undefined || option === true) return DEFAULT_RETRY_POLICY;
  if (option === false) return NO_RETRY;
  if (typeof option !== 'object' || option === null) {
    throw new AdvConfigError(`createClient: expected retry to be false or an object, but received ${describeValue(option)}.`);
  }
  const given = option as Partial<Record<keyof RetryPolicy, unknown>>;
  return {
    retries: checkNumber('retries', given.retries ?? DEFAULT_RETRY_POLICY.retries, 10),
    baseDelayMs: checkNumber('baseDelayMs', given.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs, 60_000),
    maxDelayMs: checkNumber('maxDelayMs', given.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs, 600_000),
    maxRetryAfterMs: checkNumber('maxRetryAfterMs', given.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs, 3_600_000),
  };
}
