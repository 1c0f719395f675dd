import type { Content, ContentState, SuggestedTexts } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
import { raw, run, sql, type SqlStatement } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';
import { disclosureFor } from './disclosure.js';

export interface ContentRow {
  id: string;
  title: string;
  url: string;
  image_url: string | null;
  summary: string;
  locale: string;
  tags: string[];
  campaign: string | null;
  suggested_texts: SuggestedTexts;
  status: Content['status'];
  publish_at: Date;
  expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const CONTENT_COLUMNS =
  'id, title, url, image_url, summary, locale, tags, campaign, suggested_texts, status, publish_at, expires_at, created_at, updated_at';

/** The columns of `ContentRow`, for the `sql` tag. */
export const contentColumns: SqlStatement = raw(CONTENT_COLUMNS);

export const contentNotFound = (): HttpProblem => new HttpProblem(404, 'not-found', { detail: 'No content with this id.' });

/** Where the content stands for employees at `now` (see ContentStateSchema). */
export function contentState(row: Pick<ContentRow, 'status' | 'publish_at' | 'expires_at'>, now: Date): ContentState {
  if (row.status !== 'published') return row.status;
  if (row.publish_at > now) return 'scheduled';
  return row.expires_at !== null && row.expires_at <= now ? 'expired' : 'live';
}

export function toContent(row: ContentRow, disclosures: Record<string, string>, now: Date): Content {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    imageUrl: row.image_url,
    summary: row.summary,
    locale: row.locale,
    tags: row.tags,
    campaign: row.campaign,
    suggestedTexts: row.suggested_texts,
    disclosure: disclosureFor(disclosures, row.locale),
    status: row.status,
    state: contentState(row, now),
    publishAt: row.publish_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** One piece of content of the organisation, or undefined (also for another organisation's id); `lock` takes its row lock. */
export async function findContent(db: Queryable, organisationId: string, id: string, lock = false): Promise<ContentRow | undefined> {
  const { rows } = await run<ContentRow>(
    db,
    sql`SELECT ${contentColumns} FROM content WHERE organisation_id = ${organisationId} AND id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return rows[0];
}

/** Whether employees may see and share it at `now`: published and inside its window. */
export function isShareable(row: ContentRow, now: Date): boolean {
  return contentState(row, now) === 'live';
}
