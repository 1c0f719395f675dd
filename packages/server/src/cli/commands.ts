import type { ParseArgsConfig } from 'node:util';
import * as z from 'zod/mini';
import {
  AllowedOriginSchema,
  DestinationDomainSchema,
  IdentityUpdateSchema,
  KEY_SCOPES,
  NewApiKeySchema,
  NewOrganisationSchema,
  ProgrammeSettingsUpdateSchema,
  type ApiKey,
  type IdentitySettings,
  type ProgrammeSettings,
} from '@advocacy/sdk/contract';
import { PREFIX_LENGTH } from '../auth/api-keys.js';
import { organisationForToken } from '../auth/authenticate.js';
import { employeeClaimsOf } from '../auth/employee-claims.js';
import { JwtVerifier, MAX_TOKEN_LENGTH } from '../auth/jwt.js';
import type { Db } from '../db/db.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../domain/api-key-admin.js';
import {
  addAllowedDomain,
  addAllowedOrigin,
  getIdentitySettings,
  getProgrammeSettings,
  listAllowedOrigins,
  removeAllowedDomain,
  removeAllowedOrigin,
  setIdentitySettings,
  updateProgrammeSettings,
  type ChangeAuthor,
} from '../domain/organisation-settings.js';
import { listOrganisations, setUpOrganisation, type OrganisationSummary } from '../domain/organisations.js';
import { HttpProblem } from '../http/problem.js';

// The advocacy-admin commands. Each checks its input with the contract's
// schemas (the admin API's own) and calls the same domain functions as the
// admin API; advocacy-admin.ts parses the command line and prints.

/** A refusal of the command line itself (exit code 2): bad arguments or input. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What a command answers: the JSON for `--json`, the lines for people, and a failing exit code when it reports a refusal. */
export interface CommandResult {
  json: unknown;
  text: string;
  exitCode?: number;
}

/** The command line after the command's name, as parseArgs read it. */
export interface CommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** What a command works with once its input is checked. */
export interface CommandContext {
  db: Db;
  /** The organisation `--org` names, or the only one (undefined for `org …` commands). */
  organisation: OrganisationSummary | undefined;
  by: ChangeAuthor;
  demoMode: boolean;
}

/** A command whose input passed its checks, ready to run on the database. */
export type CheckedCommand = (context: CommandContext) => Promise<CommandResult>;

export interface Command {
  /** `keys create`, as typed. */
  name: string;
  /** Arguments after the name, as --help shows them. */
  usage: string;
  summary: string;
  /** More lines for --help: what each option means, examples. */
  details: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  /** How many positional arguments it takes. */
  positionals: [min: number, max: number];
  /** Whether it works on one organisation (`--org`). */
  scoped: boolean;
  /**
   * Checks the input (with the contract's schemas) before the database is
   * opened, so a typo never waits for it; throws UsageError.
   */
  check(args: CommandArgs): CheckedCommand;
}

/** Contract field → the option or argument a person typed, for messages. */
const FLAG_NAMES: Record<string, string> = {
  name: '--name',
  slug: '--slug',
  issuer: '--issuer',
  audience: '--audience',
  jwksUrl: '--jwks-url',
  adminRole: '--admin-role',
  scopes: '--scope',
  origins: '--origin',
  kind: 'the key kind (publishable or secret)',
  pointsPerShare: 'points.share',
  pointsPerClick: 'points.click',
  sharePointsRule: 'points.share-rule',
  dailySharePointsCap: 'points.daily-cap',
  creditsPerNetworkPerDay: 'clicks.per-network',
  burstCreditsPerMinute: 'clicks.burst-per-minute',
  reachCapPerEmployee: 'reach.cap-per-employee',
  clickRetentionMonths: 'clicks.retention-months',
  avatarHosts: 'avatar-hosts',
  disclosure: 'disclosure',
  allowedDomains: 'domain',
  earnedMedia: 'earned-media',
};

/** `body.scopes.1` → `--scope`; `disclosure.fr` → `disclosure.fr`. */
export function flagOf(field: string): string {
  const path = field.replace(/^body\./, '').split('.');
  const [first = '', second] = path;
  if (first === 'disclosure' && second !== undefined) return `disclosure.${second}`;
  return FLAG_NAMES[first] ?? first;
}

/** Parses with a contract schema; a refusal names the option and zod's reason. */
function check<S extends z.ZodMiniType>(schema: S, value: unknown, what?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = what ?? (flagOf(issue.path.map(String).join('.')) || 'input');
  throw new UsageError(`${where}: ${issue.message}.`);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function requireOrganisation(context: CommandContext): OrganisationSummary {
  if (!context.organisation) throw new Error('this command needs an organisation');
  return context.organisation;
}

// ---- Printing

function describeKey(key: ApiKey): string {
  const what = key.kind === 'secret' ? `scopes ${key.scopes.join(', ')}` : `origins ${key.origins.join(', ') || '(none)'}`;
  const state = key.revokedAt ? `revoked ${key.revokedAt}` : 'active';
  return `${key.prefix}…  ${key.kind.padEnd(11)}  ${key.name ? `"${key.name}"  ` : ''}${what}  created ${key.createdAt}  ${state}`;
}

function describeSettings(settings: ProgrammeSettings): string {
  const disclosures = Object.entries(settings.disclosure);
  return [
    `points.share = ${settings.pointsPerShare}`,
    `points.click = ${settings.pointsPerClick}`,
    `points.share-rule = ${settings.sharePointsRule}`,
    `points.daily-cap = ${settings.dailySharePointsCap}`,
    `clicks.per-network = ${settings.creditsPerNetworkPerDay}`,
    `clicks.burst-per-minute = ${settings.burstCreditsPerMinute}`,
    `reach.cap-per-employee = ${settings.reachCapPerEmployee}`,
    `clicks.retention-months = ${settings.clickRetentionMonths}`,
    `avatar-hosts = ${settings.avatarHosts.join(',') || 'none (initials only)'}`,
    `earned-media = ${settings.earnedMedia ? `${settings.earnedMedia.currency},${settings.earnedMedia.cpc},${settings.earnedMedia.cpm} (currency,CPC,CPM)` : 'none'}`,
    ...(disclosures.length === 0 ? ['disclosure: none set'] : disclosures.map(([locale, text]) => `disclosure.${locale} = ${JSON.stringify(text)}`)),
    `destination domains: ${settings.allowedDomains.join(', ') || 'none (content cannot be added until one is)'}`,
  ].join('\n');
}

function describeIdentity(identity: IdentitySettings): string {
  return [
    `issuer:     ${identity.issuer ?? '(not set)'}`,
    `audience:   ${identity.audience ?? '(not set)'}`,
    `jwks-url:   ${identity.jwksUrl ?? '(not set)'}`,
    `admin-role: ${identity.adminRole}`,
  ].join('\n');
}

const list = (items: readonly string[], none: string): string => (items.length === 0 ? none : items.join('\n'));

// ---- settings set key=value

/** Whole-number settings of `settings set`, by key. */
const NUMBER_SETTINGS = {
  'points.share': 'pointsPerShare',
  'points.click': 'pointsPerClick',
  'points.daily-cap': 'dailySharePointsCap',
  'clicks.per-network': 'creditsPerNetworkPerDay',
  'clicks.burst-per-minute': 'burstCreditsPerMinute',
  'reach.cap-per-employee': 'reachCapPerEmployee',
  'clicks.retention-months': 'clickRetentionMonths',
} as const;

const SETTING_KEYS = `${Object.keys(NUMBER_SETTINGS).join(', ')}, points.share-rule, avatar-hosts, earned-media or disclosure.<locale>`;

/**
 * `points.share=10`, `points.share-rule=first-reader`, `avatar-hosts=cdn.acme.example,…`,
 * `disclosure.fr=Je travaille chez Acme.` (empty removes) → the admin API's PATCH body.
 * Ranges are checked by the API's schema afterwards.
 */
export function settingsChange(assignments: readonly string[]): Record<string, unknown> {
  const change: Record<string, unknown> & { disclosure?: Record<string, string | null> } = {};
  for (const assignment of assignments) {
    const equals = assignment.indexOf('=');
    if (equals <= 0) throw new UsageError(`"${assignment}" is not key=value (e.g. points.share=10 or disclosure.fr="Je travaille chez Acme.").`);
    const key = assignment.slice(0, equals).trim();
    const value = assignment.slice(equals + 1);
    if (Object.hasOwn(NUMBER_SETTINGS, key)) {
      if (!/^\s*\d+\s*$/.test(value)) throw new UsageError(`${key}: a whole number, not "${value}".`);
      change[NUMBER_SETTINGS[key as keyof typeof NUMBER_SETTINGS]] = Number(value);
    } else if (key === 'points.share-rule') {
      change.sharePointsRule = value.trim();
    } else if (key === 'avatar-hosts') {
      change.avatarHosts = value.split(',').map((host) => host.trim()).filter((host) => host !== '');
    } else if (key === 'earned-media') {
      change.earnedMedia = earnedMediaOf(value);
    } else if (key.startsWith('disclosure.')) {
      change.disclosure = { ...change.disclosure, [key.slice('disclosure.'.length)]: value.trim() === '' ? null : value };
    } else {
      throw new UsageError(`Unknown setting "${key}": use ${SETTING_KEYS} (destination domains: advocacy-admin domains add).`);
    }
  }
  if (assignments.length === 0) throw new UsageError('Nothing to set: give key=value pairs, e.g. points.share=10 disclosure.fr="Je travaille chez Acme."');
  return change;
}

/** `EUR,0.80,5` (currency, cost per click, cost per thousand impressions) or `none`; ranges are the API schema's. */
function earnedMediaOf(value: string): { currency: string; cpc: number; cpm: number } | null {
  if (['', 'none'].includes(value.trim().toLowerCase())) return null;
  const [currency = '', cpc = '', cpm = '', ...rest] = value.split(',').map((part) => part.trim());
  const amount = /^\d+(\.\d+)?$/;
  if (rest.length > 0 || !amount.test(cpc) || !amount.test(cpm)) {
    throw new UsageError(`earned-media: currency,CPC,CPM such as "EUR,0.80,5" (or "none"), not "${value}".`);
  }
  return { currency: currency.toUpperCase(), cpc: Number(cpc), cpm: Number(cpm) };
}

// ---- identity test

/**
 * Verifies a token as the API would: the organisation its issuer and
 * audience name (it must be this one), then the signature, algorithm,
 * issuer, audience, expiry and subject against that organisation's settings,
 * fetching its key set. Nothing is written (the API would create the employee).
 */
async function testToken(input: CommandContext, token: string): Promise<CommandResult> {
  const organisation = requireOrganisation(input);
  const refused = (reason: string): CommandResult => ({
    json: { valid: false, organisation: organisation.slug, reason },
    text: `Refused: ${reason}`,
    exitCode: 1,
  });
  const claimed = token.length <= MAX_TOKEN_LENGTH ? JwtVerifier.peek(token.trim()) : undefined;
  if (!claimed) return refused('This is not a JWT with a usable "iss" claim (or it is longer than 8192 characters).');
  const owner = await organisationForToken(input.db, token.trim());
  if (!owner) {
    const identity = await getIdentitySettings(input.db, organisation.id);
    return refused(
      `The token was not issued for any organisation of this API: it says iss ${JSON.stringify(claimed.issuer)} and aud ${JSON.stringify(claimed.audiences)}, ` +
        `${organisation.slug} expects iss ${JSON.stringify(identity.issuer)} and aud ${JSON.stringify(identity.audience)}.`,
    );
  }
  if (owner.id !== organisation.id) {
    const other = (await listOrganisations(input.db)).find((candidate) => candidate.id === owner.id);
    return refused(`The token is for the organisation ${other?.slug ?? owner.id}, not ${organisation.slug}.`);
  }
  const verifier = new JwtVerifier({ demoMode: input.demoMode, now: () => input.by.now });
  try {
    const claims = await verifier.verify(token.trim(), { issuer: owner.jwt_issuer, audience: owner.jwt_audience, jwksUrl: owner.jwks_url, hs256Secret: owner.jwt_hs256_secret });
    const employee = employeeClaimsOf(claims, owner.admin_role);
    const expiresAt = typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : null;
    return {
      json: { valid: true, organisation: organisation.slug, employee, expiresAt },
      text: [
        `Valid for ${organisation.slug}: the API would accept this token${expiresAt ? ` until ${expiresAt}` : ''}.`,
        `sub:   ${employee.subject}`,
        `name:  ${employee.name ?? '(none)'}`,
        `email: ${employee.email ?? '(none)'}`,
        `team:  ${employee.team ?? '(none)'}`,
        `roles: ${employee.roles.join(', ') || '(none)'}`,
        `admin: ${employee.isAdmin ? 'yes' : `no (an admin's roles claim holds "${owner.admin_role}")`}`,
      ].join('\n'),
    };
  } catch (error) {
    if (error instanceof HttpProblem) return refused(error.detail ?? error.title);
    throw error;
  }
}

// ---- The commands

const orgCreate: Command = {
  name: 'org create',
  usage: '--name <name> --slug <slug> [--issuer <iss> --audience <aud>]',
  summary: 'Creates an organisation (no key: make the ones you need with keys create).',
  details: [
    '--name       The organisation’s name, as people read it ("Acme").',
    '--slug       Lower-case letters, digits and hyphens ("acme"); what --org takes.',
    '--issuer     Optional: the iss of its employee tokens (or later, with identity set).',
    '--audience   Optional, with --issuer: the aud its tokens carry.',
  ],
  options: { name: { type: 'string' }, slug: { type: 'string' }, issuer: { type: 'string' }, audience: { type: 'string' } },
  positionals: [0, 0],
  scoped: false,
  check({ values }) {
    const { name, slug, issuer, audience } = values;
    if (name === undefined || slug === undefined) throw new UsageError('org create needs --name and --slug, e.g. org create --name "Acme" --slug acme.');
    if ((issuer === undefined) !== (audience === undefined)) throw new UsageError('--issuer and --audience go together (or set both later with identity set).');
    const input = check(NewOrganisationSchema, { name, slug, ...(issuer === undefined ? {} : { issuer }), ...(audience === undefined ? {} : { audience }) });
    return async ({ db, by }) => {
      const created = await setUpOrganisation(db, input, by);
      return { json: created, text: `Created the organisation ${created.name} (${created.slug}), id ${created.id}.` };
    };
  },
};

const orgList: Command = {
  name: 'org list',
  usage: '',
  summary: 'Lists the organisations in this database.',
  details: [],
  options: {},
  positionals: [0, 0],
  scoped: false,
  check: () => async ({ db }) => {
    const items = await listOrganisations(db);
    return { json: { items }, text: list(items.map((org) => `${org.slug}  ${org.name}  (${org.id})`), 'No organisation yet: create one with org create.') };
  },
};

const originsList: Command = {
  name: 'origins list',
  usage: '',
  summary: 'Lists the origins whose pages may use employee tokens.',
  details: [],
  options: {},
  positionals: [0, 0],
  scoped: true,
  check: () => async (context) => {
    const origins = await listAllowedOrigins(context.db, requireOrganisation(context).id);
    return { json: { origins }, text: list(origins, 'No origin allowed yet: add the intranet’s with origins add https://intranet.acme.example.') };
  },
};

const originsAdd: Command = {
  name: 'origins add',
  usage: '<origin>',
  summary: 'Lets pages on this origin call the API with employee tokens.',
  details: ['<origin>     scheme://host[:port] as browsers send it, e.g. https://intranet.acme.example (no path, no wildcard).'],
  options: {},
  positionals: [1, 1],
  scoped: true,
  check({ positionals }) {
    const origin = check(AllowedOriginSchema, positionals[0], '<origin>');
    return async (context) => {
      const result = await addAllowedOrigin(context.db, requireOrganisation(context).id, origin, context.by, '<origin>');
      return { json: result, text: result.added ? `Added ${result.origin}.` : `${result.origin} was already allowed.` };
    };
  },
};

const originsRemove: Command = {
  name: 'origins remove',
  usage: '<origin>',
  summary: 'Stops accepting employee tokens from pages on this origin.',
  details: [],
  options: {},
  positionals: [1, 1],
  scoped: true,
  check({ positionals }) {
    const origin = positionals[0]!;
    return async (context) => {
      const origins = await removeAllowedOrigin(context.db, requireOrganisation(context).id, origin, context.by);
      return { json: { origin, origins }, text: `Removed ${origin}.` };
    };
  },
};

const keysCreate: Command = {
  name: 'keys create',
  usage: 'publishable --origin <origin>… | secret --scope <scope>… [--name <name>]',
  summary: 'Creates a key and prints it once (only its hash is kept).',
  details: [
    'publishable  For career-site pages in browsers; works only from its --origin(s) (one or more, fixed for its life).',
    `secret       For servers, never browsers; does only what its --scope(s) allow: ${KEY_SCOPES.join(', ')} (admin implies all).`,
    '--name       What the key is for ("Career site server"), shown in keys list.',
    'Examples:    keys create publishable --origin https://careers.acme.example',
    '             keys create secret --scope testimonials:read --name "Career site server"',
  ],
  options: { origin: { type: 'string', multiple: true }, scope: { type: 'string', multiple: true }, name: { type: 'string' } },
  positionals: [1, 1],
  scoped: true,
  check({ values, positionals }) {
    const kind = positionals[0];
    const origins = strings(values['origin']);
    const scopes = strings(values['scope']);
    const name = stringOf(values['name']);
    if (kind !== 'publishable' && kind !== 'secret') throw new UsageError(`The key kind is publishable or secret, not "${kind}".`);
    if (kind === 'publishable' && scopes.length > 0) throw new UsageError('--scope is for secret keys; a publishable key is bound to its --origin(s) instead.');
    if (kind === 'secret' && origins.length > 0) throw new UsageError('--origin is for publishable keys; secret keys are refused from web pages.');
    if (kind === 'publishable' && origins.length === 0) throw new UsageError('A publishable key needs at least one --origin (e.g. --origin https://careers.acme.example): it works only from its origins.');
    if (kind === 'secret' && scopes.length === 0) throw new UsageError(`A secret key needs at least one --scope: ${KEY_SCOPES.join(', ')}.`);
    const named = name === undefined ? {} : { name };
    const body = check(NewApiKeySchema, kind === 'publishable' ? { kind, origins, ...named } : { kind, scopes, ...named });
    return async (context) => {
      const created = await createApiKey(context.db, requireOrganisation(context).id, body, context.by);
      return {
        json: created,
        text: [
          created.key,
          '',
          `Created the ${created.kind} key ${created.prefix}… (${created.kind === 'secret' ? `scopes ${created.scopes.join(', ')}` : `origins ${created.origins.join(', ')}`}).`,
          created.kind === 'secret'
            ? 'This is the only time it is shown: keep it in the server’s secret store, never in a web page.'
            : 'This is the only time it is shown; it is public by design (it goes in your pages), so copy it into the page’s configuration now.',
        ].join('\n'),
      };
    };
  },
};

const keysList: Command = {
  name: 'keys list',
  usage: '',
  summary: 'Lists the keys (prefix, kind, name, scopes or origins, dates); never a key.',
  details: [],
  options: {},
  positionals: [0, 0],
  scoped: true,
  check: () => async (context) => {
    const items = await listApiKeys(context.db, requireOrganisation(context).id);
    return { json: { items }, text: list(items.map(describeKey), 'No key yet: create one with keys create.') };
  },
};

const keysRevoke: Command = {
  name: 'keys revoke',
  usage: '<prefix>',
  summary: 'Revokes a key at once, found by the prefix keys list shows (or its id).',
  details: ['<prefix>     The first 12 characters of the key, e.g. sk_Ab12Cd34E (a whole key works too).'],
  options: {},
  positionals: [1, 1],
  scoped: true,
  check({ positionals }) {
    const given = positionals[0]!.trim().replace(/…$/, '');
    const target = z.uuid().safeParse(given).success
      ? { id: given }
      : /^(pk|sk)_[A-Za-z0-9_-]+$/.test(given) && given.length >= PREFIX_LENGTH
        ? { prefix: given.slice(0, PREFIX_LENGTH) }
        : undefined;
    if (!target) throw new UsageError(`<prefix>: "${given}" is not a key prefix such as sk_Ab12Cd34E (see keys list).`);
    return async (context) => {
      const key = await revokeApiKey(context.db, requireOrganisation(context).id, target, context.by);
      return { json: key, text: `Revoked ${key.prefix}… (${key.kind}${key.name ? `, "${key.name}"` : ''}) at ${key.revokedAt}.` };
    };
  },
};

const identityShow: Command = {
  name: 'identity show',
  usage: '',
  summary: 'Shows how employee tokens are verified.',
  details: [],
  options: {},
  positionals: [0, 0],
  scoped: true,
  check: () => async (context) => {
    const identity = await getIdentitySettings(context.db, requireOrganisation(context).id);
    return { json: identity, text: describeIdentity(identity) };
  },
};

const IDENTITY_FLAGS = { issuer: 'issuer', audience: 'audience', jwksUrl: 'jwks-url', adminRole: 'admin-role' } as const;

const identitySet: Command = {
  name: 'identity set',
  usage: '--issuer <url> --audience <aud> --jwks-url <url> --admin-role <role>',
  summary: 'Sets the identity provider whose tokens employees bring (options not given keep their value).',
  details: [
    '--issuer     The iss of its tokens, e.g. https://login.microsoftonline.com/<tenant>/v2.0',
    '--audience   The aud its tokens carry for this API.',
    '--jwks-url   Its key set: https (http only on this machine).',
    '--admin-role The value in a token’s roles claim that makes an admin (default advocacy-admin).',
    'Then check a real token with identity test <jwt>.',
  ],
  options: { issuer: { type: 'string' }, audience: { type: 'string' }, 'jwks-url': { type: 'string' }, 'admin-role': { type: 'string' } },
  positionals: [0, 0],
  scoped: true,
  check({ values }) {
    const given = Object.fromEntries(
      Object.entries(IDENTITY_FLAGS).flatMap(([field, flag]) => (typeof values[flag] === 'string' ? [[field, values[flag]]] : [])),
    ) as Partial<Record<keyof typeof IDENTITY_FLAGS, string>>;
    if (Object.keys(given).length === 0) throw new UsageError(`identity set needs at least one of ${Object.values(IDENTITY_FLAGS).map((flag) => `--${flag}`).join(', ')}.`);
    // What is given is checked now; what is not comes from the current settings and is checked with them.
    check(z.partial(IdentityUpdateSchema), given);
    return async (context) => {
      const organisation = requireOrganisation(context);
      const current = await getIdentitySettings(context.db, organisation.id);
      const merged = { issuer: current.issuer ?? undefined, audience: current.audience ?? undefined, jwksUrl: current.jwksUrl ?? undefined, adminRole: current.adminRole, ...given };
      const missing = Object.entries(merged).filter(([, value]) => value === undefined).map(([field]) => flagOf(field));
      if (missing.length > 0) throw new UsageError(`identity set needs ${missing.join(', ')} (not set yet for ${organisation.slug}).`);
      const identity = await setIdentitySettings(context.db, organisation.id, check(IdentityUpdateSchema, merged), context.by);
      return { json: identity, text: `${describeIdentity(identity)}\nCheck it with a real token: advocacy-admin identity test <jwt>` };
    };
  },
};

const identityTest: Command = {
  name: 'identity test',
  usage: '<jwt>',
  summary: 'Verifies a real employee token as the API would and shows its claims, or why it would be refused.',
  details: ['Fetches the key set. Exit code 1 when the API would refuse the token. Nothing is written.'],
  options: {},
  positionals: [1, 1],
  scoped: true,
  check({ positionals }) {
    const token = positionals[0]!.trim();
    return (context) => testToken(context, token);
  },
};

const domainsList: Command = {
  name: 'domains list',
  usage: '',
  summary: 'Lists the domains content may link to (and their subdomains).',
  details: [],
  options: {},
  positionals: [0, 0],
  scoped: true,
  check: () => async (context) => {
    const { allowedDomains } = await getProgrammeSettings(context.db, requireOrganisation(context).id);
    return { json: { domains: allowedDomains }, text: list(allowedDomains, 'No destination domain yet: add one with domains add acme.example.') };
  },
};

const domainsAdd: Command = {
  name: 'domains add',
  usage: '<domain>',
  summary: 'Lets content link to this domain and its subdomains.',
  details: ['<domain>     A domain name, e.g. acme.example (no scheme, path or wildcard).'],
  options: {},
  positionals: [1, 1],
  scoped: true,
  check({ positionals }) {
    const domain = check(DestinationDomainSchema, positionals[0], '<domain>');
    return async (context) => {
      const result = await addAllowedDomain(context.db, requireOrganisation(context).id, domain, context.by);
      return { json: result, text: result.added ? `Added ${result.domain}.` : `${result.domain} was already allowed.` };
    };
  },
};

const domainsRemove: Command = {
  name: 'domains remove',
  usage: '<domain>',
  summary: 'Stops new content from linking to this domain (links already shared keep working).',
  details: [],
  options: {},
  positionals: [1, 1],
  scoped: true,
  check({ positionals }) {
    const domain = positionals[0]!;
    return async (context) => {
      const domains = await removeAllowedDomain(context.db, requireOrganisation(context).id, domain, context.by);
      return { json: { domain, domains }, text: `Removed ${domain}.` };
    };
  },
};

const settingsShow: Command = {
  name: 'settings show',
  usage: '',
  summary: 'Shows points, disclosure texts and destination domains.',
  details: [],
  options: {},
  positionals: [0, 0],
  scoped: true,
  check: () => async (context) => {
    const settings = await getProgrammeSettings(context.db, requireOrganisation(context).id);
    return { json: settings, text: describeSettings(settings) };
  },
};

const settingsSet: Command = {
  name: 'settings set',
  usage: '<key>=<value>…',
  summary: 'Changes points and disclosure texts; only the keys given change.',
  details: [
    'points.share=10          Points per share (0 to 1000).',
    'points.click=1           Points per credited click (0 to 1000).',
    'disclosure.fr="Je …"     The disclosure appended to posts in that locale (one line, ≤ 200 characters); disclosure.fr= removes it.',
  ],
  options: {},
  positionals: [1, 50],
  scoped: true,
  check({ positionals }) {
    const change = check(ProgrammeSettingsUpdateSchema, settingsChange(positionals));
    return async (context) => {
      const settings = await updateProgrammeSettings(context.db, requireOrganisation(context).id, change, context.by);
      return { json: settings, text: describeSettings(settings) };
    };
  },
};

export const COMMANDS: readonly Command[] = [
  orgCreate,
  orgList,
  originsAdd,
  originsRemove,
  originsList,
  keysCreate,
  keysList,
  keysRevoke,
  identitySet,
  identityShow,
  identityTest,
  domainsAdd,
  domainsRemove,
  domainsList,
  settingsShow,
  settingsSet,
];
