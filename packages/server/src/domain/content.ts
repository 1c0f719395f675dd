import type { Content, SuggestedTexts } from '@advocacy/sdk/contract';
import type { Queryable } from '../db/db.js';
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

export function toContent(row: ContentRow, disclosures: Record<string, string>): Content {
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
    publishAt: row.publish_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** One piece of content of the organisation, or undefined (also for another organisation's id). */
export async function findContent(db: Queryable, organisationId: string, id: string): Promise<ContentRow | undefined> {
  const { rows } = await db.query<ContentRow>(`SELECT ${CONTENT_COLUMNS} FROM content WHERE organisation_id = $1 AND id = $2`, [
    organisationId,
    id,
  ]);
  return rows[0];
}

/** Whether employees may see and share it at `now`: published and inside its window. */
export function isShareable(row: ContentRow, now: Date): boolean {
  return row.status === 'published' && row.publish_at <= now && (row.expires_at === null || row.expires_at > now);
}
