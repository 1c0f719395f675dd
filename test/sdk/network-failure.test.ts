// Why a request got no answer. Node has no CORS, so the browser's side is
// played here by an injected navigator, location and fetch: the transport
// asks `navigator.onLine`, then probes the API with a plain no-cors request.
// test/widgets/network-failures.test.ts runs the same in Chromium for real.
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { AdvNetworkError } from '@advocacy/sdk';
import { object, oneOf } from '../../packages/sdk/src/compiled-contract/checks.js';
import { resolveClientOptions, type ClientOptions } from '../../packages/sdk/src/client-options.js';
import { Transport, type NetworkEnvironment, type TransportRequest } from '../../packages/sdk/src/transport.js';

const BASE = 'https://api.acme.example/advocacy/';
const PAGE = 'https://intranet.acme.example';
const okCheck = object({ ok: oneOf([true]) });
const get = (path: string): TransportRequest => ({ method: 'GET', path, check: okCheck, authenticated: true });

interface Seen {
  url: string;
  init: RequestInit;
}

/**
 * A network where every API request fails as a browser's fetch does (a
 * TypeError with no answer), and `/healthz` answers (`healthz: 'answers'`)
 * or fails too.
 */
function network(healthz: 'answers' | 'fails') {
  const requests: Seen[] = [];
  const probes: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (url.endsWith('/healthz')) {
      probes.push({ url, init });
      // A no-cors answer is opaque to the page: only its arrival counts.
      if (healthz === 'answers') return new Response(null, { status: 200 });
    } else {
      requests.push({ url, init });
    }
    throw new TypeError('Failed to fetch');
  }) as typeof globalThis.fetch;
  return { fetch, requests, probes };
}

function transport(fetch: typeof globalThis.fetch, env: NetworkEnvironment, options: Partial<ClientOptions> = {}): Transport {
  return new Transport(resolveClientOptions({ baseUrl: BASE, getToken: () => 'employee-token', fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...options }), env);
}

const inBrowser = (onLine: boolean): NetworkEnvironment => ({ navigator: { onLine }, location: { origin: PAGE } });

/** The AdvNetworkError a call failed with (anything else fails the test). */
async function failure(promise: Promise<unknown>): Promise<AdvNetworkError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AdvNetworkError, `expected an AdvNetworkError, got ${String(error)}`);
    return error;
  }
  assert.fail('the call succeeded');
}

describe('network failures, told apart', () => {
  it('offline: navigator.onLine is false, so nothing is probed, and the request is retried', async () => {
    const net = network('answers');
    const error = await failure(transport(net.fetch, inBrowser(false)).send(get('v1/leaderboard')));
    assert.equal(error.reason, 'offline');
    assert.equal(error.message, 'The browser is offline.');
    assert.ok(error.cause instanceof TypeError, 'the fetch failure is kept as the cause');
    assert.equal(net.probes.length, 0);
    assert.equal(net.requests.length, 4, '1 + 3 retries');
  });

  it('blocked: the API answers a plain request, so this one was refused by the browser (CORS); it is not retried', async () => {
    const net = network('answers');
    const error = await failure(transport(net.fetch, inBrowser(true)).send(get('v1/leaderboard')));
    assert.equal(error.reason, 'blocked');
    assert.match(error.message, /^https:\/\/api\.acme\.example\/advocacy answers, but the browser blocked this request/);
    assert.ok(error.message.includes('`advocacy-admin origins add https://intranet.acme.example`'), error.message);
    assert.equal(net.requests.length, 1, 'a refusal would only happen again: no retry');
    assert.equal(net.probes.length, 1);
  });

  it('probes with a plain GET of <baseUrl>/healthz: no-cors, not cached, no credentials, no token', async () => {
    const net = network('answers');
    await failure(transport(net.fetch, inBrowser(true)).send(get('v1/me')));
    const [probe] = net.probes;
    assert.equal(probe?.url, 'https://api.acme.example/advocacy/healthz');
    assert.equal(probe.init.mode, 'no-cors');
    assert.equal(probe.init.cache, 'no-store');
    assert.equal(probe.init.credentials, 'omit');
    assert.equal(probe.init.headers, undefined, 'no Authorization header, no custom header (which no-cors would refuse anyway)');
    assert.equal(probe.init.method, undefined, 'GET');
  });

  it('unreachable: the probe fails too; the request is retried, and one probe serves every attempt', async () => {
    const net = network('fails');
    const error = await failure(transport(net.fetch, inBrowser(true)).send(get('v1/leaderboard')));
    assert.equal(error.reason, 'unreachable');
    assert.equal(error.message, 'The service at https://api.acme.example/advocacy could not be reached.');
    assert.equal(net.requests.length, 4, '1 + 3 retries');
    assert.equal(net.probes.length, 1, 'one probe per client per few seconds');
  });

  it('concurrent failures share one probe', async () => {
    const net = network('answers');
    const client = transport(net.fetch, inBrowser(true), { retry: false });
    const errors = await Promise.all(['v1/leaderboard', 'v1/me', 'v1/content', 'v1/shares'].map((path) => failure(client.send(get(path)))));
    assert.deepEqual(
      errors.map((error) => error.reason),
      ['blocked', 'blocked', 'blocked', 'blocked'],
    );
    assert.equal(net.probes.length, 1);
  });

  it('probes again once the last probe is a few seconds old, not before', async () => {
    mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
    try {
      const net = network('fails');
      const client = transport(net.fetch, inBrowser(true), { retry: false });
      await failure(client.send(get('v1/me')));
      mock.timers.tick(4_000);
      await failure(client.send(get('v1/me')));
      assert.equal(net.probes.length, 1, 'a failure 4 s later reuses the probe');
      mock.timers.tick(2_000);
      await failure(client.send(get('v1/me')));
      assert.equal(net.probes.length, 2, 'a failure 6 s after the probe asks again');
    } finally {
      mock.timers.reset();
    }
  });

  it('each client probes for itself', async () => {
    const net = network('answers');
    await failure(transport(net.fetch, inBrowser(true), { retry: false }).send(get('v1/me')));
    await failure(transport(net.fetch, inBrowser(true), { retry: false }).send(get('v1/me')));
    assert.equal(net.probes.length, 2);
  });

  it('outside a browser (no navigator.onLine, as in Node), never probes: unreachable', async () => {
    for (const env of [{}, { navigator: {} }] satisfies NetworkEnvironment[]) {
      const net = network('answers');
      const error = await failure(transport(net.fetch, env, { retry: false }).send(get('v1/me')));
      assert.equal(error.reason, 'unreachable');
      assert.equal(net.probes.length, 0);
    }
  });

  it('a fetch that fails with something other than a TypeError is not probed: unreachable', async () => {
    let probes = 0;
    const fetch = (async (input: RequestInfo | URL) => {
      if (String(input).endsWith('/healthz')) probes += 1;
      throw new Error('custom fetch gave up');
    }) as typeof globalThis.fetch;
    const error = await failure(transport(fetch, inBrowser(true), { retry: false }).send(get('v1/me')));
    assert.equal(error.reason, 'unreachable');
    assert.equal(probes, 0);
  });

  it('a timeout stays a timeout, and is not probed', async () => {
    let probes = 0;
    const fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
      if (String(input).endsWith('/healthz')) probes += 1;
      return new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('The operation timed out.', 'TimeoutError'))));
    }) as typeof globalThis.fetch;
    // AbortSignal.timeout() does not keep Node's event loop alive by itself.
    const alive = setInterval(() => undefined, 1_000);
    const error = await failure(transport(fetch, inBrowser(true), { retry: false, timeoutMs: 20 }).send(get('v1/me'))).finally(() => clearInterval(alive));
    assert.equal(error.reason, 'timeout');
    assert.equal(probes, 0);
  });
});
