import type { Content, ContentUpdate, NewContent } from '@advocacy/sdk/contract';
import type { Db, Queryable } from '../db/db.js';
import { run, sql, type SqlStatement } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';
import { writeAudit } from './audit-log.js';
import { contentColumns, contentNotFound, findContent, toContent, type ContentRow } from './content.js';
import { checkDestination } from './destinations.js';
import { loadOrganisationSettings } from './organisations.js';
import { mergeSuggestedTexts } from './suggested-texts.js';

/** Who edits and when, for the audit log. */
export interface Editor {
  organisationId: string;
  /** principalLabel of the caller. */
  actor: string;
  now: Date;
}

const TITLE_MAX = 200;
const COPY_SUFFIX = ' (copy)';

function checkWindow(publishAt: Date, expiresAt: Date | null): void {
  if (expiresAt && expiresAt <= publishAt) {
    throw new HttpProblem(400, 'validation-failed', {
      title: 'Bad Request',
      detail: 'The content would expire before it is published.',
      errors: [{ field: 'body.expiresAt', message: 'must be after publishAt' }],
    });
  }
}

async function audit(tx: Queryable, by: Editor, action: string, id: string, detail: Record<string, unknown> = {}): Promise<void> {
  await writeAudit(tx, { organisationId: by.organisationId, actor: by.actor, action, targetType: 'content', targetId: id, detail, at: by.now });
}

async function answer(db: Queryable, by: Editor, row: ContentRow): Promise<Content> {
  const settings = await loadOrganisationSettings(db, by.organisationId);
  return toContent(row, settings.disclosure, by.now);
}

/** Adds content: the destination checked against the organisation's allowed domains, published now unless told otherwise. */
export async function createContent(db: Db, by: Editor, input: NewContent): Promise<Content> {
  const settings = await loadOrganisationSettings(db, by.organisationId);
  const url = checkDestination(input.url, settings.allowedDomains);
  checkWindow(input.publishAt === undefined ? by.now : new Date(input.publishAt), input.expiresAt ? new Date(input.expiresAt) : null);
  const row = await db.transaction(async (tx) => {
    const created = await insertContent(tx, by, {
      title: input.title,
      url,
      image_url: input.imageUrl ?? null,
      summary: input.summary ?? '',
      locale: input.locale,
      tags: [...new Set(input.tags ?? [])],
      campaign: input.campaign ?? null,
      suggested_texts: input.suggestedTexts ?? {},
      status: input.status ?? 'published',
      // As sent: the text keeps microseconds a Date would round away.
      publish_at: input.publishAt ?? by.now,
      expires_at: input.expiresAt ?? null,
    });
    await audit(tx, by, 'content.created', created.id, { status: created.status });
    return created;
  });
  return toContent(row, settings.disclosure, by.now);
}

type NewContentRow = Omit<ContentRow, 'id' | 'created_at' | 'updated_at' | 'publish_at' | 'expires_at'> & {
  publish_at: Date | string;
  expires_at: Date | string | null;
};

async function insertContent(tx: Queryable, by: Editor, row: NewContentRow): Promise<ContentRow> {
  const { rows } = await run<ContentRow>(
    tx,
    sql`INSERT INTO content (id, organisation_id, title, url, image_url, summary, locale, tags, campaign, suggested_texts,
                             status, publish_at, expires_at, created_at, updated_at)
        VALUES (${crypto.randomUUID()}, ${by.organisationId}, ${row.title}, ${row.url}, ${row.image_url}, ${row.summary}, ${row.locale},
                ${row.tags}, ${row.campaign}, ${JSON.stringify(row.suggested_texts)}, ${row.status}, ${row.publish_at}, ${row.expires_at},
                ${by.now}, ${by.now})
        RETURNING ${contentColumns}`,
  );
  return rows[0]!;
}

/** Changes only the fields sent; suggested texts merge per network and locale (see mergeSuggestedTexts). */
export async function updateContent(db: Db, by: Editor, id: string, input: ContentUpdate): Promise<Content> {
  const settings = await loadOrganisationSettings(db, by.organisationId);
  const url = input.url === undefined ? undefined : checkDestination(input.url, settings.allowedDomains);
  const row = await db.transaction(async (tx) => {
    // Locked: two PATCHes of different networks both land, neither undoes the other.
    const existing = await findContent(tx, by.organisationId, id, true);
    if (!existing) throw contentNotFound();
    const publishAt = input.publishAt === undefined ? existing.publish_at : new Date(input.publishAt);
    checkWindow(publishAt, input.expiresAt === undefined ? existing.expires_at : input.expiresAt === null ? null : new Date(input.expiresAt));
    const changes: SqlStatement[] = [];
    if (input.title !== undefined) changes.push(sql`title = ${input.title}`);
    if (url !== undefined) changes.push(sql`url = ${url}`);
    if (input.imageUrl !== undefined) changes.push(sql`image_url = ${input.imageUrl}`);
    if (input.summary !== undefined) changes.push(sql`summary = ${input.summary}`);
    if (input.locale !== undefined) changes.push(sql`locale = ${input.locale}`);
    if (input.tags !== undefined) changes.push(sql`tags = ${[...new Set(input.tags)]}`);
    if (input.campaign !== undefined) changes.push(sql`campaign = ${input.campaign}`);
    if (input.suggestedTexts !== undefined) {
      changes.push(sql`suggested_texts = ${JSON.stringify(mergeSuggestedTexts(existing.suggested_texts, input.suggestedTexts))}`);
    }
    if (input.status !== undefined) changes.push(sql`status = ${input.status}`);
    if (input.publishAt !== undefined) changes.push(sql`publish_at = ${input.publishAt}`);
    if (input.expiresAt !== undefined) changes.push(sql`expires_at = ${input.expiresAt}`);
    changes.push(sql`updated_at = ${by.now}`);
    const { rows } = await run<ContentRow>(
      tx,
      sql`UPDATE content SET ${sql.join(changes, sql`, `)} WHERE organisation_id = ${by.organisationId} AND id = ${id} RETURNING ${contentColumns}`,
    );
    await audit(tx, by, 'content.updated', id, { fields: Object.keys(input).sort() });
    return rows[0]!;
  });
  return toContent(row, settings.disclosure, by.now);
}

/** Takes content out of the feed, remembering its status for a restore. Archiving archived content changes nothing. */
export async function archiveContent(db: Db, by: Editor, id: string): Promise<Content> {
  const row = await db.transaction(async (tx) => {
    const existing = await findContent(tx, by.organisationId, id, true);
    if (!existing) throw contentNotFound();
    if (existing.status === 'archived') return existing;
    const { rows } = await run<ContentRow>(
      tx,
      sql`UPDATE content SET status = 'archived', restore_status = ${existing.status}, updated_at = ${by.now}
           WHERE organisation_id = ${by.organisationId} AND id = ${id} RETURNING ${contentColumns}`,
    );
    await audit(tx, by, 'content.archived', id, { previousStatus: existing.status });
    return rows[0]!;
  });
  return answer(db, by, row);
}

/** Archived content back as it was before archiving (a draft when that is unknown). Other content is left as it is. */
export async function restoreContent(db: Db, by: Editor, id: string): Promise<Content> {
  const row = await db.transaction(async (tx) => {
    const existing = await findContent(tx, by.organisationId, id, true);
    if (!existing) throw contentNotFound();
    if (existing.status !== 'archived') return existing;
    const { rows } = await run<ContentRow>(
      tx,
      sql`UPDATE content SET status = coalesce(restore_status, 'draft'), restore_status = NULL, updated_at = ${by.now}
           WHERE organisation_id = ${by.organisationId} AND id = ${id} RETURNING ${contentColumns}`,
    );
    const restored = rows[0]!;
    await audit(tx, by, 'content.restored', id, { status: restored.status });
    return restored;
  });
  return answer(db, by, row);
}

/** A new draft with the content's fields, titled "… (copy)" within the title's 200 characters. */
export async function duplicateContent(db: Db, by: Editor, id: string): Promise<Content> {
  const row = await db.transaction(async (tx) => {
    const original = await findContent(tx, by.organisationId, id);
    if (!original) throw contentNotFound();
    // Cut by whole characters, so an emoji is never split in half.
    const characters = [...original.title];
    while (characters.join('').length > TITLE_MAX - COPY_SUFFIX.length) characters.pop();
    const title = `${characters.join('').trimEnd()}${COPY_SUFFIX}`;
    const copy = await insertContent(tx, by, { ...original, title, status: 'draft' });
    await audit(tx, by, 'content.duplicated', copy.id, { from: id });
    return copy;
  });
  return answer(db, by, row);
}
