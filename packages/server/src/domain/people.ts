import { MAX_PEOPLE_RANGE_DAYS, type PeoplePage, type PeopleQuery, type Person, type PersonStatus } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import { raw, run, sql, type SqlStatement } from '../db/sql.js';
import { decodePersonCursor, encodePersonCursor } from '../http/person-cursor.js';
import { HttpProblem } from '../http/problem.js';
import { cursorTime } from '../http/cursor.js';
import { isoDate } from './periods.js';

const DAY_MS = 86_400_000;

/** Days counted when the caller names none: the last 30, today included. */
const DEFAULT_RANGE_DAYS = 30;

export interface DayRange {
  /** First UTC day, `YYYY-MM-DD`. */
  from: string;
  /** Last UTC day, included. */
  to: string;
}

/** The range of days asked for, or the last 30 days up to `now`; a range backwards or too long is a 400. */
export function dayRangeOf(query: { from?: string | undefined; to?: string | undefined }, now: Date): DayRange {
  const to = query.to ?? isoDate(now);
  const from = query.from ?? isoDate(new Date(Date.parse(to) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS));
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1 || days > MAX_PEOPLE_RANGE_DAYS) {
    throw new HttpProblem(400, 'validation-failed', {
      title: 'Bad Request',
      detail: `The range must run forwards, ${MAX_PEOPLE_RANGE_DAYS} days at most.`,
      errors: [{ field: 'query.from', message: days < 1 ? 'after `to`' : `more than ${MAX_PEOPLE_RANGE_DAYS} days before \`to\`` }],
    });
  }
  return { from, to };
}

export interface PersonRow {
  id: string;
  name: string;
  display_name: string | null;
  email: string | null;
  team: string | null;
  leaderboard_opt_in: boolean;
  created_at: Date;
  last_seen_at: Date;
  deactivated_at: Date | null;
  erased_at: Date | null;
  cursor_at: string;
  shares: number;
  readers: number;
}

export function personStatus(row: { deactivated_at: Date | null; erased_at: Date | null }): PersonStatus {
  return row.erased_at ? 'erased' : row.deactivated_at ? 'deactivated' : 'active';
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    email: row.email,
    team: row.team,
    optedIn: row.leaderboard_opt_in,
    status: personStatus(row),
    firstSeenAt: row.created_at.toISOString(),
    lastActiveAt: row.last_seen_at.toISOString(),
    deactivatedAt: row.deactivated_at?.toISOString() ?? null,
    erasedAt: row.erased_at?.toISOString() ?? null,
    shares: row.shares,
    readers: row.readers,
  };
}

/**
 * Employees chosen by `where` (a statement over `e`, organisation included),
 * newest first, with their figures in `range` summed from `employee_days`
 * (one index range per person on the page, never a scan of clicks).
 */
function selectPeople(where: SqlStatement, range: DayRange, limit: number): SqlStatement {
  return sql`
    SELECT e.id, e.name, e.display_name, e.email, t.name AS team, e.leaderboard_opt_in, e.created_at, e.last_seen_at,
           e.deactivated_at, e.erased_at, e.cursor_at,
           coalesce(f.shares, 0)::int AS shares, coalesce(f.readers, 0)::int AS readers
      FROM (SELECT e.*, ${raw(cursorTime('e.created_at'))} AS cursor_at FROM employees e
             WHERE ${where}
             ORDER BY e.created_at DESC, e.id DESC LIMIT ${limit}) e
      LEFT JOIN teams t ON t.id = e.team_id
      LEFT JOIN LATERAL (
        SELECT sum(d.shares) AS shares, sum(d.readers) AS readers FROM employee_days d
         WHERE d.organisation_id = e.organisation_id AND d.employee_id = e.id AND d.day BETWEEN ${range.from}::date AND ${range.to}::date
      ) f ON true
     ORDER BY e.created_at DESC, e.id DESC`;
}

const and = (conditions: SqlStatement[]): SqlStatement => conditions.slice(1).reduce((all, condition) => sql`${all} AND ${condition}`, conditions[0]!);

/** `%word%` for ILIKE, its wildcards taken literally. */
const containing = (word: string): string => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const STATUS_FILTERS: Record<PersonStatus, SqlStatement> = {
  active: raw('e.deactivated_at IS NULL AND e.erased_at IS NULL'),
  deactivated: raw('e.deactivated_at IS NOT NULL AND e.erased_at IS NULL'),
  erased: raw('e.erased_at IS NOT NULL'),
};

/** A page of the organisation's people, newest first, filtered and searched, with their figures in the range. */
export async function listPeople(
  db: Queryable,
  organisationId: string,
  query: Omit<PeopleQuery, 'limit'> & { limit: number },
  now: Date,
): Promise<PeoplePage> {
  const range = dayRangeOf(query, now);
  const after = decodePersonCursor(query.cursor);
  const conditions: SqlStatement[] = [sql`e.organisation_id = ${organisationId}`];
  for (const word of (query.q ?? '').split(/\s+/).filter(Boolean)) {
    const pattern = containing(word);
    conditions.push(sql`(e.name ILIKE ${pattern} OR e.display_name ILIKE ${pattern})`);
  }
  if (query.team !== undefined) conditions.push(sql`e.team_id = (SELECT id FROM teams WHERE organisation_id = ${organisationId} AND name = ${query.team})`);
  if (query.status !== undefined && query.status !== 'all') conditions.push(STATUS_FILTERS[query.status]);
  if (query.optedIn !== undefined) conditions.push(sql`e.leaderboard_opt_in = ${query.optedIn === 'true'}`);
  if (after) conditions.push(sql`(e.created_at, e.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);

  const { rows } = await run<PersonRow>(db, selectPeople(and(conditions), range, query.limit + 1));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toPerson),
    nextCursor: rows.length > query.limit && last ? encodePersonCursor({ at: last.cursor_at, id: last.id }) : null,
    ...range,
  };
}

export const personNotFound = (): HttpProblem => new HttpProblem(404, 'not-found', { detail: 'No person with this id.' });

/** One person of the organisation with their figures over the last 30 days; another organisation's is a 404. */
export async function loadPerson(db: Queryable, organisationId: string, id: string, now: Date): Promise<Person> {
  const { rows } = await run<PersonRow>(db, selectPeople(sql`e.organisation_id = ${organisationId} AND e.id = ${id}`, dayRangeOf({}, now), 1));
  const row = rows[0];
  if (!row) throw personNotFound();
  return toPerson(row);
}
