import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContentSchema, ShareSchema } from '@advocacy/sdk/contract';
import {
  fastifyTrustProxy,
  isLoopbackAddress,
  isLoopbackHostname,
  isLoopbackOrigin,
  networkPrefix,
  parseTrustProxy,
} from '../../packages/server/src/http/client-address.js';
import { readServerEnv } from '../../packages/server/src/server-env.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

describe('client addressing', () => {
  it('counts a visitor by network: IPv4 /24, IPv6 /48 or /56, mapped IPv4 as IPv4', () => {
    assert.equal(networkPrefix('198.51.100.77'), '198.51.100.0/24');
    assert.equal(networkPrefix('::ffff:198.51.100.77'), '198.51.100.0/24');
    assert.equal(networkPrefix('2001:db8:1234:5678::1'), '2001:db8:1234::/48');
    assert.equal(networkPrefix('2001:0db8:1234:ffff:0:0:0:9'), '2001:db8:1234::/48');
    assert.equal(networkPrefix('2001:db8:1234:5678::1', 56), '2001:db8:1234:5600::/56');
    assert.equal(networkPrefix('fe80::1%eth0'), 'fe80::/48', 'a zone id does not make a network of its own');
    for (const junk of ['', 'not an ip', '999.1.1.1', undefined]) assert.equal(networkPrefix(junk), 'unknown');
  });

  it('has one idea of this machine, for addresses, host names and origins', () => {
    for (const ip of ['127.0.0.1', '127.9.8.7', '::1', '::ffff:127.0.0.1']) assert.equal(isLoopbackAddress(ip), true, ip);
    for (const ip of ['10.0.0.1', '::', '0.0.0.0', '192.168.1.1', '::ffff:10.0.0.1', '', undefined]) assert.equal(isLoopbackAddress(ip), false, String(ip));
    for (const name of ['localhost', 'LOCALHOST', 'app.localhost', 'localhost.', '127.0.0.1', '127.1.2.3', '[::1]', '::1']) assert.equal(isLoopbackHostname(name), true, name);
    for (const name of ['localhost.evil.example', '127.0.0.1.evil.example', 'evil-localhost', '127.1', '0x7f.0.0.1', '2130706433', '[::2]', 'example.com']) {
      assert.equal(isLoopbackHostname(name), false, name);
    }
    assert.equal(isLoopbackOrigin('http://localhost:5173'), true);
    assert.equal(isLoopbackOrigin('http://[::1]:8080'), true);
    assert.equal(isLoopbackOrigin('https://intranet.acme.example'), false);
    assert.equal(isLoopbackOrigin('file:///tmp/page.html'), false);
    // The metrics listener's address goes through the same predicate: loopback needs no token, anything else does.
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) assert.equal(readServerEnv({ METRICS_PORT: '9464', METRICS_HOST: host }).metrics?.host, host, host);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'metrics.acme.example']) assert.throws(() => readServerEnv({ METRICS_PORT: '9464', METRICS_HOST: host }), /METRICS_TOKEN/, host);
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses and networks, and refuses anything else', () => {
    assert.equal(parseTrustProxy('1'), 1);
    assert.deepEqual(parseTrustProxy(' 10.0.0.0/8, 2001:db8::/32 ,127.0.0.1'), ['10.0.0.0/8', '2001:db8::/32', '127.0.0.1']);
    for (const bad of ['0', '11', 'yes', '10.0.0.0/33', '10.0.0.0/8, nope', ',']) assert.throws(() => parseTrustProxy(bad), /TRUST_PROXY/, bad);
    assert.equal(readServerEnv({}).trustProxy, undefined);
    assert.throws(() => readServerEnv({ TRUST_PROXY: 'everyone' }), /TRUST_PROXY/);
    const hops = fastifyTrustProxy(2);
    assert.ok(typeof hops === 'function' && hops('203.0.113.1', 0) && hops('203.0.113.1', 1) && !hops('203.0.113.1', 2));
  });
});

const READER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

describe('behind a reverse proxy', () => {
  const balancer = '10.1.2.3';
  let direct: TestApi;
  let proxied: TestApi;
  before(async () => {
    const limits = { perKeyAndIp: 1_000, perEmployee: 1_000, perAnonymousIp: 3 };
    direct = await startTestApi('pglite', { rateLimits: limits });
    proxied = await startTestApi('pglite', { rateLimits: limits, trustProxy: fastifyTrustProxy(parseTrustProxy('10.0.0.0/8')) });
  });
  after(async () => {
    await direct.close();
    await proxied.close();
  });

  const viaBalancer = (api: TestApi, visitor: string, url: string) =>
    api.inject({ method: 'GET', url, remoteAddress: balancer, headers: { 'x-forwarded-for': visitor, 'user-agent': READER } });

  it('gives each visitor their own rate limit with TRUST_PROXY, and one for everyone behind the balancer without it', async () => {
    const statuses = async (api: TestApi) => {
      const out: number[] = [];
      for (const visitor of ['198.51.100.1', '203.0.113.2', '2001:db8:aa::1', '2001:db8:bb::1']) out.push((await viaBalancer(api, visitor, '/v1/openapi.json')).statusCode);
      return out;
    };
    assert.deepEqual(await statuses(proxied), [200, 200, 200, 200]);
    assert.deepEqual(await statuses(direct), [200, 200, 200, 429]);
  });

  it('does not let a client that is not a trusted proxy pick its own address', async () => {
    for (let i = 0; i < 3; i++) {
      await proxied.inject({ method: 'GET', url: '/v1/openapi.json', remoteAddress: '192.0.2.50', headers: { 'x-forwarded-for': `198.18.0.${i}` } });
    }
    const fourth = await proxied.inject({ method: 'GET', url: '/v1/openapi.json', remoteAddress: '192.0.2.50', headers: { 'x-forwarded-for': '198.18.0.99' } });
    assert.equal(fourth.statusCode, 429, 'forged X-Forwarded-For from a direct client counts against its own address');
  });

  it('credits readers on different networks behind the balancer as different visitors', async () => {
    const readers = async (api: TestApi): Promise<boolean[]> => {
      const admin = { ...(await api.acme.admin()), 'content-type': 'application/json' };
      const content = ContentSchema.parse((await api.inject({ method: 'POST', url: '/v1/content', headers: admin, payload: JSON.stringify({ title: 'Jobs', url: 'https://acme.example/jobs', locale: 'en' }) })).json());
      const share = ShareSchema.parse(
        (await api.inject({ method: 'POST', url: '/v1/shares', remoteAddress: balancer, headers: { ...(await api.acme.employee('proxy-sharer')), 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.10' }, payload: JSON.stringify({ contentId: content.id, network: 'linkedin' }) })).json(),
      );
      for (const visitor of ['198.51.100.1', '203.0.113.2']) assert.equal((await viaBalancer(api, visitor, `/r/${share.code}`)).statusCode, 302);
      await api.app.flushClickRecording();
      const { rows } = await api.db.query<{ credited: boolean }>('SELECT c.credited FROM clicks c JOIN shares s ON s.id = c.share_id WHERE s.code = $1 ORDER BY c.id', [share.code]);
      return rows.map((row) => row.credited);
    };
    assert.deepEqual(await readers(proxied), [true, true]);
    // Without TRUST_PROXY everyone looks like the balancer, the network the share was made from that day: the sharer's own.
    assert.deepEqual(await readers(direct), [false, false], 'without TRUST_PROXY no reader behind the balancer counts');
  });
});
