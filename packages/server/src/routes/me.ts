import type { FastifyPluginAsync } from 'fastify';
import { routes, type DeclaredAudience, type Me } from '@advocacy/sdk/contract';
import type { Queryable, SqlParam } from '../db/db.js';
import { syncLeaderboardListing } from '../domain/points.js';
import { registerRoute } from '../http/contract-route.js';
import type { ServerContext } from '../server-context.js';

interface EmployeeRow {
  id: string;
  name: string;
  display_name: string | null;
  email: string | null;
  team: string | null;
  avatar_url: string | null;
  leaderboard_opt_in: boolean;
  audience: DeclaredAudience;
}

async function loadMe(db: Queryable, organisationId: string, employeeId: string, isAdmin: boolean): Promise<Me> {
  const { rows } = await db.query<EmployeeRow>(
    `SELECT e.id, e.name, e.display_name, e.email, t.name AS team, e.avatar_url, e.leaderboard_opt_in, e.audience
       FROM employees e LEFT JOIN teams t ON t.id = e.team_id
      WHERE e.organisation_id = $1 AND e.id = $2`,
    [organisationId, employeeId],
  );
  const row = rows[0]!;
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    email: row.email,
    team: row.team,
    avatarUrl: row.avatar_url,
    leaderboardOptIn: row.leaderboard_opt_in,
    audience: row.audience,
    isAdmin,
  };
}

/** The calling employee's own profile. */
export const meRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  registerRoute(app, ctx, routes.getMe, async ({ principal }) => loadMe(ctx.db, principal.organisationId, principal.employeeId, principal.isAdmin));

  registerRoute(app, ctx, routes.updateMe, async ({ body, principal }) => {
    const changes: [string, SqlParam][] = [];
    if (body.displayName !== undefined) changes.push(['display_name', body.displayName]);
    if (body.avatarUrl !== undefined) changes.push(['avatar_url', body.avatarUrl]);
    if (body.leaderboardOptIn !== undefined) changes.push(['leaderboard_opt_in', body.leaderboardOptIn]);
    if (changes.length > 0 || body.audience !== undefined) {
      await ctx.db.transaction(async (tx) => {
        const assignments = changes.map(([column], index) => `${column} = $${index + 3}`);
        const params: SqlParam[] = [principal.organisationId, principal.employeeId, ...changes.map(([, value]) => value)];
        if (body.audience !== undefined) {
          params.push(JSON.stringify(body.audience));
          // Merged: networks left out keep their figure.
          assignments.push(`audience = audience || $${params.length}::jsonb`);
        }
        await tx.query(`UPDATE employees SET ${assignments.join(', ')} WHERE organisation_id = $1 AND id = $2`, params);
        if (body.leaderboardOptIn !== undefined) await syncLeaderboardListing(tx, principal.organisationId, principal.employeeId);
      });
    }
    return loadMe(ctx.db, principal.organisationId, principal.employeeId, principal.isAdmin);
  });
};
