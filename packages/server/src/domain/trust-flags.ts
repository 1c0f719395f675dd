import { NETWORKS, type Network, type TrustFlag, type TrustFlagKind } from '@advocacy/sdk/contract';
import type { Db, Queryable } from '../db/db.js';
import { raw, run, sql } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';
import { cursorTime } from '../http/time-id-cursor.js';
import { decodeTrustFlagCursor, encodeTrustFlagCursor } from '../http/trust-flag-cursor.js';
import { writeAudit } from './audit-log.js';
import type { AudienceJump } from './declared-audience.js';
import type { ChangeAuthor } from './organisation-settings.js';

/**
 * Lists a jump in a declared audience for review. While a flag for the same
 * employee and network is open, it follows the latest figure instead of
 * adding another: the admin sees the rise since the last review.
 * Call it under the employee row's lock.
 */
export async function recordAudienceJump(tx: Queryable, jump: AudienceJump & { organisationId: string; employeeId: string; at: Date }): Promise<void> {
  const followed = await run(
    tx,
    sql`UPDATE trust_flags SET detail = jsonb_set(detail, '{to}', to_jsonb(${jump.to}::int))
         WHERE organisation_id = ${jump.organisationId} AND employee_id = ${jump.employeeId} AND kind = 'audience-jump'
           AND reviewed_at IS NULL AND detail ->> 'network' = ${jump.network}`,
  );
  if (followed.affectedRows > 0) return;
  await run(
    tx,
    sql`INSERT INTO trust_flags (id, organisation_id, kind, employee_id, detail, created_at)
        VALUES (${crypto.randomUUID()}, ${jump.organisationId}, 'audience-jump', ${jump.employeeId},
                ${JSON.stringify({ network: jump.network, from: jump.from, to: jump.to })}::jsonb, ${jump.at})`,
  );
}

interface FlagRow {
  id: string;
  kind: TrustFlagKind;
  detail: Record<string, unknown>;
  created_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  reviewer_name: string | null;
  cursor_at: string;
  name: string;
  display_name: string | null;
  team: string | null;
  share_id: string | null;
  network: string | null;
  content_title: string | null;
}

const FLAG_SELECT = raw(`
  SELECT f.id, f.kind, f.detail, f.created_at, f.reviewed_at, f.reviewed_by, r.name AS reviewer_name, ${cursorTime('f.created_at')} AS cursor_at,
         e.name, e.display_name, t.name AS team, s.id AS share_id, s.network, c.title AS content_title
    FROM trust_flags f
    JOIN employees e ON e.organisation_id = f.organisation_id AND e.id = f.employee_id
    LEFT JOIN teams t ON t.id = e.team_id
    LEFT JOIN shares s ON s.organisation_id = f.organisation_id AND s.id = f.share_id
    LEFT JOIN content c ON c.organisation_id = s.organisation_id AND c.id = s.content_id
    LEFT JOIN employees r ON r.organisation_id = f.organisation_id AND f.reviewed_by = 'employee:' || r.id::text`);

type DetailValue = TrustFlag['detail'][string];
const isDetailValue = (value: unknown): value is DetailValue => value === null || ['string', 'number', 'boolean'].includes(typeof value);
const isNetwork = (value: string | null): value is Network => value !== null && (NETWORKS as readonly string[]).includes(value);

function toTrustFlag(row: FlagRow): TrustFlag {
  return {
    id: row.id,
    kind: row.kind,
    employee: { name: row.name, displayName: row.display_name, team: row.team },
    share: row.share_id !== null && isNetwork(row.network) ? { id: row.share_id, network: row.network, contentTitle: row.content_title ?? '' } : null,
    // Flat values only: a nested value written by hand is left out rather than failing the answer.
    detail: Object.fromEntries(Object.entries(row.detail).filter((entry): entry is [string, DetailValue] => isDetailValue(entry[1]))),
    createdAt: row.created_at.toISOString(),
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    reviewedBy: row.reviewed_by === null ? null : (row.reviewer_name ?? row.reviewed_by),
  };
}

/** A page of the organisation's flags: open ones first, newest first within each (keyset on the open index). */
export async function listTrustFlags(
  db: Queryable,
  organisationId: string,
  query: { status?: 'open' | 'reviewed' | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: TrustFlag[]; nextCursor: string | null }> {
  const after = decodeTrustFlagCursor(query.cursor);
  const status = query.status === 'open' ? sql`AND f.reviewed_at IS NULL` : query.status === 'reviewed' ? sql`AND f.reviewed_at IS NOT NULL` : raw('');
  const reviewed = raw('(f.reviewed_at IS NOT NULL)');
  const keyset = after
    ? sql`AND (${reviewed} > ${after.reviewed} OR (${reviewed} = ${after.reviewed} AND (f.created_at, f.id) < (${after.at}::timestamptz, ${after.id}::uuid)))`
    : raw('');
  const { rows } = await run<FlagRow>(
    db,
    sql`${FLAG_SELECT}
         WHERE f.organisation_id = ${organisationId} ${status} ${keyset}
         ORDER BY ${reviewed}, f.created_at DESC, f.id DESC LIMIT ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toTrustFlag),
    nextCursor: rows.length > query.limit && last ? encodeTrustFlagCursor({ reviewed: last.reviewed_at !== null, at: last.cursor_at, id: last.id }) : null,
  };
}

const flagNotFound = (): HttpProblem => new HttpProblem(404, 'not-found', { detail: 'No flag with this id.' });

/**
 * Marks a flag reviewed, audited. A burst's share credits again (its
 * `burst_at` is cleared). Reviewing a reviewed flag changes nothing and
 * writes no second audit entry.
 */
export async function reviewTrustFlag(db: Db, organisationId: string, id: string, by: ChangeAuthor): Promise<TrustFlag> {
  return db.transaction(async (tx) => {
    const { rows: found } = await run<{ kind: TrustFlagKind; share_id: string | null; reviewed_at: Date | null; detail: Record<string, unknown> }>(
      tx,
      sql`SELECT kind, share_id, reviewed_at, detail FROM trust_flags WHERE organisation_id = ${organisationId} AND id = ${id} FOR UPDATE`,
    );
    const flag = found[0];
    if (!flag) throw flagNotFound();
    if (flag.reviewed_at === null) {
      await run(tx, sql`UPDATE trust_flags SET reviewed_at = ${by.now}, reviewed_by = ${by.actor} WHERE organisation_id = ${organisationId} AND id = ${id}`);
      if (flag.kind === 'burst' && flag.share_id !== null) {
        await run(tx, sql`UPDATE shares SET burst_at = NULL WHERE organisation_id = ${organisationId} AND id = ${flag.share_id}`);
      }
      await writeAudit(tx, {
        organisationId,
        actor: by.actor,
        action: 'trust-flag.reviewed',
        targetType: 'trust-flag',
        targetId: id,
        detail: { kind: flag.kind, shareId: flag.share_id, ...flag.detail },
        at: by.now,
      });
    }
    const { rows } = await run<FlagRow>(tx, sql`${FLAG_SELECT} WHERE f.organisation_id = ${organisationId} AND f.id = ${id}`);
    return toTrustFlag(rows[0]!);
  });
}
