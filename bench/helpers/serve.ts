// A server for a benchmark, in its own process so the load generator does not share its event loop.
// Usage: serve.ts api | bare | bare-db | api-redirect | bare-redirect | fastify-redirect | journal-redirect — prints "PORT <n>" once listening.
import { createServer, type Server } from 'node:http';
import { buildApp } from '../../packages/server/src/app.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { openPglite } from '../../packages/server/src/db/pglite.js';
import { openPostgres } from '../../packages/server/src/db/postgres.js';
import { createOrganisation } from '../../packages/server/src/domain/organisations.js';

const kind = process.argv[2];

/** Listens on a free loopback port and prints "PORT <n>", which bench/helpers/load.ts waits for. */
function announce(server: Server): void {
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`PORT ${typeof address === 'object' && address ? address.port : 0}`);
  });
}

/** What the API's 302 carries besides its location, for the floors that answer the same redirect. */
const REDIRECT_HEADERS = {
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex, nofollow',
  'referrer-policy': 'no-referrer-when-downgrade',
  'x-content-type-options': 'nosniff',
  'content-length': '0',
} as const;

if (kind === 'api') {
  const db = await openPglite(undefined);
  await migrate(db);
  const app = await buildApp(db, { version: 'bench', demoMode: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`PORT ${new URL(address).port}`);
} else if (kind === 'bare-db') {
  // node:http with the same database round trip: separates Fastify's cost from PGlite's.
  const db = await openPglite(undefined);
  const server = createServer((_request, response) => {
    const started = performance.now();
    void db.query('SELECT 1 AS one').then(() => {
      const body = JSON.stringify({ status: 'ok', version: 'bench', database: { up: true, driver: 'pglite', latencyMs: performance.now() - started } });
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      response.end(body);
    });
  });
  announce(server);
} else if (kind === 'bare') {
  // The floor: node:http answering the same status, headers and body, with no framework and no database.
  const body = JSON.stringify({ status: 'ok', version: 'bench', database: { up: true, driver: 'pglite', latencyMs: 0.05 } });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(body);
  });
  announce(server);
} else if (kind === 'api-postgres') {
  // The API on the Postgres database named by BENCH_DATABASE_URL, as a deployment runs it.
  const db = await openPostgres({ connectionString: process.env['BENCH_DATABASE_URL'] ?? '', maxConnections: 10 });
  const app = await buildApp(db, { version: 'bench', demoMode: true, rateLimits: { perKeyAndIp: 1e9, perEmployee: 1e9, perAnonymousIp: 1e9 } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`PORT ${new URL(address).port}`);
} else if (kind === 'api-redirect') {
  // The API with one tracked link, recording every request as in production: each click journaled
  // (a file in a temporary folder, fsync'ed every second) before its 302, then written in batches.
  // On in-memory PGlite, or on the Postgres database named by the third argument.
  const url = process.argv[3];
  const db = url ? await openPostgres({ connectionString: url, maxConnections: 10 }) : await openPglite(undefined);
  await migrate(db);
  const org = await createOrganisation(db, { slug: 'bench', name: 'Bench', allowedDomains: ['bench.example'], jwt: { issuer: 'https://idp.bench.example/', audience: 'bench' } });
  const employeeId = crypto.randomUUID();
  const contentId = crypto.randomUUID();
  await db.query('INSERT INTO employees (id, organisation_id, subject, name) VALUES ($1, $2, $3, $4)', [employeeId, org.id, 'bench', 'Bench']);
  await db.query('INSERT INTO content (id, organisation_id, title, url, locale, campaign) VALUES ($1, $2, $3, $4, $5, $6)', [contentId, org.id, 'Bench', 'https://bench.example/jobs?ref=feed', 'en', 'bench']);
  await db.query('INSERT INTO shares (id, organisation_id, employee_id, content_id, network, code) VALUES ($1, $2, $3, $4, $5, $6)', [crypto.randomUUID(), org.id, employeeId, contentId, 'linkedin', 'BenchCode2']);
  const app = await buildApp(db, { version: 'bench', demoMode: false, rateLimits: { perKeyAndIp: 1e9, perEmployee: 1e9, perAnonymousIp: 1e9 } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`PORT ${new URL(address).port}`);
  // The bench asks on stdin how far the recorder is: "backlog <n> journaled <n> written <n>".
  process.stdin.on('data', () => {
    const { journaled, written } = app.clickRecorder.stats;
    console.log(`backlog ${app.clickRecorder.backlog} journaled ${journaled} written ${written}`);
  });
} else if (kind === 'bare-redirect') {
  // The floor: node:http answering the same 302 with the same headers, from memory.
  const location = process.argv[3] ?? 'https://bench.example/';
  const server = createServer((_request, response) => {
    response.writeHead(302, { location, ...REDIRECT_HEADERS });
    response.end();
  });
  announce(server);
} else if (kind === 'journal-redirect') {
  // node:http with the least durability can cost, and no database: each click's visitor HMAC and one
  // line written to a journal file with writeSync before the 302 (fsync every second), as the API does.
  const { createHmac, randomUUID } = await import('node:crypto');
  const { fsync, mkdtempSync, openSync, writeSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const location = process.argv[3] ?? 'https://bench.example/';
  const fd = openSync(join(mkdtempSync(join(tmpdir(), 'adv-bench-journal-')), 'clicks.ndjson'), 'a');
  setInterval(() => fsync(fd, () => {}), 1_000).unref();
  const server = createServer((request, response) => {
    const visitor = createHmac('sha256', 'bench-secret').update(`${request.socket.remoteAddress}|${request.headers['user-agent'] ?? ''}`).digest('base64url');
    writeSync(fd, `${JSON.stringify({ id: randomUUID(), code: request.url, at: Date.now(), visitor })}\n`);
    response.writeHead(302, { location, ...REDIRECT_HEADERS });
    response.end();
  });
  announce(server);
} else if (kind === 'fastify-redirect') {
  // Fastify alone, with no plugin and no hook, answering the same 302 from memory: the framework's own floor.
  const { default: Fastify } = await import('fastify');
  const location = process.argv[3] ?? 'https://bench.example/';
  const app = Fastify({ logger: false });
  app.get('/r/:code', (_request, reply) => {
    const { 'content-length': _length, ...headers } = REDIRECT_HEADERS;
    void reply.headers(headers).redirect(location, 302);
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`PORT ${new URL(address).port}`);
} else {
  console.error('usage: serve.ts api|bare|bare-db|api-redirect|bare-redirect|fastify-redirect|journal-redirect');
  process.exit(2);
}
