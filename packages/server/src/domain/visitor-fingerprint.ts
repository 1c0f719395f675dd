import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { networkPrefix } from '../http/client-address.js';

/** HMAC-SHA256 of the address's network (see `networkPrefix`) and user agent under `key`: never the raw IP. */
export function fingerprint(key: Uint8Array, ip: string, userAgent: string): Buffer {
  return createHmac('sha256', key).update(`${networkPrefix(ip)}|${userAgent}`).digest();
}

/** HMAC of the address's network alone: one office or home, whatever the browser (see `networkPrefix`). */
export function networkFingerprint(key: Uint8Array, ip: string): Buffer {
  return createHmac('sha256', key).update(`network|${networkPrefix(ip)}`).digest();
}

/** The sharer's network on one UTC day, under the organisation's key: compared with a visitor's on that day only. */
export function sharerNetworkFingerprint(key: Uint8Array, day: string, ip: string): Buffer {
  return createHmac('sha256', key).update(`sharer-network|${day}|${networkPrefix(ip)}`).digest();
}

const keys = new Map<string, Buffer>();

/** The organisation's fingerprint key, created on first use (race-safe: the first writer wins). */
export async function organisationFingerprintKey(db: Queryable, organisationId: string): Promise<Buffer> {
  const cached = keys.get(organisationId);
  if (cached) return cached;
  await db.query('UPDATE organisations SET fingerprint_key = $2 WHERE id = $1 AND fingerprint_key IS NULL', [organisationId, randomBytes(32)]);
  const { rows } = await db.query<{ fingerprint_key: Uint8Array }>('SELECT fingerprint_key FROM organisations WHERE id = $1', [organisationId]);
  const key = Buffer.from(rows[0]!.fingerprint_key);
  keys.set(organisationId, key);
  return key;
}
