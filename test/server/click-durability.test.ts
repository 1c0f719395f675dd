import assert from 'node:assert/strict';
import { once } from 'node:events';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { openPglite } from '../../packages/server/src/db/pglite.js';
import { openPostgres } from '../../packages/server/src/db/postgres.js';
import { ClickJournal } from '../../packages/server/src/domain/click-journal.js';
import { fingerprint } from '../../packages/server/src/domain/visitor-fingerprint.js';
import { createPostgresTestDatabase } from '../helpers/databases.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwaway-postgres.js';
import { BROWSER, follow, readerAddress, seedTrackedLinks } from '../helpers/tracked-link-load.js';

// Issue 16, item 1: no answered redirect without its click, through a
// kill -9 and through a database outage. Real server processes.

const NEEDS_POSTGRES = process.env['DATABASE_URL'] ? false : 'needs DATABASE_URL (a Postgres server)';
const LINKS = 100;
const CLICKS = 5_000;
const CONCURRENCY = 16;

const serverEnv = (extra: Record<string, string>): Record<string, string> => ({
  NODE_ENV: 'production',
  PUBLIC_URL: 'http://127.0.0.1',
  TRUST_PROXY: '127.0.0.1',
  ...extra,
});

const journalBytes = (dir: string): number =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .reduce((total, file) => total + statSync(join(dir, file)).size, 0);

/**
 * The readers with no recorded click: none of their visitor hashes, as the recorder computes them under each day's
 * salt the run used, is among `recorded`. Every salt, not the wall clock's today: a run that crosses midnight UTC
 * hashes under two.
 */
async function readersWithoutClick(db: Db, readers: Iterable<number>, recorded: ReadonlySet<string>): Promise<number[]> {
  const salts = (await db.query<{ salt: Uint8Array }>('SELECT salt FROM visitor_salts')).rows.map((row) => row.salt);
  assert.ok(salts.length > 0, 'the recorder made a salt');
  return [...readers].filter((reader) => !salts.some((salt) => recorded.has(fingerprint(salt, readerAddress(reader), BROWSER).toString('hex'))));
}

async function recordedHashes(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ hash: string }>(`SELECT encode(visitor_hash, 'hex') AS hash FROM clicks`);
  return rows.map((row) => row.hash);
}

/**
 * Readers 0…CLICKS-1 follow the links, CONCURRENCY at a time; the server is
 * killed with SIGKILL once half have their 302, started again, and the
 * readers who got no answer try again (as a person would). Returns who got
 * a 302 and how many requests were in flight when the server died (those
 * may be journaled without their reader ever seeing the answer).
 */
async function clicksThroughKill(start: () => Promise<ServerProcess>, codes: string[]): Promise<{ answered: Set<number>; inFlightAtKill: number; server: ServerProcess }> {
  let server = await start();
  const answered = new Set<number>();
  const unanswered: number[] = [];
  let inFlight = 0;
  let inFlightAtKill = -1;
  let next = 0;
  let exited: Promise<unknown> = Promise.resolve();
  const worker = async (): Promise<void> => {
    while (next < CLICKS) {
      const reader = next++;
      inFlight += 1;
      const status = await follow(server.url, codes[reader % codes.length]!, reader);
      inFlight -= 1;
      if (status === 302) answered.add(reader);
      else unanswered.push(reader);
      if (answered.size >= CLICKS / 2 && inFlightAtKill < 0) {
        inFlightAtKill = inFlight;
        exited = once(server.child, 'exit');
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  assert.ok(inFlightAtKill >= 0, 'the server was killed mid-run');
  await exited;
  server = await start();
  for (const reader of unanswered) {
    const status = await follow(server.url, codes[reader % codes.length]!, reader);
    assert.equal(status, 302, `reader ${reader} gets the redirect after the restart`);
    answered.add(reader);
  }
  assert.equal(answered.size, CLICKS);
  return { answered, inFlightAtKill, server };
}

describe('clicks survive', () => {
  describe('a journal left behind', () => {
    let db: Db;
    let dir: string;
    before(async () => {
      db = await openPglite(undefined);
      await migrate(db);
      dir = mkdtempSync(join(tmpdir(), 'adv-journal-test-'));
    });
    after(async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('is written on the next start, once, skipping a torn last line, and then emptied', async () => {
      const [code = ''] = await seedTrackedLinks(db, 1);
      const { rows } = await db.query<{ id: string; organisation_id: string; employee_id: string; content_id: string }>('SELECT id, organisation_id, employee_id, content_id FROM shares WHERE code = $1', [code]);
      const share = rows[0]!;
      // What a killed process leaves: three clicks, the last write torn.
      const left = await ClickJournal.open(dir);
      for (let reader = 0; reader < 3; reader++) {
        left.append({ id: crypto.randomUUID(), shareId: share.id, organisationId: share.organisation_id, employeeId: share.employee_id, contentId: share.content_id, network: 'linkedin', at: new Date(), ip: readerAddress(reader), userAgent: BROWSER, reason: undefined }, false);
      }
      await left.close();
      const [segment] = readdirSync(dir).filter((file) => file.endsWith('.jsonl'));
      appendFileSync(join(dir, segment!), '{"id":"torn');
      // A copy of the same clicks, as after a crash between commit and truncation.
      const copy = join(dir, 'clicks-9999999998.jsonl');
      appendFileSync(copy, readFileSync(join(dir, segment!)));

      const app = await buildApp(db, { version: 'test', demoMode: false, clickJournalDir: dir });
      await app.flushClickRecording();
      const counted = await db.query<{ n: number; credited: number }>('SELECT count(*)::int AS n, count(*) FILTER (WHERE credited)::int AS credited FROM clicks');
      assert.deepEqual(counted.rows[0], { n: 3, credited: 3 }, 'three clicks, each once');
      const points = await db.query<{ clicks: number }>(`SELECT clicks FROM points WHERE period_kind = 'all'`);
      assert.equal(points.rows[0]?.clicks, 3, 'the counters moved once per click');
      assert.equal(app.clickRecorder.stats.skippedJournalLines, 2, 'the torn line (in both files) is skipped');
      assert.equal(app.clickRecorder.backlog, 0);
      await app.close();
      assert.equal(journalBytes(dir), 0, 'nothing left in the journal');
    });
  });

  it('a kill -9 during 5,000 clicks on PGlite: every answered click is recorded after the restart', { timeout: 300_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'adv-kill-pglite-'));
    try {
      const seeding = await openPglite(dataDir);
      await migrate(seeding);
      const codes = await seedTrackedLinks(seeding, LINKS);
      await seeding.close();
      const { answered, inFlightAtKill, server } = await clicksThroughKill(() => startServerProcess(serverEnv({ DATA_DIR: dataDir, DATABASE_URL: '' })), codes);
      assert.equal(await server.stop('SIGTERM'), 0, server.output());

      const db = await openPglite(dataDir);
      try {
        const recorded = await recordedHashes(db);
        const recordedSet = new Set(recorded);
        const missing = await readersWithoutClick(db, answered, recordedSet);
        assert.deepEqual(missing, [], 'every reader who got a 302 has a recorded click');
        assert.ok(recorded.length >= CLICKS && recorded.length <= CLICKS + inFlightAtKill, `${recorded.length} clicks for ${CLICKS} answered (${inFlightAtKill} in flight at the kill)`);
      } finally {
        await db.close();
      }
      assert.equal(journalBytes(join(dataDir, 'click-journal')), 0, 'the journal is empty once everything is written');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a kill -9 during 5,000 clicks on Postgres: every answered click is recorded after the restart', { skip: NEEDS_POSTGRES, timeout: 300_000 }, async () => {
    const database = await createPostgresTestDatabase();
    const journalDir = mkdtempSync(join(tmpdir(), 'adv-kill-journal-'));
    const db = await openPostgres({ connectionString: database.url, maxConnections: 2 });
    try {
      await migrate(db);
      const codes = await seedTrackedLinks(db, LINKS);
      const { answered, inFlightAtKill, server } = await clicksThroughKill(() => startServerProcess(serverEnv({ DATABASE_URL: database.url, JOURNAL_DIR: journalDir })), codes);
      // Written while the restarted server runs: no shutdown needed.
      const deadline = Date.now() + 60_000;
      while ((await recordedHashes(db)).length < CLICKS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      assert.equal(await server.stop('SIGTERM'), 0, server.output());
      const recorded = await recordedHashes(db);
      const recordedSet = new Set(recorded);
      const missing = await readersWithoutClick(db, answered, recordedSet);
      assert.deepEqual(missing, [], 'every reader who got a 302 has a recorded click');
      assert.ok(recorded.length >= CLICKS && recorded.length <= CLICKS + inFlightAtKill, `${recorded.length} clicks for ${CLICKS} answered (${inFlightAtKill} in flight at the kill)`);
      assert.equal(journalBytes(journalDir), 0, 'the journal is empty once everything is written');
    } finally {
      await db.close();
      await database.drop();
      rmSync(journalDir, { recursive: true, force: true });
    }
  });

  describe('Postgres stopped for 10 s during clicks', { skip: NEEDS_POSTGRES || (postgresBinaries() ? false : 'needs Postgres server binaries') }, () => {
    let postgres: ThrowawayPostgres;
    let db: Db;
    let journalDir: string;
    before(async () => {
      postgres = await startThrowawayPostgres();
      journalDir = mkdtempSync(join(tmpdir(), 'adv-outage-journal-'));
    });
    after(async () => {
      await db?.close().catch(() => {});
      await postgres?.remove();
      rmSync(journalDir, { recursive: true, force: true });
    });

    it('redirects every known link throughout, and records every answered click once the database is back', { timeout: 180_000 }, async () => {
      db = await openPostgres({ connectionString: postgres.url, maxConnections: 2 });
      await migrate(db);
      const codes = await seedTrackedLinks(db, 20);
      await db.close();
      const server = await startServerProcess(serverEnv({ DATABASE_URL: postgres.url, JOURNAL_DIR: journalDir }));
      try {
        let reader = 0;
        const statuses = new Map<number, number>();
        const click = async (): Promise<void> => {
          const number = reader++;
          statuses.set(number, (await follow(server.url, codes[number % codes.length]!, number)) ?? 0);
        };
        // Each link seen once; the outage then outlasts the cache's 30 s freshness, so links come from the last known entries.
        for (let index = 0; index < codes.length; index++) await click();
        await new Promise((resolve) => setTimeout(resolve, 22_000));
        const clickFor = async (ms: number): Promise<void> => {
          const until = Date.now() + ms;
          while (Date.now() < until) {
            await Promise.all([click(), click(), click(), click()]);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        };
        await clickFor(2_000);
        await postgres.stop();
        const duringOutage = reader;
        await clickFor(10_000);
        const unseen = await fetch(new URL('/r/Zzzzzzzzzz', server.url), { redirect: 'manual' });
        await postgres.start();
        const outageClicks = reader - duringOutage;
        await clickFor(3_000);

        const failed = [...statuses].filter(([, status]) => status !== 302);
        assert.deepEqual(failed, [], 'every known link answered 302, before, during and after the outage');
        assert.ok(outageClicks > 100, `${outageClicks} clicks during the outage`);
        assert.equal(unseen.status, 503, 'a link never seen cannot be looked up: 503, not 500');
        assert.ok(unseen.headers.get('retry-after'), 'with Retry-After');

        db = await openPostgres({ connectionString: postgres.url, maxConnections: 2 });
        const deadline = Date.now() + 60_000;
        let recorded = 0;
        while (Date.now() < deadline) {
          recorded = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM clicks')).rows[0]!.n;
          if (recorded >= reader) break;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        assert.equal(recorded, reader, 'every answered click is recorded once the database is back');
        const recordedSet = new Set(await recordedHashes(db));
        const missing = await readersWithoutClick(db, statuses.keys(), recordedSet);
        assert.deepEqual(missing, [], 'each of them is one of the answered readers');
      } finally {
        assert.equal(await server.stop('SIGTERM'), 0, server.output());
      }
      assert.equal(journalBytes(journalDir), 0, 'the journal is empty once everything is written');
    });
  });
});
