// The service on the reference topology (scripts/topology.ts: two instances
// behind HAProxy on one Postgres and one Redis): tracked-link redirects at a
// fixed rate (open loop: requests leave on schedule whatever the answers), one
// instance killed (SIGKILL) midway and started again at once. Prints p50/p99,
// the error rate the client saw, answered 302s against clicks recorded, and
// the p99 around the kill against the p99 before it (the baseline, same run).
// Goals (issue 16): p99 < 150 ms, errors < 0.1 %, no answered click lost.
//
//   npm run bench -- service                          20 s at 500 req/s
//   BENCH_SECONDS=120 npm run bench -- service        the issue's 2 minutes
import { Agent, request } from 'node:http';
import { openPostgres } from '../packages/server/src/db/postgres.js';
import { startTopology, topologyUnavailable, waitFor } from '../scripts/topology.js';
import { BROWSER, readerAddress, seedTrackedLinks } from '../test/helpers/tracked-link-load.js';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 20);
const rate = Number(process.env['BENCH_RATE'] ?? 500);
const LINKS = 50;
const TIMEOUT_MS = 5_000;
/** After the kill, this long counts as "around the kill". */
const KILL_WINDOW_MS = 10_000;

const why = topologyUnavailable();
if (why) {
  console.log(`Skipped: ${why}.`);
  process.exit(0);
}

interface Sample {
  sentAt: number;
  ms: number;
  status: number | undefined;
}

const topology = await startTopology();
const db = await openPostgres({ connectionString: topology.databaseUrl, maxConnections: 2 });
try {
  const codes = await seedTrackedLinks(db, LINKS);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(topology.url);

  const follow = (n: number): Promise<Sample> =>
    new Promise((resolve) => {
      const sentAt = performance.now();
      const done = (status: number | undefined): void => resolve({ sentAt, ms: performance.now() - sentAt, status });
      const req = request(
        { host: url.hostname, port: url.port, path: `/r/${codes[n % LINKS]}`, agent, timeout: TIMEOUT_MS, headers: { 'user-agent': BROWSER, 'x-forwarded-for': readerAddress(n) } },
        (response) => {
          response.resume();
          response.once('end', () => done(response.statusCode));
          response.once('error', () => done(undefined));
        },
      );
      req.once('timeout', () => req.destroy());
      req.once('error', () => done(undefined));
      req.end();
    });

  // Warm-up: both instances have their caches and connections.
  const WARM_UP = 200;
  for (let n = 0; n < WARM_UP; n += 1) await follow(1_000_000 + n);
  const clickCount = async (): Promise<number> => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM clicks')).rows[0]?.n ?? 0;
  await waitFor(async () => (await clickCount()) >= WARM_UP, 30_000, 'the warm-up clicks to be recorded');
  const baseline = await clickCount();

  const victim = topology.instances[0]!;
  const started = performance.now();
  const killAt = started + (seconds * 1000) / 2;
  let restartMs = 0;
  const killed = (async () => {
    await new Promise((resolve) => setTimeout(resolve, killAt - performance.now()));
    await victim.kill('SIGKILL');
    const restartBegan = performance.now();
    await victim.start();
    restartMs = performance.now() - restartBegan;
  })();

  const pending: Promise<Sample>[] = [];
  const total = Math.round(seconds * rate);
  while (pending.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    while (pending.length < due) pending.push(follow(pending.length));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const samples = await Promise.all(pending);
  await killed;

  const answered = samples.filter((s) => s.status === 302).length;
  const errors = samples.length - answered;
  let recorded = 0;
  // The restarted instance replays its journal; the other drains its recorder.
  await waitFor(
    async () => {
      recorded = (await clickCount()) - baseline;
      return recorded >= answered;
    },
    60_000,
    'every answered click to be recorded',
  ).catch(() => {});

  const percentile = (values: number[], p: number): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  };
  const answeredMs = (filter: (s: Sample) => boolean) => samples.filter((s) => s.status === 302 && filter(s)).map((s) => s.ms);
  const all = answeredMs(() => true);
  const before = answeredMs((s) => s.sentAt < killAt);
  const around = answeredMs((s) => s.sentAt >= killAt && s.sentAt < killAt + KILL_WINDOW_MS);
  const round = (ms: number) => Math.round(ms * 10) / 10;

  console.table({
    'whole run': { requests: samples.length, p50Ms: round(percentile(all, 50)), p99Ms: round(percentile(all, 99)), maxMs: round(Math.max(...all)) },
    'before the kill': { requests: before.length, p50Ms: round(percentile(before, 50)), p99Ms: round(percentile(before, 99)), maxMs: round(Math.max(...before)) },
    [`${KILL_WINDOW_MS / 1000} s from the kill`]: { requests: around.length, p50Ms: round(percentile(around, 50)), p99Ms: round(percentile(around, 99)), maxMs: round(Math.max(...around)) },
  });
  const errorRate = (100 * errors) / samples.length;
  const lost = Math.max(0, answered - recorded);
  console.log(`${seconds} s at ${rate} req/s; ${victim.name} killed at ${seconds / 2} s, answering again ${(restartMs / 1000).toFixed(1)} s later.`);
  console.log(`p99 ${round(percentile(all, 99))} ms (goal < 150); around the kill / before it: ${(percentile(around, 99) / percentile(before, 99)).toFixed(2)}`);
  console.log(`client errors ${errors} of ${samples.length} = ${errorRate.toFixed(3)} % (goal < 0.1 %)`);
  console.log(`answered 302 ${answered}, clicks recorded ${recorded}: ${lost} lost (goal 0)${recorded > answered ? `, ${recorded - answered} recorded without an answer seen by the client` : ''}`);
  if (percentile(all, 99) >= 150 || errorRate >= 0.1 || lost > 0) process.exitCode = 1;
  agent.destroy();
} finally {
  await db.close();
  await topology.stop();
}
