import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { HealthSchema, PROBLEM_CONTENT_TYPE, ReadinessSchema } from '@advocacy/sdk/contract';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { openPglite } from '../../packages/server/src/db/pglite.js';
import { createOrganisation } from '../../packages/server/src/domain/organisations.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { createContent, jsonRequest } from '../helpers/content.js';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwaway-postgres.js';
import { mountTmpfs } from '../helpers/tmpfs.js';

/** A 503 problem with a Retry-After in seconds: what every API route answers while the database cannot serve it. */
function assertUnavailable(response: LightMyRequestResponse, label: string): string {
  assert.equal(response.statusCode, 503, `${label}: ${response.body}`);
  assert.ok(String(response.headers['content-type']).startsWith(PROBLEM_CONTENT_TYPE), label);
  assert.match(String(response.headers['retry-after']), /^[1-9][0-9]*$/, `${label}: Retry-After`);
  return (response.json() as { type: string }).type;
}

describe('faults on a real Postgres: stopped and started again, pool exhausted', { skip: postgresBinaries() ? false : 'no Postgres binaries' }, () => {
  let server: ThrowawayPostgres;
  let api: TestApi;
  const sharedUrl = process.env['DATABASE_URL'];

  before(async () => {
    server = await startThrowawayPostgres();
    // startTestApi makes its database on the DATABASE_URL server: here, the throwaway one.
    process.env['DATABASE_URL'] = server.url;
    api = await startTestApi('postgres');
  });
  after(async () => {
    await server.start().catch(() => {});
    await api.close();
    await server.remove();
    if (sharedUrl === undefined) delete process.env['DATABASE_URL'];
    else process.env['DATABASE_URL'] = sharedUrl;
  });

  /** One request of each kind of caller on every kind of route, reads and writes. */
  async function everyKindOfRequest(): Promise<[string, () => Promise<LightMyRequestResponse>][]> {
    const admin = { authorization: `Bearer ${api.acme.secretKey}` };
    const employee = await api.acme.employee('fault-employee');
    const adminEmployee = await api.acme.admin('fault-admin');
    const content = { title: 'During the outage', url: `https://${api.acme.domain}/outage`, locale: 'en', status: 'draft' };
    return [
      ['GET /v1/content (admin token)', () => api.inject({ method: 'GET', url: '/v1/content?status=all', headers: adminEmployee })],
      ['POST /v1/content', () => api.inject({ method: 'POST', url: '/v1/content', ...jsonRequest(admin, content) })],
      ['POST /v1/content with Idempotency-Key', () => api.inject({ method: 'POST', url: '/v1/content', ...jsonRequest({ ...admin, 'idempotency-key': `k-${Math.random()}` }, content) })],
      ['GET /v1/admin/keys', () => api.inject({ method: 'GET', url: '/v1/admin/keys', headers: admin })],
      ['GET /v1/me (employee token)', () => api.inject({ method: 'GET', url: '/v1/me', headers: employee })],
      ['GET /v1/leaderboard', () => api.inject({ method: 'GET', url: '/v1/leaderboard?period=week', headers: employee })],
      ['GET /v1/stats', () => api.inject({ method: 'GET', url: '/v1/stats', headers: admin })],
      ['GET /v1/testimonials (publishable key)', () => api.inject({ method: 'GET', url: '/v1/testimonials', headers: api.acme.publicPage() })],
    ];
  }

  it('answers 503 with Retry-After on every route while Postgres is stopped, degraded and not ready, and serves again once it is back', async () => {
    await createContent(api, { title: 'Before the outage' });
    const requests = await everyKindOfRequest();
    await server.stop();
    try {
      for (const [label, send] of requests) assertUnavailable(await send(), label);
      const health = await api.inject({ method: 'GET', url: '/healthz' });
      assert.equal(health.statusCode, 200, 'alive: the process answers');
      assert.deepEqual([HealthSchema.parse(health.json()).status, HealthSchema.parse(health.json()).database.up], ['degraded', false]);
      const ready = await api.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 503);
      assert.equal(ReadinessSchema.parse(ready.json()).checks.database.ok, false);
    } finally {
      await server.start();
    }
    for (const [label, send] of requests) {
      const response = await send();
      assert.ok(response.statusCode >= 200 && response.statusCode < 300, `${label} after recovery: ${response.statusCode} ${response.body}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the readiness probe's reuse
    assert.equal((await api.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
  });

  it('answers 503 database-busy with Retry-After when every pooled connection stays taken past the wait', async () => {
    const admin = { authorization: `Bearer ${api.acme.secretKey}` };
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The test database's pool holds 4 connections: take them all.
    const holders = Array.from({ length: 4 }, () => api.db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await gate;
    }));
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const type = assertUnavailable(await api.inject({ method: 'GET', url: '/v1/admin/keys', headers: admin }), 'pool exhausted');
      assert.match(type, /database-busy$/);
    } finally {
      release();
      await Promise.all(holders);
    }
    assert.equal((await api.inject({ method: 'GET', url: '/v1/admin/keys', headers: admin })).statusCode, 200);
  });
});

const tinyDisk = mountTmpfs('size=48m');

describe('a full disk under PGlite (a real 48 MB tmpfs, filled)', { skip: tinyDisk ? false : 'cannot mount a tmpfs here' }, () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let secretKey: string;
  const filler = tinyDisk ? join(tinyDisk.dir, 'filler') : '';

  before(async () => {
    const disk = tinyDisk!;
    mkdirSync(join(disk.dir, 'journal'));
    db = await openPglite(join(disk.dir, 'db'));
    await migrate(db);
    ({ secretKey } = await createOrganisation(db, {
      slug: 'fullco',
      name: 'Fullco',
      allowedDomains: ['fullco.example'],
      jwt: { issuer: 'https://idp.fullco.example/', audience: 'advocacy-fullco', hs256Secret: 'test-secret-fullco-0123456789abcdef0123' },
    }));
    app = await buildApp(db, { version: 'test', demoMode: false, clickJournalDir: join(disk.dir, 'journal') });
  });
  after(async () => {
    rmSync(filler, { force: true });
    await app.close();
    await db.close();
    tinyDisk?.unmount();
  });

  it('answers writes 503 storage-full with Retry-After, reads 200, /healthz 200 degraded and /readyz 503; all well again once space is freed', async () => {
    const admin = { authorization: `Bearer ${secretKey}` };
    const write = (n: number) =>
      app.inject({ method: 'POST', url: '/v1/content', ...jsonRequest(admin, { title: `Full ${n}`, url: 'https://fullco.example/full', locale: 'en', status: 'draft', summary: 'x'.repeat(1_000) }) });
    assert.equal((await write(0)).statusCode, 201);
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M', 'count=100'], { stdio: 'ignore' });
    } catch {
      // dd stops at "No space left on device": the disk is full, as wanted.
    }
    // Enough rows that the table needs a new page whatever room its last one had.
    let refused: LightMyRequestResponse | undefined;
    for (let n = 1; n <= 20 && !refused; n += 1) {
      const response = await write(n);
      if (response.statusCode !== 201) refused = response;
    }
    assert.ok(refused, 'a write was refused');
    assert.match(assertUnavailable(refused, 'POST /v1/content on a full disk'), /storage-full$/);
    assert.equal((await app.inject({ method: 'GET', url: '/v1/admin/keys', headers: admin })).statusCode, 200, 'reads still work');
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the probes' reuse
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    const parsed = HealthSchema.parse(health.json());
    assert.deepEqual([parsed.status, parsed.database.up, parsed.database.writable], ['degraded', true, false]);
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 503);
    const readiness = ReadinessSchema.parse(ready.json());
    assert.match(String(readiness.checks.database.detail), /no space left/);
    assert.match(String(readiness.checks.journal.detail), /no space left on the device holding the click journal/);

    rmSync(filler);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    assert.equal((await write(99)).statusCode, 201);
    assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
  });
});
