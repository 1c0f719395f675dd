import type { PublicTestimonial, PublicTestimonialQuery, Testimonial, TestimonialStatus } from '@advocacy/sdk/contract';
import type { Queryable, SqlParam } from '../db/db.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { HttpProblem } from '../http/problem.js';

export interface TestimonialRow {
  id: string;
  employee_id: string;
  quote: string;
  author_name: string;
  role: string;
  team: string;
  location: string;
  locale: string;
  photo_url: string | null;
  tags: string[];
  status: TestimonialStatus;
  consent_version: string;
  consent_accepted_at: Date;
  created_at: Date;
  moderated_at: Date | null;
  rejection_reason: string | null;
  withdrawn_at: Date | null;
}

export const TESTIMONIAL_COLUMNS =
  'id, employee_id, quote, author_name, role, team, location, locale, photo_url, tags, status, consent_version, consent_accepted_at, created_at, moderated_at, rejection_reason, withdrawn_at';

/**
 * A timestamptz column as text with all six fractional digits, for keyset
 * cursors: a JS `Date` keeps only milliseconds, and a cursor rounded down
 * would skip rows stamped later in the same millisecond.
 */
export const cursorTimestamp = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function toTestimonial(row: TestimonialRow): Testimonial {
  return {
    id: row.id,
    quote: row.quote,
    authorName: row.author_name,
    role: row.role,
    team: row.team,
    location: row.location,
    locale: row.locale,
    photoUrl: row.photo_url,
    tags: row.tags,
    status: row.status,
    consent: { version: row.consent_version, acceptedAt: row.consent_accepted_at.toISOString() },
    createdAt: row.created_at.toISOString(),
    moderatedAt: row.moderated_at?.toISOString() ?? null,
    rejectionReason: row.rejection_reason,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
  };
}

/** Only what a candidate may see: no email, no employee id, no consent or moderation detail. */
export function toPublicTestimonial(row: TestimonialRow): PublicTestimonial {
  return {
    id: row.id,
    quote: row.quote,
    authorName: row.author_name,
    role: row.role,
    team: row.team,
    location: row.location,
    locale: row.locale,
    photoUrl: row.photo_url,
    tags: row.tags,
    approvedAt: (row.moderated_at ?? row.created_at).toISOString(),
  };
}

/** A page of approved testimonials, newest approval first: `GET /v1/testimonials` and the server-rendered career page. */
export async function listPublicTestimonials(
  db: Queryable,
  organisationId: string,
  query: PublicTestimonialQuery & { limit: number },
): Promise<{ items: PublicTestimonial[]; nextCursor: string | null }> {
  const where = [`organisation_id = $1`, `status = 'approved'`];
  const params: SqlParam[] = [organisationId];
  const add = (condition: (placeholder: string) => string, value: SqlParam): void => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (query.team) add((p) => `lower(team) = lower(${p})`, query.team);
  if (query.location) add((p) => `lower(location) = lower(${p})`, query.location);
  if (query.locale) add((p) => `(lower(locale) = lower(${p}) OR lower(locale) LIKE lower(${p}) || '-%')`, query.locale);
  if (query.tag) add((p) => `${p} = ANY(tags)`, query.tag);
  const after = decodeCursor(query.cursor, 2);
  if (after) {
    params.push(String(after[0]), String(after[1]));
    where.push(`(moderated_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(query.limit + 1);
  const { rows } = await db.query<TestimonialRow & { cursor_at: string }>(
    `SELECT ${TESTIMONIAL_COLUMNS}, ${cursorTimestamp('moderated_at')} AS cursor_at FROM testimonials
      WHERE ${where.join(' AND ')} ORDER BY moderated_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toPublicTestimonial),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}

export const testimonialNotFound = (): HttpProblem => new HttpProblem(404, 'not-found', { detail: 'No testimonial with this id.' });

export async function findTestimonial(db: Queryable, organisationId: string, id: string): Promise<TestimonialRow | undefined> {
  const { rows } = await db.query<TestimonialRow>(`SELECT ${TESTIMONIAL_COLUMNS} FROM testimonials WHERE organisation_id = $1 AND id = $2`, [
    organisationId,
    id,
  ]);
  return rows[0];
}

/**
 * The consent text for a locale: the exact locale, then its language (`fr`
 * for `fr-CA`), then English, then any; undefined when none is set.
 */
export function consentTextFor(texts: Record<string, string>, locale: string): { locale: string; text: string } | undefined {
  const language = locale.split('-')[0] ?? locale;
  const chosen = [locale, language, 'en', ...Object.keys(texts).sort()].find((candidate) => texts[candidate]);
  return chosen === undefined ? undefined : { locale: chosen, text: texts[chosen]! };
}

export type ModerationDecision = 'approved' | 'rejected';

/**
 * Whether a testimonial in `from` may be moved to `decision`. Admins may
 * reconsider (rejected → approved) and take down (approved → rejected); the
 * author's withdrawal is final. Repeating a decision is a no-op (`same`), so
 * a retried request does not write the audit log twice.
 */
export function moderationMove(from: TestimonialStatus, decision: ModerationDecision): 'change' | 'same' | 'withdrawn' {
  if (from === 'withdrawn') return 'withdrawn';
  return from === decision ? 'same' : 'change';
}

export const testimonialWithdrawn = (): HttpProblem =>
  new HttpProblem(409, 'testimonial-withdrawn', { detail: 'The author withdrew this testimonial; it can no longer be moderated or published.' });
