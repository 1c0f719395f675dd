import type { Me, MeUpdate } from '@advocacy/sdk/contract';
import type { Db, Queryable } from '../db/db.js';
import { run, sql, type SqlStatement } from '../db/sql.js';
import { avatarHostRefused, isAllowedAvatar, loadAvatarHosts, shownAvatar } from './avatar-hosts.js';
import { audienceJumps, boundedAudience } from './declared-audience.js';
import { lockOrganisationCounters } from './counter-lock.js';
import { syncLeaderboardListing } from './points.js';
import { recordAudienceJump } from './trust-flags.js';

interface EmployeeRow {
  id: string;
  name: string;
  display_name: string | null;
  email: string | null;
  team: string | null;
  avatar_url: string | null;
  leaderboard_opt_in: boolean;
  audience: unknown;
  avatar_hosts: string[];
}

/** The employee's own profile: an avatar whose host is no longer allowed is null, declared figures are bounded by the caps. */
export async function loadProfile(db: Queryable, organisationId: string, employeeId: string, isAdmin: boolean): Promise<Me> {
  const { rows } = await run<EmployeeRow>(
    db,
    sql`SELECT e.id, e.name, e.display_name, e.email, t.name AS team, e.avatar_url, e.leaderboard_opt_in, e.audience, o.avatar_hosts
          FROM employees e JOIN organisations o ON o.id = e.organisation_id LEFT JOIN teams t ON t.id = e.team_id
         WHERE e.organisation_id = ${organisationId} AND e.id = ${employeeId}`,
  );
  const row = rows[0];
  if (!row) throw new Error(`employee ${employeeId} vanished`);
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    email: row.email,
    team: row.team,
    avatarUrl: shownAvatar(row.avatar_url, row.avatar_hosts),
    leaderboardOptIn: row.leaderboard_opt_in,
    audience: boundedAudience(row.audience),
    isAdmin,
  };
}

/**
 * Applies what the employee changed (already checked against the contract,
 * caps included). An avatar off the programme's hosts is a 400; a jump in a
 * declared audience is listed for admins (trust_flags), in the same transaction.
 */
export async function updateProfile(db: Db, organisationId: string, employeeId: string, change: MeUpdate, now: Date): Promise<void> {
  if (change.avatarUrl) {
    const hosts = await loadAvatarHosts(db, organisationId);
    if (!isAllowedAvatar(change.avatarUrl, hosts)) throw avatarHostRefused(hosts);
  }
  const assignments: SqlStatement[] = [];
  if (change.displayName !== undefined) assignments.push(sql`display_name = ${change.displayName}`);
  if (change.avatarUrl !== undefined) assignments.push(sql`avatar_url = ${change.avatarUrl}`);
  if (change.leaderboardOptIn !== undefined) assignments.push(sql`leaderboard_opt_in = ${change.leaderboardOptIn}`);
  // Merged: networks left out keep their figure.
  if (change.audience !== undefined) assignments.push(sql`audience = audience || ${JSON.stringify(change.audience)}::jsonb`);
  if (assignments.length === 0) return;

  await db.transaction(async (tx) => {
    // The opt-in moves leaderboard counters: their lock comes first, as in every counter writer.
    if (change.leaderboardOptIn !== undefined) await lockOrganisationCounters(tx, [organisationId]);
    if (change.audience !== undefined) {
      // The row lock keeps two updates from both measuring their jump against the same previous figure.
      const { rows } = await run<{ audience: unknown }>(
        tx,
        sql`SELECT audience FROM employees WHERE organisation_id = ${organisationId} AND id = ${employeeId} FOR UPDATE`,
      );
      for (const jump of audienceJumps(boundedAudience(rows[0]?.audience), change.audience)) {
        await recordAudienceJump(tx, { organisationId, employeeId, ...jump, at: now });
      }
    }
    const set = assignments.slice(1).reduce((list, assignment) => sql`${list}, ${assignment}`, assignments[0]!);
    await run(tx, sql`UPDATE employees SET ${set} WHERE organisation_id = ${organisationId} AND id = ${employeeId}`);
    if (change.leaderboardOptIn !== undefined) await syncLeaderboardListing(tx, organisationId, employeeId);
  });
}
