import type { AuditEntry } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import { run, sql } from '../db/sql.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What to call the authors of audit entries (`employee:<id>`, `key:<id>`, as
 * principalLabel writes them): an employee by display name, a key as
 * `API key <prefix>…`. Looked up in the organisation only; a label naming
 * nothing left (or another organisation's row) keeps a neutral name.
 */
export async function actorNames(db: Queryable, organisationId: string, labels: readonly string[]): Promise<Map<string, string>> {
  const ids = (kind: string): string[] => [
    ...new Set(labels.filter((label) => label.startsWith(`${kind}:`)).map((label) => label.slice(kind.length + 1)).filter((id) => UUID.test(id))),
  ];
  const employeeIds = ids('employee');
  const keyIds = ids('key');
  const names = new Map<string, string>();
  if (employeeIds.length > 0) {
    const { rows } = await run<{ id: string; name: string }>(
      db,
      sql`SELECT id, coalesce(display_name, name) AS name FROM employees WHERE organisation_id = ${organisationId} AND id = ANY(${employeeIds}::uuid[])`,
    );
    for (const row of rows) names.set(`employee:${row.id}`, row.name);
  }
  if (keyIds.length > 0) {
    const { rows } = await run<{ id: string; prefix: string }>(
      db,
      sql`SELECT id, prefix FROM api_keys WHERE organisation_id = ${organisationId} AND id = ANY(${keyIds}::uuid[])`,
    );
    for (const row of rows) names.set(`key:${row.id}`, `API key ${row.prefix}…`);
  }
  for (const label of labels) {
    if (names.has(label)) continue;
    if (label.startsWith('employee:')) names.set(label, 'Deleted employee');
    else if (label.startsWith('key:')) names.set(label, 'Deleted API key');
    else if (label === 'cli') names.set(label, 'advocacy-admin command');
    else names.set(label, label);
  }
  return names;
}

/** Who did what to one target, oldest first, people named (see actorNames). */
export async function loadAuditTrail(db: Queryable, organisationId: string, targetType: string, targetId: string): Promise<AuditEntry[]> {
  const { rows } = await run<{ actor: string; action: string; detail: Record<string, unknown>; at: Date }>(
    db,
    sql`SELECT actor, action, detail, at FROM audit_log
         WHERE organisation_id = ${organisationId} AND target_type = ${targetType} AND target_id = ${targetId}
         ORDER BY at, id`,
  );
  const names = await actorNames(db, organisationId, rows.map((row) => row.actor));
  return rows.map((row) => ({ actor: names.get(row.actor) ?? row.actor, action: row.action, detail: row.detail, at: row.at.toISOString() }));
}
