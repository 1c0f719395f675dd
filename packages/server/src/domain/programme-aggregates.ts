import { NETWORK_AUDIENCE_CAPS } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import type { UncreditedReason } from './click-classification.js';
import { isoDate } from './periods.js';

/** The team key of employees without a team. */
export const NO_TEAM_KEY = '00000000-0000-0000-0000-000000000000';

/** `programme_daily`'s column for each uncredited reason (migration 014). */
const REASON_COLUMNS = {
  bot: 'uncredited_bot',
  head: 'uncredited_head',
  preview: 'uncredited_preview',
  self: 'uncredited_self',
  repeat: 'uncredited_repeat',
  'repeat-network': 'uncredited_repeat_network',
  burst: 'uncredited_burst',
} as const satisfies Record<UncreditedReason, string>;

const capOf = (network: string): number => (NETWORK_AUDIENCE_CAPS as Record<string, number>)[network] ?? 0;

export interface ShareAggregate {
  organisationId: string;
  employeeId: string;
  contentId: string;
  network: string;
  at: Date;
  /** The programme's `reachCapPerEmployee`: the most one employee adds to a day's reach. */
  reachCapPerEmployee: number;
}

/**
 * Moves the dashboard's counters for a new share (docs/programme-figures.md):
 * the day's sharer row, shares, and reach, each employee × network once a
 * UTC day within the employee's cap. The caller holds the organisation's
 * counter lock (counter-lock.ts), so the read-then-write below cannot race.
 */
export async function addShareAggregates(tx: Queryable, share: ShareAggregate): Promise<void> {
  const { organisationId, employeeId, contentId, network } = share;
  const day = isoDate(share.at);
  const { rows } = await tx.query<{ team_key: string; campaign: string; audience: unknown }>(
    `SELECT coalesce(e.team_id, $4::uuid)::text AS team_key, coalesce(c.campaign, '') AS campaign, e.audience -> $5::text AS audience
       FROM employees e JOIN content c ON c.organisation_id = e.organisation_id AND c.id = $3
      WHERE e.organisation_id = $1 AND e.id = $2`,
    [organisationId, employeeId, contentId, NO_TEAM_KEY, network],
  );
  const facts = rows[0];
  if (!facts) return;
  const declared = typeof facts.audience === 'number' && Number.isFinite(facts.audience) ? Math.max(0, Math.floor(facts.audience)) : 0;
  const audience = Math.min(declared, capOf(network));

  const existing = await tx.query<{ networks: string[]; reach: number }>(
    'SELECT networks, reach::int AS reach FROM programme_sharer_days WHERE organisation_id = $1 AND day = $2 AND employee_id = $3',
    [organisationId, day, employeeId],
  );
  const today = existing.rows[0];
  let reach = 0;
  let newSharer = 0;
  if (today) {
    if (!today.networks.includes(network)) {
      reach = Math.max(0, Math.min(audience, share.reachCapPerEmployee - today.reach));
      await tx.query(
        `UPDATE programme_sharer_days SET networks = array_append(networks, $4::text), reach = reach + $5
          WHERE organisation_id = $1 AND day = $2 AND employee_id = $3`,
        [organisationId, day, employeeId, network, reach],
      );
    }
  } else {
    reach = Math.max(0, Math.min(audience, share.reachCapPerEmployee));
    newSharer = 1;
    // The employee's share days form a chain (previous_day) that counts each active employee once per range.
    await tx.query(
      `INSERT INTO programme_sharer_days (organisation_id, day, employee_id, team_key, previous_day, networks, reach)
       SELECT $1::uuid, $2::date, $3::uuid, $4::uuid, (SELECT max(day) FROM programme_sharer_days WHERE organisation_id = $1 AND employee_id = $3 AND day < $2), ARRAY[$5::text], $6`,
      [organisationId, day, employeeId, facts.team_key, network, reach],
    );
    // A share dated before a later share day (an injected clock, a backfill) relinks the day after it.
    await tx.query(
      `UPDATE programme_sharer_days SET previous_day = $2
        WHERE organisation_id = $1 AND employee_id = $3
          AND day = (SELECT min(day) FROM programme_sharer_days WHERE organisation_id = $1 AND employee_id = $3 AND day > $2)`,
      [organisationId, day, employeeId],
    );
  }

  await tx.query(
    `INSERT INTO programme_daily (organisation_id, day, team_key, network, campaign, shares, estimated_reach)
     VALUES ($1, $2, $3, $4, $5, 1, $6)
     ON CONFLICT (organisation_id, day, team_key, network, campaign) DO UPDATE
       SET shares = programme_daily.shares + 1, estimated_reach = programme_daily.estimated_reach + EXCLUDED.estimated_reach`,
    [organisationId, day, facts.team_key, network, facts.campaign, reach],
  );
  await tx.query(
    `INSERT INTO programme_day_totals (organisation_id, day, shares, estimated_reach, sharers) VALUES ($1, $2, 1, $3, $4)
     ON CONFLICT (organisation_id, day) DO UPDATE
       SET shares = programme_day_totals.shares + 1, estimated_reach = programme_day_totals.estimated_reach + EXCLUDED.estimated_reach,
           sharers = programme_day_totals.sharers + EXCLUDED.sharers`,
    [organisationId, day, reach, newSharer],
  );
  await tx.query(
    `INSERT INTO programme_content_daily (organisation_id, day, content_id, shares, estimated_reach) VALUES ($1, $2, $3, 1, $4)
     ON CONFLICT (organisation_id, day, content_id) DO UPDATE
       SET shares = programme_content_daily.shares + 1, estimated_reach = programme_content_daily.estimated_reach + EXCLUDED.estimated_reach`,
    [organisationId, day, contentId, reach],
  );
}

export interface ClickAggregate {
  organisationId: string;
  /** The sharer: their team now is the click's team. */
  employeeId: string;
  contentId: string;
  network: string;
  /** UTC day of the click. */
  day: string;
  credited: boolean;
  reason: UncreditedReason | null;
}

type Tally = { credited: number } & Record<UncreditedReason, number>;

const byKey = <T>(entries: Iterable<[string, T]>): [string, T][] => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Moves the dashboard's counters for a batch of recorded clicks: credited
 * readers and uncredited visits by reason, per day × team × network ×
 * campaign, per day, and per day × content. In the caller's transaction, under the
 * organisations' counter locks.
 */
export async function addClickAggregates(tx: Queryable, clicks: readonly ClickAggregate[]): Promise<void> {
  if (clicks.length === 0) return;
  const organisations = [...new Set(clicks.map((click) => click.organisationId))];
  const { rows: employees } = await tx.query<{ organisation_id: string; id: string; team_key: string }>(
    `SELECT organisation_id::text, id::text, coalesce(team_id, $2::uuid)::text AS team_key FROM employees WHERE organisation_id = ANY($3::uuid[]) AND id = ANY($1::uuid[])`,
    [[...new Set(clicks.map((click) => click.employeeId))], NO_TEAM_KEY, organisations],
  );
  const { rows: contents } = await tx.query<{ organisation_id: string; id: string; campaign: string }>(
    `SELECT organisation_id::text, id::text, coalesce(campaign, '') AS campaign FROM content WHERE organisation_id = ANY($2::uuid[]) AND id = ANY($1::uuid[])`,
    [[...new Set(clicks.map((click) => click.contentId))], organisations],
  );
  const teams = new Map(employees.map((row) => [`${row.organisation_id}|${row.id}`, row.team_key]));
  const campaigns = new Map(contents.map((row) => [`${row.organisation_id}|${row.id}`, row.campaign]));

  const empty = (): Tally => ({ credited: 0, bot: 0, head: 0, preview: 0, self: 0, repeat: 0, 'repeat-network': 0, burst: 0 });
  const count = (tally: Tally, click: ClickAggregate): void => {
    if (click.credited) tally.credited += 1;
    else tally[click.reason ?? 'repeat'] += 1;
  };
  const daily = new Map<string, { click: ClickAggregate; team: string; campaign: string; tally: Tally }>();
  const perDay = new Map<string, { click: ClickAggregate; tally: Tally }>();
  const perContent = new Map<string, { click: ClickAggregate; tally: Tally }>();
  for (const click of clicks) {
    const team = teams.get(`${click.organisationId}|${click.employeeId}`) ?? NO_TEAM_KEY;
    const campaign = campaigns.get(`${click.organisationId}|${click.contentId}`) ?? '';
    const key = JSON.stringify([click.organisationId, click.day, team, click.network, campaign]);
    const entry = daily.get(key) ?? { click, team, campaign, tally: empty() };
    count(entry.tally, click);
    daily.set(key, entry);
    const dayKey = `${click.organisationId}|${click.day}`;
    const day = perDay.get(dayKey) ?? { click, tally: empty() };
    count(day.tally, click);
    perDay.set(dayKey, day);
    const contentKey = `${click.organisationId}|${click.day}|${click.contentId}`;
    const content = perContent.get(contentKey) ?? { click, tally: empty() };
    count(content.tally, click);
    perContent.set(contentKey, content);
  }

  const reasons = Object.keys(REASON_COLUMNS) as UncreditedReason[];
  const columns = reasons.map((reason) => REASON_COLUMNS[reason]);
  for (const [, { click, team, campaign, tally }] of byKey(daily)) {
    await tx.query(
      `INSERT INTO programme_daily (organisation_id, day, team_key, network, campaign, credited, ${columns.join(', ')})
       VALUES ($1, $2, $3, $4, $5, $6, ${columns.map((_, index) => `$${index + 7}`).join(', ')})
       ON CONFLICT (organisation_id, day, team_key, network, campaign) DO UPDATE
         SET credited = programme_daily.credited + EXCLUDED.credited,
             ${columns.map((column) => `${column} = programme_daily.${column} + EXCLUDED.${column}`).join(', ')}`,
      [click.organisationId, click.day, team, click.network, campaign, tally.credited, ...reasons.map((reason) => tally[reason])],
    );
  }
  for (const [, { click, tally }] of byKey(perDay)) {
    await tx.query(
      `INSERT INTO programme_day_totals (organisation_id, day, credited, ${columns.join(', ')})
       VALUES ($1, $2, $3, ${columns.map((_, index) => `$${index + 4}`).join(', ')})
       ON CONFLICT (organisation_id, day) DO UPDATE
         SET credited = programme_day_totals.credited + EXCLUDED.credited,
             ${columns.map((column) => `${column} = programme_day_totals.${column} + EXCLUDED.${column}`).join(', ')}`,
      [click.organisationId, click.day, tally.credited, ...reasons.map((reason) => tally[reason])],
    );
  }
  for (const [, { click, tally }] of byKey(perContent)) {
    const uncredited = reasons.reduce((sum, reason) => sum + tally[reason], 0);
    await tx.query(
      `INSERT INTO programme_content_daily (organisation_id, day, content_id, credited, uncredited) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organisation_id, day, content_id) DO UPDATE
         SET credited = programme_content_daily.credited + EXCLUDED.credited, uncredited = programme_content_daily.uncredited + EXCLUDED.uncredited`,
      [click.organisationId, click.day, click.contentId, tally.credited, uncredited],
    );
  }
}
