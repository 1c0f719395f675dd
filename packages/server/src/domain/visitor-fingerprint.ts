import { createHmac, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { Queryable } from '../db/db.js';

/**
 * The network an address belongs to, not the address: /24 for IPv4, /48
 * for IPv6. Visitors behind one office router or a mobile carrier's NAT
 * share it, which is the point: no raw IP is ever kept or hashed.
 */
export function ipPrefix(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const address = mapped ?? ip;
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(address)) {
    const [head = '', tail = ''] = address.toLowerCase().split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
    return `${groups.slice(0, 3).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/48`;
  }
  return 'unknown';
}

/** HMAC-SHA256 of IP prefix and user agent under `key`. */
export function fingerprint(key: Uint8Array, ip: string, userAgent: string): Buffer {
  return createHmac('sha256', key).update(`${ipPrefix(ip)}|${userAgent}`).digest();
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
