// GET /r/{code}: the API's tracked-link redirect (cached lookup, click recorded
// after the answer, in batches, on PGlite) against node:http answering the
// same 302 from memory, in the same run. Prints the throughput ratio (goal ≥ 0.5)
// and how many clicks were recorded, to show none were skipped.
import { load, serve } from './helpers/load.js';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const api = await serve('api-redirect');
try {
  const probe = await fetch(`http://127.0.0.1:${api.port}/r/BenchCode2`, { redirect: 'manual' });
  const location = probe.headers.get('location') ?? '';
  const bare = await serve('bare-redirect', location);
  try {
    const bareResult = await load(`http://127.0.0.1:${bare.port}/r/BenchCode2`, seconds, 10, { 'user-agent': 'Mozilla/5.0 (bench)' });
    const apiResult = await load(`http://127.0.0.1:${api.port}/r/BenchCode2`, seconds, 10, { 'user-agent': 'Mozilla/5.0 (bench)' });
    console.table({ 'node:http 302': bareResult, 'API /r/{code}': apiResult });
    console.log(`API / node:http: ${(apiResult.requestsPerSecond / bareResult.requestsPerSecond).toFixed(2)} (goal ≥ 0.5)`);
    if (apiResult.errors > 0 || bareResult.errors > 0) process.exitCode = 1;
  } finally {
    bare.child.kill();
  }
} finally {
  api.child.kill();
}
