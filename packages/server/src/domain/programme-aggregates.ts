import { NETWORK_AUDIENCE_CAPS } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import { run, sql, type SqlStatement } from '../db/sql.js';
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
  const { rows } = await run<{ team_key: string; campaign: string; audience: unknown }>(
    tx,
    sql`SELECT coalesce(e.team_id, ${NO_TEAM_KEY}::uuid)::text AS team_key, coalesce(c.campaign, '') AS campaign, e.audience -> ${network}::text AS audience
          FROM employees e JOIN content c ON c.organisation_id = e.organisation_id AND c.id = ${contentId}
         WHERE e.organisation_id = ${organisationId} AND e.id = ${employeeId}`,
  );
  const facts = rows[0];
  if (!facts) return;
  const declared = typeof facts.audience === 'number' && Number.isFinite(facts.audience) ? Math.max(0, Math.floor(facts.audience)) : 0;
  const audience = Math.min(declared, capOf(network));

  const existing = await run<{ networks: string[]; reach: number }>(
    tx,
    sql`SELECT networks, reach::int AS reach FROM programme_sharer_days WHERE organisation_id = ${organisationId} AND day = ${day} AND employee_id = ${employeeId}`,
  );
  const today = existing.rows[0];
  const gapChanges: GapChange[] = [];
  let reach = 0;
  let newSharer = 0;
  if (today) {
    if (!today.networks.includes(network)) {
      reach = Math.max(0, Math.min(audience, share.reachCapPerEmployee - today.reach));
      await run(
        tx,
        sql`UPDATE programme_sharer_days SET networks = array_append(networks, ${network}::text), reach = reach + ${reach}
             WHERE organisation_id = ${organisationId} AND day = ${day} AND employee_id = ${employeeId}`,
      );
    }
  } else {
    reach = Math.max(0, Math.min(audience, share.reachCapPerEmployee));
    newSharer = 1;
    // The employee's share days form a chain (previous_day) that counts each active employee once per range.
    const inserted = await run<{ previous_day: string | null }>(
      tx,
      sql`INSERT INTO programme_sharer_days (organisation_id, day, employee_id, team_key, previous_day, networks, reach)
          SELECT ${organisationId}::uuid, ${day}::date, ${employeeId}::uuid, ${facts.team_key}::uuid,
                 (SELECT max(day) FROM programme_sharer_days WHERE organisation_id = ${organisationId} AND employee_id = ${employeeId} AND day < ${day}::date),
                 ARRAY[${network}::text], ${reach}
          RETURNING previous_day::text`,
    );
    const previousDay = inserted.rows[0]?.previous_day ?? null;
    gapChanges.push({ day, teamKey: facts.team_key, from: 0, until: gapOf(day, previousDay), delta: 1 });
    // A share dated before a later share day (an injected clock, a backfill) relinks the day after it, whose gap
    // shrinks: its previous day was this one's.
    const next = await run<{ day: string; team_key: string }>(
      tx,
      sql`UPDATE programme_sharer_days SET previous_day = ${day}::date
           WHERE organisation_id = ${organisationId} AND employee_id = ${employeeId}
             AND day = (SELECT min(day) FROM programme_sharer_days WHERE organisation_id = ${organisationId} AND employee_id = ${employeeId} AND day > ${day}::date)
          RETURNING day::text, team_key::text`,
    );
    const relinked = next.rows[0];
    if (relinked) gapChanges.push({ day: relinked.day, teamKey: relinked.team_key, from: gapOf(relinked.day, day), until: gapOf(relinked.day, previousDay), delta: -1 });
  }

  await run(
    tx,
    sql`INSERT INTO programme_daily (organisation_id, day, team_key, network, campaign, shares, estimated_reach)
        VALUES (${organisationId}, ${day}, ${facts.team_key}, ${network}, ${facts.campaign}, 1, ${reach})
        ON CONFLICT (organisation_id, day, team_key, network, campaign) DO UPDATE
          SET shares = programme_daily.shares + 1, estimated_reach = programme_daily.estimated_reach + EXCLUDED.estimated_reach`,
  );
  await run(
    tx,
    sql`INSERT INTO programme_day_totals (organisation_id, day, shares, estimated_reach, sharers) VALUES (${organisationId}, ${day}, 1, ${reach}, ${newSharer})
        ON CONFLICT (organisation_id, day) DO UPDATE
          SET shares = programme_day_totals.shares + 1, estimated_reach = programme_day_totals.estimated_reach + EXCLUDED.estimated_reach,
              sharers = programme_day_totals.sharers + EXCLUDED.sharers`,
  );
  await run(
    tx,
    sql`INSERT INTO programme_content_daily (organisation_id, day, content_id, shares, estimated_reach) VALUES (${organisationId}, ${day}, ${contentId}, 1, ${reach})
        ON CONFLICT (organisation_id, day, content_id) DO UPDATE
          SET shares = programme_content_daily.shares + 1, estimated_reach = programme_content_daily.estimated_reach + EXCLUDED.estimated_reach`,
  );
  for (const change of gapChanges) await moveSharersByGap(tx, organisationId, change);
}

/** The longest range a dashboard read covers (ADMIN_STATS_MAX_DAYS): gaps past it count as "no share before". */
const GAP_THRESHOLDS = 366;
const DAY_MS = 86_400_000;

/** Days from a sharer's previous share day to this one; none before is past every threshold. */
const gapOf = (day: string, previousDay: string | null): number =>
  previousDay === null ? GAP_THRESHOLDS : Math.min(GAP_THRESHOLDS, Math.round((Date.parse(day) - Date.parse(previousDay)) / DAY_MS));

/** Adds `delta` to a day's sharers with a gap over k, for `from` ≤ k < `until` (migration 017's sharers_by_gap), in all and in their team. */
interface GapChange {
  day: string;
  teamKey: string;
  from: number;
  until: number;
  delta: number;
}

async function moveSharersByGap(tx: Queryable, organisationId: string, change: GapChange): Promise<void> {
  if (change.until <= change.from) return;
  const moved = (counts: SqlStatement): SqlStatement =>
    sql`(SELECT array_agg(coalesce((${counts})[k], 0) + CASE WHEN k > ${change.from} AND k <= ${change.until} THEN ${change.delta} ELSE 0 END ORDER BY k)
           FROM generate_series(1, ${GAP_THRESHOLDS}) AS k)`;
  await run(
    tx,
    sql`UPDATE programme_day_totals SET sharers_by_gap = ${moved(sql.raw('sharers_by_gap'))}
         WHERE organisation_id = ${organisationId} AND day = ${change.day}::date`,
  );
  await run(
    tx,
    sql`INSERT INTO programme_team_days (organisation_id, day, team_key, sharers_by_gap)
        VALUES (${organisationId}, ${change.day}::date, ${change.teamKey}::uuid, ${moved(sql.raw('NULL::integer[]'))})
        ON CONFLICT (organisation_id, day, team_key) DO UPDATE SET sharers_by_gap = ${moved(sql.raw('programme_team_days.sharers_by_gap'))}`,
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
  const employeeIds = [...new Set(clicks.map((click) => click.employeeId))];
  const contentIds = [...new Set(clicks.map((click) => click.contentId))];
  const { rows: employees } = await run<{ organisation_id: string; id: string; team_key: string }>(
    tx,
    sql`SELECT organisation_id::text, id::text, coalesce(team_id, ${NO_TEAM_KEY}::uuid)::text AS team_key
          FROM employees WHERE organisation_id = ANY(${organisations}::uuid[]) AND id = ANY(${employeeIds}::uuid[])`,
  );
  const { rows: contents } = await run<{ organisation_id: string; id: string; campaign: string }>(
    tx,
    sql`SELECT organisation_id::text, id::text, coalesce(campaign, '') AS campaign
          FROM content WHERE organisation_id = ANY(${organisations}::uuid[]) AND id = ANY(${contentIds}::uuid[])`,
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
  // Column names come from REASON_COLUMNS, never from input.
  const columns = sql.raw(reasons.map((reason) => REASON_COLUMNS[reason]).join(', '));
  const reasonValues = (tally: Tally) => sql.join(reasons.map((reason) => sql`${tally[reason]}`), sql`, `);
  const addReasons = (table: string) => sql.raw(reasons.map((reason) => `${REASON_COLUMNS[reason]} = ${table}.${REASON_COLUMNS[reason]} + EXCLUDED.${REASON_COLUMNS[reason]}`).join(', '));
  for (const [, { click, team, campaign, tally }] of byKey(daily)) {
    await run(
      tx,
      sql`INSERT INTO programme_daily (organisation_id, day, team_key, network, campaign, credited, ${columns})
          VALUES (${click.organisationId}, ${click.day}, ${team}, ${click.network}, ${campaign}, ${tally.credited}, ${reasonValues(tally)})
          ON CONFLICT (organisation_id, day, team_key, network, campaign) DO UPDATE
            SET credited = programme_daily.credited + EXCLUDED.credited, ${addReasons('programme_daily')}`,
    );
  }
  for (const [, { click, tally }] of byKey(perDay)) {
    await run(
      tx,
      sql`INSERT INTO programme_day_totals (organisation_id, day, credited, ${columns})
          VALUES (${click.organisationId}, ${click.day}, ${tally.credited}, ${reasonValues(tally)})
          ON CONFLICT (organisation_id, day) DO UPDATE
            SET credited = programme_day_totals.credited + EXCLUDED.credited, ${addReasons('programme_day_totals')}`,
    );
  }
  for (const [, { click, tally }] of byKey(perContent)) {
    const uncredited = reasons.reduce((sum, reason) => sum + tally[reason], 0);
    await run(
      tx,
      sql`INSERT INTO programme_content_daily (organisation_id, day, content_id, credited, uncredited)
          VALUES (${click.organisationId}, ${click.day}, ${click.contentId}, ${tally.credited}, ${uncredited})
          ON CONFLICT (organisation_id, day, content_id) DO UPDATE
            SET credited = programme_content_daily.credited + EXCLUDED.credited, uncredited = programme_content_daily.uncredited + EXCLUDED.uncredited`,
    );
  }
}
