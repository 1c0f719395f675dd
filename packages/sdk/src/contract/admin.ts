import * as z from 'zod/mini';
import { IsoDateTimeSchema, LocaleSchema, text, UuidSchema } from './common.js';
import { KEY_SCOPES } from './constants.js';
import { storableText } from './content.js';
import type { RouteDefinition } from './route-definition.js';

export { KEY_SCOPES, type KeyScope } from './constants.js';

/** What a secret key may do (see KEY_SCOPES); `admin` implies every scope. */
export const KeyScopeSchema = z.enum(KEY_SCOPES);

/** Text without control characters (no line breaks either): names, roles, claims, one-line disclosures. */
const oneLine = z.regex(/^[^\p{Cc}]*$/u, 'one line of text without control characters');

/** Trimmed one-line text of 1 to `max` characters that can be stored. */
const lineOf = (max: number) => text(max).check(oneLine, storableText);

// ---- Organisations (the advocacy-admin command only: an organisation never creates another through the API)

/** Lower-case letters, digits and hyphens, 2 to 63 characters, as in `/v1/…` logs and `--org acme`. */
export const OrganisationSlugSchema = z.string().check(
  z.minLength(2),
  z.maxLength(63),
  z.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and hyphens, such as "acme"'),
);

export const NewOrganisationSchema = z.strictObject({
  name: lineOf(200),
  slug: OrganisationSlugSchema,
  /** The identity provider can be set later (`identity set`); issuer and audience go together. */
  issuer: z.optional(lineOf(2_048)),
  audience: z.optional(lineOf(2_048)),
});

// ---- Programme settings

/** Points for one share or one credited click. */
export const PointsSchema = z.int().check(z.minimum(0), z.maximum(1_000));

/** The disclosure appended to every post ("I work at Acme."): one line, at most 200 characters. */
export const DisclosureTextSchema = lineOf(200);

function isDomainName(value: string): boolean {
  if (/[/:?#@\\*\s]/.test(value) || !URL.canParse(`https://${value}/`)) return false;
  const host = new URL(`https://${value}/`).hostname;
  return host.includes('.') && !host.endsWith('.') && !/^[\d.]+$/.test(host);
}

/** A destination domain: content may link to it and its subdomains. `Acme.Example` is stored as `acme.example`, IDN as punycode. */
export const DestinationDomainSchema = z.string().check(
  z.trim(),
  z.minLength(3),
  z.maxLength(253),
  z.refine(isDomainName, 'a domain name such as "acme.example" (no scheme, path, port or wildcard)'),
);

/**
 * When a share earns its points (once per content per employee, whatever the
 * number of networks): `first-reader` when one of its links brings its first
 * credited reader (the default: pressing Share alone earns nothing), or
 * `on-share` when the employee shares, within the daily cap.
 */
export const SHARE_POINTS_RULES = ['first-reader', 'on-share'] as const;
export const SharePointsRuleSchema = z.enum(SHARE_POINTS_RULES);
export type SharePointsRule = z.infer<typeof SharePointsRuleSchema>;

/** Limits of the trust settings (the API refuses values outside them). */
export const TRUST_LIMITS = {
  dailySharePointsCap: { min: 0, max: 100 },
  creditsPerNetworkPerDay: { min: 1, max: 1_000 },
  burstCreditsPerMinute: { min: 1, max: 100_000 },
  reachCapPerEmployee: { min: 0, max: 10_000_000 },
  clickRetentionMonths: { min: 1, max: 120 },
} as const;

const bounded = (limits: { min: number; max: number }) => z.int().check(z.minimum(limits.min), z.maximum(limits.max));

/**
 * The organisation's own media costs, for the dashboard's earned-media
 * estimate (docs/programme-figures.md): credited readers × `cpc` + estimated
 * reach ÷ 1,000 × `cpm`, in `currency` (ISO 4217).
 */
export const EarnedMediaSettingsSchema = z.strictObject({
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as "EUR"')),
  cpc: z.number().check(z.minimum(0), z.maximum(10_000)),
  cpm: z.number().check(z.minimum(0), z.maximum(100_000)),
});
export type EarnedMediaSettings = z.infer<typeof EarnedMediaSettingsSchema>;

export const ProgrammeSettingsSchema = z.object({
  pointsPerShare: z.int(),
  pointsPerClick: z.int(),
  sharePointsRule: SharePointsRuleSchema,
  /** At most this many contents earn share points per employee and UTC day. */
  dailySharePointsCap: z.int(),
  /** Per share and UTC day, at most this many first visits from one network (an office, a home) are credited, whatever the browser. */
  creditsPerNetworkPerDay: z.int(),
  /** A share credited more often than this in one minute stops crediting and is listed for review (`burst`). */
  burstCreditsPerMinute: z.int(),
  /** The most one employee adds to the estimated reach of a period, whatever they declare. */
  reachCapPerEmployee: z.int(),
  /** Raw clicks (time, hashed visitor, verdict) are deleted after this many months; points and daily figures remain. */
  clickRetentionMonths: z.int(),
  /** Avatars are shown only from these image hosts (and their subdomains); others show initials. */
  avatarHosts: z.array(z.string()),
  /** Per locale: `{ "en": "I work at Acme.", "fr": "Je travaille chez Acme." }`. */
  disclosure: z.record(z.string(), z.string()),
  /** Content destinations must be on one of these domains or a subdomain of one. */
  allowedDomains: z.array(z.string()),
  /** Cost per click and per thousand impressions for the earned-media estimate; null: none shown. */
  earnedMedia: z.optional(z.nullable(EarnedMediaSettingsSchema)),
});
export type ProgrammeSettings = z.infer<typeof ProgrammeSettingsSchema>;

export const MAX_ALLOWED_DOMAINS = 50;

/**
 * A change to the programme settings: only what is sent changes. Disclosure
 * texts merge per locale (`{ "fr": "…" }` leaves `en` as it is; `null`
 * removes a locale); `allowedDomains` replaces the whole list.
 */
export const ProgrammeSettingsUpdateSchema = z.strictObject({
  pointsPerShare: z.optional(PointsSchema),
  pointsPerClick: z.optional(PointsSchema),
  sharePointsRule: z.optional(SharePointsRuleSchema),
  dailySharePointsCap: z.optional(bounded(TRUST_LIMITS.dailySharePointsCap)),
  creditsPerNetworkPerDay: z.optional(bounded(TRUST_LIMITS.creditsPerNetworkPerDay)),
  burstCreditsPerMinute: z.optional(bounded(TRUST_LIMITS.burstCreditsPerMinute)),
  reachCapPerEmployee: z.optional(bounded(TRUST_LIMITS.reachCapPerEmployee)),
  clickRetentionMonths: z.optional(bounded(TRUST_LIMITS.clickRetentionMonths)),
  avatarHosts: z.optional(z.array(DestinationDomainSchema).check(z.maxLength(MAX_ALLOWED_DOMAINS))),
  disclosure: z.optional(z.record(LocaleSchema, z.nullable(DisclosureTextSchema))),
  allowedDomains: z.optional(z.array(DestinationDomainSchema).check(z.maxLength(MAX_ALLOWED_DOMAINS))),
  /** The whole object, or null to show no earned-media estimate. */
  earnedMedia: z.optional(z.nullable(EarnedMediaSettingsSchema)),
});
export type ProgrammeSettingsUpdate = z.input<typeof ProgrammeSettingsUpdateSchema>;

// ---- Allowed origins

function isPlainOrigin(value: string): boolean {
  if (!URL.canParse(value) || /[?#*\s\\]/.test(value)) return false;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password || url.pathname !== '/') return false;
  // Nothing after the host but one slash: `https://a.example/` is `https://a.example`, `https://a.example/x` is refused.
  return /^https?:\/\/[^/]+\/?$/i.test(value);
}

/**
 * A web page origin, `scheme://host[:port]`, exactly as browsers send it in
 * `Origin`: http(s) only, no path, no wildcard. `https://Intranet.Acme.example/`
 * is stored as `https://intranet.acme.example`.
 */
export const AllowedOriginSchema = z.string().check(
  z.trim(),
  z.minLength(8),
  z.maxLength(300),
  z.refine(isPlainOrigin, 'an origin such as "https://intranet.acme.example": http or https, no path, no wildcard'),
);

export const MAX_KEY_ORIGINS = 20;

export const AllowedOriginsSchema = z.object({ origins: z.array(z.string()) });
export type AllowedOrigins = z.infer<typeof AllowedOriginsSchema>;

// ---- API keys

export const ApiKeyKindSchema = z.enum(['publishable', 'secret']);

/** A key as admin screens show it: never the key itself or its hash. */
export const ApiKeySchema = z.object({
  id: UuidSchema,
  /** The key's first 12 characters (`sk_Ab12Cd34E`), enough to recognise it in a list. */
  prefix: z.string(),
  kind: ApiKeyKindSchema,
  name: z.string(),
  /** Secret keys: what they may do. Publishable keys: none. */
  scopes: z.array(KeyScopeSchema),
  /** Publishable keys: the exact origins they work from. Secret keys: none. */
  origins: z.array(z.string()),
  createdAt: IsoDateTimeSchema,
  /** Null while the key works. */
  revokedAt: z.nullable(IsoDateTimeSchema),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

const KeyNameSchema = lineOf(100);

/**
 * A new key. A publishable key needs the origins it will work from (they
 * cannot be changed afterwards: make another key); a secret key needs at
 * least one scope.
 */
export const NewApiKeySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('publishable'),
    name: z.optional(KeyNameSchema),
    origins: z.array(AllowedOriginSchema).check(z.minLength(1), z.maxLength(MAX_KEY_ORIGINS)),
  }),
  z.strictObject({
    kind: z.literal('secret'),
    name: z.optional(KeyNameSchema),
    scopes: z.array(KeyScopeSchema).check(z.minLength(1), z.maxLength(KEY_SCOPES.length)),
  }),
]);
export type NewApiKey = z.input<typeof NewApiKeySchema>;

/** A key just created: its details and, this once, the key itself. */
export const CreatedApiKeySchema = z.extend(ApiKeySchema, {
  /** The whole key, shown once; only its hash is stored. Null in an answer replayed for the same Idempotency-Key. */
  key: z.nullable(z.string()),
});
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;

// ---- Identity provider

/**
 * How employee tokens are verified: tokens must carry this `iss` and `aud`,
 * be signed (RS256 or ES256) with a key from the key set at `jwksUrl`, and
 * an employee whose `roles` claim holds `adminRole` is an admin.
 */
export const IdentitySettingsSchema = z.object({
  issuer: z.nullable(z.string()),
  audience: z.nullable(z.string()),
  jwksUrl: z.nullable(z.string()),
  adminRole: z.string(),
});
export type IdentitySettings = z.infer<typeof IdentitySettingsSchema>;

/**
 * Where the identity provider publishes its signing keys. The server also
 * requires https, or http on its own machine only (localhost, 127.x.x.x,
 * [::1]): keys fetched over plain http from elsewhere could be swapped on the way.
 */
export const JwksUrlSchema = z.string().check(
  z.maxLength(2_048),
  z.refine((value: string) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  }, 'an absolute https URL without user name or password'),
);

export const IdentityUpdateSchema = z.strictObject({
  issuer: lineOf(2_048),
  audience: lineOf(2_048),
  jwksUrl: JwksUrlSchema,
  adminRole: lineOf(200),
});
export type IdentityUpdate = z.input<typeof IdentityUpdateSchema>;

/**
 * "Test a token": a JWT pasted by an admin, checked as the API would check
 * it, against the identity settings being edited (`settings`) or, without
 * them, the saved ones. Nothing is written.
 */
export const IdentityTestSchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(8_192)),
  settings: z.optional(IdentityUpdateSchema),
});
export type IdentityTest = z.input<typeof IdentityTestSchema>;

/** What the API would take from a valid token, or why it would refuse it. */
export const IdentityTestResultSchema = z.object({
  valid: z.boolean(),
  /** Why the token is refused; null when valid. */
  reason: z.nullable(z.string()),
  /** The claims the API uses (valid tokens only): subject, name, email, team, roles, and whether they make an admin. */
  claims: z.nullable(
    z.object({
      subject: z.string(),
      name: z.nullable(z.string()),
      email: z.nullable(z.string()),
      team: z.nullable(z.string()),
      roles: z.array(z.string()),
      isAdmin: z.boolean(),
    }),
  ),
  expiresAt: z.nullable(IsoDateTimeSchema),
});
export type IdentityTestResult = z.infer<typeof IdentityTestResultSchema>;

export const adminRoutes = {
  getSettings: {
    method: 'GET',
    path: '/v1/admin/settings',
    audience: 'admin',
    scope: 'settings:write',
    responses: { 200: ProgrammeSettingsSchema },
  },
  updateSettings: {
    method: 'PATCH',
    path: '/v1/admin/settings',
    audience: 'admin',
    scope: 'settings:write',
    body: ProgrammeSettingsUpdateSchema,
    responses: { 200: ProgrammeSettingsSchema },
  },
  listOrigins: {
    method: 'GET',
    path: '/v1/admin/origins',
    audience: 'admin',
    scope: 'settings:write',
    responses: { 200: AllowedOriginsSchema },
  },
  addOrigin: {
    method: 'POST',
    path: '/v1/admin/origins',
    audience: 'admin',
    scope: 'settings:write',
    body: z.strictObject({ origin: AllowedOriginSchema }),
    responses: { 201: AllowedOriginsSchema, 200: AllowedOriginsSchema },
    idempotent: true,
  },
  removeOrigin: {
    method: 'DELETE',
    path: '/v1/admin/origins/:origin',
    audience: 'admin',
    scope: 'settings:write',
    // Not AllowedOriginSchema: an odd entry written by hand must still be removable.
    params: z.strictObject({ origin: z.string().check(z.minLength(1), z.maxLength(2_048)) }),
    responses: { 200: AllowedOriginsSchema },
  },
  listKeys: {
    method: 'GET',
    path: '/v1/admin/keys',
    audience: 'admin',
    scope: 'admin',
    responses: { 200: z.object({ items: z.array(ApiKeySchema) }) },
  },
  createKey: {
    method: 'POST',
    path: '/v1/admin/keys',
    audience: 'admin',
    scope: 'admin',
    body: NewApiKeySchema,
    responses: { 201: CreatedApiKeySchema },
    idempotent: true,
  },
  revokeKey: {
    method: 'DELETE',
    path: '/v1/admin/keys/:id',
    audience: 'admin',
    scope: 'admin',
    params: z.strictObject({ id: UuidSchema }),
    /** `?confirm=self`: needed to revoke the very key making the call. */
    query: z.strictObject({ confirm: z.optional(z.literal('self')) }),
    responses: { 200: ApiKeySchema },
  },
  getIdentity: {
    method: 'GET',
    path: '/v1/admin/identity',
    audience: 'admin',
    scope: 'settings:write',
    responses: { 200: IdentitySettingsSchema },
  },
  updateIdentity: {
    method: 'PUT',
    path: '/v1/admin/identity',
    audience: 'admin',
    scope: 'settings:write',
    body: IdentityUpdateSchema,
    responses: { 200: IdentitySettingsSchema },
  },
  testIdentity: {
    method: 'POST',
    path: '/v1/admin/identity/test',
    audience: 'admin',
    scope: 'settings:write',
    body: IdentityTestSchema,
    responses: { 200: IdentityTestResultSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
