import * as z from 'zod/mini';
import { CursorSchema, IsoDateTimeSchema, LimitQuerySchema, LocaleSchema, NetworkSchema, pageOf, UuidSchema } from './common.js';
import { INSTANCE_HOST_MAX_LENGTH, INSTANCE_HOST_PATTERN } from '../share/instance-host.js';
import { storableText } from './content.js';
import type { RouteDefinition } from './route-definition.js';

/** A tracked link: one per employee, content and network. */
export const ShareSchema = z.object({
  id: UuidSchema,
  /** The short code of the tracked link `/r/{code}`. */
  code: z.string(),
  contentId: UuidSchema,
  network: NetworkSchema,
  /** The link to post: redirects to the content with UTM parameters and counts readers. */
  trackedUrl: z.string(),
  /** Opens the network's share dialog with the post prefilled; null for Mastodon without an instance. */
  intentUrl: z.nullable(z.string()),
  createdAt: IsoDateTimeSchema,
});
export type Share = z.infer<typeof ShareSchema>;

export const NewShareSchema = z.strictObject({
  contentId: UuidSchema,
  network: NetworkSchema,
  /** Language of the suggested text to prefill; the content's own by default. */
  locale: z.optional(LocaleSchema),
  /** The employee's own words, to prefill instead of the suggestion (the disclosure is still added). */
  text: z.optional(z.string().check(z.trim(), z.maxLength(3_000), storableText)),
  /** Mastodon only: the employee's instance, a plain host such as `mastodon.social`. */
  mastodonInstance: z.optional(
    z.string().check(z.maxLength(INSTANCE_HOST_MAX_LENGTH), z.regex(INSTANCE_HOST_PATTERN, 'a plain host name such as "mastodon.social"')),
  ),
});
export type NewShare = z.input<typeof NewShareSchema>;

export const SharePageSchema = pageOf(ShareSchema);
export type SharePage = z.infer<typeof SharePageSchema>;

export const shareRoutes = {
  createShare: {
    method: 'POST',
    path: '/v1/shares',
    audience: 'employee',
    body: NewShareSchema,
    responses: { 201: ShareSchema, 200: ShareSchema },
    idempotent: true,
  },
  listMyShares: {
    method: 'GET',
    path: '/v1/shares',
    audience: 'employee',
    query: z.strictObject({ limit: LimitQuerySchema, cursor: z.optional(CursorSchema) }),
    responses: { 200: SharePageSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
