import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/db.js';
import { HttpProblem } from '../http/problem.js';
import { findApiKey } from './api-keys.js';
import { rolesOf, upsertEmployeeFromClaims } from './employee-claims.js';
import { JwtVerifier, MAX_TOKEN_LENGTH } from './jwt.js';
import { isOriginAllowed, originNotAllowedDetail } from './origins.js';
import type { Principal } from './principal.js';

export interface OrganisationAuthRow {
  id: string;
  jwt_issuer: string;
  jwt_audience: string;
  jwks_url: string | null;
  jwt_hs256_secret: string | null;
  admin_role: string;
  allowed_origins: string[];
}

const unauthorized = (slug: string, detail: string): HttpProblem =>
  new HttpProblem(401, slug, { title: 'Unauthorized', detail, headers: { 'www-authenticate': 'Bearer' } });

/** The bearer credential of a request, or undefined. */
export function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('invalid-authorization', 'The Authorization header must be "Bearer <key or token>".');
  return match[1];
}

/**
 * `navigator.sendBeacon` cannot send headers, so `POST /v1/events` also takes
 * a publishable key (public by design) as `?key=`. Nothing else ever reads a
 * credential from a URL: tokens and secret keys would end up in logs.
 */
function beaconKeyOf(request: FastifyRequest): string | undefined {
  if (request.method !== 'POST' || request.routeOptions.url !== '/v1/events') return undefined;
  const key = (request.query as Record<string, unknown> | undefined)?.['key'];
  return typeof key === 'string' && key.startsWith('pk_') ? key : undefined;
}

/** Organisation whose identity provider issued a token, from its unverified `iss` and `aud`. */
export async function organisationForToken(db: Db, token: string): Promise<OrganisationAuthRow | undefined> {
  const claimed = JwtVerifier.peek(token);
  if (!claimed || claimed.audiences.length === 0) return undefined;
  const { rows } = await db.query<OrganisationAuthRow>(
    `SELECT id, jwt_issuer, jwt_audience, jwks_url, jwt_hs256_secret, admin_role, allowed_origins
       FROM organisations WHERE jwt_issuer = $1 AND jwt_audience = ANY($2::text[])`,
    [claimed.issuer, claimed.audiences],
  );
  return rows.length === 1 ? rows[0] : undefined;
}

/**
 * Browsers send no Origin header on a same-origin GET, but they do send
 * `Sec-Fetch-Site: same-origin`, which a page's script cannot set: the page's
 * origin is then the request's own. (Like Origin, it proves nothing about a
 * non-browser client; a publishable key is public anyway.)
 */
function sameOriginOf(request: FastifyRequest): string | undefined {
  if (request.headers['sec-fetch-site'] !== 'same-origin') return undefined;
  return `${request.protocol}://${request.host}`;
}

/**
 * Checks the request's credential and returns who is calling, or null when
 * it carries none. Throws a 401/403 problem for a credential that is wrong,
 * expired, revoked, or used from the wrong place.
 */
export async function authenticate(db: Db, verifier: JwtVerifier, request: FastifyRequest): Promise<Principal | null> {
  const credential = bearerOf(request) ?? beaconKeyOf(request);
  if (!credential) return null;
  const origin = request.headers.origin ?? sameOriginOf(request);

  if (credential.startsWith('pk_') || credential.startsWith('sk_')) {
    const key = await findApiKey(db, credential);
    if (!key) throw unauthorized('invalid-key', 'This API key is unknown or revoked.');
    if (key.kind === 'secret') {
      if (origin !== undefined) {
        throw new HttpProblem(403, 'secret-key-in-browser', {
          detail: 'Secret keys are for servers only and are refused from web pages. Revoke this key: it has been exposed.',
        });
      }
      return { kind: 'secret', organisationId: key.organisationId, keyId: key.id, scopes: key.scopes };
    }
    if (!isOriginAllowed(origin, key.allowedOrigins)) {
      throw new HttpProblem(403, 'origin-not-allowed', { detail: originNotAllowedDetail(origin, 'key') });
    }
    return { kind: 'publishable', organisationId: key.organisationId, keyId: key.id };
  }

  if (credential.length > MAX_TOKEN_LENGTH) throw unauthorized('invalid-token', `Tokens longer than ${MAX_TOKEN_LENGTH} characters are refused.`);
  const organisation = await organisationForToken(db, credential);
  if (!organisation) throw unauthorized('invalid-token', 'The token was not issued for any organisation of this API.');
  if (origin !== undefined && !isOriginAllowed(origin, organisation.allowed_origins)) {
    throw new HttpProblem(403, 'origin-not-allowed', { detail: originNotAllowedDetail(origin, 'tokens') });
  }
  const claims = await verifier.verify(credential, {
    issuer: organisation.jwt_issuer,
    audience: organisation.jwt_audience,
    jwksUrl: organisation.jwks_url,
    hs256Secret: organisation.jwt_hs256_secret,
  });
  const employeeId = await upsertEmployeeFromClaims(db, organisation.id, claims);
  const roles = rolesOf(claims);
  return {
    kind: 'employee',
    organisationId: organisation.id,
    employeeId,
    subject: claims.sub,
    isAdmin: roles.includes(organisation.admin_role),
  };
}
