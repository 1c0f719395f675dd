import type * as z from 'zod/mini';
import { MAX_ALLOWED_DOMAINS, type IdentitySettings, type SharePointsRule, type IdentityUpdateSchema, type ProgrammeSettings, type ProgrammeSettingsUpdateSchema } from '@advocacy/sdk/contract';
import { isAcceptableJwksUrl } from '../auth/jwt.js';
import { normaliseOrigin } from '../auth/origins.js';
import type { Db, Queryable } from '../db/db.js';
import { raw, run, sql } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';
import { writeAudit } from './audit-log.js';
import { normaliseDomain } from './destinations.js';

// The organisation's set-up, shared by the admin API (routes/admin-*.ts) and
// the advocacy-admin command (cli/): one implementation of each change, each
// in a transaction with its audit entry. Inputs arrive checked by the
// contract's schemas; what those cannot know (normal forms, conflicts with
// other rows) is checked here and refused with a 4xx problem.

/** Who makes a change, for the audit log: `employee:<id>`, `key:<id>` (principalLabel) or `cli`. */
export interface ChangeAuthor {
  actor: string;
  now: Date;
}

export type ProgrammeSettingsChange = z.output<typeof ProgrammeSettingsUpdateSchema>;
export type IdentityChange = z.output<typeof IdentityUpdateSchema>;

const invalid = (field: string, message: string, detail = 'The request body is not valid.'): HttpProblem =>
  new HttpProblem(400, 'validation-failed', { title: 'Bad Request', detail, errors: [{ field, message }] });

/** A Postgres unique violation (a race the check before it lost). */
const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505';

async function audit(tx: Queryable, organisationId: string, by: ChangeAuthor, action: string, detail: Record<string, unknown>): Promise<void> {
  await writeAudit(tx, { organisationId, actor: by.actor, action, targetType: 'organisation', targetId: organisationId, detail, at: by.now });
}

// ---- Programme settings

interface SettingsRow {
  points_per_share: number;
  points_per_click: number;
  share_points_rule: SharePointsRule;
  daily_share_points_cap: number;
  credits_per_network_per_day: number;
  burst_credits_per_minute: number;
  reach_cap_per_employee: number;
  click_retention_months: number;
  avatar_hosts: string[];
  disclosure: Record<string, string>;
  allowed_domains: string[];
  /** numeric columns read as float8 (migration 014); all three or none. */
  earned_media_currency: string | null;
  earned_media_cpc: number | null;
  earned_media_cpm: number | null;
}

const toSettings = (row: SettingsRow): ProgrammeSettings => ({
  pointsPerShare: row.points_per_share,
  pointsPerClick: row.points_per_click,
  sharePointsRule: row.share_points_rule,
  dailySharePointsCap: row.daily_share_points_cap,
  creditsPerNetworkPerDay: row.credits_per_network_per_day,
  burstCreditsPerMinute: row.burst_credits_per_minute,
  reachCapPerEmployee: row.reach_cap_per_employee,
  clickRetentionMonths: row.click_retention_months,
  avatarHosts: row.avatar_hosts,
  disclosure: row.disclosure,
  allowedDomains: row.allowed_domains,
  earnedMedia:
    row.earned_media_currency === null || row.earned_media_cpc === null || row.earned_media_cpm === null
      ? null
      : { currency: row.earned_media_currency, cpc: Number(row.earned_media_cpc), cpm: Number(row.earned_media_cpm) },
});

async function settingsRow(db: Queryable, organisationId: string, forUpdate = false): Promise<SettingsRow> {
  const { rows } = await run<SettingsRow>(
    db,
    sql`SELECT points_per_share, points_per_click, share_points_rule, daily_share_points_cap, credits_per_network_per_day,
               burst_credits_per_minute, reach_cap_per_employee, click_retention_months, avatar_hosts, disclosure, allowed_domains,
               earned_media_currency, earned_media_cpc::float8 AS earned_media_cpc, earned_media_cpm::float8 AS earned_media_cpm
          FROM organisations WHERE id = ${organisationId}${raw(forUpdate ? ' FOR UPDATE' : '')}`,
  );
  const row = rows[0];
  if (!row) throw new HttpProblem(404, 'organisation-not-found', { detail: 'This organisation no longer exists.' });
  return row;
}

export async function getProgrammeSettings(db: Queryable, organisationId: string): Promise<ProgrammeSettings> {
  return toSettings(await settingsRow(db, organisationId));
}

const MAX_DISCLOSURE_LOCALES = 50;

/** `fr-ca` → `fr-CA`, so one locale is one key whatever its spelling. */
function canonicalLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? locale;
  } catch {
    return locale;
  }
}

/** `Acme.Example` → `acme.example` (IDN as punycode); duplicates dropped. */
function normaliseDomains(domains: readonly string[], field: string): string[] {
  const normalised = domains.map((domain, index) => {
    const host = normaliseDomain(domain);
    if (!host) throw invalid(`${field}.${index}`, 'a domain name such as "acme.example"');
    return host;
  });
  return [...new Set(normalised)];
}

/**
 * Changes only what `change` holds: points, disclosure texts merged per
 * locale (null removes one), the destination domains as a whole list.
 */
export async function updateProgrammeSettings(db: Db, organisationId: string, change: ProgrammeSettingsChange, by: ChangeAuthor): Promise<ProgrammeSettings> {
  return db.transaction(async (tx) => {
    const before = await settingsRow(tx, organisationId, true);
    const after: SettingsRow = { ...before, disclosure: { ...before.disclosure } };
    if (change.pointsPerShare !== undefined) after.points_per_share = change.pointsPerShare;
    if (change.pointsPerClick !== undefined) after.points_per_click = change.pointsPerClick;
    if (change.sharePointsRule !== undefined) after.share_points_rule = change.sharePointsRule;
    if (change.dailySharePointsCap !== undefined) after.daily_share_points_cap = change.dailySharePointsCap;
    if (change.creditsPerNetworkPerDay !== undefined) after.credits_per_network_per_day = change.creditsPerNetworkPerDay;
    if (change.burstCreditsPerMinute !== undefined) after.burst_credits_per_minute = change.burstCreditsPerMinute;
    if (change.reachCapPerEmployee !== undefined) after.reach_cap_per_employee = change.reachCapPerEmployee;
    if (change.clickRetentionMonths !== undefined) after.click_retention_months = change.clickRetentionMonths;
    if (change.avatarHosts !== undefined) after.avatar_hosts = normaliseDomains(change.avatarHosts, 'body.avatarHosts');
    for (const [locale, text] of Object.entries(change.disclosure ?? {})) {
      const key = canonicalLocale(locale);
      if (text === null) delete after.disclosure[key];
      else after.disclosure[key] = text;
    }
    if (change.allowedDomains !== undefined) after.allowed_domains = normaliseDomains(change.allowedDomains, 'body.allowedDomains');
    if (change.earnedMedia !== undefined) {
      after.earned_media_currency = change.earnedMedia?.currency ?? null;
      after.earned_media_cpc = change.earnedMedia?.cpc ?? null;
      after.earned_media_cpm = change.earnedMedia?.cpm ?? null;
    }
    if (Object.keys(after.disclosure).length > MAX_DISCLOSURE_LOCALES) {
      throw invalid('body.disclosure', `at most ${MAX_DISCLOSURE_LOCALES} locales`);
    }

    const changed = diff(toSettings(before), toSettings(after));
    if (Object.keys(changed).length === 0) return toSettings(before);
    await run(
      tx,
      sql`UPDATE organisations SET points_per_share = ${after.points_per_share}, points_per_click = ${after.points_per_click},
                 share_points_rule = ${after.share_points_rule}, daily_share_points_cap = ${after.daily_share_points_cap},
                 credits_per_network_per_day = ${after.credits_per_network_per_day}, burst_credits_per_minute = ${after.burst_credits_per_minute},
                 reach_cap_per_employee = ${after.reach_cap_per_employee},
                 click_retention_months = ${after.click_retention_months}, avatar_hosts = ${after.avatar_hosts},
                 disclosure = ${JSON.stringify(after.disclosure)}::jsonb, allowed_domains = ${after.allowed_domains},
                 earned_media_currency = ${after.earned_media_currency}, earned_media_cpc = ${after.earned_media_cpc},
                 earned_media_cpm = ${after.earned_media_cpm}
           WHERE id = ${organisationId}`,
    );
    await audit(tx, organisationId, by, 'settings.updated', { changed });
    return toSettings(after);
  });
}

/** The fields whose value differs, with both values (disclosure texts per locale). */
function diff(before: ProgrammeSettings, after: ProgrammeSettings): Record<string, { from: unknown; to: unknown }> {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  const fields = [
    'pointsPerShare',
    'pointsPerClick',
    'sharePointsRule',
    'dailySharePointsCap',
    'creditsPerNetworkPerDay',
    'burstCreditsPerMinute',
    'reachCapPerEmployee',
    'clickRetentionMonths',
    'avatarHosts',
    'allowedDomains',
    'earnedMedia',
  ] as const;
  for (const key of fields) {
    if (!same(before[key], after[key])) changed[key] = { from: before[key], to: after[key] };
  }
  for (const locale of new Set([...Object.keys(before.disclosure), ...Object.keys(after.disclosure)])) {
    const from = before.disclosure[locale] ?? null;
    const to = after.disclosure[locale] ?? null;
    if (from !== to) changed[`disclosure.${locale}`] = { from, to };
  }
  return changed;
}

// ---- Destination domains, one at a time (the command's `domains add|remove`)

/** `domain` as stored (`acme.example`), the list after, and whether it was added (false: already there). */
export async function addAllowedDomain(db: Db, organisationId: string, domain: string, by: ChangeAuthor): Promise<{ domain: string; domains: string[]; added: boolean }> {
  const host = normaliseDomains([domain], 'domain')[0]!;
  const { list, changed } = await changeList(db, organisationId, 'allowed_domains', host, 'add', by);
  return { domain: host, domains: list, added: changed };
}

/** 404 when the domain is not in the list. */
export async function removeAllowedDomain(db: Db, organisationId: string, domain: string, by: ChangeAuthor): Promise<string[]> {
  const host = normaliseDomain(domain) ?? domain.trim();
  const { list, changed } = await changeList(db, organisationId, 'allowed_domains', host, 'remove', by);
  if (!changed) throw new HttpProblem(404, 'domain-not-found', { detail: `${host} is not one of the organisation’s destination domains.` });
  return list;
}

const LISTS = {
  allowed_domains: { what: 'domain', max: MAX_ALLOWED_DOMAINS },
  allowed_origins: { what: 'origin', max: 100 },
} as const;

/**
 * Adds a value to (or removes it from) one of the organisation's lists, in a
 * transaction with its audit entry. `changed` is false when it was already
 * there (or already absent).
 */
async function changeList(
  db: Db,
  organisationId: string,
  column: keyof typeof LISTS,
  value: string,
  move: 'add' | 'remove',
  by: ChangeAuthor,
): Promise<{ list: string[]; changed: boolean }> {
  const { what, max } = LISTS[column];
  return db.transaction(async (tx) => {
    const { rows } = await run<{ list: string[] }>(tx, sql`SELECT ${raw(column)} AS list FROM organisations WHERE id = ${organisationId} FOR UPDATE`);
    const list = rows[0]?.list;
    if (!list) throw new HttpProblem(404, 'organisation-not-found', { detail: 'This organisation no longer exists.' });
    if (list.includes(value) === (move === 'add')) return { list, changed: false };
    if (move === 'add' && list.length >= max) {
      throw new HttpProblem(409, `too-many-${what}s`, { detail: `An organisation has at most ${max} ${what}s here; remove one first.` });
    }
    const next = move === 'add' ? [...list, value] : list.filter((item) => item !== value);
    await run(tx, sql`UPDATE organisations SET ${raw(column)} = ${next} WHERE id = ${organisationId}`);
    await audit(tx, organisationId, by, `${what}.${move === 'add' ? 'added' : 'removed'}`, { [what]: value });
    return { list: next, changed: true };
  });
}

// ---- Allowed origins (pages whose employee tokens are accepted; publishable keys have their own)

/**
 * An origin as browsers send it: `HTTPS://Intranet.Acme.example:443/` is
 * `https://intranet.acme.example`. Refuses what is not an http(s) origin, a
 * path, and any wildcard (only demo mode ever allows every loopback page).
 */
export function toAllowedOrigin(value: string, field: string): string {
  const candidate = value.trim();
  const refuse = (): never => {
    throw invalid(field, 'an origin such as "https://intranet.acme.example": http or https, no path, no wildcard', `"${candidate}" is not an origin.`);
  };
  if (candidate.includes('*') || !URL.canParse(candidate)) return refuse();
  const url = new URL(candidate);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || !/^https?:\/\/[^/?#]+\/?$/i.test(candidate)) return refuse();
  return normaliseOrigin(url.origin) ?? refuse();
}

export async function listAllowedOrigins(db: Queryable, organisationId: string): Promise<string[]> {
  const { rows } = await run<{ allowed_origins: string[] }>(db, sql`SELECT allowed_origins FROM organisations WHERE id = ${organisationId}`);
  return rows[0]?.allowed_origins ?? [];
}

/** `origin` as stored (normalised), the list after, and whether it was added (false: already there). */
export async function addAllowedOrigin(
  db: Db,
  organisationId: string,
  origin: string,
  by: ChangeAuthor,
  field = 'body.origin',
): Promise<{ origin: string; origins: string[]; added: boolean }> {
  const normalised = toAllowedOrigin(origin, field);
  const { list, changed } = await changeList(db, organisationId, 'allowed_origins', normalised, 'add', by);
  return { origin: normalised, origins: list, added: changed };
}

/** Removes an origin as stored; one written by hand in another spelling is matched as given. 404 when absent. */
export async function removeAllowedOrigin(db: Db, organisationId: string, origin: string, by: ChangeAuthor): Promise<string[]> {
  const stored = await listAllowedOrigins(db, organisationId);
  const target = stored.includes(origin) ? origin : (normaliseOrigin(origin.trim()) ?? origin);
  const { list, changed } = await changeList(db, organisationId, 'allowed_origins', target, 'remove', by);
  if (!changed) throw new HttpProblem(404, 'origin-not-found', { detail: `${origin} is not one of the organisation’s allowed origins.` });
  return list;
}

// ---- Identity provider

interface IdentityRow {
  jwt_issuer: string | null;
  jwt_audience: string | null;
  jwks_url: string | null;
  admin_role: string;
}

const toIdentity = (row: IdentityRow): IdentitySettings => ({
  issuer: row.jwt_issuer,
  audience: row.jwt_audience,
  jwksUrl: row.jwks_url,
  adminRole: row.admin_role,
});

export async function getIdentitySettings(db: Queryable, organisationId: string): Promise<IdentitySettings> {
  const { rows } = await run<IdentityRow>(db, sql`SELECT jwt_issuer, jwt_audience, jwks_url, admin_role FROM organisations WHERE id = ${organisationId}`);
  const row = rows[0];
  if (!row) throw new HttpProblem(404, 'organisation-not-found', { detail: 'This organisation no longer exists.' });
  return toIdentity(row);
}

/** Refuses an issuer and audience another organisation has: each would then refuse the other's tokens. */
export async function checkIdentityIsFree(db: Queryable, issuer: string, audience: string, organisationId: string | null): Promise<void> {
  const { rows } = await run<{ slug: string }>(
    db,
    sql`SELECT slug FROM organisations WHERE jwt_issuer = ${issuer} AND jwt_audience = ${audience} AND id IS DISTINCT FROM ${organisationId}::uuid`,
  );
  if (rows.length > 0) throw identityInUse();
}

const identityInUse = (): HttpProblem =>
  new HttpProblem(409, 'identity-in-use', {
    detail: 'Another organisation already verifies tokens with this issuer and audience; a token must name one organisation. Use another audience.',
    errors: [{ field: 'body.audience', message: 'already used with this issuer by another organisation' }],
  });

/** Replaces how employee tokens are verified. The key set URL must pass `isAcceptableJwksUrl`. */
export async function setIdentitySettings(db: Db, organisationId: string, change: IdentityChange, by: ChangeAuthor): Promise<IdentitySettings> {
  if (!isAcceptableJwksUrl(change.jwksUrl)) {
    throw invalid('body.jwksUrl', 'must be https (http only on this machine: localhost, 127.x.x.x, [::1])');
  }
  try {
    return await db.transaction(async (tx) => {
      const { rows } = await run<IdentityRow>(tx, sql`SELECT jwt_issuer, jwt_audience, jwks_url, admin_role FROM organisations WHERE id = ${organisationId} FOR UPDATE`);
      const before = rows[0];
      if (!before) throw new HttpProblem(404, 'organisation-not-found', { detail: 'This organisation no longer exists.' });
      await checkIdentityIsFree(tx, change.issuer, change.audience, organisationId);
      const after: IdentityRow = { jwt_issuer: change.issuer, jwt_audience: change.audience, jwks_url: change.jwksUrl, admin_role: change.adminRole };
      await run(
        tx,
        sql`UPDATE organisations SET jwt_issuer = ${after.jwt_issuer}, jwt_audience = ${after.jwt_audience}, jwks_url = ${after.jwks_url}, admin_role = ${after.admin_role}
             WHERE id = ${organisationId}`,
      );
      await audit(tx, organisationId, by, 'identity.updated', { from: toIdentity(before), to: toIdentity(after) });
      return toIdentity(after);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw identityInUse();
    throw error;
  }
}
