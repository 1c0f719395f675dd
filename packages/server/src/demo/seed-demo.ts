import { randomBytes } from 'node:crypto';
import { NETWORKS, PERIODS, type Network } from '@advocacy/sdk/contract';
import type { Db, Queryable } from '../db/db.js';
import { createOrganisation } from '../domain/organisations.js';
import { isoDate, periodStart } from '../domain/periods.js';
import { newShareCode } from '../domain/share-codes.js';
import { DEMO_CONTENT, DEMO_ORGANISATION, DEMO_QUOTES, DEMO_TEAMS, demoEmployees, seededRandom } from './demo-data.js';

export const DEMO_SEED = 20_260_101;
// Several servers starting together on one Postgres seed one after the other; any constant works.
const DEMO_SEED_LOCK_KEY = 4_242_002;
const DAY_MS = 86_400_000;
const POINTS_PER_SHARE = 10;
const POINTS_PER_CLICK = 1;

/** Networks demo employees share to, weighted the way real programmes look (LinkedIn first). */
const SHARE_NETWORKS: Network[] = ['linkedin', 'linkedin', 'linkedin', 'linkedin', 'x', 'x', 'bluesky', 'facebook', 'whatsapp', 'email'];

export interface SeedReport {
  organisationId: string;
  created: boolean;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Inserts rows column by column through `unnest`, one statement for any number of rows. */
async function insertColumns(tx: Queryable, table: string, columns: Record<string, { type: string; values: readonly unknown[] }>): Promise<void> {
  const names = Object.keys(columns);
  const specs = Object.values(columns);
  if ((specs[0]?.values.length ?? 0) === 0) return;
  // jsonb and array values travel as text and are cast here: the same on both drivers.
  const travelsAsText = (type: string): boolean => type === 'jsonb' || type.endsWith('[]');
  const selectList = names.map((name, index) => (travelsAsText(specs[index]!.type) ? `${name}::${specs[index]!.type}` : name));
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${selectList.join(', ')} FROM unnest(${specs.map((spec, index) => `$${index + 1}::${travelsAsText(spec.type) ? 'text' : spec.type}[]`).join(', ')})
       AS rows (${names.join(', ')})`,
    specs.map((spec) => spec.values as unknown[]),
  );
}

/**
 * Seeds the demo organisation once: 40 employees in 4 teams, 15 pieces of
 * content in English and French, 14 testimonials (12 approved), and four
 * weeks of shares and clicks with points and daily figures that match
 * them. The people, texts and activity come from a seeded generator, so
 * every machine gets the same demo; ids, share codes, visitor hashes, keys
 * and secrets are random.
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<SeedReport> {
  const random = seededRandom(DEMO_SEED);
  const people = demoEmployees(random);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK_KEY]);
    const existing = await tx.query<{ id: string }>('SELECT id FROM organisations WHERE slug = $1', [DEMO_ORGANISATION.slug]);
    if (existing.rows[0]) return { organisationId: existing.rows[0].id, created: false };

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
    await tx.query('INSERT INTO demo_settings (organisation_id, publishable_key) VALUES ($1, $2)', [organisationId, organisation.publishableKey]);

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
      url: { type: 'text', values: DEMO_CONTENT.map((item) => new URL(item.path, `https://${DEMO_ORGANISATION.domain}`).href) },
      summary: { type: 'text', values: DEMO_CONTENT.map((item) => item.summary) },
      locale: { type: 'text', values: DEMO_CONTENT.map((item) => item.locale) },
      tags: { type: 'text[]', values: DEMO_CONTENT.map((item) => `{${item.tags.join(',')}}`) },
      campaign: { type: 'text', values: DEMO_CONTENT.map((item) => item.campaign) },
      suggested_texts: {
        type: 'jsonb',
        values: DEMO_CONTENT.map((item) => JSON.stringify(Object.fromEntries(Object.entries(item.texts).map(([network, text]) => [network, { [item.locale]: text }])))),
      },
      publish_at: { type: 'timestamptz', values: DEMO_CONTENT.map((_, index) => new Date(now.getTime() - (40 - index * 2) * DAY_MS).toISOString()) },
    });

    // Shares and clicks over the last four weeks, with the counters they imply.
    const shares = { id: [] as string[], employee: [] as string[], content: [] as string[], network: [] as string[], code: [] as string[], at: [] as string[] };
    const clicks = { share: [] as string[], at: [] as string[], hash: [] as string[], credited: [] as boolean[], reason: [] as (string | null)[] };
    const visitors = { share: [] as string[], day: [] as string[], hash: [] as string[] };
    const points = new Map<string, { employee: string; kind: string; start: string; points: number; shares: number; clicks: number }>();
    const daily = new Map<string, { day: string; network: string; shares: number; credited: number; uncredited: number }>();
    const credit = (employeeIndex: number, at: Date, amount: number, kind: 'shares' | 'clicks'): void => {
      for (const period of PERIODS) {
        const start = periodStart(period, at);
        const key = `${employeeIndex}|${period}|${start}`;
        const row = points.get(key) ?? { employee: employeeIds[employeeIndex]!, kind: period, start, points: 0, shares: 0, clicks: 0 };
        row.points += amount;
        row[kind] += 1;
        points.set(key, row);
      }
    };
    const count = (at: Date, network: string, field: 'shares' | 'credited' | 'uncredited'): void => {
      const key = `${isoDate(at)}|${network}`;
      const row = daily.get(key) ?? { day: isoDate(at), network, shares: 0, credited: 0, uncredited: 0 };
      row[field] += 1;
      daily.set(key, row);
    };
    const taken = new Set<string>();
    people.forEach((person, employeeIndex) => {
      const activity = person.optedIn ? random() * 9 : random() * 3;
      for (let n = 0; n < Math.floor(activity); n++) {
        const contentIndex = Math.floor(random() * DEMO_CONTENT.length);
        const network = pick(random, SHARE_NETWORKS);
        const key = `${employeeIndex}|${contentIndex}|${network}`;
        if (taken.has(key)) continue;
        taken.add(key);
        const sharedAt = new Date(now.getTime() - (1 + random() * 27) * DAY_MS);
        const shareId = crypto.randomUUID();
        shares.id.push(shareId);
        shares.employee.push(employeeIds[employeeIndex]!);
        shares.content.push(contentIds[contentIndex]!);
        shares.network.push(network);
        shares.code.push(newShareCode());
        shares.at.push(sharedAt.toISOString());
        credit(employeeIndex, sharedAt, POINTS_PER_SHARE, 'shares');
        count(sharedAt, network, 'shares');
        const reach = Math.floor(random() * random() * 40);
        let lastHash = randomBytes(32).toString('hex');
        for (let c = 0; c < reach; c++) {
          const at = new Date(Math.min(now.getTime() - 60_000, sharedAt.getTime() + random() * 4 * DAY_MS));
          const roll = random();
          const reason = roll < 0.72 ? null : roll < 0.82 ? 'repeat' : roll < 0.95 ? 'preview' : 'bot';
          const hash = reason === 'repeat' ? lastHash : randomBytes(32).toString('hex');
          lastHash = hash;
          clicks.share.push(shareId);
          clicks.at.push(at.toISOString());
          clicks.hash.push(hash);
          clicks.credited.push(reason === null);
          clicks.reason.push(reason);
          if (reason === null) {
            visitors.share.push(shareId);
            visitors.day.push(isoDate(at));
            visitors.hash.push(hash);
            credit(employeeIndex, at, POINTS_PER_CLICK, 'clicks');
            count(at, network, 'credited');
          } else {
            count(at, network, 'uncredited');
          }
        }
      }
    });
    await insertColumns(tx, 'shares', {
      id: { type: 'uuid', values: shares.id },
      organisation_id: { type: 'uuid', values: shares.id.map(() => organisationId) },
      employee_id: { type: 'uuid', values: shares.employee },
      content_id: { type: 'uuid', values: shares.content },
      network: { type: 'text', values: shares.network },
      code: { type: 'text', values: shares.code },
      created_at: { type: 'timestamptz', values: shares.at },
    });
    await tx.query(
      `INSERT INTO clicks (organisation_id, share_id, occurred_at, visitor_hash, credited, reason)
       SELECT $1, share_id, occurred_at, decode(hash, 'hex'), credited, reason
         FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::boolean[], $6::text[]) AS rows (share_id, occurred_at, hash, credited, reason)`,
      [organisationId, clicks.share, clicks.at, clicks.hash, clicks.credited, clicks.reason],
    );
    await tx.query(
      `INSERT INTO click_visitors (share_id, day, visitor_hash)
       SELECT share_id, day, decode(hash, 'hex') FROM unnest($1::uuid[], $2::date[], $3::text[]) AS rows (share_id, day, hash)
       ON CONFLICT DO NOTHING`,
      [visitors.share, visitors.day, visitors.hash],
    );
    const pointRows = [...points.values()];
    await tx.query(
      `INSERT INTO points (organisation_id, period_kind, period_start, employee_id, points, shares, clicks, listed, team_id)
       SELECT $1, rows.kind, rows.start, rows.employee, rows.points, rows.shares, rows.clicks, e.leaderboard_opt_in, e.team_id
         FROM unnest($2::text[], $3::date[], $4::uuid[], $5::bigint[], $6::bigint[], $7::bigint[]) AS rows (kind, start, employee, points, shares, clicks)
         JOIN employees e ON e.organisation_id = $1 AND e.id = rows.employee`,
      [organisationId, pointRows.map((row) => row.kind), pointRows.map((row) => row.start), pointRows.map((row) => row.employee), pointRows.map((row) => row.points), pointRows.map((row) => row.shares), pointRows.map((row) => row.clicks)],
    );
    const dailyRows = [...daily.values()].filter((row) => (NETWORKS as readonly string[]).includes(row.network));
    await tx.query(
      `INSERT INTO daily_stats (organisation_id, day, network, shares, credited_clicks, uncredited_clicks)
       SELECT $1, * FROM unnest($2::date[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[])`,
      [organisationId, dailyRows.map((row) => row.day), dailyRows.map((row) => row.network), dailyRows.map((row) => row.shares), dailyRows.map((row) => row.credited), dailyRows.map((row) => row.uncredited)],
    );

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
    return { organisationId, created: true };
  });
}

/** Lets the demo pages served by this server call the API with the demo keys and tokens. */
export async function allowDemoOrigins(db: Queryable, origins: readonly string[]): Promise<void> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM organisations WHERE slug = $1', [DEMO_ORGANISATION.slug]);
  const organisationId = rows[0]?.id;
  if (!organisationId) return;
  await db.query('UPDATE organisations SET allowed_origins = $2 WHERE id = $1', [organisationId, [...origins]]);
  await db.query(`UPDATE api_keys SET allowed_origins = $2 WHERE organisation_id = $1 AND kind = 'publishable'`, [organisationId, [...origins]]);
}
