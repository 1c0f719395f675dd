import {
  ADMIN_STATS_MAX_DAYS,
  TEAM_THRESHOLD,
  type AdminStats,
  type AdminStatsGroup,
  type AdminStatsRange,
  type AdminStatsRow,
  type EarnedMedia,
  type EarnedMediaSettings,
  type ProgrammeKpis,
  type UncreditedVisits,
} from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import { raw, run, sql, type SqlStatement } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';
import { getProgrammeSettings } from './organisation-settings.js';
import { isoDate } from './periods.js';
import { NO_TEAM_KEY } from './programme-aggregates.js';

// The programme dashboard (GET /v1/admin/stats), read from migration 014's
// counters only: never a raw click or share. Definitions: docs/programme-figures.md.

const DAY_MS = 86_400_000;
/** How many content rows the top content gives. */
export const TOP_CONTENT_ROWS = 50;
export const EARNED_MEDIA_FORMULA = 'credited readers × CPC + estimated reach ÷ 1,000 × CPM (an estimate)';

/** Keys of the rows that stand for a group without its own name. */
export const NO_TEAM = 'no-team';
export const OTHER_TEAMS = 'other-teams';
export const NO_CAMPAIGN = 'no-campaign';

/** `from`..`to` checked: to ≥ from, at most ADMIN_STATS_MAX_DAYS days; with the previous range of the same length. */
export function statsRanges(from: string, to: string): { range: AdminStatsRange; previousRange: AdminStatsRange } {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (end < start) throw rangeProblem('`to` is before `from`.', 'query.to', 'on or after from');
  const days = (end - start) / DAY_MS + 1;
  if (days > ADMIN_STATS_MAX_DAYS) throw rangeProblem(`The range covers ${days} days; at most ${ADMIN_STATS_MAX_DAYS} are read at once.`, 'query.to', `at most ${ADMIN_STATS_MAX_DAYS} days after from`);
  return {
    range: { from, to, days },
    previousRange: { from: isoDate(new Date(start - days * DAY_MS)), to: isoDate(new Date(start - DAY_MS)), days },
  };
}

function rangeProblem(detail: string, field: string, message: string): HttpProblem {
  return new HttpProblem(400, 'invalid-range', { title: 'Bad Request', detail, errors: [{ field, message }] });
}

interface CounterRow {
  key: string;
  shares: number;
  credited: number;
  bot: number;
  head: number;
  preview: number;
  self: number;
  repeat: number;
  repeat_network: number;
  burst: number;
  reach: number;
}

const SUMS = raw(`coalesce(sum(shares), 0)::float8 AS shares, coalesce(sum(credited), 0)::float8 AS credited,
  coalesce(sum(uncredited_bot), 0)::float8 AS bot, coalesce(sum(uncredited_head), 0)::float8 AS head,
  coalesce(sum(uncredited_preview), 0)::float8 AS preview, coalesce(sum(uncredited_self), 0)::float8 AS self,
  coalesce(sum(uncredited_repeat), 0)::float8 AS repeat, coalesce(sum(uncredited_repeat_network), 0)::float8 AS repeat_network,
  coalesce(sum(uncredited_burst), 0)::float8 AS burst, coalesce(sum(estimated_reach), 0)::float8 AS reach`);

function uncreditedOf(row: CounterRow): UncreditedVisits {
  const bots = Number(row.bot) + Number(row.head);
  const linkPreviews = Number(row.preview);
  const repeats = Number(row.repeat) + Number(row.repeat_network) + Number(row.burst);
  const ownClicks = Number(row.self);
  return { bots, linkPreviews, repeats, ownClicks, total: bots + linkPreviews + repeats + ownClicks };
}

const zeroCounters = (key: string): CounterRow => ({ key, shares: 0, credited: 0, bot: 0, head: 0, preview: 0, self: 0, repeat: 0, repeat_network: 0, burst: 0, reach: 0 });

function addCounters(into: CounterRow, row: CounterRow): void {
  for (const field of ['shares', 'credited', 'bot', 'head', 'preview', 'self', 'repeat', 'repeat_network', 'burst', 'reach'] as const) into[field] = Number(into[field]) + Number(row[field]);
}

function rowOf(counters: CounterRow, label: string, extra: { activeAmbassadors?: number; employees?: number } = {}): AdminStatsRow {
  return {
    key: counters.key,
    label,
    shares: Number(counters.shares),
    creditedReaders: Number(counters.credited),
    uncreditedVisits: uncreditedOf(counters),
    estimatedReach: Number(counters.reach),
    activeAmbassadors: extra.activeAmbassadors ?? null,
    employees: extra.employees ?? null,
  };
}

const inRange = (organisationId: string, range: AdminStatsRange): SqlStatement =>
  sql`organisation_id = ${organisationId} AND day BETWEEN ${range.from}::date AND ${range.to}::date`;

interface Headcount {
  all: number;
  optedIn: number;
  /** Everyone in each team now, opted in or not (NO_TEAM_KEY: without a team); leavers (deactivated) are not counted. */
  byTeam: Map<string, number>;
}

async function headcount(db: Queryable, organisationId: string): Promise<Headcount> {
  const { rows } = await run<{ team_key: string; all: number; opted_in: number }>(
    db,
    sql`SELECT team_key::text, employees AS all, opted_in FROM programme_headcounts WHERE organisation_id = ${organisationId} AND employees > 0`,
  );
  return {
    all: rows.reduce((sum, row) => sum + row.all, 0),
    optedIn: rows.reduce((sum, row) => sum + row.opted_in, 0),
    byTeam: new Map(rows.map((row) => [row.team_key, row.all])),
  };
}

function earnedMediaOf(settings: EarnedMediaSettings | null | undefined, creditedReaders: number, estimatedReach: number): EarnedMedia | null {
  if (!settings) return null;
  const value = Math.round((creditedReaders * settings.cpc + (estimatedReach / 1000) * settings.cpm) * 100) / 100;
  return { value, currency: settings.currency, cpc: settings.cpc, cpm: settings.cpm, formula: EARNED_MEDIA_FORMULA, estimate: true };
}

async function kpisOf(db: Queryable, organisationId: string, range: AdminStatsRange, people: Headcount, earnedMedia: EarnedMediaSettings | null | undefined): Promise<ProgrammeKpis> {
  const totals = await run<CounterRow>(db, sql`SELECT '' AS key, ${SUMS} FROM programme_day_totals WHERE ${inRange(organisationId, range)}`);
  // Each employee once, on their first share day in the range (migration 017's sharers_by_gap).
  const active = await run<{ n: number }>(
    db,
    sql`SELECT coalesce(sum(sharers_by_gap[(day - ${range.from}::date) + 1]), 0)::int AS n FROM programme_day_totals WHERE ${inRange(organisationId, range)}`,
  );
  const counters = totals.rows[0] ?? zeroCounters('');
  const activeAmbassadors = active.rows[0]?.n ?? 0;
  const creditedReaders = Number(counters.credited);
  const estimatedReach = Number(counters.reach);
  const ratio = (divisor: number): number | null => (divisor === 0 ? null : Math.min(1, activeAmbassadors / divisor));
  return {
    activeAmbassadors,
    optedInEmployees: people.optedIn,
    allEmployees: people.all,
    participation: { ofOptedIn: ratio(people.optedIn), ofAll: ratio(people.all) },
    shares: Number(counters.shares),
    creditedReaders,
    uncreditedVisits: uncreditedOf(counters),
    estimatedReach,
    earnedMedia: earnedMediaOf(earnedMedia, creditedReaders, estimatedReach),
  };
}

/** Readers first, then shares, then key: the order of every breakdown but days. */
const byReaders = (a: AdminStatsRow, b: AdminStatsRow): number => b.creditedReaders - a.creditedReaders || b.shares - a.shares || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

async function rowsOf(db: Queryable, organisationId: string, groupBy: AdminStatsGroup, range: AdminStatsRange, people: Headcount): Promise<AdminStatsRow[]> {
  switch (groupBy) {
    case 'day': {
      const counters = await run<CounterRow & { sharers: number }>(
        db,
        sql`SELECT day::text AS key, ${SUMS}, sum(sharers)::int AS sharers FROM programme_day_totals WHERE ${inRange(organisationId, range)} GROUP BY day`,
      );
      const byDay = new Map(counters.rows.map((row) => [row.key, row]));
      const activeByDay = new Map(counters.rows.map((row) => [row.key, row.sharers]));
      const rows: AdminStatsRow[] = [];
      for (let time = Date.parse(`${range.from}T00:00:00Z`), last = Date.parse(`${range.to}T00:00:00Z`); time <= last; time += DAY_MS) {
        const day = isoDate(new Date(time));
        rows.push(rowOf(byDay.get(day) ?? zeroCounters(day), day, { activeAmbassadors: activeByDay.get(day) ?? 0 }));
      }
      return rows;
    }
    case 'network': {
      const counters = await run<CounterRow>(db, sql`SELECT network AS key, ${SUMS} FROM programme_daily WHERE ${inRange(organisationId, range)} GROUP BY network`);
      return counters.rows.map((row) => rowOf(row, row.key)).sort(byReaders);
    }
    case 'campaign': {
      const counters = await run<CounterRow>(db, sql`SELECT campaign AS key, ${SUMS} FROM programme_daily WHERE ${inRange(organisationId, range)} GROUP BY campaign`);
      return counters.rows
        .map((row) => (row.key === '' ? rowOf({ ...row, key: NO_CAMPAIGN }, 'No campaign') : rowOf(row, row.key)))
        .sort(byReaders);
    }
    case 'content': {
      const { rows } = await run<CounterRow & { title: string | null }>(
        db,
        sql`SELECT d.content_id::text AS key, c.title, sum(d.shares)::float8 AS shares, sum(d.credited)::float8 AS credited,
                   sum(d.uncredited)::float8 AS repeat, 0 AS bot, 0 AS head, 0 AS preview, 0 AS self, 0 AS repeat_network, 0 AS burst,
                   sum(d.estimated_reach)::float8 AS reach
              FROM programme_content_daily d
              LEFT JOIN content c ON c.organisation_id = d.organisation_id AND c.id = d.content_id
             WHERE d.organisation_id = ${organisationId} AND d.day BETWEEN ${range.from}::date AND ${range.to}::date
             GROUP BY d.content_id, c.title
             ORDER BY credited DESC, shares DESC, key
             LIMIT ${TOP_CONTENT_ROWS}`,
      );
      // Per content only the total of uncredited visits is kept: it is not split by reason.
      return rows.map((row) => {
        const result = rowOf(row, row.title ?? '(deleted content)');
        return { ...result, uncreditedVisits: { bots: 0, linkPreviews: 0, repeats: 0, ownClicks: 0, total: result.uncreditedVisits.total } };
      });
    }
    case 'team':
      return teamRows(db, organisationId, range, people);
  }
}

/**
 * Teams of TEAM_THRESHOLD employees or more by name; smaller teams, teams
 * since deleted, and people without a team when fewer than the threshold,
 * together as one `other-teams` row, so no one's activity can be read off
 * a small group.
 */
async function teamRows(db: Queryable, organisationId: string, range: AdminStatsRange, people: Headcount): Promise<AdminStatsRow[]> {
  const counters = await run<CounterRow>(db, sql`SELECT team_key::text AS key, ${SUMS} FROM programme_daily WHERE ${inRange(organisationId, range)} GROUP BY team_key`);
  const active = await run<{ team_key: string; n: number }>(
    db,
    sql`SELECT team_key::text AS team_key, coalesce(sum(sharers_by_gap[(day - ${range.from}::date) + 1]), 0)::int AS n
          FROM programme_team_days WHERE ${inRange(organisationId, range)} GROUP BY team_key`,
  );
  const teams = await run<{ id: string; name: string }>(db, sql`SELECT id::text AS id, name FROM teams WHERE organisation_id = ${organisationId}`);
  const names = new Map(teams.rows.map((team) => [team.id, team.name]));
  const activeByTeam = new Map(active.rows.map((row) => [row.team_key, row.n]));
  const shown = (teamKey: string): boolean => (people.byTeam.get(teamKey) ?? 0) >= TEAM_THRESHOLD && (teamKey === NO_TEAM_KEY || names.has(teamKey));

  const rows: AdminStatsRow[] = [];
  const other = zeroCounters(OTHER_TEAMS);
  let otherActive = 0;
  let otherEmployees = 0;
  let anyOther = false;
  for (const [teamKey, employees] of people.byTeam) {
    if (!shown(teamKey)) {
      otherEmployees += employees;
      anyOther = true;
    }
  }
  const seen = new Set<string>();
  for (const row of counters.rows) {
    seen.add(row.key);
    if (shown(row.key)) {
      const key = row.key === NO_TEAM_KEY ? NO_TEAM : row.key;
      rows.push(rowOf({ ...row, key }, row.key === NO_TEAM_KEY ? 'No team' : names.get(row.key)!, { activeAmbassadors: activeByTeam.get(row.key) ?? 0, employees: people.byTeam.get(row.key) ?? 0 }));
    } else {
      addCounters(other, row);
      otherActive += activeByTeam.get(row.key) ?? 0;
      anyOther = true;
    }
  }
  // Teams big enough to be named, with no activity in the range, still show (at zero).
  for (const [teamKey, employees] of people.byTeam) {
    if (seen.has(teamKey) || !shown(teamKey)) continue;
    const key = teamKey === NO_TEAM_KEY ? NO_TEAM : teamKey;
    rows.push(rowOf(zeroCounters(key), teamKey === NO_TEAM_KEY ? 'No team' : names.get(teamKey)!, { activeAmbassadors: 0, employees }));
  }
  rows.sort(byReaders);
  if (anyOther) rows.push(rowOf(other, 'Other teams', { activeAmbassadors: otherActive, employees: otherEmployees }));
  return rows;
}

/** The dashboard for `from`..`to` (UTC days, inclusive) and the range before it. */
export async function loadAdminStats(db: Queryable, organisationId: string, query: { from: string; to: string; groupBy: AdminStatsGroup }): Promise<AdminStats> {
  const { range, previousRange } = statsRanges(query.from, query.to);
  const [people, settings] = [await headcount(db, organisationId), await getProgrammeSettings(db, organisationId)];
  return {
    groupBy: query.groupBy,
    range,
    previousRange,
    kpis: await kpisOf(db, organisationId, range, people, settings.earnedMedia),
    previousKpis: await kpisOf(db, organisationId, previousRange, people, settings.earnedMedia),
    rows: await rowsOf(db, organisationId, query.groupBy, range, people),
  };
}
