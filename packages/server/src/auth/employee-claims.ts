import type { JWTPayload } from 'jose';
import type { Db } from '../db/db.js';
import { lockOrganisationCounters } from '../domain/counter-lock.js';
import { employeeDeactivated } from '../domain/people-deactivation.js';
import { syncLeaderboardListing } from '../domain/points.js';

/** A display claim as stored: control characters (NUL cannot even be stored) become spaces; blank is absent. */
function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/\p{Cc}/gu, ' ').trim().slice(0, max).trim();
  return cleaned.length > 0 ? cleaned : undefined;
}

/**
 * The employee behind a verified token, created on first sight from its
 * claims (`sub`, `name`, `email`, `team`). Name, email and team follow the
 * identity provider when a token carries them (a token without them, such as
 * an access token without the profile scope, changes nothing); what the
 * employee set themself (display name, opt-ins) is kept. A deactivated
 * employee's token is refused (403 `employee-deactivated`).
 */
export async function upsertEmployeeFromClaims(db: Db, organisationId: string, claims: JWTPayload & { sub: string }): Promise<string> {
  const existing = await db.query<{ id: string; name: string; email: string | null; team_name: string | null; stale: boolean; deactivated: boolean }>(
    `SELECT e.id, e.name, e.email, t.name AS team_name, e.last_seen_at < now() - interval '1 hour' AS stale,
            e.deactivated_at IS NOT NULL AS deactivated
       FROM employees e LEFT JOIN teams t ON t.id = e.team_id
      WHERE e.organisation_id = $1 AND e.subject = $2`,
    [organisationId, claims.sub],
  );
  const row = existing.rows[0];
  if (row?.deactivated) throw employeeDeactivated();
  const name = text(claims['name'], 200) ?? row?.name ?? '';
  const email = text(claims['email'], 320) ?? row?.email ?? null;
  const teamName = text(claims['team'], 120) ?? row?.team_name ?? undefined;
  if (row && row.name === name && row.email === email && (row.team_name ?? undefined) === teamName && !row.stale) {
    return row.id;
  }

  const teamChanged = row !== undefined && (row.team_name ?? undefined) !== teamName;
  return db.transaction(async (tx) => {
    // A team change moves leaderboard counters: their lock comes first, as in every counter writer.
    if (teamChanged) await lockOrganisationCounters(tx, [organisationId]);
    let teamId: string | null = null;
    if (teamName) {
      const team = await tx.query<{ id: string }>(
        `INSERT INTO teams (id, organisation_id, name) VALUES ($1, $2, $3)
         ON CONFLICT (organisation_id, name) DO UPDATE SET name = EXCLUDED.name
         RETURNING id`,
        [crypto.randomUUID(), organisationId, teamName],
      );
      teamId = team.rows[0]?.id ?? null;
    }
    const employee = await tx.query<{ id: string }>(
      `INSERT INTO employees (id, organisation_id, subject, name, email, team_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organisation_id, subject)
       DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, team_id = EXCLUDED.team_id, last_seen_at = now()
       RETURNING id`,
      [crypto.randomUUID(), organisationId, claims.sub, name, email, teamId],
    );
    const id = employee.rows[0]?.id;
    if (!id) throw new Error('employee upsert returned no row');
    if (teamChanged) await syncLeaderboardListing(tx, organisationId, id);
    return id;
  });
}

/** The roles a token gives: its `roles` claim (an array), or a single `role`. */
export function rolesOf(claims: JWTPayload): unknown[] {
  return Array.isArray(claims['roles']) ? claims['roles'] : typeof claims['role'] === 'string' ? [claims['role']] : [];
}

/** What the API takes from a verified token, as `advocacy-admin identity test` shows it. */
export interface EmployeeClaims {
  subject: string;
  name: string | null;
  email: string | null;
  team: string | null;
  roles: string[];
  isAdmin: boolean;
}

export function employeeClaimsOf(claims: JWTPayload & { sub: string }, adminRole: string): EmployeeClaims {
  const roles = rolesOf(claims);
  return {
    subject: claims.sub,
    name: text(claims['name'], 200) ?? null,
    email: text(claims['email'], 320) ?? null,
    team: text(claims['team'], 120) ?? null,
    roles: roles.filter((role): role is string => typeof role === 'string'),
    isAdmin: roles.includes(adminRole),
  };
}
