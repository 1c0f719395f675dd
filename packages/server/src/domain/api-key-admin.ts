import type * as z from 'zod/mini';
import type { ApiKey, KeyScope, NewApiKeySchema } from '@advocacy/sdk/contract';
import { insertApiKey, type ApiKeyKind } from '../auth/api-keys.js';
import type { Db, Queryable } from '../db/db.js';
import { raw, run, sql } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';
import { writeAudit } from './audit-log.js';
import { toAllowedOrigin, type ChangeAuthor } from './organisation-settings.js';

// An organisation's API keys as admins manage them (admin API and
// advocacy-admin): listed without the key or its hash, created with the key
// shown once, revoked. Every query is scoped to the organisation.

export type NewApiKeyInput = z.output<typeof NewApiKeySchema>;

interface KeyRow {
  id: string;
  prefix: string;
  kind: ApiKeyKind;
  label: string;
  scopes: KeyScope[];
  allowed_origins: string[];
  created_at: Date;
  revoked_at: Date | null;
}

const KEY_COLUMNS = raw('id, prefix, kind, label, scopes, allowed_origins, created_at, revoked_at');

const toApiKey = (row: KeyRow): ApiKey => ({
  id: row.id,
  prefix: row.prefix,
  kind: row.kind,
  name: row.label,
  scopes: row.scopes,
  origins: row.allowed_origins,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

const keyNotFound = (): HttpProblem => new HttpProblem(404, 'key-not-found', { detail: 'This organisation has no key with this id or prefix.' });

/** Every key of the organisation, revoked ones included, newest first. */
export async function listApiKeys(db: Queryable, organisationId: string): Promise<ApiKey[]> {
  const { rows } = await run<KeyRow>(db, sql`SELECT ${KEY_COLUMNS} FROM api_keys WHERE organisation_id = ${organisationId} ORDER BY created_at DESC, id`);
  return rows.map(toApiKey);
}

/**
 * Creates a key: publishable, bound to its origins (normalised; no wildcard),
 * or secret, with its scopes (`admin` alone when given with others). Returns
 * the key itself this once; only its hash is stored.
 */
export async function createApiKey(db: Db, organisationId: string, input: NewApiKeyInput, by: ChangeAuthor): Promise<ApiKey & { key: string }> {
  const origins = input.kind === 'publishable' ? [...new Set(input.origins.map((origin, index) => toAllowedOrigin(origin, `body.origins.${index}`)))] : [];
  const scopes: KeyScope[] = input.kind === 'secret' ? (input.scopes.includes('admin') ? ['admin'] : [...new Set(input.scopes)]) : [];
  const name = input.name ?? '';
  return db.transaction(async (tx) => {
    const created = await insertApiKey(tx, organisationId, input.kind, { label: name, allowedOrigins: origins, scopes, at: by.now });
    await writeAudit(tx, {
      organisationId,
      actor: by.actor,
      action: 'key.created',
      targetType: 'api_key',
      targetId: created.id,
      detail: { kind: input.kind, prefix: created.prefix, name, scopes, origins },
      at: by.now,
    });
    const { rows } = await run<KeyRow>(tx, sql`SELECT ${KEY_COLUMNS} FROM api_keys WHERE organisation_id = ${organisationId} AND id = ${created.id}`);
    return { ...toApiKey(rows[0]!), key: created.key };
  });
}

/**
 * Revokes a key, found by id or by its prefix; revoking a revoked key changes
 * nothing. `callerKeyId`: the key making the call, which is revoked only with
 * `confirmSelf` (its very next call would be refused).
 */
export async function revokeApiKey(
  db: Db,
  organisationId: string,
  target: { id: string } | { prefix: string },
  by: ChangeAuthor,
  options: { callerKeyId?: string | undefined; confirmSelf?: boolean } = {},
): Promise<ApiKey> {
  return db.transaction(async (tx) => {
    const { rows } = await run<KeyRow>(
      tx,
      'id' in target
        ? sql`SELECT ${KEY_COLUMNS} FROM api_keys WHERE organisation_id = ${organisationId} AND id = ${target.id}::uuid FOR UPDATE`
        : sql`SELECT ${KEY_COLUMNS} FROM api_keys WHERE organisation_id = ${organisationId} AND prefix = ${target.prefix} FOR UPDATE`,
    );
    const existing = rows[0];
    if (!existing) throw keyNotFound();
    if (existing.revoked_at) return toApiKey(existing);
    if (existing.id === options.callerKeyId && !options.confirmSelf) {
      throw new HttpProblem(409, 'revoking-own-key', {
        detail: 'This is the key making the call: its next call would be refused. Add ?confirm=self to revoke it anyway.',
      });
    }
    const { rows: revoked } = await run<KeyRow>(
      tx,
      sql`UPDATE api_keys SET revoked_at = ${by.now} WHERE organisation_id = ${organisationId} AND id = ${existing.id} RETURNING ${KEY_COLUMNS}`,
    );
    await writeAudit(tx, {
      organisationId,
      actor: by.actor,
      action: 'key.revoked',
      targetType: 'api_key',
      targetId: existing.id,
      detail: { kind: existing.kind, prefix: existing.prefix, name: existing.label },
      at: by.now,
    });
    return toApiKey(revoked[0]!);
  });
}
