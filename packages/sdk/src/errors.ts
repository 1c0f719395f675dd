import type { Problem } from './contract/problem.js';

/** Base class of every error the SDK throws. Nothing else escapes it. */
export class AdvError extends Error {
  override name = 'AdvError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Why a request got no HTTP answer, as far as the runtime lets a page tell:
 * - `offline`: the browser has no network (`navigator.onLine` is false);
 * - `blocked`: the API answers, but the browser refused this request before
 *   any answer reached the page: most often CORS, because the page's origin
 *   is not among the allowed ones (never retried: it would fail again);
 * - `unreachable`: nothing answered at the API's address (DNS, connection
 *   refused, server down; in Node, every failure to connect);
 * - `timeout`: no answer within `timeoutMs`;
 * - `aborted`: the caller's `AbortSignal` fired.
 */
export type NetworkFailureReason = 'offline' | 'blocked' | 'unreachable' | 'timeout' | 'aborted';

/** The request never got an HTTP answer; `reason` says why, and `message` what to do about it. */
export class AdvNetworkError extends AdvError {
  override name = 'AdvNetworkError';
  readonly reason: NetworkFailureReason;
  constructor(message: string, reason: NetworkFailureReason, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/** The API answered with an error status; `problem` is its RFC 9457 body. */
export class AdvHttpError extends AdvError {
  override name = 'AdvHttpError';
  readonly status: number;
  readonly problem: Problem;
  readonly requestId: string | undefined;
  constructor(problem: Problem, requestId?: string) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.status = problem.status;
    this.problem = problem;
    this.requestId = requestId;
  }
}

/** 429 from the API, or a `Retry-After` too long to wait for. */
export class AdvRateLimitedError extends AdvHttpError {
  override name = 'AdvRateLimitedError';
  readonly retryAfterMs: number;
  constructor(problem: Problem, retryAfterMs: number, requestId?: string) {
    super(problem, requestId);
    this.retryAfterMs = retryAfterMs;
  }
}

export interface ValidationIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** A body (sent or received) does not match the contract. */
export class AdvValidationError extends AdvError {
  override name = 'AdvValidationError';
  readonly issues: readonly ValidationIssue[];
  constructor(message: string, issues: readonly ValidationIssue[]) {
    super(message);
    this.issues = issues;
  }
}

/** The SDK was configured wrongly: the message says what was expected and what was received. */
export class AdvConfigError extends AdvError {
  override name = 'AdvConfigError';
}
