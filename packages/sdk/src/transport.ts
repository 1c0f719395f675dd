import { runCheck, type Check } from './compiled-contract/checks.js';
import { Problem as problemCheck } from './compiled-contract/routes.js';
import type { Problem } from './contract/problem.js';
import type { ResolvedClientOptions } from './client-options.js';
import { AdvError, AdvHttpError, AdvNetworkError, AdvRateLimitedError, AdvValidationError } from './errors.js';
import { backoffDelay, isRetryableStatus } from './retry-policy.js';
import { sleep } from './sleep.js';
import { SDK_VERSION } from './version.js';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface TransportRequest extends RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path relative to the base URL, without a leading slash: `v1/leaderboard`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Every status listed here is a success whose body `check` accepts (a check compiled from the contract). */
  check: Check;
  okStatuses?: readonly number[];
  /** Sends the employee token from `getToken()` (else the publishable key, if any). */
  authenticated?: boolean;
  /** Sent as `Idempotency-Key`: the same for every retry of one logical action, which makes a POST safe to retry. */
  idempotencyKey?: string;
  /** A text format the route offers (`textFormats`): a success in it is returned as text, unparsed. */
  accept?: string;
}

/** An HTTP answer, read but not yet judged. */
interface RawResponse {
  status: number;
  statusText: string;
  headers: Headers;
  payload: unknown;
}

/** What the transport reads of its surroundings to explain a failed request (tests pass their own). */
export interface NetworkEnvironment {
  readonly navigator?: { readonly onLine?: boolean } | undefined;
  readonly location?: { readonly origin: string } | undefined;
}

/** One reachability probe serves every failure of a client for this long. */
const PROBE_TTL_MS = 5_000;

interface SharedGet {
  promise: Promise<RawResponse>;
  controller: AbortController;
  waiters: number;
}

/**
 * Sends requests for one client: a timeout per attempt combined with the
 * caller's signal, retries where repeating is safe, identical in-flight GETs
 * shared, and every answer turned into validated data or an `AdvError`.
 */
export class Transport {
  readonly #options: ResolvedClientOptions;
  readonly #inFlightGets = new Map<string, SharedGet>();
  readonly #env: NetworkEnvironment;
  #probe: { at: number; reachable: Promise<boolean> } | undefined;

  constructor(options: ResolvedClientOptions, env: NetworkEnvironment = globalThis) {
    this.#options = options;
    this.#env = env;
  }

  /** Sends a request; the answer, once `check` accepts it, is returned as `T`. */
  async send<T>(request: TransportRequest): Promise<T> {
    const url = new URL(request.path, this.#options.baseUrl);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const body = serialiseBody(request.body);
    const raw =
      request.method === 'GET'
        ? await this.#sharedGet(url, request)
        : await this.#withRetries(url, request, body, request.signal);

    const ok = request.okStatuses ? request.okStatuses.includes(raw.status) : raw.status >= 200 && raw.status < 300;
    if (!ok) throw toHttpError(raw);
    const checked = runCheck(request.check, raw.payload);
    if (!checked.ok) {
      throw new AdvValidationError(`The API answered ${request.method} /${request.path} with a body that does not match the contract.`, checked.issues);
    }
    return checked.value as T;
  }

  /** Identical GETs in flight share one request; it is aborted only when every caller has left. */
  async #sharedGet(url: URL, request: TransportRequest): Promise<RawResponse> {
    // A caller that left already starts nothing (a request no one waits for would fail unheard).
    if (request.signal?.aborted) throw new AdvNetworkError('The request was aborted.', 'aborted', { cause: request.signal.reason });
    const key = `${request.authenticated ? 'auth' : 'anon'} ${request.accept ?? 'json'} ${url.href}`;
    let shared = this.#inFlightGets.get(key);
    // Every caller of that one has left and it is being cancelled (a store's refresh() aborts its load, then asks again): start afresh.
    if (!shared || shared.controller.signal.aborted) {
      const controller = new AbortController();
      const promise = this.#withRetries(url, request, undefined, controller.signal).finally(() => {
        if (this.#inFlightGets.get(key) === entry) this.#inFlightGets.delete(key);
      });
      const entry: SharedGet = { promise, controller, waiters: 0 };
      shared = entry;
      this.#inFlightGets.set(key, entry);
    }
    return waitFor(shared, request.signal);
  }

  async #withRetries(url: URL, request: TransportRequest, body: string | undefined, signal: AbortSignal | undefined): Promise<RawResponse> {
    const policy = this.#options.retry;
    const repeatable = request.method === 'GET' || request.idempotencyKey !== undefined;
    let retriesDone = 0;
    let tokenRenewed = false;
    for (;;) {
      let outcome: RawResponse | AdvNetworkError;
      try {
        outcome = await this.#attempt(url, request, body, signal);
      } catch (error) {
        if (!(error instanceof AdvNetworkError)) throw error;
        outcome = error;
      }

      let delay: number;
      if (outcome instanceof AdvNetworkError) {
        // A refusal by the browser (CORS) would only happen again.
        if (outcome.reason === 'aborted' || outcome.reason === 'blocked' || !repeatable || retriesDone >= policy.retries) throw outcome;
        delay = backoffDelay(policy, retriesDone);
      } else {
        // A 401 was refused before any work: ask for a fresh token once, whatever the method.
        if (outcome.status === 401 && request.authenticated && this.#options.getToken && !tokenRenewed) {
          tokenRenewed = true;
          continue;
        }
        if (!isRetryableStatus(outcome.status)) return outcome;
        const retryAfter = parseRetryAfter(outcome.headers.get('retry-after'));
        if (!repeatable || retriesDone >= policy.retries) return outcome;
        if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) return outcome;
        delay = retryAfter ?? backoffDelay(policy, retriesDone);
      }
      try {
        await sleep(delay, signal);
      } catch (error) {
        throw new AdvNetworkError('The request was aborted.', 'aborted', { cause: error });
      }
      retriesDone += 1;
    }
  }

  async #attempt(url: URL, request: TransportRequest, body: string | undefined, signal: AbortSignal | undefined): Promise<RawResponse> {
    const options = this.#options;
    const headers = new Headers({ accept: request.accept ?? 'application/json', 'adv-client': `sdk/${SDK_VERSION}` });
    if (options.locale) headers.set('accept-language', options.locale);
    if (options.publishableKey) headers.set('authorization', `Bearer ${options.publishableKey}`);
    if (request.authenticated && options.getToken) {
      const token = await callTokenProvider(options);
      if (token) headers.set('authorization', `Bearer ${token}`);
    }
    if (request.idempotencyKey !== undefined) headers.set('idempotency-key', request.idempotencyKey);
    if (body !== undefined) headers.set('content-type', 'application/json');

    const timeout = AbortSignal.timeout(options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await options.fetch(url, { method: request.method, headers, body, signal: combined, credentials: 'omit', mode: 'cors' });
    } catch (error) {
      throw signal?.aborted || timeout.aborted ? toNetworkError(error, signal, timeout) : await this.#explain(error);
    }
    const asText = request.accept !== undefined && response.ok && (response.headers.get('content-type') ?? '').startsWith(request.accept);
    const payload = asText ? await readText(response, signal, timeout) : await readJson(response, signal, timeout);
    return { status: response.status, statusText: response.statusText, headers: response.headers, payload };
  }

  /**
   * Why a fetch got no answer, as far as a browser lets a page know (it hides
   * a CORS refusal behind the same TypeError as a DNS failure): offline when
   * `navigator.onLine` says so; else a plain `no-cors` request to `/healthz`
   * tells a server that answers (so this request was blocked: CORS, the
   * page's origin) from one that cannot be reached. One probe per client per
   * few seconds, shared by concurrent failures; none outside browsers (no
   * `navigator.onLine`: Node has no CORS).
   */
  async #explain(error: unknown): Promise<AdvNetworkError> {
    const { baseUrl, fetch, timeoutMs } = this.#options;
    const online = this.#env.navigator?.onLine;
    if (online === false) return new AdvNetworkError('The browser is offline.', 'offline', { cause: error });
    const api = baseUrl.href.replace(/\/$/, '');
    if (online === true && error instanceof TypeError) {
      const now = Date.now();
      if (!this.#probe || now - this.#probe.at > PROBE_TTL_MS) {
        const probing = fetch(new URL('healthz', baseUrl), { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(timeoutMs) });
        this.#probe = { at: now, reachable: probing.then(() => true, () => false) };
      }
      if (await this.#probe.reachable) {
        const origin = this.#env.location?.origin ?? "this page's origin";
        return new AdvNetworkError(
          `${api} answers, but the browser blocked this request: most likely this page's origin is not allowed (CORS). An admin can allow it with \`advocacy-admin origins add ${origin}\`.`,
          'blocked',
          { cause: error },
        );
      }
    }
    return new AdvNetworkError(`The service at ${api} could not be reached.`, 'unreachable', { cause: error });
  }
}

function waitFor(shared: SharedGet, signal: AbortSignal | undefined): Promise<RawResponse> {
  if (!signal) {
    shared.waiters += 1;
    return shared.promise;
  }
  if (signal.aborted) return Promise.reject(new AdvNetworkError('The request was aborted.', 'aborted', { cause: signal.reason }));
  shared.waiters += 1;
  return new Promise<RawResponse>((resolve, reject) => {
    const onAbort = (): void => {
      shared.waiters -= 1;
      if (shared.waiters === 0) shared.controller.abort(signal.reason);
      reject(new AdvNetworkError('The request was aborted.', 'aborted', { cause: signal.reason }));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function serialiseBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new AdvValidationError('The request body cannot be sent as JSON.', [{ path: [], message: String(error) }]);
  }
}

async function callTokenProvider(options: ResolvedClientOptions): Promise<string | null | undefined> {
  let token: unknown;
  try {
    token = await options.getToken?.();
  } catch (error) {
    throw new AdvError('getToken() failed; the request was not sent.', { cause: error });
  }
  if (token !== null && token !== undefined && typeof token !== 'string') {
    throw new AdvError('getToken() must return a string, null or undefined; the request was not sent.');
  }
  return token;
}

async function readText(response: Response, callerSignal: AbortSignal | undefined, timeout: AbortSignal): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw toNetworkError(error, callerSignal, timeout);
  }
}

async function readJson(response: Response, callerSignal: AbortSignal | undefined, timeout: AbortSignal): Promise<unknown> {
  const text = await readText(response, callerSignal, timeout);
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON (a proxy's HTML page, a truncated body): the schema check reports it.
    return text;
  }
}

function toNetworkError(error: unknown, callerSignal: AbortSignal | undefined, timeout: AbortSignal): AdvNetworkError {
  if (callerSignal?.aborted) return new AdvNetworkError('The request was aborted.', 'aborted', { cause: error });
  if (timeout.aborted) return new AdvNetworkError('The request timed out.', 'timeout', { cause: error });
  // The answer broke off while it was being read.
  return new AdvNetworkError('The connection to the API broke before its answer was complete.', 'unreachable', { cause: error });
}

function toHttpError(raw: RawResponse): AdvHttpError {
  const requestId = raw.headers.get('x-request-id') ?? undefined;
  const parsed = runCheck(problemCheck, raw.payload);
  const status = raw.status >= 400 && raw.status <= 599 ? raw.status : 500;
  // The HTTP status wins over whatever a (possibly proxied) body claims.
  const problem: Problem = parsed.ok
    ? { ...(parsed.value as Problem), status }
    : { type: 'about:blank', title: raw.statusText || `HTTP ${raw.status}`, status };
  if (raw.status === 429) {
    return new AdvRateLimitedError(problem, parseRetryAfter(raw.headers.get('retry-after')) ?? 1000, requestId);
  }
  return new AdvHttpError(problem, requestId);
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
