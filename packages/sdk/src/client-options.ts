import { describeValue } from './describe-value.js';
import { AdvConfigError } from './errors.js';
import { resolveRetryPolicy, type RetryOption, type RetryPolicy } from './retry-policy.js';

export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

export interface ClientOptions {
  /** Root of the advocacy API, e.g. `https://advocacy.example.com`. */
  baseUrl: string;
  /** `pk_…` key for public pages (career site). */
  publishableKey?: string;
  /** Returns the employee's JWT; called before each authenticated request. */
  getToken?: TokenProvider;
  /** A `fetch` to use instead of the global one (tests, Node polyfills). */
  fetch?: typeof fetch;
  /** Time limit of one request attempt, in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** Retries of requests that are safe to repeat; `false` turns them off. Default: 3 retries, full jitter from 250 ms. */
  retry?: RetryOption;
  /** BCP 47 language sent as `Accept-Language`. */
  locale?: string;
}

export interface ResolvedClientOptions {
  readonly baseUrl: URL;
  readonly publishableKey: string | undefined;
  readonly getToken: TokenProvider | undefined;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly locale: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 10_000;

function fail(option: string, expected: string, value: unknown): never {
  throw new AdvConfigError(`createClient: expected ${option} to be ${expected}, but received ${describeValue(value)}.`);
}

function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

/** Checks every option and fills in defaults; throws `AdvConfigError` on the first bad one. */
export function resolveClientOptions(options: unknown): ResolvedClientOptions {
  if (typeof options !== 'object' || options === null) fail('the options', 'an object', options);
  const o = options as Record<string, unknown>;

  if (typeof o['baseUrl'] !== 'string' || !URL.canParse(o['baseUrl'])) {
    fail('baseUrl', 'an absolute http(s) URL', o['baseUrl']);
  }
  const baseUrl = new URL(o['baseUrl']);
  if (baseUrl.protocol !== 'https:' && baseUrl.protocol !== 'http:') {
    fail('baseUrl', 'an absolute http(s) URL', o['baseUrl']);
  }
  if (!baseUrl.pathname.endsWith('/')) baseUrl.pathname += '/';

  const publishableKey = o['publishableKey'];
  if (publishableKey !== undefined) {
    if (typeof publishableKey !== 'string' || !publishableKey.startsWith('pk_')) {
      if (typeof publishableKey === 'string' && publishableKey.startsWith('sk_') && isBrowser()) {
        throw new AdvConfigError(
          'createClient: expected publishableKey to be a "pk_…" key, but received a secret "sk_…" key. ' +
            'Secret keys are for servers only: revoke this one, it has been exposed to the browser.',
        );
      }
      fail('publishableKey', 'a "pk_…" key', isSecretKey(publishableKey) ? 'sk_…' : publishableKey);
    }
  }

  const getToken = o['getToken'];
  if (getToken !== undefined && typeof getToken !== 'function') fail('getToken', 'a function', getToken);

  const fetchImpl = o['fetch'] ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch : undefined);
  if (typeof fetchImpl !== 'function') fail('fetch', 'a fetch function', fetchImpl);

  const timeoutMs = o['timeoutMs'] ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    fail('timeoutMs', 'a positive number of milliseconds', timeoutMs);
  }

  const locale = o['locale'];
  if (locale !== undefined && (typeof locale !== 'string' || !isLanguageTag(locale))) {
    fail('locale', 'a BCP 47 language tag such as "fr-FR"', locale);
  }

  return {
    baseUrl,
    publishableKey: publishableKey as string | undefined,
    getToken: getToken as TokenProvider | undefined,
    // Bound so a host's `window.fetch` is not called with our object as `this`.
    fetch: (fetchImpl as typeof fetch).bind(globalThis),
    timeoutMs,
    retry: resolveRetryPolicy(o['retry']),
    locale: locale as string | undefined,
  };
}

function isSecretKey(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('sk_');
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}
