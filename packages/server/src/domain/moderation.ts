import type { BulkApproveResult, ModerationTestimonial, Testimonial, TestimonialStatus } from '@advocacy/sdk/contract';
import type { Db, Queryable } from '../db/db.js';
import { raw, run, sql } from '../db/sql.js';
import { cursorTime, decodeTimeIdCursor, encodeTimeIdCursor } from '../http/time-id-cursor.js';
import { writeAudit } from './audit-log.js';
import {
  findTestimonial,
  moderationMove,
  testimonialColumns,
  testimonialNotFound,
  testimonialWithdrawn,
  toTestimonial,
  type ModerationDecision,
  type TestimonialRow,
} from './testimonials.js';

/** Who moderates and when, for the audit log. */
export interface Moderator {
  organisationId: string;
  /** principalLabel of the caller. */
  actor: string;
  now: Date;
}

/**
 * A page of the moderation queue by status, oldest first, each with its
 * author as the organisation knows them today: `authorName` is the name it
 * is published under (maybe one the author chose), `author.displayName` who
 * really wrote it.
 */
export async function listModerationQueue(
  db: Queryable,
  organisationId: string,
  query: { status: TestimonialStatus; limit: number; cursor?: string | undefined },
): Promise<{ items: ModerationTestimonial[]; nextCursor: string | null }> {
  const after = decodeTimeIdCursor(query.cursor);
  const { rows } = await run<TestimonialRow & { cursor_at: string; author_display_name: string | null }>(
    db,
    sql`SELECT ${testimonialColumns}, ${raw(cursorTime('created_at'))} AS cursor_at,
               (SELECT coalesce(e.display_name, e.name) FROM employees e
                 WHERE e.organisation_id = testimonials.organisation_id AND e.id = testimonials.employee_id) AS author_display_name
          FROM testimonials
         WHERE organisation_id = ${organisationId} AND status = ${query.status}
               ${after ? sql`AND (created_at, id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
         ORDER BY created_at, id LIMIT ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...toTestimonial(row), author: { id: row.employee_id, displayName: row.author_display_name ?? row.author_name } })),
    nextCursor: rows.length > query.limit && last ? encodeTimeIdCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}

type Move = { outcome: 'changed'; row: TestimonialRow } | { outcome: 'unchanged'; row: TestimonialRow } | { outcome: 'withdrawn' } | { outcome: 'not-found' };

/** One decision inside the caller's transaction, audit-logged when it changes something. */
async function applyDecision(tx: Queryable, by: Moderator, id: string, decision: ModerationDecision, reason: string | null): Promise<Move> {
  const existing = await findTestimonial(tx, by.organisationId, id, true);
  if (!existing) return { outcome: 'not-found' };
  const move = moderationMove(existing.status, decision);
  if (move === 'withdrawn') return { outcome: 'withdrawn' };
  if (move === 'same') return { outcome: 'unchanged', row: existing };
  const { rows } = await run<TestimonialRow>(
    tx,
    sql`UPDATE testimonials SET status = ${decision}, moderated_at = ${by.now}, moderated_by = ${by.actor}, rejection_reason = ${reason}
         WHERE organisation_id = ${by.organisationId} AND id = ${id} RETURNING ${testimonialColumns}`,
  );
  await writeAudit(tx, {
    organisationId: by.organisationId,
    actor: by.actor,
    action: decision === 'approved' ? 'testimonial.approved' : 'testimonial.rejected',
    targetType: 'testimonial',
    targetId: id,
    detail: { previousStatus: existing.status, ...(reason ? { reason } : {}) },
    at: by.now,
  });
  return { outcome: 'changed', row: rows[0]! };
}

/** Approves or rejects one testimonial; a withdrawn one is a 409, an unknown id a 404. */
export async function moderateTestimonial(db: Db, by: Moderator, id: string, decision: ModerationDecision, reason: string | null): Promise<Testimonial> {
  const move = await db.transaction((tx) => applyDecision(tx, by, id, decision, reason));
  if (move.outcome === 'not-found') throw testimonialNotFound();
  if (move.outcome === 'withdrawn') throw testimonialWithdrawn();
  return toTestimonial(move.row);
}

/** Approves each id in one transaction; answers in the order sent, a repeated id once. */
export async function approveTestimonials(db: Db, by: Moderator, ids: readonly string[]): Promise<BulkApproveResult[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  return db.transaction(async (tx) => {
    const results = new Map<string, BulkApproveResult>();
    // Rows are locked in id order, so two bulk approvals never wait on each other in a cycle.
    for (const id of [...unique].sort()) {
      const move = await applyDecision(tx, by, id, 'approved', null);
      results.set(
        id,
        move.outcome === 'changed' || move.outcome === 'unchanged'
          ? { id, outcome: move.outcome === 'changed' ? 'approved' : 'unchanged', testimonial: toTestimonial(move.row) }
          : { id, outcome: move.outcome, testimonial: null },
      );
    }
    return unique.map((id) => results.get(id)!);
  });
}
