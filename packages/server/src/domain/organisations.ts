import type { ProgrammeSettings } from '@advocacy/sdk/contract';
import { insertApiKey } from '../auth/api-keys.js';
import type { Db, Queryable } from '../db/db.js';
import { run, sql } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';
import { writeAudit } from './audit-log.js';
import { checkIdentityIsFree, getProgrammeSettings, type ChangeAuthor } from './organisation-settings.js';

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

/** The organisation's row alone: no key. Its identity provider may come later. */
export async function insertOrganisation(
  db: Queryable,
  input: Omit<NewOrganisation, 'jwt' | 'publicOrigins'> & { jwt?: Partial<NewOrganisation['jwt']> },
): Promise<string> {
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
      input.jwt?.issuer ?? null,
      input.jwt?.audience ?? null,
      input.jwt?.jwksUrl ?? null,
      input.jwt?.hs256Secret ?? null,
      input.adminRole ?? 'advocacy-admin',
      input.consent?.version ?? '2026-01',
      JSON.stringify(input.consent?.text ?? {}),
    ],
  );
  return id;
}

/**
 * Creates an organisation with one publishable and one secret key (scope
 * `admin`), for tests and the demo. The keys are returned once, here; only
 * their hashes are stored.
 */
export async function createOrganisation(db: Queryable, input: NewOrganisation): Promise<CreatedOrganisation> {
  const id = await insertOrganisation(db, input);
  const publishable = await insertApiKey(db, id, 'publishable', { label: 'Career site', allowedOrigins: input.publicOrigins ?? [] });
  const secret = await insertApiKey(db, id, 'secret', { label: 'Server' });
  return { id, publishableKey: publishable.key, secretKey: secret.key };
}

export interface OrganisationSummary {
  id: string;
  slug: string;
  name: string;
  issuer: string | null;
  createdAt: string;
}

export async function listOrganisations(db: Queryable): Promise<OrganisationSummary[]> {
  const { rows } = await run<{ id: string; slug: string; name: string; jwt_issuer: string | null; created_at: Date }>(
    db,
    sql`SELECT id, slug, name, jwt_issuer, created_at FROM organisations ORDER BY slug`,
  );
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, issuer: row.jwt_issuer, createdAt: row.created_at.toISOString() }));
}

/**
 * Sets up a new organisation from the advocacy-admin command: its row and
 * the audit entry, no key (`keys create` makes the ones it needs). A slug or
 * an issuer and audience already taken is a 409.
 */
export async function setUpOrganisation(
  db: Db,
  input: { name: string; slug: string; issuer?: string | undefined; audience?: string | undefined },
  by: ChangeAuthor,
): Promise<OrganisationSummary> {
  return db.transaction(async (tx) => {
    const taken = await run(tx, sql`SELECT 1 FROM organisations WHERE slug = ${input.slug}`);
    if (taken.rows.length > 0) {
      throw new HttpProblem(409, 'slug-taken', { detail: `An organisation with the slug ${input.slug} already exists.`, errors: [{ field: 'slug', message: 'already taken' }] });
    }
    if (input.issuer !== undefined && input.audience !== undefined) await checkIdentityIsFree(tx, input.issuer, input.audience, null);
    const jwt = { ...(input.issuer === undefined ? {} : { issuer: input.issuer }), ...(input.audience === undefined ? {} : { audience: input.audience }) };
    const id = await insertOrganisation(tx, { slug: input.slug, name: input.name, jwt });
    await writeAudit(tx, {
      organisationId: id,
      actor: by.actor,
      action: 'organisation.created',
      targetType: 'organisation',
      targetId: id,
      detail: { slug: input.slug, name: input.name, issuer: input.issuer ?? null, audience: input.audience ?? null },
      at: by.now,
    });
    return { id, slug: input.slug, name: input.name, issuer: input.issuer ?? null, createdAt: by.now.toISOString() };
  });
}

/** The programme settings requests need, with the organisation's name and consent text. */
export interface OrganisationSettings extends ProgrammeSettings {
  id: string;
  name: string;
  consentVersion: string;
  consentText: Record<string, string>;
}

export async function loadOrganisationSettings(db: Queryable, organisationId: string): Promise<OrganisationSettings> {
  const { rows } = await run<{ id: string; name: string; consent_version: string; consent_text: Record<string, string> }>(
    db,
    sql`SELECT id, name, consent_version, consent_text FROM organisations WHERE id = ${organisationId}`,
  );
  const row = rows[0];
  if (!row) throw new Error(`organisation ${organisationId} vanished`);
  return {
    ...(await getProgrammeSettings(db, organisationId)),
    id: row.id,
    name: row.name,
    consentVersion: row.consent_version,
    consentText: row.consent_text,
  };
}
