import type { Change } from '../db/change-feed.js';
import type { Queryable } from '../db/db.js';
import { isTransientDatabaseError } from '../db/transient-errors.js';
import { trackedDestination } from './tracked-destination.js';

/** What following a tracked link needs, found by its code. */
export interface TrackedShare {
  shareId: string;
  organisationId: string;
  employeeId: string;
  contentId: string;
  network: string;
  code: string;
  destination: string;
  campaign: string | null;
  /** The destination with this share's UTM parameters, computed once per cache entry. */
  location: string;
}

/** A cached entry is checked against the database again after this long, so changes show within it. */
const FRESH_MS = 30_000;
const MISS_FRESH_MS = 5_000;
/** While the database is unreachable, a known link keeps redirecting for this long after its last use. */
const KEEP_AFTER_USE_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 100_000;
/** After the database failed to answer, a stale entry is served without asking again for this long. */
const OUTAGE_RECHECK_MS = 2_000;

interface Entry {
  share: TrackedShare | undefined;
  checkedAt: number;
  usedAt: number;
}

/**
 * Tracked links by code, cached: a link posted to a busy feed is followed
 * thousands of times a minute, and its destination rarely changes. An entry
 * is checked against the database again once 30 s old; when the database
 * cannot answer (a passing error: down, unreachable, overloaded), the last
 * known entry is served instead, for as long as it was used in the last
 * day, so links keep redirecting during an outage. Use renews an entry; the
 * least recently used go first past 100,000 entries. Unknown codes are
 * cached briefly too, so scanners cost little, and never served stale.
 */
export class ShareLookup {
  readonly #db: Queryable;
  readonly #now: () => number;
  /** In order of last use, oldest first (a Map keeps insertion order). */
  readonly #cache = new Map<string, Entry>();

  constructor(db: Queryable, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  async find(code: string): Promise<TrackedShare | undefined> {
    const now = this.#now();
    const cached = this.#cache.get(code);
    if (cached && now - cached.usedAt > KEEP_AFTER_USE_MS) this.#cache.delete(code);
    else if (cached && now - cached.checkedAt < (cached.share ? FRESH_MS : MISS_FRESH_MS)) return this.#use(code, cached, now).share;
    let share: TrackedShare | undefined;
    try {
      share = await this.#load(code);
    } catch (error) {
      const last = this.#cache.get(code);
      if (last?.share && isTransientDatabaseError(error)) {
        last.checkedAt = now - FRESH_MS + OUTAGE_RECHECK_MS;
        return this.#use(code, last, now).share;
      }
      throw error;
    }
    this.#use(code, { share, checkedAt: now, usedAt: now }, now);
    if (this.#cache.size > MAX_ENTRIES) this.#cache.delete(this.#cache.keys().next().value as string);
    return share;
  }

  /**
   * Makes the entries a committed change may concern check the database
   * again at their next use (kept, so an outage right after still finds them).
   */
  forget(change: Change): void {
    for (const entry of this.#cache.values()) {
      const share = entry.share;
      const concerned =
        change.table === 'everything' ||
        (change.table === 'content' && share?.contentId === change.id) ||
        (change.table === 'shares' && share?.shareId === change.id) ||
        (change.table === 'organisations' && share?.organisationId === change.id);
      if (concerned) entry.checkedAt = Number.NEGATIVE_INFINITY;
    }
  }

  #use(code: string, entry: Entry, now: number): Entry {
    entry.usedAt = now;
    this.#cache.delete(code);
    this.#cache.set(code, entry);
    return entry;
  }

  async #load(code: string): Promise<TrackedShare | undefined> {
    const { rows } = await this.#db.query<{
      id: string;
      organisation_id: string;
      employee_id: string;
      content_id: string;
      network: string;
      url: string;
      campaign: string | null;
    }>(
      `SELECT s.id, s.organisation_id, s.employee_id, s.content_id, s.network, c.url, c.campaign
         FROM shares s JOIN content c ON c.organisation_id = s.organisation_id AND c.id = s.content_id
        WHERE s.code = $1`,
      [code],
    );
    const row = rows[0];
    return row && {
      shareId: row.id,
      organisationId: row.organisation_id,
      employeeId: row.employee_id,
      contentId: row.content_id,
      network: row.network,
      code,
      destination: row.url,
      campaign: row.campaign,
      location: trackedDestination(row.url, { network: row.network, code, campaign: row.campaign }),
    };
  }
}
