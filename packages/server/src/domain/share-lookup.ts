import type { Queryable } from '../db/db.js';
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

const TTL_MS = 30_000;
const MISS_TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;

/**
 * Tracked links by code, cached for a few seconds: a link posted to a busy
 * feed is followed thousands of times a minute, and its destination rarely
 * changes. Unknown codes are cached briefly too, so scanners cost little.
 */
export class ShareLookup {
  readonly #db: Queryable;
  readonly #cache = new Map<string, { share: TrackedShare | undefined; expires: number }>();

  constructor(db: Queryable) {
    this.#db = db;
  }

  async find(code: string): Promise<TrackedShare | undefined> {
    const now = Date.now();
    const cached = this.#cache.get(code);
    if (cached && cached.expires > now) return cached.share;
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
    const share = row && {
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
    if (this.#cache.size >= MAX_ENTRIES) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(code, { share, expires: now + (share ? TTL_MS : MISS_TTL_MS) });
    return share;
  }
}
