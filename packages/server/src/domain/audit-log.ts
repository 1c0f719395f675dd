import type { Queryable } from '../db/db.js';

export interface AuditRecord {
  organisationId: string;
  /** `employee:<id>` or `key:<id>` (see principalLabel). */
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/** Appends to the organisation's audit log, in the caller's transaction. */
export async function writeAudit(tx: Queryable, record: AuditRecord): Promise<void> {
  await tx.query(
    'INSERT INTO audit_log (organisation_id, actor, action, target_type, target_id, detail, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [record.organisationId, record.actor, record.action, record.targetType, record.targetId, JSON.stringify(record.detail ?? {}), record.at],
  );
}
