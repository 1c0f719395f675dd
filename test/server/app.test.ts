import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { HealthSchema, ProblemSchema, ReadinessSchema, routes } from '@advocacy/sdk/contract';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { openPglite } from '../../packages/server/src/db/pglite.js';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';

function assertProblem(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number): void {
  assert.equal(response.statusCode, status);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const problem = ProblemSchema.parse(JSON.parse(response.body));
  assert.equal(problem.status, status);
  assert.match(problem.type, /^urn:advocacy:problem:/);
  assert.equal(problem.requestId, response.headers['x-request-id']);
  assert.doesNotMatch(response.body, /at .*\.(ts|js):\d+/, 'no stack trace leaks');
}

for (const kind of databaseKinds()) {
  describe(`API skeleton on ${kind}`, () => {
    let db: Db;
    let app: FastifyInstance;
    let staticDir: string;

    before(async () => {
      db = await openTestDatabase(kind);
      await migrate(db);
      staticDir = await mkdtemp(join(tmpdir(), 'adv-static-'));
      await writeFile(join(staticDir, 'advocacy.js'), 'export {};');
      await writeFile(join(staticDir, '.secret'), 'nope');
      app = await buildApp(db, {
        version: '9.9.9-test',
        demoMode: true,
        staticSites: [{ prefix: '/cdn/', root: staticDir, label: 'Widget <bundle>', description: 'All widgets.', entry: 'advocacy.js' }],
      });
      // A JSON route like the ones the API issues add, to exercise body parsing.
      app.post('/test/echo', async (request) => ({ received: request.body }));
    });
    after(async () => {
      await app.close();
      await db.close();
      await rm(staticDir, { recursive: true, force: true });
    });

    it('GET /healthz says the database is up, per the contract', async () => {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      const health = HealthSchema.parse(response.json());
      assert.equal(health.status, 'ok');
      assert.equal(health.version, '9.9.9-test');
      assert.deepEqual([health.database.up, health.database.driver, health.database.writable], [true, kind, true]);
    });

    it('GET /readyz is ready: the database and the click journal take a write, no click backlog', async () => {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      const readiness = ReadinessSchema.parse(response.json());
      assert.equal(readiness.status, 'ready');
      assert.deepEqual([readiness.checks.database.ok, readiness.checks.journal.ok, readiness.checks.recorder.ok], [true, true, true]);
      assert.equal(readiness.checks.recorder.backlog, 0);
      assert.ok(readiness.checks.recorder.bound > 0);
    });

    it('answers an unknown route with a 404 problem', async () => {
      assertProblem(await app.inject({ method: 'GET', url: '/v1/nothing-here?x=1' }), 404);
    });

    it('answers malformed JSON, an oversized body and an unsupported media type with 4xx problems', async () => {
      const json = { 'content-type': 'application/json' };
      const ok = await app.inject({ method: 'POST', url: '/test/echo', headers: json, payload: '{"a":1}' });
      assert.deepEqual(ok.json(), { received: { a: 1 } });
      assertProblem(await app.inject({ method: 'POST', url: '/test/echo', headers: json, payload: '{"a":' }), 400);
      const big = JSON.stringify({ text: 'x'.repeat(17 * 1024) });
      assertProblem(await app.inject({ method: 'POST', url: '/test/echo', headers: json, payload: big }), 413);
      assertProblem(
        await app.inject({ method: 'POST', url: '/test/echo', headers: { 'content-type': 'application/x-unknown' }, payload: 'x' }),
        415,
      );
    });

    it('serves the OpenAPI 3.1 document with every route of the contract', async () => {
      const response = await app.inject({ method: 'GET', url: '/v1/openapi.json' });
      assert.equal(response.statusCode, 200);
      const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
      assert.equal(document.openapi, '3.1.0');
      for (const route of Object.values(routes)) {
        const path = route.path.replace(/:(\w+)/g, '{$1}');
        assert.ok(document.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.path} is documented`);
      }
    });

    it('serves a start page linking to what exists, with labels escaped', async () => {
      const response = await app.inject({ method: 'GET', url: '/' });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.match(response.body, /href="\/cdn\/advocacy\.js"/);
      assert.match(response.body, /Widget &lt;bundle&gt;/);
      assert.match(response.body, /href="\/healthz"/);
      assert.match(response.body, /href="\/v1\/openapi\.json"/);
      assert.doesNotMatch(response.body, /storybook/i, 'no link to a Storybook that was not built');
    });

    it('says on the start page how to build what is missing', async () => {
      const db = await openPglite(undefined);
      const withNotes = await buildApp(db, { version: 'test', demoMode: false, startNotes: ['Storybook is not built: `npm run build-storybook` builds it <now>.'] });
      try {
        const body = (await withNotes.inject({ method: 'GET', url: '/' })).body;
        assert.match(body, /<p>Storybook is not built: <code>npm run build-storybook<\/code> builds it &lt;now&gt;\.<\/p>/);
      } finally {
        await withNotes.close();
        await db.close();
      }
    });

    it('serves static files but no dotfiles and nothing outside the folder', async () => {
      assert.equal((await app.inject({ method: 'GET', url: '/cdn/advocacy.js' })).statusCode, 200);
      assert.notEqual((await app.inject({ method: 'GET', url: '/cdn/.secret' })).statusCode, 200);
      const traversal = await app.inject({ method: 'GET', url: '/cdn/..%2f..%2fetc%2fpasswd' });
      assert.notEqual(traversal.statusCode, 200);
    });
  });
}

describe('GET /healthz and /readyz when the database is gone', () => {
  it('says degraded with 200 (the process lives) and not ready with 503', async () => {
    const db = await openTestDatabase('pglite');
    const app = await buildApp(db, { version: 'test', demoMode: false });
    await db.close();
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
    const health = HealthSchema.parse(response.json());
    assert.equal(health.status, 'degraded');
    assert.equal(health.database.up, false);
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 503);
    const readiness = ReadinessSchema.parse(ready.json());
    assert.equal(readiness.status, 'not-ready');
    assert.equal(readiness.checks.database.ok, false);
    await app.close();
  });
});
