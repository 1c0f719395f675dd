import { randomBytes } from 'node:crypto';
import { ANY_LOOPBACK_ORIGIN, createOrganisation, insertColumns, type Db, type Queryable } from '@advocacy/server';
import { addDemoActivity, demoContentUrl, type DemoActivityReport } from './demo-activity.js';
import { DEMO_CONTENT, DEMO_ORGANISATION, DEMO_QUOTES, DEMO_TEAMS, demoEmployees, seededRandom, type DemoEmployee } from './demo-data.js';

export const DEMO_SEED = 20_260_101;
// Several servers starting together on one Postgres seed one after the other; any constant works.
const DEMO_SEED_LOCK_KEY = 4_242_002;
const DAY_MS = 86_400_000;
/** A new demo starts with this much history. */
const HISTORY_DAYS = 28;
const POINTS_PER_SHARE = 10;
const POINTS_PER_CLICK = 1;

export interface SeedReport {
  organisationId: string;
  created: boolean;
  /** Activity added up to `now` by this call (the first four weeks on creation). */
  added: DemoActivityReport;
}

/**
 * Seeds the demo organisation once: 40 employees in 4 teams, 15 pieces of
 * content in English and French, 14 testimonials (12 approved). Then, on
 * creation and at every later start, brings its activity up to `now`:
 * four weeks of shares and clicks at first, then whatever the demo's plan
 * holds since the last start (see `planDemoDay`), with points and daily
 * figures that match them. So a demo started minutes into a new week,
 * month or quarter, or left alone for a month, still looks alive. People,
 * texts and activity come from seeded generators, so every machine gets
 * the same demo for the same days; share codes, keys and secrets are random.
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<SeedReport> {
  const people = demoEmployees(seededRandom(DEMO_SEED));
  return db.transaction(async (tx) => {
    // A server that waits here for another one's seeding waits as long as that takes, not one statement's timeout.
    await tx.query("SELECT set_config('statement_timeout', '120000', true)");
    await tx.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK_KEY]);
    const existing = await tx.query<{ id: string }>('SELECT id FROM organisations WHERE slug = $1', [DEMO_ORGANISATION.slug]);
    const organisationId = existing.rows[0]?.id ?? (await createDemoOrganisation(tx, people, now));
    const added = await bringActivityUpTo(tx, organisationId, people, now);
    return { organisationId, created: !existing.rows[0], added };
  });
}

/** Adds the planned activity since the last start (`demo_settings.activity_until`), and moves that mark to `now`. */
async function bringActivityUpTo(tx: Queryable, organisationId: string, people: readonly DemoEmployee[], now: Date): Promise<DemoActivityReport> {
  const mark = await tx.query<{ activity_until: Date | null; newest: Date | null }>(
    `SELECT d.activity_until,
            greatest((SELECT max(created_at) FROM shares WHERE organisation_id = $1),
                     (SELECT max(occurred_at) FROM clicks WHERE organisation_id = $1)) AS newest
       FROM demo_settings d WHERE d.organisation_id = $1`,
    [organisationId],
  );
  // A demo seeded before the mark existed: its newest row stands for it.
  const from = mark.rows[0]?.activity_until ?? mark.rows[0]?.newest ?? historyStart(now);
  if (from >= now) return { shares: 0, clicks: 0 };
  const added = await addDemoActivity(tx, organisationId, people, DEMO_SEED, { from, to: now });
  await tx.query('UPDATE demo_settings SET activity_until = $2 WHERE organisation_id = $1', [organisationId, now]);
  return added;
}

/** Midnight (UTC) four weeks before `now`: two machines seeding on the same day get the same history. */
const historyStart = (now: Date): Date => new Date((Math.floor(now.getTime() / DAY_MS) - HISTORY_DAYS) * DAY_MS);

async function createDemoOrganisation(tx: Queryable, people: readonly DemoEmployee[], now: Date): Promise<string> {
  const organisation = await createOrganisation(tx, {
    slug: DEMO_ORGANISATION.slug,
    name: DEMO_ORGANISATION.name,
    pointsPerShare: POINTS_PER_SHARE,
    pointsPerClick: POINTS_PER_CLICK,
    disclosure: DEMO_ORGANISATION.disclosure,
    allowedDomains: [DEMO_ORGANISATION.domain],
    jwt: { issuer: DEMO_ORGANISATION.issuer, audience: DEMO_ORGANISATION.audience, hs256Secret: randomBytes(32).toString('base64url') },
    consent: DEMO_ORGANISATION.consent,
  });
  const organisationId = organisation.id;
  await tx.query('INSERT INTO demo_settings (organisation_id, publishable_key, activity_until) VALUES ($1, $2, $3)', [
    organisationId,
    organisation.publishableKey,
    historyStart(now),
  ]);

  const teamIds = new Map(DEMO_TEAMS.map((team) => [team, crypto.randomUUID()]));
  await insertColumns(tx, 'teams', {
    id: { type: 'uuid', values: [...teamIds.values()] },
    organisation_id: { type: 'uuid', values: DEMO_TEAMS.map(() => organisationId) },
    name: { type: 'text', values: [...DEMO_TEAMS] },
  });
  const employeeIds = people.map(() => crypto.randomUUID());
  await insertColumns(tx, 'employees', {
    id: { type: 'uuid', values: employeeIds },
    organisation_id: { type: 'uuid', values: people.map(() => organisationId) },
    subject: { type: 'text', values: people.map((person) => person.subject) },
    name: { type: 'text', values: people.map((person) => person.name) },
    email: { type: 'text', values: people.map((person) => `${person.subject}@${DEMO_ORGANISATION.domain}`) },
    team_id: { type: 'uuid', values: people.map((person) => teamIds.get(person.team)!) },
    display_name: { type: 'text', values: people.map((person, index) => (index % 3 === 0 ? person.name.split(' ')[0]! : null)) },
    leaderboard_opt_in: { type: 'boolean', values: people.map((person) => person.optedIn) },
    audience: { type: 'jsonb', values: people.map((person) => JSON.stringify(person.audience)) },
  });

  const contentIds = DEMO_CONTENT.map(() => crypto.randomUUID());
  await insertColumns(tx, 'content', {
    id: { type: 'uuid', values: contentIds },
    organisation_id: { type: 'uuid', values: DEMO_CONTENT.map(() => organisationId) },
    title: { type: 'text', values: DEMO_CONTENT.map((item) => item.title) },
    url: { type: 'text', values: DEMO_CONTENT.map((_, index) => demoContentUrl(index)) },
    summary: { type: 'text', values: DEMO_CONTENT.map((item) => item.summary) },
    locale: { type: 'text', values: DEMO_CONTENT.map((item) => item.locale) },
    tags: { type: 'text[]', values: DEMO_CONTENT.map((item) => `{${item.tags.join(',')}}`) },
    campaign: { type: 'text', values: DEMO_CONTENT.map((item) => item.campaign) },
    suggested_texts: {
      type: 'jsonb',
      values: DEMO_CONTENT.map((item) => JSON.stringify(Object.fromEntries(Object.entries(item.texts).map(([network, text]) => [network, { [item.locale]: text }])))),
    },
    // Published before the first share of the history.
    publish_at: { type: 'timestamptz', values: DEMO_CONTENT.map((_, index) => new Date(now.getTime() - (HISTORY_DAYS + 32 - index * 2) * DAY_MS).toISOString()) },
  });

  const authors = DEMO_QUOTES.map((quote, index) => ({ quote, person: people[index * 2 + 1]!, employeeId: employeeIds[index * 2 + 1]!, locale: index % 3 === 2 ? 'fr' : 'en' }));
  await insertColumns(tx, 'testimonials', {
    id: { type: 'uuid', values: authors.map(() => crypto.randomUUID()) },
    organisation_id: { type: 'uuid', values: authors.map(() => organisationId) },
    employee_id: { type: 'uuid', values: authors.map((author) => author.employeeId) },
    quote: { type: 'text', values: authors.map((author) => (author.locale === 'fr' ? author.quote.fr : author.quote.en)) },
    author_name: { type: 'text', values: authors.map((author) => author.person.name) },
    role: { type: 'text', values: authors.map((author) => author.person.role) },
    team: { type: 'text', values: authors.map((author) => author.person.team) },
    location: { type: 'text', values: authors.map((author) => author.person.location) },
    locale: { type: 'text', values: authors.map((author) => author.locale) },
    status: { type: 'text', values: authors.map((_, index) => (index < 12 ? 'approved' : 'pending')) },
    consent_version: { type: 'text', values: authors.map(() => DEMO_ORGANISATION.consent.version) },
    consent_accepted_at: { type: 'timestamptz', values: authors.map((_, index) => new Date(now.getTime() - (30 - index) * DAY_MS).toISOString()) },
    created_at: { type: 'timestamptz', values: authors.map((_, index) => new Date(now.getTime() - (30 - index) * DAY_MS).toISOString()) },
    moderated_at: { type: 'timestamptz', values: authors.map((_, index) => (index < 12 ? new Date(now.getTime() - (29 - index) * DAY_MS).toISOString() : null)) },
    moderated_by: { type: 'text', values: authors.map((_, index) => (index < 12 ? `employee:${employeeIds[3]}` : null)) },
  });
  return organisationId;
}

/**
 * Lets any page on this machine use the demo organisation's publishable key
 * and employee tokens: the demo pages of every server on this database, and
 * a newcomer's own page on another port. Adds, never replaces: origins that
 * another start or an admin added stay.
 */
export async function allowDemoOrigins(db: Queryable, origins: readonly string[] = []): Promise<void> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM organisations WHERE slug = $1', [DEMO_ORGANISATION.slug]);
  const organisationId = rows[0]?.id;
  if (!organisationId) return;
  const added = [ANY_LOOPBACK_ORIGIN, ...origins];
  const union = `ARRAY(SELECT DISTINCT o FROM unnest(allowed_origins || $2::text[]) AS o ORDER BY o)`;
  await db.query(`UPDATE organisations SET allowed_origins = ${union} WHERE id = $1`, [organisationId, added]);
  await db.query(`UPDATE api_keys SET allowed_origins = ${union} WHERE organisation_id = $1 AND kind = 'publishable' AND revoked_at IS NULL`, [organisationId, added]);
}
