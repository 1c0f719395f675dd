import type { Db, Queryable } from '../db/db.js';
import type { UncreditedReason } from './click-classification.js';
import { loadOrganisationSettings } from './organisations.js';
import { isoDate } from './periods.js';
import { addDailyStats, addPoints } from './points.js';
import { fingerprint } from './visitor-fingerprint.js';
import { VisitorSalts } from './visitor-salts.js';

/** A request to a tracked link, as the redirect saw it. Holds the IP only until hashed, in memory. */
export interface ClickToRecord {
  shareId: string;
  organisationId: string;
  employeeId: string;
  network: string;
  at: Date;
  ip: string;
  userAgent: string;
  /** Set when the click cannot be credited whatever the day's history. */
  reason: UncreditedReason | undefined;
}

interface HashedClick extends ClickToRecord {
  day: string;
  visitorHash: Buffer;
  credited: boolean;
}

const FLUSH_INTERVAL_MS = 50;
const MAX_BATCH = 500;

/**
 * Records tracked-link requests after the redirect has gone out, in
 * batches: one transaction per batch inserts the clicks, decides which are
 * a visitor's first of the day (credited), and moves points and daily
 * figures. A failed batch is logged and dropped, never retried into a
 * double count.
 */
export class ClickRecorder {
  readonly #db: Db;
  readonly #salts: VisitorSalts;
  readonly #onError: (error: unknown) => void;
  #queue: ClickToRecord[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(db: Db, onError: (error: unknown) => void) {
    this.#db = db;
    this.#salts = new VisitorSalts(db);
    this.#onError = onError;
  }

  record(click: ClickToRecord): void {
    this.#queue.push(click);
    if (this.#queue.length >= MAX_BATCH) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS);
  }

  /** Writes everything recorded so far; resolves when it is in the database. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#queue;
    this.#queue = [];
    this.#flushing = this.#flushing.then(() => (batch.length > 0 ? this.#write(batch).catch(this.#onError) : undefined));
    return this.#flushing;
  }

  async #write(batch: readonly ClickToRecord[]): Promise<void> {
    const hashed: HashedClick[] = [];
    for (const click of batch) {
      const day = isoDate(click.at);
      const visitorHash = fingerprint(await this.#salts.forDay(day), click.ip, click.userAgent);
      hashed.push({ ...click, day, visitorHash, credited: false });
    }
    await this.#db.transaction(async (tx) => {
      await this.#creditFirstVisits(tx, hashed);
      await tx.query(
        `INSERT INTO clicks (organisation_id, share_id, occurred_at, visitor_hash, credited, reason)
         SELECT organisation_id, share_id, occurred_at, decode(visitor_hash, 'hex'), credited, reason
           FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::boolean[], $6::text[])
             AS batch (organisation_id, share_id, occurred_at, visitor_hash, credited, reason)`,
        [
          hashed.map((click) => click.organisationId),
          hashed.map((click) => click.shareId),
          hashed.map((click) => click.at.toISOString()),
          // Arrays travel as text on both drivers; bytea goes as hex.
          hashed.map((click) => click.visitorHash.toString('hex')),
          hashed.map((click) => click.credited),
          hashed.map((click) => (click.credited ? null : (click.reason ?? 'repeat'))),
        ],
      );
      await this.#moveCounters(tx, hashed);
    });
  }

  /** A candidate is credited when its (share, day, visitor) row is new; later ones are repeats. */
  async #creditFirstVisits(tx: Queryable, clicks: HashedClick[]): Promise<void> {
    const firstInBatch = new Map<string, HashedClick>();
    for (const click of clicks) {
      if (click.reason !== undefined) continue;
      const key = `${click.shareId}|${click.day}|${click.visitorHash.toString('hex')}`;
      if (!firstInBatch.has(key)) firstInBatch.set(key, click);
    }
    if (firstInBatch.size === 0) return;
    const candidates = [...firstInBatch.values()];
    const { rows } = await tx.query<{ share_id: string; day: string; visitor_hash: string }>(
      `INSERT INTO click_visitors (share_id, day, visitor_hash)
       SELECT share_id, day, decode(visitor_hash, 'hex') FROM unnest($1::uuid[], $2::date[], $3::text[]) AS batch (share_id, day, visitor_hash)
       ON CONFLICT DO NOTHING
       RETURNING share_id, day::text AS day, encode(visitor_hash, 'hex') AS visitor_hash`,
      [candidates.map((click) => click.shareId), candidates.map((click) => click.day), candidates.map((click) => click.visitorHash.toString('hex'))],
    );
    const inserted = new Set(rows.map((row) => `${row.share_id}|${row.day}|${row.visitor_hash}`));
    for (const [key, click] of firstInBatch) click.credited = inserted.has(key);
  }

  async #moveCounters(tx: Queryable, clicks: readonly HashedClick[]): Promise<void> {
    const pointsPerClick = new Map<string, number>();
    for (const organisationId of new Set(clicks.map((click) => click.organisationId))) {
      pointsPerClick.set(organisationId, (await loadOrganisationSettings(tx, organisationId)).pointsPerClick);
    }
    const perEmployeeDay = new Map<string, { click: HashedClick; count: number }>();
    const perNetworkDay = new Map<string, { click: HashedClick; credited: number; uncredited: number }>();
    for (const click of clicks) {
      const statsKey = `${click.organisationId}|${click.day}|${click.network}`;
      const stats = perNetworkDay.get(statsKey) ?? { click, credited: 0, uncredited: 0 };
      if (click.credited) stats.credited += 1;
      else stats.uncredited += 1;
      perNetworkDay.set(statsKey, stats);
      if (click.credited) {
        const key = `${click.organisationId}|${click.employeeId}|${click.day}`;
        const entry = perEmployeeDay.get(key) ?? { click, count: 0 };
        entry.count += 1;
        perEmployeeDay.set(key, entry);
      }
    }
    // Sorted so concurrent batches lock counter rows in the same order.
    for (const [, { click, count }] of [...perEmployeeDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const points = (pointsPerClick.get(click.organisationId) ?? 0) * count;
      await addPoints(tx, { organisationId: click.organisationId, employeeId: click.employeeId, at: click.at, points, clicks: count });
    }
    for (const [, { click, credited, uncredited }] of [...perNetworkDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await addDailyStats(tx, { organisationId: click.organisationId, at: click.at, network: click.network, creditedClicks: credited, uncreditedClicks: uncredited });
    }
  }
}
