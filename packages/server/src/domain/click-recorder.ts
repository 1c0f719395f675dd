import type { Db } from '../db/db.js';
import { isTransientDatabaseError } from '../db/transient-errors.js';
import type { UncreditedReason } from './click-classification.js';
import { creditClicks, type ClickToCredit } from './click-crediting.js';
import { isoDate } from './periods.js';
import { fingerprint, networkFingerprint, organisationFingerprintKey, sharerNetworkFingerprint } from './visitor-fingerprint.js';
import { VisitorSalts } from './visitor-salts.js';

/** A request to a tracked link, as the redirect saw it. Holds the IP only until hashed, in memory. */
export interface ClickToRecord {
  shareId: string;
  organisationId: string;
  employeeId: string;
  contentId: string;
  network: string;
  at: Date;
  ip: string;
  userAgent: string;
  /** Set when the request alone shows it cannot be credited (a robot, a link preview, HEAD). */
  reason: UncreditedReason | undefined;
}

const FLUSH_INTERVAL_MS = 50;
const MAX_BATCH = 500;
const RETRY_DELAYS_MS = [250, 1_000, 5_000, 15_000];

/**
 * Records tracked-link requests after the redirect has gone out, in
 * batches: one transaction per batch (click-crediting.ts) decides which
 * clicks are credited and moves points and daily figures. A batch that
 * failed for a passing reason (a deadlock that outlived its retries, a lost
 * connection) goes back to the head of the queue and is tried again later:
 * it was rolled back, so trying again cannot count twice. Any other failure
 * is logged and the batch dropped, so one bad click cannot block the rest.
 */
export class ClickRecorder {
  readonly #db: Db;
  readonly #salts: VisitorSalts;
  readonly #onError: (error: unknown) => void;
  #queue: ClickToRecord[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> = Promise.resolve();
  #failures = 0;

  constructor(db: Db, onError: (error: unknown) => void) {
    this.#db = db;
    this.#salts = new VisitorSalts(db);
    this.#onError = onError;
  }

  record(click: ClickToRecord): void {
    this.#queue.push(click);
    if (this.#queue.length >= MAX_BATCH && this.#failures === 0) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS);
  }

  /** Writes everything recorded so far; resolves when it is in the database (or has failed and waits for a retry). */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#flushing = this.#flushing.then(async () => {
      while (this.#queue.length > 0) {
        const batch = this.#queue.slice(0, MAX_BATCH);
        try {
          await this.#write(batch);
          this.#queue = this.#queue.slice(batch.length);
          this.#failures = 0;
        } catch (error) {
          this.#onError(error);
          if (!isTransientDatabaseError(error)) {
            this.#queue = this.#queue.slice(batch.length);
            continue;
          }
          const delay = RETRY_DELAYS_MS[Math.min(this.#failures, RETRY_DELAYS_MS.length - 1)]!;
          this.#failures += 1;
          this.#timer ??= setTimeout(() => void this.flush(), delay);
          return;
        }
      }
    });
    return this.#flushing;
  }

  async #write(batch: readonly ClickToRecord[]): Promise<void> {
    const hashed: ClickToCredit[] = [];
    for (const click of batch) {
      const day = isoDate(click.at);
      const salt = await this.#salts.forDay(day);
      const key = await organisationFingerprintKey(this.#db, click.organisationId);
      hashed.push({
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
    await creditClicks(this.#db, hashed);
  }
}
