import type { Queryable } from '../db/db.js';
import { insertApiKey } from '../auth/api-keys.js';

export interface NewOrganisation {
  slug: string;
  name: string;
  pointsPerShare?: number;
  pointsPerClick?: number;
  /** Per locale: `{ en: 'I work at Acme.' }` */
  disclosure?: Record<string, string>;
  allowedDomains?: string[];
  /** Origins of the intranet pages that call with employee tokens. */
  allowedOrigins?: string[];
  jwt: { issuer: string; audience: string; jwksUrl?: string; hs256Secret?: string };
  adminRole?: string;
  consent?: { version: string; text: Record<string, string> };
  /** Origins of the public pages (career site) for the publishable key. */
  publicOrigins?: string[];
}

export interface CreatedOrganisation {
  id: string;
  publishableKey: string;
  secretKey: string;
}

/**
 * Creates an organisation with one publishable and one secret key. The keys
 * are returned once, here; only their hashes are stored.
 */
export async function createOrganisation(db: Queryable, input: NewOrganisation): Promise<CreatedOrganisation> {
  const id = crypto.randomUUID();
  await db.query(
    `INSERT INTO organisations (id, slug, name, points_per_share, points_per_click, disclosure, allowed_domains,
                                allowed_origins, jwt_issuer, jwt_audience, jwks_url, jwt_hs256_secret, admin_role,
                                consent_version, consent_text)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      id,
      input.slug,
      input.name,
      input.pointsPerShare ?? 10,
      input.pointsPerClick ?? 1,
      JSON.stringify(input.disclosure ?? {}),
      input.allowedDomains ?? [],
      input.allowedOrigins ?? [],
      input.jwt.issuer,
      input.jwt.audience,
      input.jwt.jwksUrl ?? null,
      input.jwt.hs256Secret ?? null,
      input.adminRole ?? 'advocacy-admin',
      input.consent?.version ?? '2026-01',
      JSON.stringify(input.consent?.text ?? {}),
    ],
  );
  const publishable = await insertApiKey(db, id, 'publishable', { label: 'Career site', allowedOrigins: input.publicOrigins ?? [] });
  const secret = await insertApiKey(db, id, 'secret', { label: 'Server' });
  return { id, publishableKey: publishable.key, secretKey: secret.key };
}

/** The programme settings requests need: points, disclosure texts, destination domains. */
export interface OrganisationSettings {
  id: string;
  name: string;
  pointsPerShare: number;
  pointsPerClick: number;
  disclosure: Record<string, string>;
  allowedDomains: string[];
  consentVersion: string;
  consentText: Record<string, string>;
}

export async function loadOrganisationSettings(db: Queryable, organisationId: string): Promise<OrganisationSettings> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    points_per_share: number;
    points_per_click: number;
    disclosure: Record<string, string>;
    allowed_domains: string[];
    consent_version: string;
    consent_text: Record<string, string>;
  }>(
    `SELECT id, name, points_per_share, points_per_click, disclosure, allowed_domains, consent_version, consent_text
       FROM organisations WHERE id = $1`,
    [organisationId],
  );
  const row = rows[0];
  if (!row) throw new Error(`organisation ${organisationId} vanished`);
  return {
    id: row.id,
    name: row.name,
    pointsPerShare: row.points_per_share,
    pointsPerClick: row.points_per_click,
    disclosure: row.disclosure,
    allowedDomains: row.allowed_domains,
    consentVersion: row.consent_version,
    consentText: row.consent_text,
  };
}
