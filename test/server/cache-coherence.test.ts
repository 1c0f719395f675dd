import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ShareSchema, type Content } from '@advocacy/sdk/contract';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { openPostgres } from '../../packages/server/src/db/postgres.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { createContent, jsonRequest } from '../helpers/content.js';
import { databaseKinds } from '../helpers/databases.js';

/** The bound the README states for a change to reach every instance while the notification channel is up. */
const BOUND_MS = 1_000;

/** Polls `check` until it holds or the bound has passed; true when it held in time. */
async function withinBound(check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + BOUND_MS;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function share(api: TestApi, content: Content): Promise<string> {
  const response = await api.inject({
    method: 'POST',
    url: '/v1/shares',
    ...jsonRequest(await api.acme.employee('sharer'), { contentId: content.id, network: 'linkedin' }),
  });
  return ShareSchema.parse(response.json()).code;
}

const locationOf = async (app: FastifyInstance, code: string): Promise<string> => String((await app.inject({ method: 'GET', url: `/r/${code}` })).headers.location);

for (const kind of databaseKinds()) {
  describe(`cached tracked links follow a content change on ${kind}, on the same instance`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    it('redirects to the new destination at once, not after the cache’s 30 s', async () => {
      const content = await createContent(api, { url: `https://${api.acme.domain}/old` });
      const code = await share(api, content);
      assert.match(await locationOf(api.app, code), /\/old\?/);
      const moved = await api.inject({ method: 'PATCH', url: `/v1/content/${content.id}`, ...jsonRequest(await api.acme.admin(), { url: `https://${api.acme.domain}/new` }) });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.ok(await withinBound(async () => /\/new\?/.test(await locationOf(api.app, code))), 'the link follows the change');
    });
  });
}

describe('two instances on one Postgres see each other’s changes within the bound', { skip: process.env['DATABASE_URL'] ? undefined : 'needs Postgres (DATABASE_URL): PGlite is one process, one instance' }, () => {
  let api: TestApi;
  let secondDb: Db;
  let second: FastifyInstance;
  before(async () => {
    api = await startTestApi('postgres');
    secondDb = await openPostgres({ connectionString: api.databaseUrl!, maxConnections: 4 });
    second = await buildApp(secondDb, { ...api.settings });
  });
  after(async () => {
    await second.close();
    await secondDb.close();
    await api.close();
  });

  it('a content destination changed on A: B’s cached link redirects to the new one', async () => {
    const content = await createContent(api, { url: `https://${api.acme.domain}/before` });
    const code = await share(api, content);
    assert.match(await locationOf(second, code), /\/before\?/, 'B has the link cached');
    await api.inject({ method: 'PATCH', url: `/v1/content/${content.id}`, ...jsonRequest(await api.acme.admin(), { url: `https://${api.acme.domain}/after` }) });
    assert.ok(await withinBound(async () => /\/after\?/.test(await locationOf(second, code))));
  });

  it('a key revoked on A is refused by B', async () => {
    const created = await api.inject({ method: 'POST', url: '/v1/admin/keys', ...jsonRequest(await api.acme.admin(), { kind: 'publishable', origins: [api.acme.publicOrigin] }) });
    const key = created.json<{ id: string; key: string }>();
    const read = () => second.inject({ method: 'GET', url: '/v1/testimonials', headers: { authorization: `Bearer ${key.key}`, origin: api.acme.publicOrigin } });
    assert.equal((await read()).statusCode, 200);
    assert.equal((await api.inject({ method: 'DELETE', url: `/v1/admin/keys/${key.id}`, headers: await api.acme.admin() })).statusCode, 200);
    assert.ok(await withinBound(async () => (await read()).statusCode === 401));
  });

  it('an origin removed on A is refused by B', async () => {
    const page = 'https://wiki.acme.example';
    await api.inject({ method: 'POST', url: '/v1/admin/origins', ...jsonRequest(await api.acme.admin(), { origin: page }) });
    const fromPage = async () => second.inject({ method: 'GET', url: '/v1/me', headers: { ...(await api.acme.employee('reader')), origin: page } });
    assert.equal((await fromPage()).statusCode, 200);
    await api.inject({ method: 'DELETE', url: `/v1/admin/origins/${encodeURIComponent(page)}`, headers: await api.acme.admin() });
    assert.ok(await withinBound(async () => (await fromPage()).statusCode === 403));
  });

  it('B listens again after losing its listening connection, and drops what it may have missed', async () => {
    const content = await createContent(api, { url: `https://${api.acme.domain}/one` });
    const code = await share(api, content);
    assert.match(await locationOf(second, code), /\/one\?/);
    const listeners = async (): Promise<number[]> =>
      (
        await api.db.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'advocacy-server listener' ORDER BY backend_start",
        )
      ).rows.map((row) => row.pid);
    const [, secondListener] = await listeners();
    assert.ok(secondListener, 'one listening connection per instance');
    await api.db.query('SELECT pg_terminate_backend($1)', [secondListener]);
    // The change lands while B may not be listening yet: B catches up when its connection is back.
    await api.inject({ method: 'PATCH', url: `/v1/content/${content.id}`, ...jsonRequest(await api.acme.admin(), { url: `https://${api.acme.domain}/two` }) });
    const deadline = Date.now() + 5_000;
    while ((await listeners()).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await listeners()).length, 2, 'B listens again');
    assert.ok(await withinBound(async () => /\/two\?/.test(await locationOf(second, code))));
  });
});
