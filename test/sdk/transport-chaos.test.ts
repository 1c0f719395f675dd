import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import fc from 'fast-check';
import { AdvError, AdvHttpError, AdvNetworkError, AdvRateLimitedError, AdvValidationError } from '@advocacy/sdk';
import { object, oneOf } from '../../packages/sdk/src/compiled-contract/checks.js';
import { resolveClientOptions, type ClientOptions } from '../../packages/sdk/src/client-options.js';
import { Transport, type TransportRequest } from '../../packages/sdk/src/transport.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';

const okCheck = object({ ok: oneOf([true]) });
const OK = { kind: 'json', status: 200, body: { ok: true } } as const;

describe('transport under faults', () => {
  let server: FaultServer;
  before(async () => {
    server = await startFaultServer();
  });
  after(() => server.close());

  const transport = (options: Partial<ClientOptions> = {}): Transport =>
    new Transport(resolveClientOptions({ baseUrl: server.baseUrl, retry: { baseDelayMs: 2 }, timeoutMs: 2_000, ...options }));
  const get = (path: string, extra: Partial<TransportRequest> = {}): TransportRequest => ({
    method: 'GET',
    path: path.slice(1),
    check: okCheck,
    ...extra,
  });
  const attempts = (path: string): number => server.seen(path).length;

  let path = '';
  let counter = 0;
  beforeEach(() => {
    path = `/case-${++counter}`;
  });

  it('retries a dropped connection and fails with AdvNetworkError "unreachable" after 1 + 3 attempts', async () => {
    server.script(path, { kind: 'drop' });
    await assert.rejects(transport().send<{ ok: true }>(get(path)), (error: unknown) => error instanceof AdvNetworkError && error.reason === 'unreachable');
    assert.equal(attempts(path), 4);
  });

  it('recovers when a dropped connection is followed by an answer', async () => {
    server.script(path, { kind: 'drop' }, OK);
    assert.deepEqual(await transport().send<{ ok: true }>(get(path)), { ok: true });
    assert.equal(attempts(path), 2);
  });

  it('gives up on a persistent 500 with AdvHttpError after 4 attempts', async () => {
    server.script(path, { kind: 'json', status: 500, body: { type: 'urn:x', title: 'Boom', status: 500 } });
    await assert.rejects(transport().send<{ ok: true }>(get(path)), (error: unknown) => error instanceof AdvHttpError && error.status === 500);
    assert.equal(attempts(path), 4);
  });

  it('succeeds on 503-then-200 after 2 attempts', async () => {
    server.script(path, { kind: 'raw', status: 503, body: 'Service Unavailable' }, OK);
    assert.deepEqual(await transport().send<{ ok: true }>(get(path)), { ok: true });
    assert.equal(attempts(path), 2);
  });

  it('retries 408 but not 404', async () => {
    server.script(path, { kind: 'raw', status: 408, body: '' }, OK);
    assert.deepEqual(await transport().send<{ ok: true }>(get(path)), { ok: true });
    assert.equal(attempts(path), 2);
    const notFound = `${path}-404`;
    server.script(notFound, { kind: 'json', status: 404, body: { type: 'urn:x', title: 'Not Found', status: 404 } });
    await assert.rejects(transport().send<{ ok: true }>(get(notFound)), (error: unknown) => error instanceof AdvHttpError && error.status === 404);
    assert.equal(attempts(notFound), 1);
  });

  it('times out an answer slower than timeoutMs, once per attempt', async () => {
    server.script(path, { kind: 'slow', ms: 400, body: { ok: true } });
    await assert.rejects(
      transport({ timeoutMs: 50, retry: { retries: 1, baseDelayMs: 1 } }).send(get(path)),
      (error: unknown) => error instanceof AdvNetworkError && error.reason === 'timeout',
    );
    assert.equal(attempts(path), 2);
  });

  it('treats a body cut off mid-stream as a network failure and retries it', async () => {
    server.script(path, { kind: 'truncate' }, OK);
    assert.deepEqual(await transport().send<{ ok: true }>(get(path)), { ok: true });
    assert.equal(attempts(path), 2);
  });

  it('reports complete but broken JSON as AdvValidationError without retrying', async () => {
    server.script(path, { kind: 'raw', status: 200, body: '{"ok": tr', headers: { 'content-type': 'application/json' } });
    await assert.rejects(transport().send<{ ok: true }>(get(path)), AdvValidationError);
    assert.equal(attempts(path), 1);
  });

  it('reports a body of the wrong shape as AdvValidationError with its issues', async () => {
    server.script(path, { kind: 'json', status: 200, body: { ok: 'yes' } });
    await assert.rejects(transport().send<{ ok: true }>(get(path)), (error: unknown) => {
      assert.ok(error instanceof AdvValidationError);
      assert.deepEqual(error.issues[0]?.path, ['ok']);
      return true;
    });
    assert.equal(attempts(path), 1);
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    server.script(path, { kind: 'json', status: 429, body: { type: 'urn:x', title: 'Too Many Requests', status: 429 }, headers: { 'retry-after': '1' } }, OK);
    const started = performance.now();
    assert.deepEqual(await transport({ retry: { baseDelayMs: 1 } }).send(get(path)), { ok: true });
    assert.equal(attempts(path), 2);
    // Behaviour, not speed: the backoff alone (≤ 1 ms) could not have waited this long.
    assert.ok(performance.now() - started >= 900, 'the Retry-After second was honoured');
  });

  it('fails at once with AdvRateLimitedError when Retry-After is over a minute', async () => {
    server.script(path, { kind: 'json', status: 429, body: { type: 'urn:x', title: 'Too Many Requests', status: 429 }, headers: { 'retry-after': '120' } });
    await assert.rejects(transport().send<{ ok: true }>(get(path)), (error: unknown) => {
      assert.ok(error instanceof AdvRateLimitedError);
      assert.equal(error.retryAfterMs, 120_000);
      return true;
    });
    assert.equal(attempts(path), 1);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const inTwoHours = new Date(Date.now() + 2 * 3600_000).toUTCString();
    server.script(path, { kind: 'json', status: 429, body: { type: 'urn:x', title: 'Too Many Requests', status: 429 }, headers: { 'retry-after': inTwoHours } });
    await assert.rejects(transport().send<{ ok: true }>(get(path)), (error: unknown) => error instanceof AdvRateLimitedError && error.retryAfterMs > 7_000_000);
    assert.equal(attempts(path), 1);
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    server.script(path, { kind: 'raw', status: 503, body: '' }, OK);
    const request: TransportRequest = { method: 'POST', path: path.slice(1), body: { a: 1 }, check: okCheck };
    await assert.rejects(transport().send<{ ok: true }>(request), (error: unknown) => error instanceof AdvHttpError && error.status === 503);
    assert.equal(attempts(path), 1);
  });

  it('retries a POST carrying an Idempotency-Key, with the same key every time', async () => {
    server.script(path, { kind: 'drop' }, { kind: 'raw', status: 502, body: '' }, OK);
    const request: TransportRequest = { method: 'POST', path: path.slice(1), body: { a: 1 }, check: okCheck, idempotencyKey: 'share-42' };
    assert.deepEqual(await transport().send<{ ok: true }>(request), { ok: true });
    const keys = server.seen(path).map((seen) => seen.headers['idempotency-key']);
    assert.deepEqual(keys, ['share-42', 'share-42', 'share-42']);
  });

  it('asks getToken() again once after a 401, then gives up', async () => {
    let calls = 0;
    const getToken = (): string => `token-${++calls}`;
    server.script(path, { kind: 'json', status: 401, body: { type: 'urn:x', title: 'Unauthorized', status: 401 } }, OK);
    assert.deepEqual(await transport({ getToken }).send(get(path, { authenticated: true })), { ok: true });
    assert.deepEqual(server.seen(path).map((seen) => seen.headers.authorization), ['Bearer token-1', 'Bearer token-2']);

    const always401 = `${path}-always`;
    server.script(always401, { kind: 'json', status: 401, body: { type: 'urn:x', title: 'Unauthorized', status: 401 } });
    await assert.rejects(transport({ getToken }).send(get(always401, { authenticated: true })), (error: unknown) => error instanceof AdvHttpError && error.status === 401);
    assert.equal(attempts(always401), 2);
  });

  it('shares one request between identical GETs in flight', async () => {
    server.script(path, { kind: 'slow', ms: 100, body: { ok: true } });
    const client = transport();
    const answers = await Promise.all([client.send(get(path)), client.send(get(path)), client.send(get(path))]);
    assert.deepEqual(answers, [{ ok: true }, { ok: true }, { ok: true }]);
    assert.equal(attempts(path), 1);
  });

  it('lets one caller of a shared GET abort without cancelling the others', async () => {
    server.script(path, { kind: 'slow', ms: 150, body: { ok: true } });
    const client = transport();
    const controller = new AbortController();
    const leaving = client.send(get(path, { signal: controller.signal }));
    const staying = client.send(get(path));
    controller.abort();
    await assert.rejects(leaving, (error: unknown) => error instanceof AdvNetworkError && error.reason === 'aborted');
    assert.deepEqual(await staying, { ok: true });
    assert.equal(attempts(path), 1);
  });

  it('starts afresh when the same GET is asked again just after its only caller left', async () => {
    const slowOk = { kind: 'slow', ms: 50, body: { ok: true } } as const;
    server.script(path, slowOk, slowOk);
    const client = transport();
    const controller = new AbortController();
    const leaving = client.send(get(path, { signal: controller.signal }));
    controller.abort();
    // A store's refresh() does exactly this: it aborts its load in flight and asks again at once.
    const again = client.send<{ ok: true }>(get(path));
    await assert.rejects(leaving, (error: unknown) => error instanceof AdvNetworkError && error.reason === 'aborted');
    assert.deepEqual(await again, { ok: true });
  });

  it('starts no request for a caller whose signal is already aborted (nothing fails unheard later)', async () => {
    server.script(path, { kind: 'slow', ms: 50, body: { ok: true } });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(transport().send(get(path, { signal: controller.signal })), (error: unknown) => error instanceof AdvNetworkError && error.reason === 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(attempts(path), 0);
  });

  it('stops retrying as soon as the caller aborts', async () => {
    // Retry-After fixes the wait at 30 s: a jittered backoff could fall under the 50 ms before the abort.
    server.script(path, { kind: 'raw', status: 503, body: '', headers: { 'retry-after': '30' } });
    const controller = new AbortController();
    const pending = transport().send(get(path, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, (error: unknown) => error instanceof AdvNetworkError && error.reason === 'aborted');
    assert.equal(attempts(path), 1);
  });

  it('never lets anything but an AdvError escape, whatever the status and body', async () => {
    const nullBodyStatuses = new Set([204, 205, 304]);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 200, max: 599 }), fc.oneof(fc.string(), fc.json()), async (status, body) => {
        const fakeFetch: typeof fetch = async () =>
          new Response(nullBodyStatuses.has(status) ? null : body, { status, headers: { 'content-type': 'application/json' } });
        const client = new Transport(resolveClientOptions({ baseUrl: 'https://api.example', fetch: fakeFetch, retry: false }));
        try {
          const value = await client.send({ method: 'GET', path: 'x', check: okCheck });
          assert.deepEqual(value, { ok: true });
        } catch (error) {
          assert.ok(error instanceof AdvError, `escaped: ${String(error)}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
