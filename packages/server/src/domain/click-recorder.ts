import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db.js';
import { isTransientDatabaseError } from '../db/transient-errors.js';
import type { UncreditedReason } from './click-classification.js';
import { creditClicks, type ClickToCredit } from './click-crediting.js';
import type { ClickJournal } from './click-journal.js';
import { isoDate } from './periods.js';
import type { ClickToRecord, JournaledClick } from './tracked-click.js';
import { fingerprint, networkFingerprint, organisationFingerprintKey, sharerNetworkFingerprint } from './visitor-fingerprint.js';
import { VisitorSalts } from './visitor-salts.js';

export type { ClickToRecord } from './tracked-click.js';

/** Counters since the process started (read by /metrics; never reset). */
export interface ClickRecorderStats {
  /** Clicks appended to the journal. */
  journaled: number;
  /** Clicks the journal refused (disk full, read-only) that were kept in memory only. */
  journalFailures: number;
  /** Rows inserted into `clicks` (a replayed click already there is not counted again). */
  written: number;
  credited: number;
  /** Written without credit, by reason. */
  uncredited: Record<UncreditedReason, number>;
  /** Clicks the database refused alone for a reason that is not passing (logged, then given up). */
  rejected: number;
  /** Torn or unreadable journal lines skipped. */
  skippedJournalLines: number;
}

export interface ClickRecorderOptions {
  /** Most clicks held in memory; past it, new clicks wait in the journal and are read back later. */
  maxInMemory?: number;
  /** Most clicks per transaction. */
  maxBatch?: number;
  onError?: (error: unknown) => void;
}

/** Neither the journal nor memory can take another click: the redirect answers 503 rather than lose it. */
export class ClickNotRecordableError extends Error {
  override readonly name = 'ClickNotRecordableError';
}

interface Pending {
  click: JournaledClick;
  /** Journal segment to acknowledge once committed; undefined when the journal refused it. */
  segment: number | undefined;
}

const FLUSH_INTERVAL_MS = 50;
/** Not yet tuned by a sweep: at 5.5k clicks/s on Postgres 15 the recorder drained within 0.2 s (bench/redirect.bench.ts). */
const DEFAULT_MAX_BATCH = 1_000;
const DEFAULT_MAX_IN_MEMORY = 20_000;
const RETRY_DELAYS_MS = [100, 250, 1_000, 2_000, 5_000];

/**
 * Records tracked-link clicks: the redirect calls `record()`, which appends
 * the click to the instance's journal (click-journal.ts) before the 302
 * goes out, then writes it to the database in batches, one transaction per
 * batch (click-crediting.ts decides which clicks are credited and moves
 * points and daily figures). A committed click is acknowledged to the
 * journal, which then forgets it.
 *
 * A batch that failed for a passing reason (the database down, a lost
 * connection, a deadlock that outlived its retries) stays at the head and is
 * tried again with backoff; it was rolled back, and `(click_id, occurred_at)`
 * is unique, so nothing counts twice. A batch refused for another reason is
 * split into single clicks, and only a click refused alone is given up
 * (logged, counted in `rejected`).
 *
 * Memory is bounded (`maxInMemory`): past it, clicks stay in the journal
 * only and are read back as the backlog shrinks, as are clicks a previous
 * process left there (`start()`).
 *
 * Interface for metrics and readiness: `backlog` (clicks answered and not
 * yet in the database, memory and journal together), `backlogLimit` (what
 * memory holds before clicks wait in the journal), `stats`
 * (`ClickRecorderStats`: monotonic counters journaled, written, credited,
 * uncredited by reason, rejected, journal failures, skipped journal lines),
 * `retrying` (the last batch failed and waits), and `journalDir`.
 */
export class ClickRecorder {
  readonly #db: Db;
  readonly #journal: ClickJournal;
  readonly #salts: VisitorSalts;
  readonly #onError: (error: unknown) => void;
  readonly #maxInMemory: number;
  readonly #maxBatch: number;
  readonly #stats: ClickRecorderStats = {
    journaled: 0,
    journalFailures: 0,
    written: 0,
    credited: 0,
    uncredited: { bot: 0, preview: 0, head: 0, self: 0, repeat: 0, 'repeat-network': 0, burst: 0 },
    rejected: 0,
    skippedJournalLines: 0,
  };
  #queue: Pending[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> = Promise.resolve();
  #failures = 0;
  #draining = false;
  #closed = false;

  constructor(db: Db, journal: ClickJournal, options: ClickRecorderOptions = {}) {
    this.#db = db;
    this.#journal = journal;
    this.#salts = new VisitorSalts(db);
    this.#onError = options.onError ?? (() => {});
    this.#maxInMemory = options.maxInMemory ?? DEFAULT_MAX_IN_MEMORY;
    this.#maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  }

  /** Clicks answered and not yet in the database. */
  get backlog(): number {
    return this.#queue.length + this.#journal.unread;
  }

  get backlogLimit(): number {
    return this.#maxInMemory;
  }

  /** The last write failed and waits to be tried again. */
  get retrying(): boolean {
    return this.#failures > 0;
  }

  get journalDir(): string {
    return this.#journal.dir;
  }

  get stats(): Readonly<ClickRecorderStats> {
    this.#stats.skippedJournalLines = this.#journal.skippedLines;
    return this.#stats;
  }

  /** Writes what an earlier process left in the journal (in the background). */
  start(): void {
    if (this.#journal.hasUnread) this.#schedule(0);
  }

  /**
   * Journals a click and queues it; returns its id. Throws
   * `ClickNotRecordableError` only when the journal refuses the write and
   * memory is full as well.
   */
  record(click: ClickToRecord): string {
    const journaled: JournaledClick = { ...click, id: randomUUID() };
    const room = this.#queue.length < this.#maxInMemory;
    let segment: number | undefined;
    try {
      segment = this.#journal.append(journaled, room);
      this.#stats.journaled += 1;
      if (segment !== undefined) this.#queue.push({ click: journaled, segment });
    } catch (error) {
      if (!room) throw new ClickNotRecordableError('The click journal cannot be written and the recorder backlog is full.', { cause: error });
      // Kept in memory only: written in a moment unless the process dies first (and /readyz says so).
      this.#stats.journalFailures += 1;
      if (this.#stats.journalFailures === 1 || this.#stats.journalFailures % 1_000 === 0) this.#onError(error);
      this.#queue.push({ click: journaled, segment: undefined });
    }
    // While a batch is being written, or a failed one waits for its retry, the running drain or timer picks the click up.
    if (this.#failures > 0 || this.#draining) return journaled.id;
    if (this.#queue.length >= this.#maxBatch || segment === undefined) void this.flush();
    else this.#schedule(FLUSH_INTERVAL_MS);
    return journaled.id;
  }

  /**
   * Writes everything recorded so far, the journal's backlog included;
   * resolves when it is in the database, or when a write failed and waits
   * to be tried again.
   */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#flushing = this.#flushing.then(() => this.#drain());
    return this.#flushing;
  }

  /** Writes what it can (shutdown), then closes the journal: what is left is read again on the next start. */
  async close(): Promise<void> {
    await this.flush();
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#journal.close();
  }

  #schedule(delayMs: number): void {
    if (this.#closed) return;
    this.#timer ??= setTimeout(() => void this.flush(), delayMs);
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      await this.#drainAll();
    } finally {
      this.#draining = false;
    }
  }

  async #drainAll(): Promise<void> {
    while (!this.#closed) {
      if (this.#queue.length < this.#maxBatch && this.#journal.hasUnread) {
        const read = await this.#journal.readUnread(Math.min(this.#maxInMemory - this.#queue.length, this.#maxBatch * 4));
        for (const { click, segment } of read) this.#queue.push({ click, segment });
      }
      if (this.#queue.length === 0) return;
      const batch = this.#queue.slice(0, this.#maxBatch);
      try {
        await this.#writeBatch(batch);
        this.#failures = 0;
      } catch (error) {
        this.#onError(error);
        const delay = RETRY_DELAYS_MS[Math.min(this.#failures, RETRY_DELAYS_MS.length - 1)]!;
        this.#failures += 1;
        this.#schedule(delay);
        return;
      }
      this.#queue = this.#queue.slice(batch.length);
      this.#journal.acknowledge(batch.flatMap((pending) => (pending.segment === undefined ? [] : [pending.segment])));
    }
  }

  /** One transaction for the batch; when refused for a lasting reason, one per click, giving up only on the click refused alone. */
  async #writeBatch(batch: readonly Pending[]): Promise<void> {
    try {
      await this.#write(batch);
    } catch (error) {
      if (isTransientDatabaseError(error)) throw error;
      if (batch.length === 1) {
        this.#stats.rejected += 1;
        this.#onError(Object.assign(new Error(`Click ${batch[0]!.click.id} was refused by the database and is given up.`), { cause: error }));
        return;
      }
      for (const pending of batch) await this.#writeBatch([pending]);
    }
  }

  async #write(batch: readonly Pending[]): Promise<void> {
    const hashed: ClickToCredit[] = [];
    for (const { click } of batch) {
      const day = isoDate(click.at);
      const salt = await this.#salts.forDay(day);
      const key = await organisationFingerprintKey(this.#db, click.organisationId);
      hashed.push({
        clickId: click.id,
        shareId: click.shareId,
        organisationId: click.organisationId,
        employeeId: click.employeeId,
        contentId: click.contentId,
        network: click.network,
        at: click.at,
        day,
        reason: click.reason,
        visitorHash: fingerprint(salt, click.ip, click.userAgent),
        networkHash: networkFingerprint(salt, click.ip),
        deviceHash: fingerprint(key, click.ip, click.userAgent),
        sharerNetworkHash: sharerNetworkFingerprint(key, day, click.ip),
      });
    }
    const result = await creditClicks(this.#db, hashed);
    this.#stats.written += result.written;
    this.#stats.credited += result.credited;
    for (const [reason, count] of Object.entries(result.uncredited) as [UncreditedReason, number][]) this.#stats.uncredited[reason] += count;
  }
}
