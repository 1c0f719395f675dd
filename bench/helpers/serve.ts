// A server for a benchmark, in its own process so the load generator does not share its event loop.
// Usage: serve.ts api | bare | bare-db — prints "PORT <n>" once listening.
import { createServer } from 'node:http';
import { buildApp } from '../../packages/server/src/app.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { openPglite } from '../../packages/server/src/db/pglite.js';

const kind = process.argv[2];

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
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`PORT ${typeof address === 'object' && address ? address.port : 0}`);
  });
} else if (kind === 'bare') {
  // The floor: node:http answering the same status, headers and body, with no framework and no database.
  const body = JSON.stringify({ status: 'ok', version: 'bench', database: { up: true, driver: 'pglite', latencyMs: 0.05 } });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`PORT ${typeof address === 'object' && address ? address.port : 0}`);
  });
} else {
  console.error('usage: serve.ts api|bare|bare-db');
  process.exit(2);
}
