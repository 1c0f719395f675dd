import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { SignJWT } from 'jose';
import { routes, type Demo } from '@advocacy/sdk/contract';
import { HttpProblem, isLoopbackAddress, isLoopbackHostname, registerRoute, type ServerContext } from '@advocacy/server';
import { DEMO_ORGANISATION, demoEmployees, seededRandom } from '../seed/demo-data.js';
import { DEMO_SEED } from '../seed/seed-demo.js';

const TOKEN_LIFETIME_SECONDS = 3_600;

/**
 * A client on this machine, talking to this server directly: the socket's
 * own address (a forwarded-for header cannot make a remote client look
 * local), no proxy in between (behind a reverse proxy on the same machine
 * every client would arrive from loopback), and a loopback host name (a web
 * page that rebinds its own name to 127.0.0.1 still sends that name).
 * Anyone else gets the same 404 as for a route that does not exist.
 */
function requireLoopback(request: FastifyRequest): void {
  const proxied = ['forwarded', 'x-forwarded-for', 'x-real-ip'].some((name) => request.headers[name] !== undefined);
  if (!isLoopbackAddress(request.socket.remoteAddress) || proxied || !isLoopbackHostname(request.hostname)) {
    throw new HttpProblem(404, 'not-found', { detail: `No route for ${request.method} ${request.url.split('?')[0]}.` });
  }
}

const demoPeople = new Map(demoEmployees(seededRandom(DEMO_SEED)).map((person) => [person.subject, person]));

interface DemoOrganisationRow {
  id: string;
  name: string;
  jwt_issuer: string;
  jwt_audience: string;
  jwt_hs256_secret: string;
  admin_role: string;
  publishable_key: string;
}

/** Registered only in demo mode (see app.ts): lets the demo pages act as any demo employee. */
export const demoRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const demoOrganisation = async (): Promise<DemoOrganisationRow> => {
    const { rows } = await ctx.db.query<DemoOrganisationRow>(
      `SELECT o.id, o.name, o.jwt_issuer, o.jwt_audience, o.jwt_hs256_secret, o.admin_role, d.publishable_key
         FROM organisations o JOIN demo_settings d ON d.organisation_id = o.id WHERE o.slug = $1`,
      [DEMO_ORGANISATION.slug],
    );
    if (!rows[0]) throw new HttpProblem(404, 'demo-not-seeded', { detail: 'There is no demo organisation in this database; start the server in demo mode (npm start) to create it.' });
    return rows[0];
  };

  registerRoute(app, ctx, routes.getDemo, async ({ request }) => {
    requireLoopback(request);
    const organisation = await demoOrganisation();
    const { rows } = await ctx.db.query<{ id: string; subject: string; name: string; display_name: string | null; team: string | null }>(
      `SELECT e.id, e.subject, e.name, e.display_name, t.name AS team FROM employees e LEFT JOIN teams t ON t.id = e.team_id
        WHERE e.organisation_id = $1 ORDER BY e.subject`,
      [organisation.id],
    );
    const demo: Demo = {
      organisation: { name: organisation.name },
      apiUrl: ctx.publicOrigin(request),
      publishableKey: organisation.publishable_key,
      employees: rows.map((row) => ({
        id: row.id,
        name: row.name,
        displayName: row.display_name,
        team: row.team ?? '',
        role: demoPeople.get(row.subject)?.role ?? 'Employee',
        isAdmin: demoPeople.get(row.subject)?.isAdmin ?? false,
      })),
    };
    return demo;
  });

  registerRoute(app, ctx, routes.createDemoToken, async ({ body, request }) => {
    requireLoopback(request);
    const organisation = await demoOrganisation();
    const { rows } = await ctx.db.query<{ subject: string; name: string; team: string | null }>(
      `SELECT e.subject, e.name, t.name AS team FROM employees e LEFT JOIN teams t ON t.id = e.team_id WHERE e.organisation_id = $1 AND e.id = $2`,
      [organisation.id, body.employeeId],
    );
    const employee = rows[0];
    if (!employee) throw new HttpProblem(404, 'not-found', { detail: 'No demo employee with this id.' });
    const issuedAt = Math.floor(ctx.now().getTime() / 1000);
    const expiresAt = issuedAt + TOKEN_LIFETIME_SECONDS;
    const token = await new SignJWT({
      name: employee.name,
      ...(employee.team ? { team: employee.team } : {}),
      roles: demoPeople.get(employee.subject)?.isAdmin ? [organisation.admin_role] : [],
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(employee.subject)
      .setIssuer(organisation.jwt_issuer)
      .setAudience(organisation.jwt_audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(new TextEncoder().encode(organisation.jwt_hs256_secret));
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
  });
};
