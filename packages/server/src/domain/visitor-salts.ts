import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.js';

/** Salts are kept this many days, then deleted: old visitor hashes can never be linked again. */
const KEEP_DAYS = 2;

/**
 * One random salt per UTC day, shared by every API node through the
 * database (the first node to ask creates it).
 */
export class VisitorSalts {
  readonly #db: Queryable;
  readonly #cache = new Map<string, Buffer>();

  constructor(db: Queryable) {
    this.#db = db;
  }

  async forDay(day: string): Promise<Buffer> {
    const cached = this.#cache.get(day);
    if (cached) return cached;
    await this.#db.query('INSERT INTO visitor_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING', [day, randomBytes(32)]);
    const { rows } = await this.#db.query<{ salt: Uint8Array }>('SELECT salt FROM visitor_salts WHERE day = $1', [day]);
    const salt = Buffer.from(rows[0]!.salt);
    if (this.#cache.size === 0 || !this.#cache.has(day)) {
      await this.#db.query(`DELETE FROM visitor_salts WHERE day < $1::date - ${KEEP_DAYS}`, [day]);
      for (const known of this.#cache.keys()) if (known < day) this.#cache.delete(known);
    }
    this.#cache.set(day, salt);
    return salt;
  }
}
