// GET /r/{code}: the API's tracked-link redirect with its durability on (each
// click appended to the instance's journal before the 302, fsync'ed every
// second, then written in batches) against node:http answering the same 302
// from memory, against Fastify alone answering it (the framework's floor) and against node:http doing
// only what durability needs per click with no database (an HMAC and a journal line written before the
// 302: the durability floor), in the same run: on in-memory PGlite, and on Postgres when
// DATABASE_URL is set (a database created and dropped here). Prints the
// throughput ratio (goal ≥ 0.5), then waits for the recorder to drain and
// prints clicks journaled against written, to show none were skipped.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { load, serve, type LoadResult, type ServedProcess } from './helpers/load.js';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const headers = { 'user-agent': 'Mozilla/5.0 (bench)' };

/** Asks the API process how far its recorder is, until its backlog is empty (or 60 s). */
async function drained(api: ServedProcess): Promise<{ backlog: number; journaled: number; written: number; seconds: number }> {
  const started = performance.now();
  for (;;) {
    const line = await new Promise<string>((resolve) => {
      const onData = (chunk: Buffer): void => {
        const match = /backlog \d+ journaled \d+ written \d+/.exec(chunk.toString());
        if (!match) return;
        api.child.stdout?.off('data', onData);
        resolve(match[0]);
      };
      api.child.stdout?.on('data', onData);
      api.child.stdin?.write('?\n');
    });
    const [backlog, journaled, written] = [...line.matchAll(/\d+/g)].map(Number) as [number, number, number];
    const elapsed = (performance.now() - started) / 1000;
    if (backlog === 0 || elapsed > 60) return { backlog, journaled, written, seconds: elapsed };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function run(label: string, databaseUrl?: string): Promise<boolean> {
  const api = await serve('api-redirect', ...(databaseUrl ? [databaseUrl] : []));
  try {
    const probe = await fetch(`http://127.0.0.1:${api.port}/r/BenchCode2`, { redirect: 'manual' });
    const location = probe.headers.get('location') ?? '';
    const floor = async (kind: 'bare-redirect' | 'fastify-redirect' | 'journal-redirect'): Promise<LoadResult> => {
      const server = await serve(kind, location);
      try {
        return await load(`http://127.0.0.1:${server.port}/r/BenchCode2`, seconds, 10, headers);
      } finally {
        server.child.kill();
      }
    };
    const bareResult = await floor('bare-redirect');
    const fastifyResult = await floor('fastify-redirect');
    const journalResult = await floor('journal-redirect');
    const apiResult = await load(`http://127.0.0.1:${api.port}/r/BenchCode2`, seconds, 10, headers);
    const recorder = await drained(api);
    console.log(`\n## ${label}`);
    console.table({
      'node:http 302': bareResult,
      'Fastify alone, same 302': fastifyResult,
      'node:http + HMAC + journal line, no database': journalResult,
      'API /r/{code} (journaled)': apiResult,
    });
    const ratio = (a: LoadResult, b: LoadResult): string => (a.requestsPerSecond / b.requestsPerSecond).toFixed(2);
    console.log(`API / node:http: ${ratio(apiResult, bareResult)} (goal ≥ 0.5); Fastify alone / node:http: ${ratio(fastifyResult, bareResult)}; journal floor / node:http: ${ratio(journalResult, bareResult)}; API / Fastify alone: ${ratio(apiResult, fastifyResult)}`);
    console.log(`clicks journaled ${recorder.journaled}, written ${recorder.written}, backlog ${recorder.backlog} (drained ${recorder.seconds.toFixed(1)} s after the load stopped)`);
    return apiResult.errors === 0 && bareResult.errors === 0 && fastifyResult.errors === 0 && journalResult.errors === 0 && recorder.backlog === 0 && recorder.written === recorder.journaled;
  } finally {
    api.child.kill();
  }
}

let ok = await run('in-memory PGlite');
const adminUrl = process.env['DATABASE_URL'];
if (adminUrl) {
  const name = `adv_bench_redirect_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    ok = (await run('Postgres', url.href)) && ok;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log('\nPostgres: skipped (set DATABASE_URL to a Postgres server)');
}
if (!ok) process.exitCode = 1;
