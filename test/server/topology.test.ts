import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPostgres } from '../../packages/server/src/db/postgres.js';
import { createOrganisation } from '../../packages/server/src/domain/organisations.js';
import { newShareCode } from '../../packages/server/src/domain/share-codes.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { startTopology, topologyUnavailable, waitFor, type Topology } from '../../scripts/topology.js';
import { BROWSER, readerAddress, seedTrackedLinks } from '../helpers/tracked-link-load.js';

const why = topologyUnavailable();

describe('the reference topology: two instances behind HAProxy on one Postgres and one Redis', { skip: why }, () => {
  let topology: Topology;
  let db: Db;
  let code: string;
  let reader = 0;
  let answered = 0;

  before(async () => {
    topology = await startTopology();
    db = await openPostgres({ connectionString: topology.databaseUrl, maxConnections: 2 });
    [code] = (await seedTrackedLinks(db, 1)) as [string];
  });
  after(async () => {
    await db?.close();
    await topology?.stop();
  });

  /** One new reader following the link through the balancer: the status and the instance that answered. */
  async function follow(): Promise<{ status: number; by: string | null }> {
    reader += 1;
    const response = await fetch(`${topology.url}/r/${code}`, { redirect: 'manual', headers: { 'user-agent': BROWSER, 'x-forwarded-for': readerAddress(reader) } });
    await response.arrayBuffer();
    if (response.status === 302) answered += 1;
    return { status: response.status, by: response.headers.get('x-served-by') };
  }

  it('sends requests through the balancer to both instances', async () => {
    const seen = new Map<string, number>();
    for (let n = 0; n < 20; n += 1) {
      const { status, by } = await follow();
      assert.equal(status, 302);
      seen.set(String(by), (seen.get(String(by)) ?? 0) + 1);
    }
    assert.deepEqual([...seen.keys()].sort(), ['api-1', 'api-2']);
    const health = await fetch(`${topology.url}/healthz`);
    assert.equal(health.status, 200);
  });

  it('shares one rate limit between the instances through Redis: 300 anonymous requests a minute from one address in all, not 300 each', async () => {
    const statuses: number[] = [];
    const servedBy = new Set<string>();
    for (let n = 0; n < 320; n += 1) {
      const response = await fetch(`${topology.url}/v1/openapi.json`, { headers: { 'x-forwarded-for': '198.51.100.77' } });
      await response.arrayBuffer();
      statuses.push(response.status);
      servedBy.add(String(response.headers.get('x-served-by')));
    }
    assert.deepEqual([...servedBy].sort(), ['api-1', 'api-2'], 'both instances answered');
    assert.equal(statuses.filter((status) => status === 200).length, 300);
    assert.equal(statuses.filter((status) => status === 429).length, 20);
  });

  it('shows a destination changed through one instance on the other within a second', async () => {
    const org = await createOrganisation(db, { slug: 'coherent', name: 'Coherent', allowedDomains: ['coherent.example'], jwt: { issuer: 'https://idp.coherent.example/', audience: 'coherent' } });
    const [employeeId, contentId, linkCode] = [crypto.randomUUID(), crypto.randomUUID(), newShareCode()];
    await db.query('INSERT INTO employees (id, organisation_id, subject, name) VALUES ($1, $2, $3, $4)', [employeeId, org.id, 'coherent', 'Coherent']);
    await db.query('INSERT INTO content (id, organisation_id, title, url, locale) VALUES ($1, $2, $3, $4, $5)', [contentId, org.id, 'Before', 'https://coherent.example/before', 'en']);
    await db.query('INSERT INTO shares (id, organisation_id, employee_id, content_id, network, code) VALUES ($1, $2, $3, $4, $5, $6)', [crypto.randomUUID(), org.id, employeeId, contentId, 'linkedin', linkCode]);
    const [first, second] = topology.instances as [Topology['instances'][0], Topology['instances'][0]];
    const destination = async (): Promise<string> => {
      const response = await fetch(`${second.url}/r/${linkCode}`, { redirect: 'manual', headers: { 'user-agent': BROWSER, 'x-forwarded-for': '203.0.113.200' } });
      await response.arrayBuffer();
      return new URL(response.headers.get('location') ?? 'about:blank').pathname;
    };
    assert.equal(await destination(), '/before', 'the second instance has the link cached');
    const changed = await fetch(`${first.url}/v1/content/${contentId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${org.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://coherent.example/after' }),
    });
    assert.equal(changed.status, 200, await changed.text());
    const started = performance.now();
    await waitFor(async () => (await destination()) === '/after', 1_000, 'the second instance to follow the change');
    assert.ok(performance.now() - started <= 1_000);
  });

  it('keeps answering with one instance killed, takes it back once restarted, and records every answered click', async () => {
    const [first, second] = topology.instances as [Topology['instances'][0], Topology['instances'][0]];
    await first.kill('SIGKILL');
    const during = new Set<string>();
    for (let n = 0; n < 40; n += 1) {
      const { status, by } = await follow();
      assert.equal(status, 302, `request ${n} after the kill`);
      during.add(String(by));
    }
    assert.deepEqual([...during], [second.name]);

    await first.start();
    // HAProxy takes it back after two good health checks (500 ms apart).
    await waitFor(async () => (await follow()).by === first.name, 10_000, `${first.name} to be back behind the balancer`);

    await waitFor(
      async () => {
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM clicks c JOIN shares s ON s.id = c.share_id WHERE s.code = $1', [code]);
        return rows[0]?.n === answered;
      },
      15_000,
      `${answered} recorded clicks`,
    );
  });
});
