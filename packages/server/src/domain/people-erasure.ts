import type { Db } from '../db/db.js';
import { run, sql } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';
import { writeAudit } from './audit-log.js';
import { lockOrganisationCounters } from './counter-lock.js';
import type { ChangeAuthor } from './organisation-settings.js';
import { notOnYourself } from './people-deactivation.js';
import { personNotFound } from './people.js';

/** What an erased testimonial's text becomes (the column takes 1 character at least). */
export const ERASED_QUOTE = '[erased]';

const confirmationMismatch = (): HttpProblem =>
  new HttpProblem(400, 'confirmation-mismatch', {
    title: 'Bad Request',
    detail: 'Type the person’s display name or id to confirm the erasure.',
    errors: [{ field: 'body.confirm', message: 'neither the display name nor the id of this person' }],
  });

const same = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Erases one person's personal data on request (GDPR Art. 17), once
 * `confirm` repeats their display name (or name) or id: name, email,
 * display name, avatar, declared audience, their testimonials' text, names
 * (profile and chosen) and photo (withdrawn from the career site), the hashes of the network they
 * shared from, replayable answers held for their requests, and their
 * identity link: the subject becomes a tombstone, so a new sign-in is a new
 * person. The row stays, anonymous and deactivated (so off every
 * leaderboard; its opt-in, a preference and no personal data, is kept with
 * the figures), so shares, points, clicks and the programme's figures are
 * unchanged and tracked links keep redirecting. The audit log records when and by whom, not whom.
 * Erasing an erased person changes nothing.
 */
export async function erasePerson(db: Db, organisationId: string, id: string, confirm: string, by: ChangeAuthor): Promise<void> {
  if (by.actor === `employee:${id}`) throw notOnYourself('erase');
  await db.transaction(async (tx) => {
    // Unlisting moves the points histogram: the counter lock comes first, as in every counter writer.
    await lockOrganisationCounters(tx, [organisationId]);
    const { rows } = await run<{ name: string; display_name: string | null; erased_at: Date | null }>(
      tx,
      sql`SELECT name, display_name, erased_at FROM employees WHERE organisation_id = ${organisationId} AND id = ${id} FOR UPDATE`,
    );
    const row = rows[0];
    if (!row) throw personNotFound();
    if (row.erased_at !== null) return;
    const names = [id, row.name, row.display_name].filter((name): name is string => name !== null && name.trim() !== '');
    if (!names.some((name) => same(name, confirm))) throw confirmationMismatch();

    const mine = sql`organisation_id = ${organisationId} AND employee_id = ${id}`;
    await run(
      tx,
      sql`UPDATE employees
             SET subject = ${`erased:${id}`}, name = '', email = NULL, display_name = NULL, avatar_url = NULL, audience = '{}'::jsonb,
                 erased_at = ${by.now}, deactivated_at = coalesce(deactivated_at, ${by.now})
           WHERE organisation_id = ${organisationId} AND id = ${id}`,
    );
    await run(tx, sql`UPDATE points SET listed = false WHERE ${mine} AND listed`);
    await run(
      tx,
      sql`UPDATE testimonials
             SET quote = ${ERASED_QUOTE}, author_name = '', chosen_author_name = NULL, role = '', location = '', photo_url = NULL, rejection_reason = NULL,
                 withdrawn_at = CASE WHEN status IN ('pending', 'approved') THEN ${by.now} ELSE withdrawn_at END,
                 status = CASE WHEN status IN ('pending', 'approved') THEN 'withdrawn' ELSE status END
           WHERE ${mine}`,
    );
    await run(tx, sql`UPDATE shares SET sharer_fingerprint = NULL, sharer_network = NULL, sharer_network_day = NULL WHERE ${mine}`);
    // An audience jump's figures are the declared audience just erased.
    await run(tx, sql`UPDATE trust_flags SET detail = '{}'::jsonb WHERE ${mine} AND kind = 'audience-jump'`);
    // Answers kept for replays (24 hours) may hold their profile.
    await run(tx, sql`DELETE FROM idempotency_keys WHERE organisation_id = ${organisationId} AND principal = ${`employee:${id}`}`);
    await writeAudit(tx, { organisationId, actor: by.actor, action: 'person.erased', targetType: 'erasure', targetId: crypto.randomUUID(), at: by.now });
  });
}
