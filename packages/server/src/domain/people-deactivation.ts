import type { Db } from '../db/db.js';
import { run, sql } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';
import { writeAudit } from './audit-log.js';
import { lockOrganisationCounters } from './counter-lock.js';
import type { ChangeAuthor } from './organisation-settings.js';
import { personNotFound } from './people.js';
import { syncLeaderboardListing } from './points.js';

/** What a deactivated employee's token gets, on every route. */
export const employeeDeactivated = (): HttpProblem =>
  new HttpProblem(403, 'employee-deactivated', {
    title: 'Forbidden',
    detail: 'This employee has been deactivated in the advocacy programme. An admin can reactivate them.',
  });

/** An admin acting on themself would lock themself out. */
export const notOnYourself = (what: string): HttpProblem =>
  new HttpProblem(409, 'not-on-yourself', { detail: `You cannot ${what} yourself: ask another admin.` });

/**
 * Deactivates a leaver, audited: their counters stop being listed at once
 * (every period, rank and team listing reads `points.listed`, and migration
 * 015's trigger keeps it off whoever writes later), and their tokens are
 * refused. Testimonials are left as they are, under their consent.
 * Deactivating a deactivated person changes nothing.
 */
export async function deactivatePerson(db: Db, organisationId: string, id: string, by: ChangeAuthor): Promise<void> {
  if (by.actor === `employee:${id}`) throw notOnYourself('deactivate');
  await db.transaction(async (tx) => {
    // Unlisting moves the points histogram: the counter lock comes first, as in every counter writer.
    await lockOrganisationCounters(tx, [organisationId]);
    const { rows } = await run<{ deactivated_at: Date | null }>(
      tx,
      sql`SELECT deactivated_at FROM employees WHERE organisation_id = ${organisationId} AND id = ${id} FOR UPDATE`,
    );
    const row = rows[0];
    if (!row) throw personNotFound();
    if (row.deactivated_at !== null) return;
    await run(tx, sql`UPDATE employees SET deactivated_at = ${by.now} WHERE organisation_id = ${organisationId} AND id = ${id}`);
    await run(tx, sql`UPDATE points SET listed = false WHERE organisation_id = ${organisationId} AND employee_id = ${id} AND listed`);
    await writeAudit(tx, { organisationId, actor: by.actor, action: 'person.deactivated', targetType: 'employee', targetId: id, at: by.now });
  });
}

/**
 * Reactivates a deactivated person, audited: listed again where they opted
 * in, tokens accepted. An erased person stays erased (409). Reactivating an
 * active person changes nothing.
 */
export async function reactivatePerson(db: Db, organisationId: string, id: string, by: ChangeAuthor): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOrganisationCounters(tx, [organisationId]);
    const { rows } = await run<{ deactivated_at: Date | null; erased_at: Date | null }>(
      tx,
      sql`SELECT deactivated_at, erased_at FROM employees WHERE organisation_id = ${organisationId} AND id = ${id} FOR UPDATE`,
    );
    const row = rows[0];
    if (!row) throw personNotFound();
    if (row.erased_at !== null) {
      throw new HttpProblem(409, 'person-erased', { detail: 'This person’s data has been erased: they come back as a new person when they next sign in.' });
    }
    if (row.deactivated_at === null) return;
    await run(tx, sql`UPDATE employees SET deactivated_at = NULL WHERE organisation_id = ${organisationId} AND id = ${id}`);
    await syncLeaderboardListing(tx, organisationId, id);
    await writeAudit(tx, { organisationId, actor: by.actor, action: 'person.reactivated', targetType: 'employee', targetId: id, at: by.now });
  });
}
