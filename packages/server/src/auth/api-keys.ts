import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyScope } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';

export type ApiKeyKind = 'publishable' | 'secret';

export interface ApiKeyRow {
  id: string;
  organisationId: string;
  kind: ApiKeyKind;
  allowedOrigins: string[];
  /** Secret keys: what they may do. Publishable keys: none. */
  scopes: KeyScope[];
}

/** Length of the visible part of a key, stored in clear to find its row. */
export const PREFIX_LENGTH = 12;

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

/** A new key: `pk_…` or `sk_…` followed by 192 random bits. Only its hash is stored. */
export function generateApiKey(kind: ApiKeyKind): { key: string; prefix: string; hash: Buffer } {
  const key = `${kind === 'publishable' ? 'pk' : 'sk'}_${randomBytes(24).toString('base64url')}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), hash: hashApiKey(key) };
}

export function looksLikeApiKey(value: string): value is `${'pk' | 'sk'}_${string}` {
  return /^(pk|sk)_[A-Za-z0-9_-]{20,100}$/.test(value);
}

/**
 * The active key matching `presented`, or undefined. The row is found by its
 * visible prefix; the full key is compared by hash in constant time.
 */
export async function findApiKey(db: Queryable, presented: string): Promise<ApiKeyRow | undefined> {
  if (!looksLikeApiKey(presented)) return undefined;
  const { rows } = await db.query<{
    id: string;
    organisation_id: string;
    kind: ApiKeyKind;
    key_hash: Buffer | Uint8Array;
    allowed_origins: string[];
    scopes: KeyScope[];
  }>(
    'SELECT id, organisation_id, kind, key_hash, allowed_origins, scopes FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL',
    [presented.slice(0, PREFIX_LENGTH)],
  );
  const row = rows[0];
  if (!row) return undefined;
  const expected = Buffer.from(row.key_hash);
  const actual = hashApiKey(presented);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  return { id: row.id, organisationId: row.organisation_id, kind: row.kind, allowedOrigins: row.allowed_origins, scopes: row.scopes };
}

export async function insertApiKey(
  db: Queryable,
  organisationId: string,
  kind: ApiKeyKind,
  options: { label?: string; allowedOrigins?: string[]; scopes?: KeyScope[]; at?: Date } = {},
): Promise<{ id: string; key: string; prefix: string }> {
  const { key, prefix, hash } = generateApiKey(kind);
  const id = crypto.randomUUID();
  // A secret key made without saying what for can do everything, as before scopes existed.
  const scopes = kind === 'secret' ? (options.scopes ?? ['admin']) : [];
  await db.query(
    `INSERT INTO api_keys (id, organisation_id, kind, prefix, key_hash, label, allowed_origins, scopes, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, now()))`,
    [id, organisationId, kind, prefix, hash, options.label ?? '', options.allowedOrigins ?? [], scopes, options.at ?? null],
  );
  return { id, key, prefix };
}
