import type { Content, ContentListStatus } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import { raw, run, sql, type SqlStatement } from '../db/sql.js';
import { cursorTime, decodeTimeIdCursor, encodeTimeIdCursor } from '../http/time-id-cursor.js';
import { contentColumns, toContent, type ContentRow } from './content.js';
import { localeMatches } from './locale-match.js';
import { loadOrganisationSettings } from './organisations.js';

export interface ContentListRequest {
  /** Undefined: the share feed (live content only). */
  status?: ContentListStatus | undefined;
  locale?: string | undefined;
  tag?: string | undefined;
  campaign?: string | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The condition for content in `status` at `now`: the states of ContentStateSchema, `published` for any window, `all`. */
function statusCondition(status: ContentListStatus, now: Date): SqlStatement {
  switch (status) {
    case 'draft':
    case 'archived':
    case 'published':
      return sql`status = ${status}`;
    case 'scheduled':
      return sql`status = 'published' AND publish_at > ${now}`;
    case 'live':
      return sql`status = 'published' AND publish_at <= ${now} AND (expires_at IS NULL OR expires_at > ${now})`;
    case 'expired':
      return sql`status = 'published' AND publish_at <= ${now} AND expires_at <= ${now}`;
    case 'all':
      return sql`TRUE`;
  }
}

/** `q` as a LIKE pattern matching it anywhere, its own `%`, `_` and `\` taken literally. */
const containsPattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** A page of the organisation's content, newest publish time first: the share feed, or the admin library by state. */
export async function listContent(db: Queryable, organisationId: string, query: ContentListRequest, now: Date): Promise<{ items: Content[]; nextCursor: string | null }> {
  const settings = await loadOrganisationSettings(db, organisationId);
  const where = [sql`organisation_id = ${organisationId}`, statusCondition(query.status ?? 'live', now)];
  if (query.locale) where.push(localeMatches(raw('locale'), query.locale));
  if (query.tag) where.push(sql`${query.tag} = ANY(tags)`);
  if (query.campaign) where.push(sql`campaign = ${query.campaign}`);
  if (query.q) where.push(sql`lower(title) LIKE ${containsPattern(query.q)} ESCAPE '\\'`);
  const after = decodeTimeIdCursor(query.cursor);
  if (after) where.push(sql`(publish_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  const { rows } = await run<ContentRow & { cursor_at: string }>(
    db,
    sql`SELECT ${contentColumns}, ${raw(cursorTime('publish_at'))} AS cursor_at FROM content
         WHERE ${sql.join(where, sql` AND `)}
         ORDER BY publish_at DESC, id DESC LIMIT ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toContent(row, settings.disclosure, now)),
    nextCursor: rows.length > query.limit && last ? encodeTimeIdCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}
