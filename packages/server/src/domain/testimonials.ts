import type { PublicTestimonial, PublicTestimonialQuery, Testimonial, TestimonialStatus } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import { raw, run, sql, type SqlStatement } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';
import { cursorTime, decodeTimeIdCursor, encodeTimeIdCursor } from '../http/time-id-cursor.js';
import { localeMatches } from './locale-match.js';

export interface TestimonialRow {
  id: string;
  employee_id: string;
  quote: string;
  /** The author's profile name when they submitted it. */
  author_name: string;
  /** The name they chose to publish it under in the form; null: author_name. */
  chosen_author_name: string | null;
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
  'id, employee_id, quote, author_name, chosen_author_name, role, team, location, locale, photo_url, tags, status, consent_version, consent_accepted_at, created_at, moderated_at, rejection_reason, withdrawn_at';

/** The columns of `TestimonialRow`, for the `sql` tag. */
export const testimonialColumns: SqlStatement = raw(TESTIMONIAL_COLUMNS);

/** The name a testimonial is published under: the one its author chose, else their profile's when they submitted it. */
export const publishedName = (row: Pick<TestimonialRow, 'author_name' | 'chosen_author_name'>): string => row.chosen_author_name ?? row.author_name;

export function toTestimonial(row: TestimonialRow): Testimonial {
  return {
    id: row.id,
    quote: row.quote,
    authorName: publishedName(row),
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
    authorName: publishedName(row),
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
  const where = [sql`organisation_id = ${organisationId}`, sql`status = 'approved'`];
  if (query.team) where.push(sql`lower(team) = lower(${query.team})`);
  if (query.location) where.push(sql`lower(location) = lower(${query.location})`);
  if (query.locale) where.push(localeMatches(raw('locale'), query.locale));
  if (query.tag) where.push(sql`${query.tag} = ANY(tags)`);
  const after = decodeTimeIdCursor(query.cursor);
  if (after) where.push(sql`(moderated_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  const { rows } = await run<TestimonialRow & { cursor_at: string }>(
    db,
    sql`SELECT ${testimonialColumns}, ${raw(cursorTime('moderated_at'))} AS cursor_at FROM testimonials
         WHERE ${sql.join(where, sql` AND `)} ORDER BY moderated_at DESC, id DESC LIMIT ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toPublicTestimonial),
    nextCursor: rows.length > query.limit && last ? encodeTimeIdCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}

export const testimonialNotFound = (): HttpProblem => new HttpProblem(404, 'not-found', { detail: 'No testimonial with this id.' });

/** One testimonial of the organisation, or undefined (also for another organisation's id); `lock` takes its row lock. */
export async function findTestimonial(db: Queryable, organisationId: string, id: string, lock = false): Promise<TestimonialRow | undefined> {
  const { rows } = await run<TestimonialRow>(
    db,
    sql`SELECT ${testimonialColumns} FROM testimonials WHERE organisation_id = ${organisationId} AND id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
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
