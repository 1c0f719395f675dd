import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ShareSchema } from '@advocacy/sdk/contract';
import { buildMetricsServer } from '../../packages/server/src/metrics/metrics-server.js';
import { readServerEnv } from '../../packages/server/src/server-env.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { createContent, jsonRequest } from '../helpers/content.js';
import { databaseKinds } from '../helpers/databases.js';

const TOKEN = 'metrics-token-for-tests';

/** The value of one sample line, or undefined when the exposition has none. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

for (const kind of databaseKinds()) {
  describe(`/metrics on ${kind}`, () => {
    let api: TestApi;
    let metrics: FastifyInstance;
    let code: string;
    before(async () => {
      api = await startTestApi(kind);
      metrics = buildMetricsServer(api.app.metrics, { token: TOKEN });
      const content = await createContent(api);
      const share = await api.inject({ method: 'POST', url: '/v1/shares', ...jsonRequest(await api.acme.employee('sharer'), { contentId: content.id, network: 'linkedin' }) });
      code = ShareSchema.parse(share.json()).code;
    });
    after(async () => {
      await metrics.close();
      await api.close();
    });

    const scrape = async (): Promise<string> => {
      const response = await metrics.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      return response.body;
    };

    it('is not served on the public listener', async () => {
      assert.equal((await api.inject({ method: 'GET', url: '/metrics' })).statusCode, 404);
    });

    it('refuses a scrape without the token, or with another', async () => {
      assert.equal((await metrics.inject({ method: 'GET', url: '/metrics' })).statusCode, 401);
      const wrong = await metrics.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer guess' } });
      assert.equal(wrong.statusCode, 401);
      assert.doesNotMatch(wrong.body, /advocacy_/);
    });

    it('counts requests and latency by route pattern and status, never the raw URL', async () => {
      await api.inject({ method: 'GET', url: `/r/${code}`, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' }, remoteAddress: '198.51.100.7' });
      await api.inject({ method: 'GET', url: '/r/nosuchcode1' });
      await api.inject({ method: 'GET', url: '/no/such/page/xyzzy-plugh' });
      const text = await scrape();
      assert.equal(sample(text, 'advocacy_http_requests_total', 'method="GET",route="/r/:code",status="302"'), 1);
      assert.equal(sample(text, 'advocacy_http_requests_total', 'method="GET",route="/r/:code",status="404"'), 1);
      assert.equal(sample(text, 'advocacy_http_requests_total', 'method="GET",route="(unmatched)",status="404"'), 2, 'this one and /metrics on the public listener above');
      assert.equal(sample(text, 'advocacy_http_request_duration_seconds_count', 'method="GET",route="/r/:code",status="302"'), 1);
      assert.equal(sample(text, 'advocacy_redirects_total', 'status="302"'), 1);
      // Letters only: a number such as a memory size could contain digits a path had.
      assert.ok(!text.includes(code) && !text.includes('nosuchcode1') && !text.includes('xyzzy-plugh'), 'no raw URL in any label');
    });

    it('reports clicks journaled, written, credited and uncredited by reason, and the recorder backlog', async () => {
      await api.inject({ method: 'GET', url: `/r/${code}`, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' }, remoteAddress: '203.0.113.8' });
      await api.inject({ method: 'GET', url: `/r/${code}`, headers: { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' }, remoteAddress: '198.51.100.9' });
      await api.app.flushClickRecording();
      const text = await scrape();
      assert.equal(sample(text, 'advocacy_clicks_written_total'), 3);
      assert.equal(sample(text, 'advocacy_clicks_credited_total'), 2);
      assert.equal(sample(text, 'advocacy_clicks_uncredited_total', 'reason="bot"'), 1);
      assert.ok(sample(text, 'advocacy_clicks_journaled_total') !== undefined);
      assert.equal(sample(text, 'advocacy_click_recorder_backlog'), 0);
    });

    it('reports the database pool on Postgres, and process metrics', async () => {
      const text = await scrape();
      if (kind === 'postgres') {
        assert.ok((sample(text, 'advocacy_db_pool_connections', 'state="total"') ?? 0) >= 1);
        assert.equal(sample(text, 'advocacy_db_pool_waiting'), 0);
      } else {
        assert.equal(sample(text, 'advocacy_db_pool_waiting'), undefined, 'PGlite has no pool');
      }
      assert.ok(sample(text, 'process_resident_memory_bytes') !== undefined);
    });
  });
}

describe('logs', () => {
  const lines: string[] = [];
  let api: TestApi;
  before(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    api = await startTestApi('pglite', { logger: { level: 'info', stream } });
  });
  after(() => api.close());

  it('are JSON lines, and every line of a request carries its request id', async () => {
    lines.length = 0;
    const response = await api.inject({ method: 'GET', url: '/v1/me', headers: await api.acme.employee('logged') });
    const requestId = String(response.headers['x-request-id']);
    const entries = lines.map((line) => JSON.parse(line) as { reqId?: string; msg?: string });
    assert.ok(entries.length >= 2, lines.join('\n'));
    for (const entry of entries) assert.equal(entry.reqId, requestId, JSON.stringify(entry));
    assert.ok(entries.some((entry) => entry.msg === 'request completed'));
  });
});

describe('metrics listener settings', () => {
  it('listens on loopback by default, and elsewhere only with a token', () => {
    assert.equal(readServerEnv({}).metrics, undefined, 'no listener unless METRICS_PORT is set');
    assert.deepEqual(readServerEnv({ METRICS_PORT: '9464' }).metrics, { port: 9464, host: '127.0.0.1', token: undefined });
    assert.throws(() => readServerEnv({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }), /METRICS_TOKEN/);
    assert.equal(readServerEnv({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 't' }).metrics?.host, '0.0.0.0');
  });
});
