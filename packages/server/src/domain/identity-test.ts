import type { IdentityTestResult, IdentityUpdate } from '@advocacy/sdk/contract';
import { employeeClaimsOf } from '../auth/employee-claims.js';
import { JwtVerifier, MAX_TOKEN_LENGTH } from '../auth/jwt.js';
import type { Queryable } from '../db/db.js';
import { run, sql } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';

interface IdentityRow {
  jwt_issuer: string | null;
  jwt_audience: string | null;
  jwks_url: string | null;
  admin_role: string;
  jwt_hs256_secret: string | null;
}

const refused = (reason: string): IdentityTestResult => ({ valid: false, reason, claims: null, expiresAt: null });

/**
 * "Test a token" for the programme settings: verifies `token` exactly as the
 * API verifies employee tokens (JwtVerifier: signature from the key set,
 * pinned algorithms, issuer, audience, expiry, subject), against `edited`
 * (the identity settings an admin is editing, not saved yet) or else the
 * saved ones. Writes nothing: no employee is created, nothing is audited.
 */
export async function testIdentityToken(
  db: Queryable,
  verifier: JwtVerifier,
  organisationId: string,
  token: string,
  edited: IdentityUpdate | undefined,
): Promise<IdentityTestResult> {
  const { rows } = await run<IdentityRow>(
    db,
    sql`SELECT jwt_issuer, jwt_audience, jwks_url, admin_role, jwt_hs256_secret FROM organisations WHERE id = ${organisationId}`,
  );
  const saved = rows[0];
  if (!saved) throw new HttpProblem(404, 'organisation-not-found', { detail: 'This organisation no longer exists.' });
  const settings = edited
    ? { issuer: edited.issuer, audience: edited.audience, jwksUrl: edited.jwksUrl, adminRole: edited.adminRole }
    : { issuer: saved.jwt_issuer, audience: saved.jwt_audience, jwksUrl: saved.jwks_url, adminRole: saved.admin_role };
  if (settings.issuer === null || settings.audience === null) return refused('No identity provider is set up yet: give its issuer, audience and key set URL.');
  const pasted = token.trim();
  if (pasted.length > MAX_TOKEN_LENGTH || !JwtVerifier.peek(pasted)) return refused('This is not a JWT with a usable "iss" claim.');
  try {
    const claims = await verifier.verify(pasted, {
      issuer: settings.issuer,
      audience: settings.audience,
      jwksUrl: settings.jwksUrl,
      // The demo's shared secret works only with no key set (and in demo mode only: see JwtVerifier).
      hs256Secret: settings.jwksUrl ? null : saved.jwt_hs256_secret,
    });
    const employee = employeeClaimsOf(claims, settings.adminRole);
    return {
      valid: true,
      reason: null,
      claims: employee,
      expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : null,
    };
  } catch (error) {
    if (error instanceof HttpProblem) return refused(error.detail ?? error.message);
    throw error;
  }
}
