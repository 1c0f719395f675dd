import type { NewTestimonial, Testimonial } from '@advocacy/sdk/contract';
import type { Db, Queryable } from '../db/db.js';
import { run, sql } from '../db/sql.js';
import { writeAudit } from './audit-log.js';
import { findTestimonial, testimonialColumns, testimonialNotFound, toTestimonial, type TestimonialRow } from './testimonials.js';

/** Who acts and when, for the audit log. */
export interface Author {
  organisationId: string;
  employeeId: string;
  /** principalLabel of the caller. */
  actor: string;
  now: Date;
}

/**
 * Records the author's testimonial, pending moderation, with their consent
 * (who, version, when), under their profile name, or under the name they
 * chose (`authorName`), kept beside it.
 */
export async function submitTestimonial(db: Db, by: Author, input: NewTestimonial & { consent: { version: string } }): Promise<Testimonial> {
  const row = await db.transaction(async (tx) => {
    const author = await run<{ name: string }>(
      tx,
      sql`SELECT coalesce(display_name, name) AS name FROM employees WHERE organisation_id = ${by.organisationId} AND id = ${by.employeeId}`,
    );
    const { rows } = await run<TestimonialRow>(
      tx,
      sql`INSERT INTO testimonials (id, organisation_id, employee_id, quote, author_name, chosen_author_name, role, team, location, locale, photo_url, tags,
                                    consent_version, consent_accepted_at, created_at)
          VALUES (${crypto.randomUUID()}, ${by.organisationId}, ${by.employeeId}, ${input.quote}, ${author.rows[0]?.name || 'Employee'}, ${input.authorName ?? null},
                  ${input.role}, ${input.team}, ${input.location}, ${input.locale}, ${input.photoUrl ?? null}, ${[...new Set(input.tags ?? [])]},
                  ${input.consent.version}, ${by.now}, ${by.now})
          RETURNING ${testimonialColumns}`,
    );
    const created = rows[0]!;
    await writeAudit(tx, {
      organisationId: by.organisationId,
      actor: by.actor,
      action: 'testimonial.submitted',
      targetType: 'testimonial',
      targetId: created.id,
      detail: { consentVersion: input.consent.version },
      at: by.now,
    });
    return created;
  });
  return toTestimonial(row);
}

/** The author's own testimonials, newest 100, whatever their status. */
export async function listMyTestimonials(db: Queryable, organisationId: string, employeeId: string): Promise<Testimonial[]> {
  const { rows } = await run<TestimonialRow>(
    db,
    sql`SELECT ${testimonialColumns} FROM testimonials WHERE organisation_id = ${organisationId} AND employee_id = ${employeeId}
         ORDER BY created_at DESC, id DESC LIMIT 100`,
  );
  return rows.map(toTestimonial);
}

/** The author withdraws their testimonial: gone from every public listing at once. Repeating it changes nothing. */
export async function withdrawTestimonial(db: Db, by: Author, id: string): Promise<Testimonial> {
  const row = await db.transaction(async (tx) => {
    // Locked, so an approval racing the withdrawal waits and then sees it.
    const existing = await findTestimonial(tx, by.organisationId, id, true);
    // Someone else's testimonial answers as if it did not exist.
    if (!existing || existing.employee_id !== by.employeeId) throw testimonialNotFound();
    if (existing.status === 'withdrawn') return existing;
    const { rows } = await run<TestimonialRow>(
      tx,
      sql`UPDATE testimonials SET status = 'withdrawn', withdrawn_at = ${by.now}
           WHERE organisation_id = ${by.organisationId} AND id = ${id} RETURNING ${testimonialColumns}`,
    );
    await writeAudit(tx, {
      organisationId: by.organisationId,
      actor: by.actor,
      action: 'testimonial.withdrawn',
      targetType: 'testimonial',
      targetId: id,
      detail: { previousStatus: existing.status },
      at: by.now,
    });
    return rows[0]!;
  });
  return toTestimonial(row);
}
