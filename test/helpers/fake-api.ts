// A fake advocacy API behind a `fetch` function, for widget tests and stories.
// Widgets get a real SDK client pointed at it (never a global stub), so the
// client's validation, errors and retries run exactly as in production.
import { createClient, type AdvClient, type ClientOptions } from '@advocacy/sdk';

export interface FakeRequest {
  readonly method: string;
  /** Path without the query, e.g. `/v1/leaderboard`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly headers: Headers;
}

export interface FakeAnswer {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** An answer, or a function of the request giving one (possibly later). */
export type FakeHandler = FakeAnswer | ((request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>);

/** Handlers keyed by `"METHOD /path"`; `:id` matches one path segment. */
export type FakeRoutes = Readonly<Record<string, FakeHandler>>;

/** Never answers (until the request is aborted): a widget stays in its loading state. */
export const pending: FakeHandler = () => new Promise<FakeAnswer>(() => undefined);

/** A problem+json answer. */
export function problem(status: number, title = 'Failed', detail?: string): FakeAnswer {
  return { status, body: { type: 'about:blank', title, status, ...(detail ? { detail } : {}) }, headers: { 'content-type': 'application/problem+json' } };
}

function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((part, index) => part.startsWith(':') || part === got[index]);
}

export const FAKE_API_URL = 'https://api.example.test/';

export class FakeApi {
  /** Every request received, in order. */
  readonly requests: FakeRequest[] = [];
  #routes: Record<string, FakeHandler>;

  constructor(routes: FakeRoutes = {}) {
    this.#routes = { ...routes };
  }

  /** Adds or replaces handlers. */
  set(routes: FakeRoutes): this {
    Object.assign(this.#routes, routes);
    return this;
  }

  /** Requests received for `"METHOD /path"` (patterns as in the routes). */
  requestsTo(route: string): FakeRequest[] {
    const [method, pattern = ''] = route.split(' ');
    return this.requests.filter((request) => request.method === method && matches(pattern, request.path));
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const method = (init.method ?? 'GET').toUpperCase();
    const text = typeof init.body === 'string' ? init.body : undefined;
    const request: FakeRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
      headers: new Headers(init.headers),
    };
    this.requests.push(request);
    const key = Object.keys(this.#routes).find((candidate) => {
      const [wantMethod, pattern = ''] = candidate.split(' ');
      return wantMethod === method && matches(pattern, url.pathname);
    });
    const handler = key === undefined ? problem(404, 'Not Found', `No fake route for ${method} ${url.pathname}`) : this.#routes[key]!;
    const answering = Promise.resolve(typeof handler === 'function' ? handler(request) : handler);
    const aborted = new Promise<never>((_, reject) => {
      const signal = init.signal;
      if (!signal) return;
      const abort = () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      if (signal.aborted) abort();
      else signal.addEventListener('abort', abort, { once: true });
    });
    const answer = await Promise.race([answering, aborted]);
    const status = answer.status ?? 200;
    const body = answer.body === undefined || status === 204 ? null : JSON.stringify(answer.body);
    return new Response(body, { status, headers: { 'content-type': 'application/json', ...answer.headers } });
  };

  /** A real SDK client over this fake API; no retries, so failures show at once. */
  client(options: Partial<ClientOptions> = {}): AdvClient {
    return createClient({
      baseUrl: FAKE_API_URL,
      publishableKey: 'pk_test_fakeapi0123456789abcd',
      getToken: () => 'fake-employee-token',
      retry: false,
      ...options,
      fetch: this.fetch,
    });
  }
}
