import * as z from 'zod/mini';
import {
  CursorSchema,
  HttpsUrlSchema,
  IsoDateTimeSchema,
  LimitQuerySchema,
  LocaleSchema,
  NetworkSchema,
  pageOf,
  text,
  UuidSchema,
} from './common.js';
import type { RouteDefinition } from './route-definition.js';

export const CONTENT_STATUSES = ['draft', 'published', 'archived'] as const;
export const ContentStatusSchema = z.enum(CONTENT_STATUSES);
export type ContentStatus = z.infer<typeof ContentStatusSchema>;

/**
 * Where content stands for employees, derived from its status and window:
 * `scheduled` is published with its publish time still ahead, `live` is
 * published and inside its window (in the share feed), `expired` is
 * published with its expiry past.
 */
export const CONTENT_STATES = ['draft', 'scheduled', 'live', 'expired', 'archived'] as const;
export const ContentStateSchema = z.enum(CONTENT_STATES);
export type ContentState = z.infer<typeof ContentStateSchema>;

/** A tag: lower-case words joined by hyphens, e.g. `engineering` or `open-roles`. */
export const TagSchema = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, 'a lower-case tag such as "open-roles"'));

/**
 * Text a database can keep: no NUL character and no unpaired surrogate
 * (Postgres refuses both in text and jsonb). Added to every free text the API stores.
 */
export const storableText = z.refine<string>(
  (value: string) => !/\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value),
  'text without NUL characters or unpaired surrogates',
);

/** Trimmed text of 1 to `max` characters that can be stored. */
const storedText = (max: number) => text(max).check(storableText);

/** Suggested texts per network, then per locale, as content carries them: `{ "linkedin": { "en": "…" } }`. */
export const SuggestedTextsSchema = z.partialRecord(NetworkSchema, z.record(LocaleSchema, z.string()));
export type SuggestedTexts = z.infer<typeof SuggestedTextsSchema>;

/** Suggested texts as an admin writes them: each trimmed, 1 to 3,000 characters, storable. */
export const NewSuggestedTextsSchema = z.partialRecord(NetworkSchema, z.record(LocaleSchema, storedText(3_000)));

const EARLIEST_DATE = Date.UTC(1970, 0, 1);
const LATEST_DATE = Date.UTC(10_000, 0, 1);

/** A date-time with its offset, between 1970 and the end of 9999 (UTC). */
export const ContentDateTimeSchema = IsoDateTimeSchema.check(
  z.refine((value: string) => {
    const time = Date.parse(value);
    return time >= EARLIEST_DATE && time < LATEST_DATE;
  }, 'a date between 1970 and 9999'),
);

/** An https URL (images are fetched by browsers on https pages, so never http). */
const HttpsOnlyUrlSchema = HttpsUrlSchema.check(z.refine((value: string) => value.startsWith('https:'), 'an https URL'));

/** A piece of content employees are invited to share. */
export const ContentSchema = z.object({
  id: UuidSchema,
  title: z.string(),
  /** The destination readers reach through tracked links. */
  url: z.string(),
  imageUrl: z.nullable(z.string()),
  summary: z.string(),
  locale: z.string(),
  tags: z.array(z.string()),
  campaign: z.nullable(z.string()),
  suggestedTexts: SuggestedTextsSchema,
  /** The organisation's disclosure for this content's locale ("I work at Acme."), always appended to a post. */
  disclosure: z.string(),
  status: ContentStatusSchema,
  /** Derived from `status` and the window at the time of the answer (always sent by this server). */
  state: z.optional(ContentStateSchema),
  publishAt: IsoDateTimeSchema,
  expiresAt: z.nullable(IsoDateTimeSchema),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Content = z.infer<typeof ContentSchema>;

export const ContentPageSchema = pageOf(ContentSchema);
export type ContentPage = z.infer<typeof ContentPageSchema>;

/**
 * `?status=` of the content list: a state, `published` (every published
 * content whatever its window: scheduled, live and expired), or `all`.
 */
export const ContentListStatusSchema = z.enum([...CONTENT_STATES, 'published', 'all']);
export type ContentListStatus = z.infer<typeof ContentListStatusSchema>;

export const ContentListQuerySchema = z.strictObject({
  /** `fr` also matches `fr-CA`. */
  locale: z.optional(LocaleSchema),
  tag: z.optional(TagSchema),
  /** Exact campaign name. */
  campaign: z.optional(storedText(100)),
  /** Words in the title, case-insensitive. */
  q: z.optional(storedText(200)),
  /**
   * Admins only: the library by state, whatever the window (`all` is
   * everything, newest publish time first). Without it, everyone, admins
   * included, gets the share feed (live content only).
   */
  status: z.optional(ContentListStatusSchema),
  limit: LimitQuerySchema,
  cursor: z.optional(CursorSchema),
});
export type ContentListQuery = z.input<typeof ContentListQuerySchema>;

export const ContentIdParamsSchema = z.strictObject({ id: UuidSchema });

const contentFields = {
  title: storedText(200),
  /** Checked against the organisation's allowed domains, and stored WHATWG-normalised. */
  url: HttpsUrlSchema,
  imageUrl: z.optional(z.nullable(HttpsOnlyUrlSchema)),
  summary: z.optional(z.string().check(z.trim(), z.maxLength(1_000), storableText)),
  locale: LocaleSchema,
  tags: z.optional(z.array(TagSchema).check(z.maxLength(20))),
  campaign: z.optional(z.nullable(storedText(100))),
  suggestedTexts: z.optional(NewSuggestedTextsSchema),
  /** Published by default; archive with `POST /v1/content/{id}/archive`. */
  status: z.optional(z.enum(['draft', 'published'])),
  /** Now by default. */
  publishAt: z.optional(ContentDateTimeSchema),
  /** After `publishAt`; null for never. */
  expiresAt: z.optional(z.nullable(ContentDateTimeSchema)),
};

export const NewContentSchema = z.strictObject(contentFields);
export type NewContent = z.input<typeof NewContentSchema>;

/**
 * Suggested texts as a `PATCH` sends them: merged into the stored ones per
 * network and per locale. A locale sent as `null` is removed, a network sent
 * as `null` is removed with all its locales; what is not sent stays.
 */
export const SuggestedTextsPatchSchema = z.partialRecord(NetworkSchema, z.nullable(z.record(LocaleSchema, z.nullable(storedText(3_000)))));
export type SuggestedTextsPatch = z.input<typeof SuggestedTextsPatchSchema>;

export const ContentUpdateSchema = z.partial(z.strictObject({ ...contentFields, suggestedTexts: SuggestedTextsPatchSchema }));
export type ContentUpdate = z.input<typeof ContentUpdateSchema>;

export const contentRoutes = {
  listContent: {
    method: 'GET',
    path: '/v1/content',
    audience: 'employee',
    query: ContentListQuerySchema,
    responses: { 200: ContentPageSchema },
  },
  getContent: {
    method: 'GET',
    path: '/v1/content/:id',
    audience: 'employee',
    params: ContentIdParamsSchema,
    responses: { 200: ContentSchema },
  },
  createContent: {
    method: 'POST',
    path: '/v1/content',
    audience: 'admin',
    scope: 'content:write',
    body: NewContentSchema,
    responses: { 201: ContentSchema },
    idempotent: true,
  },
  updateContent: {
    method: 'PATCH',
    path: '/v1/content/:id',
    audience: 'admin',
    scope: 'content:write',
    params: ContentIdParamsSchema,
    body: ContentUpdateSchema,
    responses: { 200: ContentSchema },
  },
  archiveContent: {
    method: 'POST',
    path: '/v1/content/:id/archive',
    audience: 'admin',
    scope: 'content:write',
    params: ContentIdParamsSchema,
    responses: { 200: ContentSchema },
  },
  restoreContent: {
    method: 'POST',
    path: '/v1/content/:id/restore',
    audience: 'admin',
    scope: 'content:write',
    params: ContentIdParamsSchema,
    responses: { 200: ContentSchema },
  },
  duplicateContent: {
    method: 'POST',
    path: '/v1/content/:id/duplicate',
    audience: 'admin',
    scope: 'content:write',
    params: ContentIdParamsSchema,
    responses: { 201: ContentSchema },
    idempotent: true,
  },
} as const satisfies Record<string, RouteDefinition>;
