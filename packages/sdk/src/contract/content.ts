import * as z from 'zod/mini';
import {
  CursorSchema,
  HttpsUrlSchema,
  IsoDateTimeSchema,
  LimitQuerySchema,
  LocaleSchema,
  NETWORKS,
  pageOf,
  text,
  UuidSchema,
} from './common.js';
import type { RouteDefinition } from './route-definition.js';

export const CONTENT_STATUSES = ['draft', 'published', 'archived'] as const;
export const ContentStatusSchema = z.enum(CONTENT_STATUSES);
export type ContentStatus = z.infer<typeof ContentStatusSchema>;

/** A tag: lower-case words joined by hyphens, e.g. `engineering` or `open-roles`. */
export const TagSchema = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, 'a lower-case tag such as "open-roles"'));

/** Suggested post texts per locale, e.g. `{ "en": "…", "fr": "…" }`. */
export const TextsByLocaleSchema = z.record(LocaleSchema, text(3_000));

/** Suggested texts per network, then per locale: `{ "linkedin": { "en": "…" } }`. */
export const SuggestedTextsSchema = z.partialRecord(z.enum(NETWORKS), TextsByLocaleSchema);
export type SuggestedTexts = z.infer<typeof SuggestedTextsSchema>;

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
  publishAt: IsoDateTimeSchema,
  expiresAt: z.nullable(IsoDateTimeSchema),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Content = z.infer<typeof ContentSchema>;

export const ContentPageSchema = pageOf(ContentSchema);
export type ContentPage = z.infer<typeof ContentPageSchema>;

export const ContentListQuerySchema = z.strictObject({
  locale: z.optional(LocaleSchema),
  tag: z.optional(TagSchema),
  /** Admins only: drafts and archived content too. Employees always see published content inside its window. */
  status: z.optional(ContentStatusSchema),
  limit: LimitQuerySchema,
  cursor: z.optional(CursorSchema),
});
export type ContentListQuery = z.input<typeof ContentListQuerySchema>;

export const ContentIdParamsSchema = z.strictObject({ id: UuidSchema });

const contentFields = {
  title: text(200),
  url: HttpsUrlSchema,
  imageUrl: z.optional(z.nullable(HttpsUrlSchema)),
  summary: z.optional(z.string().check(z.trim(), z.maxLength(1_000))),
  locale: LocaleSchema,
  tags: z.optional(z.array(TagSchema).check(z.maxLength(20))),
  campaign: z.optional(z.nullable(text(100))),
  suggestedTexts: z.optional(SuggestedTextsSchema),
  status: z.optional(z.enum(['draft', 'published'])),
  publishAt: z.optional(IsoDateTimeSchema),
  expiresAt: z.optional(z.nullable(IsoDateTimeSchema)),
};

export const NewContentSchema = z.strictObject(contentFields);
export type NewContent = z.input<typeof NewContentSchema>;

export const ContentUpdateSchema = z.partial(z.strictObject(contentFields));
export type ContentUpdate = z.input<typeof ContentUpdateSchema>;

export const contentRoutes = {
  listContent: {
    method: 'GET',
    path: '/v1/content',
    summary: 'Content to share: published and inside its window, newest first (admins may ask for any status).',
    audience: 'employee',
    query: ContentListQuerySchema,
    responses: { 200: ContentPageSchema },
  },
  getContent: {
    method: 'GET',
    path: '/v1/content/:id',
    summary: 'One piece of content.',
    audience: 'employee',
    params: ContentIdParamsSchema,
    responses: { 200: ContentSchema },
  },
  createContent: {
    method: 'POST',
    path: '/v1/content',
    summary: 'Adds content to share. The destination must be https on one of the organisation’s allowed domains.',
    audience: 'admin',
    body: NewContentSchema,
    responses: { 201: ContentSchema },
    idempotent: true,
  },
  updateContent: {
    method: 'PATCH',
    path: '/v1/content/:id',
    summary: 'Changes content; links already shared keep working.',
    audience: 'admin',
    params: ContentIdParamsSchema,
    body: ContentUpdateSchema,
    responses: { 200: ContentSchema },
  },
  archiveContent: {
    method: 'POST',
    path: '/v1/content/:id/archive',
    summary: 'Takes content out of the share feed; links already shared keep working.',
    audience: 'admin',
    params: ContentIdParamsSchema,
    responses: { 200: ContentSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
