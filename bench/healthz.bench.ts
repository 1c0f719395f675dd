// GET /healthz (Fastify + a PGlite round trip) against two floors measured in
// the same run: node:http answering the same bytes, and node:http doing the
// same SELECT 1 first. Prints the throughput ratios.
import { load, serve } from './helpers/load.js';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);

const servers = { bare: await serve('bare'), bareDb: await serve('bare-db'), api: await serve('api') };
try {
  const bare = await load(`http://127.0.0.1:${servers.bare.port}/healthz`, seconds);
  const bareDb = await load(`http://127.0.0.1:${servers.bareDb.port}/healthz`, seconds);
  const api = await load(`http://127.0.0.1:${servers.api.port}/healthz`, seconds);
  console.table({ 'node:http': bare, 'node:http + SELECT 1': bareDb, 'API /healthz': api });
  const ratio = (a: number, b: number): string => (a / b).toFixed(2);
  console.log(`API / node:http:            ${ratio(api.requestsPerSecond, bare.requestsPerSecond)}`);
  console.log(`API / node:http + SELECT 1: ${ratio(api.requestsPerSecond, bareDb.requestsPerSecond)}`);
  if (api.errors > 0) process.exitCode = 1;
} finally {
  for (const server of Object.values(servers)) server.child.kill();
}
