import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPostgres } from '../../packages/server/src/db/postgres.js';
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
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM clicks');
        return rows[0]?.n === answered;
      },
      15_000,
      `${answered} recorded clicks`,
    );
  });
});
