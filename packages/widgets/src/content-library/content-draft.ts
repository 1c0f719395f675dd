import { NETWORKS, type Content, type ContentUpdate, type NewContent, type Network, type SuggestedTexts, type SuggestedTextsPatch } from '@advocacy/sdk';

/** One suggested text of the form: a network, a language, the words. */
export interface TextEntry {
  readonly network: Network;
  readonly locale: string;
  readonly text: string;
}

/**
 * Content as the form holds it: strings as typed, times as `datetime-local`
 * values in the browser's time zone (`''` for none), texts in the order shown.
 */
export interface ContentDraft {
  readonly title: string;
  readonly url: string;
  readonly imageUrl: string;
  readonly summary: string;
  /** Comma-separated. */
  readonly tags: string;
  readonly campaign: string;
  readonly locale: string;
  /** `''`: as soon as it is saved (new content only). */
  readonly publishAt: string;
  /** `''`: never. */
  readonly expiresAt: string;
  readonly publish: boolean;
  readonly texts: readonly TextEntry[];
}

/** The contract's language tags ("fr", "en-GB"). */
export const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The contract's tags: lower-case words joined by hyphens. */
export const TAG_PATTERN = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

const pad = (value: number): string => String(value).padStart(2, '0');

/** An ISO time as a `datetime-local` value in the browser's time zone (minutes). */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (the browser's time zone) as an ISO time in UTC; undefined when it is not one. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  const date = new Date(value); // no offset: local time, as the field shows it
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function parseTags(value: string): string[] {
  return [...new Set(value.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}

export function emptyDraft(locale: string): ContentDraft {
  return { title: '', url: '', imageUrl: '', summary: '', tags: '', campaign: '', locale, publishAt: '', expiresAt: '', publish: true, texts: [] };
}

function entriesOf(texts: SuggestedTexts): TextEntry[] {
  return NETWORKS.flatMap((network) => Object.entries(texts[network] ?? {}).map(([locale, text]) => ({ network, locale, text })));
}

export function draftOf(content: Content): ContentDraft {
  return {
    title: content.title,
    url: content.url,
    imageUrl: content.imageUrl ?? '',
    summary: content.summary,
    tags: content.tags.join(', '),
    campaign: content.campaign ?? '',
    locale: content.locale,
    publishAt: toLocalInput(content.publishAt),
    expiresAt: toLocalInput(content.expiresAt),
    publish: content.status === 'published',
    texts: entriesOf(content.suggestedTexts),
  };
}

/** The draft's texts as the contract carries them (trimmed). */
export function textsOf(draft: ContentDraft): SuggestedTexts {
  const texts: SuggestedTexts = {};
  for (const { network, locale, text } of draft.texts) texts[network] = { ...texts[network], [locale]: text.trim() };
  return texts;
}

/** The body of `POST /v1/content`: what was filled in, nothing empty. */
export function newContentBody(draft: ContentDraft): NewContent {
  const tags = parseTags(draft.tags);
  const publishAt = fromLocalInput(draft.publishAt);
  const expiresAt = fromLocalInput(draft.expiresAt);
  return {
    title: draft.title.trim(),
    url: draft.url.trim(),
    locale: draft.locale.trim(),
    status: draft.publish ? 'published' : 'draft',
    ...(draft.imageUrl.trim() ? { imageUrl: draft.imageUrl.trim() } : {}),
    ...(draft.summary.trim() ? { summary: draft.summary.trim() } : {}),
    ...(tags.length ? { tags } : {}),
    ...(draft.campaign.trim() ? { campaign: draft.campaign.trim() } : {}),
    ...(publishAt ? { publishAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    ...(draft.texts.length ? { suggestedTexts: textsOf(draft) } : {}),
  };
}

/**
 * The suggested texts that changed, as a merge patch: a changed or new text
 * by itself, a removed language as `null`, a network with no text left as `null`.
 */
export function textsPatch(before: SuggestedTexts, after: SuggestedTexts): SuggestedTextsPatch | undefined {
  const patch: SuggestedTextsPatch = {};
  for (const network of NETWORKS) {
    const old = before[network] ?? {};
    const now = after[network] ?? {};
    if (Object.keys(old).length && !Object.keys(now).length) {
      patch[network] = null;
      continue;
    }
    const changes: Record<string, string | null> = {};
    for (const locale of Object.keys(old)) if (!(locale in now)) changes[locale] = null;
    for (const [locale, text] of Object.entries(now)) if (old[locale] !== text) changes[locale] = text;
    if (Object.keys(changes).length) patch[network] = changes;
  }
  return Object.keys(patch).length ? patch : undefined;
}

/** The body of `PATCH /v1/content/{id}`: only the fields that differ from `original`. */
export function contentPatch(original: Content, draft: ContentDraft): ContentUpdate {
  const was = draftOf(original);
  const patch: ContentUpdate = {};
  const trimmed = (value: string) => value.trim();
  if (trimmed(draft.title) !== was.title) patch.title = trimmed(draft.title);
  if (trimmed(draft.url) !== was.url) patch.url = trimmed(draft.url);
  if (trimmed(draft.imageUrl) !== was.imageUrl) patch.imageUrl = trimmed(draft.imageUrl) || null;
  if (trimmed(draft.summary) !== was.summary) patch.summary = trimmed(draft.summary);
  if (parseTags(draft.tags).join(',') !== original.tags.join(',')) patch.tags = parseTags(draft.tags);
  if (trimmed(draft.campaign) !== was.campaign) patch.campaign = trimmed(draft.campaign) || null;
  if (trimmed(draft.locale) !== was.locale) patch.locale = trimmed(draft.locale);
  if (draft.publish !== was.publish) patch.status = draft.publish ? 'published' : 'draft';
  if (draft.publishAt !== was.publishAt) {
    const publishAt = fromLocalInput(draft.publishAt);
    if (publishAt) patch.publishAt = publishAt;
  }
  if (draft.expiresAt !== was.expiresAt) patch.expiresAt = fromLocalInput(draft.expiresAt) ?? null;
  const texts = textsPatch(original.suggestedTexts, textsOf(draft));
  if (texts) patch.suggestedTexts = texts;
  return patch;
}

export type DraftField = 'title' | 'url' | 'imageUrl' | 'summary' | 'tags' | 'campaign' | 'locale' | 'publishAt' | 'expiresAt';

export type DraftProblem =
  | 'libraryRequired'
  | 'libraryUrlInvalid'
  | 'libraryImageInvalid'
  | 'libraryLocaleInvalid'
  | 'libraryTagInvalid'
  | 'libraryDateInvalid'
  | 'libraryExpiryBeforePublish';

const isHttps = (value: string): boolean => URL.canParse(value) && new URL(value).protocol === 'https:';

/**
 * What the form can tell before asking the API, by field (the API checks the
 * rest, the allowed domains among them). `textKey(entry)` names each empty text.
 */
export function checkDraft(draft: ContentDraft, editing: boolean, textKey: (entry: TextEntry) => string): Record<string, DraftProblem> {
  const problems: Record<string, DraftProblem> = {};
  if (!draft.title.trim()) problems.title = 'libraryRequired';
  if (!draft.url.trim()) problems.url = 'libraryRequired';
  else if (!isHttps(draft.url.trim())) problems.url = 'libraryUrlInvalid';
  if (draft.imageUrl.trim() && !isHttps(draft.imageUrl.trim())) problems.imageUrl = 'libraryImageInvalid';
  if (!LOCALE_PATTERN.test(draft.locale.trim())) problems.locale = 'libraryLocaleInvalid';
  if (!parseTags(draft.tags).every((tag) => TAG_PATTERN.test(tag))) problems.tags = 'libraryTagInvalid';
  const publishAt = fromLocalInput(draft.publishAt);
  if (draft.publishAt ? !publishAt : editing) problems.publishAt = 'libraryDateInvalid';
  const expiresAt = fromLocalInput(draft.expiresAt);
  if (draft.expiresAt && !expiresAt) problems.expiresAt = 'libraryDateInvalid';
  else if (publishAt && expiresAt && expiresAt <= publishAt) problems.expiresAt = 'libraryExpiryBeforePublish';
  for (const entry of draft.texts) if (!entry.text.trim()) problems[textKey(entry)] = 'libraryRequired';
  return problems;
}
