import type * as z from 'zod/mini';
import { ProblemSchema, type Problem } from './contract/problem.js';
import type { ResolvedClientOptions } from './client-options.js';
import { AdvError, AdvHttpError, AdvNetworkError, AdvRateLimitedError, AdvValidationError } from './errors.js';
import { SDK_VERSION } from './version.js';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface TransportRequest<T> extends RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path relative to the base URL, without a leading slash: `v1/leaderboard`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Every status listed here is a success whose body `schema` describes. */
  schema: z.ZodMiniType<T>;
  okStatuses?: readonly number[];
  authenticated?: boolean;
}

/** Sends one request and returns its validated body, or throws an `AdvError`. */
export async function send<T>(options: ResolvedClientOptions, request: TransportRequest<T>): Promise<T> {
  const url = new URL(request.path, options.baseUrl);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }

  const headers = new Headers({ accept: 'application/json', 'adv-client': `sdk/${SDK_VERSION}` });
  if (options.locale) headers.set('accept-language', options.locale);
  if (options.publishableKey) headers.set('authorization', `Bearer ${options.publishableKey}`);
  if (request.authenticated && options.getToken) {
    const token = await callTokenProvider(options);
    if (token) headers.set('authorization', `Bearer ${token}`);
  }
  let body: string | undefined;
  if (request.body !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(request.body);
  }

  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;

  let response: Response;
  try {
    response = await options.fetch(url, {
      method: request.method,
      headers,
      body,
      signal,
      credentials: 'omit',
      mode: 'cors',
    });
  } catch (error) {
    throw toNetworkError(error, request.signal, timeout);
  }

  const requestId = response.headers.get('x-request-id') ?? undefined;
  const payload = await readJson(response, request.signal, timeout);
  const ok = request.okStatuses ? request.okStatuses.includes(response.status) : response.ok;
  if (!ok) throw toHttpError(response, payload, requestId);

  const parsed = request.schema.safeParse(payload);
  if (!parsed.success) {
    throw new AdvValidationError(
      `The API answered ${request.method} /${request.path} with a body that does not match the contract.`,
      parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    );
  }
  return parsed.data;
}

async function callTokenProvider(options: ResolvedClientOptions): Promise<string | null | undefined> {
  try {
    return await options.getToken?.();
  } catch (error) {
    throw new AdvError('getToken() failed; the request was not sent.', { cause: error });
  }
}

async function readJson(response: Response, callerSignal: AbortSignal | undefined, timeout: AbortSignal): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw toNetworkError(error, callerSignal, timeout);
  }
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toNetworkError(error: unknown, callerSignal: AbortSignal | undefined, timeout: AbortSignal): AdvNetworkError {
  if (callerSignal?.aborted) return new AdvNetworkError('The request was aborted.', 'aborted', { cause: error });
  if (timeout.aborted) return new AdvNetworkError('The request timed out.', 'timeout', { cause: error });
  return new AdvNetworkError('The API could not be reached.', 'offline', { cause: error });
}

function toHttpError(response: Response, payload: unknown, requestId: string | undefined): AdvHttpError {
  const parsed = ProblemSchema.safeParse(payload);
  const problem: Problem = parsed.success
    ? parsed.data
    : { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: clampStatus(response.status) };
  if (response.status === 429) {
    return new AdvRateLimitedError(problem, parseRetryAfter(response.headers.get('retry-after')) ?? 1000, requestId);
  }
  return new AdvHttpError(problem, requestId);
}

function clampStatus(status: number): number {
  return status >= 400 && status <= 599 ? status : 500;
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
