import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ProblemSchema } from '@advocacy/sdk/contract';
import { clientNetwork } from '../../packages/server/src/http/client-address.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const LIMIT = 5;

describe('client networks for rate limits', () => {
  it('counts IPv4 addresses one by one and IPv6 by /56', () => {
    assert.equal(clientNetwork('203.0.113.7'), '203.0.113.7');
    assert.equal(clientNetwork('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(clientNetwork('2001:db8:0:1::1'), clientNetwork('2001:db8:0:ff:abcd::2'));
    assert.equal(clientNetwork('2001:db8::1'), clientNetwork('2001:0db8:0000:0000:0000:0000:0000:0009'));
    assert.notEqual(clientNetwork('2001:db8:0:1::1'), clientNetwork('2001:db8:0:100::1'));
    assert.notEqual(clientNetwork('2001:db8:1::1'), clientNetwork('2001:db8:2::1'));
  });
});

for (const kind of databaseKinds()) {
  describe(`rate limits on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind, { rateLimits: { perKeyAndIp: LIMIT, perEmployee: LIMIT, perAnonymousIp: LIMIT } });
    });
    after(() => api.close());

    /** Sends the same request `times` times and returns the status codes and the last answer. */
    async function repeat(times: number, options: () => InjectOptions | Promise<InjectOptions>): Promise<{ statuses: number[]; last: LightMyRequestResponse }> {
      const statuses: number[] = [];
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < times; i++) {
        last = await api.inject(await options());
        statuses.push(last.statusCode);
      }
      return { statuses, last: last! };
    }

    const allowedThenLimited = (ok: number): number[] => [...Array<number>(LIMIT).fill(ok), 429];

    it('answers the request over an employee’s limit with a 429 problem, Retry-After and RateLimit headers, readable by the page', async () => {
      const headers = await api.acme.employee('busy');
      const { statuses, last } = await repeat(LIMIT + 1, () => ({ method: 'GET', url: '/v1/me', headers }));
      assert.deepEqual(statuses, allowedThenLimited(200));
      assert.match(String(last.headers['content-type']), /problem\+json/);
      assert.equal(ProblemSchema.parse(last.json()).status, 429);
      const retryAfter = Number(last.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${last.headers['retry-after']}`);
      assert.equal(last.headers['ratelimit-limit'], String(LIMIT));
      assert.equal(last.headers['ratelimit-remaining'], '0');
      assert.ok(Number(last.headers['ratelimit-reset']) >= 1);
      assert.equal(last.headers['access-control-allow-origin'], api.acme.intranetOrigin, 'the page can read why it was refused');
    });

    it('counts per employee, whatever their address, and no employee spends another’s budget', async () => {
      const addresses = ['198.51.100.1', '198.51.100.2', '2001:db8:7::1'];
      let n = 0;
      const { statuses } = await repeat(LIMIT + 1, async () => ({ method: 'GET', url: '/v1/me', headers: await api.acme.employee('roaming'), remoteAddress: addresses[n++ % addresses.length]! }));
      assert.deepEqual(statuses, allowedThenLimited(200), 'a fresh token and another address do not reset the budget');
      assert.equal((await api.inject({ method: 'GET', url: '/v1/me', headers: await api.acme.employee('colleague') })).statusCode, 200);
      assert.equal((await api.inject({ method: 'GET', url: '/v1/me', headers: await api.globex.employee('roaming') })).statusCode, 200, 'same subject, other organisation');
    });

    it('does not let forged tokens spend the budget of the employee they name', async () => {
      const forged = (await api.acme.token('victim')).replace(/\.[^.]+$/, '.c2lnbmF0dXJl');
      const { statuses } = await repeat(LIMIT * 2, () => ({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${forged}` }, remoteAddress: '203.0.113.66' }));
      assert.deepEqual(statuses, [...allowedThenLimited(401), ...Array<number>(LIMIT - 1).fill(429)], 'the forger is limited by their address');
      const victim = await api.inject({ method: 'GET', url: '/v1/me', headers: await api.acme.employee('victim') });
      assert.equal(victim.statusCode, 200, 'the employee named in the forged tokens is not affected');
    });

    it('counts a publishable key per address, apart from other keys and organisations', async () => {
      const from = (remoteAddress: string, headers = api.acme.publicPage()): InjectOptions => ({ method: 'GET', url: '/v1/testimonials', headers, remoteAddress });
      assert.deepEqual((await repeat(LIMIT + 1, () => from('192.0.2.10'))).statuses, allowedThenLimited(200));
      assert.equal((await api.inject(from('192.0.2.11'))).statusCode, 200, 'the same key from another address');
      assert.equal((await api.inject(from('192.0.2.10', api.globex.publicPage()))).statusCode, 200, 'another organisation’s key from the same address');
      const secret = await api.inject({ method: 'GET', url: '/v1/admin/testimonials', headers: { authorization: `Bearer ${api.acme.secretKey}` }, remoteAddress: '192.0.2.10' });
      assert.equal(secret.statusCode, 200, 'the secret key has its own budget');
    });

    it('counts made-up keys against the address that sends them', async () => {
      let n = 0;
      const { statuses } = await repeat(LIMIT + 1, () => ({
        method: 'GET',
        url: '/v1/testimonials',
        headers: { authorization: `Bearer pk_madeup${String(n++).padStart(20, '0')}`, origin: api.acme.publicOrigin },
        remoteAddress: '192.0.2.99',
      }));
      assert.deepEqual(statuses, allowedThenLimited(401));
    });

    it('counts requests without a credential per address, IPv6 per /56', async () => {
      const anonymous = (remoteAddress: string): InjectOptions => ({ method: 'GET', url: '/v1/openapi.json', remoteAddress });
      assert.deepEqual((await repeat(LIMIT + 1, () => anonymous('192.0.2.50'))).statuses, allowedThenLimited(200));
      assert.equal((await api.inject(anonymous('192.0.2.51'))).statusCode, 200);
      let n = 0;
      const { statuses } = await repeat(LIMIT + 1, () => anonymous(`2001:db8:0:${(n++).toString(16)}::${n}`));
      assert.deepEqual(statuses, allowedThenLimited(200), 'addresses of one /56 share a budget');
      assert.equal((await api.inject(anonymous('2001:db8:0:100::1'))).statusCode, 200, 'the next /56 has its own');
    });
  });
}
