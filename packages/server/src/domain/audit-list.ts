import type { AuditLogEntry } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import { run, sql } from '../db/sql.js';
import { cursorCodec } from '../http/cursor.js';
import { actorNames } from './audit-trail.js';

// audit_log.id only grows: newest first is id descending, and the id alone is the keyset.
const codec = cursorCodec('integer');

/** The organisation's audit log, newest first, one keyset page, people and keys named (see actorNames). */
export async function listAuditLog(
  db: Queryable,
  organisationId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: AuditLogEntry[]; nextCursor: string | null }> {
  const after = codec.decode(query.cursor)?.[0];
  const { rows } = await run<{ id: string; actor: string; action: string; target_type: string; target_id: string; detail: Record<string, unknown>; at: Date }>(
    db,
    sql`SELECT id::text AS id, actor, action, target_type, target_id, detail, at FROM audit_log
         WHERE organisation_id = ${organisationId} ${after === undefined ? sql`` : sql`AND id < ${after}`}
         ORDER BY id DESC LIMIT ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const names = await actorNames(db, organisationId, page.map((row) => row.actor));
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      actor: names.get(row.actor) ?? row.actor,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      detail: row.detail,
      at: row.at.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? codec.encode([Number(last.id)]) : null,
  };
}
