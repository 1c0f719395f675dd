import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  AdvConfigError,
  AdvHttpError,
  AdvNetworkError,
  AdvValidationError,
  createClient,
  SDK_VERSION,
} from '@advocacy/sdk';
import { startLiveServer, type LiveServer } from '../helpers/live-server.js';

describe('createClient options', () => {
  const cases: [string, unknown, RegExp][] = [
    ['no options', undefined, /expected the options to be an object, but received undefined/],
    ['a relative baseUrl', { baseUrl: '/api' }, /expected baseUrl to be an absolute http\(s\) URL, but received the string "\/api"/],
    ['a javascript: baseUrl', { baseUrl: 'javascript:alert(1)' }, /expected baseUrl/],
    ['a key that is not pk_', { baseUrl: 'https://a.example', publishableKey: 'abc' }, /expected publishableKey to be a "pk_…" key/],
    ['a non-function getToken', { baseUrl: 'https://a.example', getToken: 'eyJ' }, /expected getToken to be a function, but received the string/],
    ['a zero timeout', { baseUrl: 'https://a.example', timeoutMs: 0 }, /expected timeoutMs to be a positive number/],
    ['a bad locale', { baseUrl: 'https://a.example', locale: 'not a locale!' }, /expected locale to be a BCP 47 language tag/],
  ];
  for (const [label, options, message] of cases) {
    it(`throws AdvConfigError for ${label}`, () => {
      assert.throws(() => createClient(options as never), (error: unknown) => {
        assert.ok(error instanceof AdvConfigError);
        assert.equal(error.name, 'AdvConfigError');
        assert.match(error.message, message);
        return true;
      });
    });
  }

  it('never echoes a secret key it refuses', () => {
    assert.throws(
      () => createClient({ baseUrl: 'https://a.example', publishableKey: 'sk_live_abcdef123456' }),
      (error: unknown) => error instanceof AdvConfigError && !error.message.includes('abcdef123456'),
    );
  });

  it('does no network work when created', () => {
    let calls = 0;
    createClient({ baseUrl: 'https://a.example', fetch: async () => (calls++, new Response('{}')) });
    assert.equal(calls, 0);
  });
});

describe('client against the real server', () => {
  let server: LiveServer;
  before(async () => {
    server = await startLiveServer('pglite', {}, (app) => {
      app.get('/slow', async () => new Promise((resolve) => setTimeout(() => resolve({}), 2_000)));
    });
  });
  after(() => server.close());

  it('health() returns the validated health document and sends the SDK version', async () => {
    let seen: Headers | undefined;
    const client = createClient({
      baseUrl: server.baseUrl,
      fetch: (input, init) => ((seen = new Headers(init?.headers)), fetch(input, init)),
    });
    const health = await client.health();
    assert.equal(health.status, 'ok');
    assert.equal(health.database.up, true);
    assert.equal(seen?.get('adv-client'), `sdk/${SDK_VERSION}`);
  });

  it('turns a problem answer into AdvHttpError with status, problem and request id', async () => {
    const client = createClient({ baseUrl: new URL('nowhere/', server.baseUrl).href });
    await assert.rejects(client.health(), (error: unknown) => {
      assert.ok(error instanceof AdvHttpError);
      assert.equal(error.status, 404);
      assert.equal(error.problem.type, 'urn:advocacy:problem:not-found');
      assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/);
      return true;
    });
  });

  it('times out with AdvNetworkError reason "timeout", and aborts with reason "aborted"', async () => {
    const slow = createClient({
      baseUrl: server.baseUrl,
      timeoutMs: 100,
      fetch: (_input, init) => fetch(new URL('slow', server.baseUrl), init),
    });
    await assert.rejects(slow.health(), (e: unknown) => e instanceof AdvNetworkError && e.reason === 'timeout');
    const controller = new AbortController();
    const pending = createClient({ baseUrl: server.baseUrl, fetch: (_i, init) => fetch(new URL('slow', server.baseUrl), init) })
      .health({ signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, (e: unknown) => e instanceof AdvNetworkError && e.reason === 'aborted');
  });

  it('fails with AdvNetworkError "unreachable", naming the API, when nothing listens', async () => {
    const port = await freePort();
    const client = createClient({ baseUrl: `http://127.0.0.1:${port}/`, retry: false });
    await assert.rejects(
      client.health(),
      (e: unknown) => e instanceof AdvNetworkError && e.reason === 'unreachable' && e.message === `The service at http://127.0.0.1:${port} could not be reached.`,
    );
  });

  it('refuses a body that breaks the contract with AdvValidationError', async () => {
    const client = createClient({
      baseUrl: server.baseUrl,
      fetch: async () => Response.json({ status: 'fine', version: 1 }),
    });
    await assert.rejects(client.health(), (e: unknown) => e instanceof AdvValidationError && e.issues.length > 0);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
