import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../packages/server/src/app.js';
import { buildMetricsServer } from '../../packages/server/src/metrics/metrics-server.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';
import { redisUnavailable, startRedisServer, type RedisServer } from '../helpers/redis-server.js';

const LIMIT = 5;
const limits = { perKeyAndIp: LIMIT, perEmployee: LIMIT, perAnonymousIp: LIMIT };
const anonymous = (remoteAddress: string): InjectOptions => ({ method: 'GET', url: '/v1/openapi.json', remoteAddress });

/** `times` requests from one address, alternating between the instances; the status codes in order. */
async function alternate(instances: FastifyInstance[], times: number, request: InjectOptions): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await instances[i % instances.length]!.inject(request)).statusCode);
  return statuses;
}

const count = (statuses: number[], status: number): number => statuses.filter((s) => s === status).length;

for (const kind of databaseKinds()) {
  describe(`rate limits shared through Redis, two instances on ${kind}`, { skip: redisUnavailable() }, () => {
    let redis: RedisServer;
    let api: TestApi;
    let second: FastifyInstance;
    before(async () => {
      redis = await startRedisServer();
      api = await startTestApi(kind, { rateLimits: limits, redisUrl: redis.url });
      second = await buildApp(api.db, { ...api.settings });
    });
    after(async () => {
      await second.close();
      await api.close();
      await redis.close();
    });

    it('lets the limit through from one address in total, not once per instance', async () => {
      const statuses = await alternate([api.app, second], LIMIT * 2, anonymous('192.0.2.1'));
      assert.equal(count(statuses, 200), LIMIT, `answers: ${statuses.join(' ')}`);
      assert.equal(count(statuses, 429), LIMIT);
      assert.deepEqual(statuses.slice(0, LIMIT), Array<number>(LIMIT).fill(200), 'the first ones pass');
    });

    it('shares an employee’s budget across instances', async () => {
      const headers = await api.acme.employee('two-tabs');
      const statuses = await alternate([api.app, second], LIMIT + 1, { method: 'GET', url: '/v1/me', headers });
      assert.deepEqual(statuses, [...Array<number>(LIMIT).fill(200), 429]);
    });

    it('keeps the API’s and the tracked links’ budgets apart', async () => {
      await alternate([api.app, second], LIMIT + 1, anonymous('192.0.2.2'));
      const link = await second.inject({ method: 'GET', url: '/r/unknown1', remoteAddress: '192.0.2.2' });
      assert.equal(link.statusCode, 404, 'the address spent its API budget, not its tracked-link one');
    });

    it('counts refusals in the metrics', async () => {
      await alternate([api.app], LIMIT + 2, anonymous('192.0.2.3'));
      const metrics = buildMetricsServer(api.app.metrics);
      const text = (await metrics.inject({ method: 'GET', url: '/metrics' })).body;
      await metrics.close();
      const refused = /^advocacy_rate_limit_refusals_total\{scope="api",bucket="ip"\} (\d+)$/m.exec(text);
      assert.ok(refused && Number(refused[1]) >= 2, text.slice(0, 2_000));
    });

    it('falls back to per-instance limits while Redis is down, never a 500, and shares again once it is back', async () => {
      await redis.stop();
      const down = await alternate([api.app, second], LIMIT * 2 + 2, anonymous('192.0.2.4'));
      assert.equal(count(down, 500), 0);
      assert.equal(count(down, 200), LIMIT * 2, `each instance counts alone: ${down.join(' ')}`);
      assert.equal(count(down, 429), 2);

      await redis.restart();
      // ioredis reconnects with backoff (at most 2 s between attempts).
      const deadline = Date.now() + 10_000;
      let shared: number[] = [];
      for (let n = 0; Date.now() < deadline; n++) {
        shared = await alternate([api.app, second], LIMIT * 2, anonymous(`192.0.2.${100 + n}`));
        if (count(shared, 200) === LIMIT) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      assert.equal(count(shared, 200), LIMIT, `shared again: ${shared.join(' ')}`);
    });
  });
}

describe('rate limits without REDIS_URL', () => {
  let api: TestApi;
  let second: FastifyInstance;
  before(async () => {
    api = await startTestApi('pglite', { rateLimits: limits });
    second = await buildApp(api.db, { ...api.settings });
  });
  after(async () => {
    await second.close();
    await api.close();
  });

  it('counts per instance (the documented single-instance mode)', async () => {
    const statuses = await alternate([api.app, second], LIMIT * 2, anonymous('192.0.2.1'));
    assert.equal(count(statuses, 200), LIMIT * 2);
  });
});
