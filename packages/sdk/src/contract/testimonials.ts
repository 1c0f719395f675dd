import * as z from 'zod/mini';
import { storableText, TagSchema } from './content.js';
import { CursorSchema, HttpsUrlSchema, IsoDateTimeSchema, LimitQuerySchema, LocaleSchema, pageOf, text, UuidSchema } from './common.js';
import { QUOTE_MAX_LENGTH, TESTIMONIAL_AUTHOR_NAME_MAX_LENGTH } from './constants.js';
import type { RouteDefinition } from './route-definition.js';

export const TESTIMONIAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const TestimonialStatusSchema = z.enum(TESTIMONIAL_STATUSES);
export type TestimonialStatus = z.infer<typeof TestimonialStatusSchema>;

// From the zod-free constants module, so that a widget importing them brings no schema (and no zod) with it.
export { QUOTE_MAX_LENGTH, TESTIMONIAL_AUTHOR_NAME_MAX_LENGTH } from './constants.js';

/** The name a testimonial is published under: trimmed, 1 to 60 characters, one line without control characters. */
export const TestimonialAuthorNameSchema = text(TESTIMONIAL_AUTHOR_NAME_MAX_LENGTH).check(
  z.regex(/^[^\p{Cc}]*$/u, 'one line of text without control characters'),
  storableText,
);

/** A testimonial as the career site shows it: no email, no internal person id. */
export const PublicTestimonialSchema = z.object({
  id: UuidSchema,
  quote: z.string(),
  authorName: z.string(),
  role: z.string(),
  team: z.string(),
  location: z.string(),
  locale: z.string(),
  photoUrl: z.nullable(z.string()),
  tags: z.array(z.string()),
  approvedAt: IsoDateTimeSchema,
});
export type PublicTestimonial = z.infer<typeof PublicTestimonialSchema>;

/** A testimonial as its author and admins see it. */
export const TestimonialSchema = z.object({
  id: UuidSchema,
  quote: z.string(),
  authorName: z.string(),
  role: z.string(),
  team: z.string(),
  location: z.string(),
  locale: z.string(),
  photoUrl: z.nullable(z.string()),
  tags: z.array(z.string()),
  status: TestimonialStatusSchema,
  consent: z.object({ version: z.string(), acceptedAt: IsoDateTimeSchema }),
  createdAt: IsoDateTimeSchema,
  moderatedAt: z.nullable(IsoDateTimeSchema),
  rejectionReason: z.nullable(z.string()),
  withdrawnAt: z.nullable(IsoDateTimeSchema),
});
export type Testimonial = z.infer<typeof TestimonialSchema>;

/** The consent text the form shows, in the locale it was found in (the one asked for, its language, English, or any). */
export const ConsentSchema = z.object({ version: z.string(), text: z.string(), locale: z.string() });
export type Consent = z.infer<typeof ConsentSchema>;

export const NewTestimonialSchema = z.strictObject({
  quote: text(QUOTE_MAX_LENGTH),
  /**
   * The name to publish it under, when the author wants another than their
   * profile's (a shorter form, a first name only). Left out: their profile's
   * display name (or name). Moderators see both.
   */
  authorName: z.optional(TestimonialAuthorNameSchema),
  role: text(120),
  team: text(120),
  location: text(120),
  locale: LocaleSchema,
  photoUrl: z.optional(HttpsUrlSchema.check(z.refine((value) => value.startsWith('https:'), 'an https URL'))),
  tags: z.optional(z.array(TagSchema).check(z.maxLength(10))),
  /** The consent text the author was shown, by version, ticked by them. */
  consent: z.strictObject({ version: text(40), accepted: z.literal(true) }),
});
export type NewTestimonial = z.input<typeof NewTestimonialSchema>;

export const PublicTestimonialQuerySchema = z.strictObject({
  team: z.optional(text(120)),
  location: z.optional(text(120)),
  locale: z.optional(LocaleSchema),
  tag: z.optional(TagSchema),
  limit: LimitQuerySchema,
  cursor: z.optional(CursorSchema),
});
export type PublicTestimonialQuery = z.input<typeof PublicTestimonialQuerySchema>;

const IdParams = z.strictObject({ id: UuidSchema });

/**
 * A testimonial in the moderation queue: also its author as the
 * organisation knows them today (the id and current display name; the
 * testimonial's `authorName` is the name it is published under: the one its
 * author chose in the form, else their profile's when they submitted it). The
 * consent version and time are in `consent`.
 */
export const ModerationTestimonialSchema = z.extend(TestimonialSchema, {
  author: z.object({ id: UuidSchema, displayName: z.string() }),
});
export type ModerationTestimonial = z.infer<typeof ModerationTestimonialSchema>;

export const ModerationQueueQuerySchema = z.strictObject({
  status: z._default(TestimonialStatusSchema, 'pending'),
  limit: LimitQuerySchema,
  cursor: z.optional(CursorSchema),
});
export type ModerationQueueQuery = z.input<typeof ModerationQueueQuerySchema>;

/**
 * One entry of an audit trail. `actor` names who acted: an employee's
 * display name, or `API key <prefix>…` for a secret key (`Deleted employee`
 * or `Deleted API key` when nothing is left to name them by).
 */
export const AuditEntrySchema = z.object({ actor: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()), at: IsoDateTimeSchema });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const BULK_APPROVE_MAX = 100;

export const BulkApproveSchema = z.strictObject({ ids: z.array(UuidSchema).check(z.minLength(1), z.maxLength(BULK_APPROVE_MAX)) });
export type BulkApprove = z.input<typeof BulkApproveSchema>;

/**
 * What happened to one id of a bulk approval: `approved` now, `unchanged`
 * (it was approved already), `withdrawn` (its author withdrew it: never
 * approved), `not-found` (no testimonial with this id in the organisation).
 */
export const BULK_APPROVE_OUTCOMES = ['approved', 'unchanged', 'withdrawn', 'not-found'] as const;
export const BulkApproveResultSchema = z.object({
  id: UuidSchema,
  outcome: z.enum(BULK_APPROVE_OUTCOMES),
  testimonial: z.nullable(TestimonialSchema),
});
export type BulkApproveResult = z.infer<typeof BulkApproveResultSchema>;

export const testimonialRoutes = {
  listTestimonials: {
    method: 'GET',
    path: '/v1/testimonials',
    audience: 'public',
    scope: 'testimonials:read',
    query: PublicTestimonialQuerySchema,
    responses: { 200: pageOf(PublicTestimonialSchema) },
  },
  getConsent: {
    method: 'GET',
    path: '/v1/testimonials/consent',
    audience: 'public',
    scope: 'testimonials:read',
    query: z.strictObject({ locale: z.optional(LocaleSchema) }),
    responses: { 200: ConsentSchema },
  },
  submitTestimonial: {
    method: 'POST',
    path: '/v1/testimonials',
    audience: 'employee',
    body: NewTestimonialSchema,
    responses: { 201: TestimonialSchema },
    idempotent: true,
  },
  listMyTestimonials: {
    method: 'GET',
    path: '/v1/testimonials/mine',
    audience: 'employee',
    responses: { 200: z.object({ items: z.array(TestimonialSchema) }) },
  },
  withdrawTestimonial: {
    method: 'POST',
    path: '/v1/testimonials/:id/withdraw',
    audience: 'employee',
    params: IdParams,
    responses: { 200: TestimonialSchema },
  },
  listModerationQueue: {
    method: 'GET',
    path: '/v1/admin/testimonials',
    audience: 'admin',
    scope: 'testimonials:moderate',
    query: ModerationQueueQuerySchema,
    responses: { 200: pageOf(ModerationTestimonialSchema) },
  },
  approveTestimonials: {
    method: 'POST',
    path: '/v1/admin/testimonials/approve',
    audience: 'admin',
    scope: 'testimonials:moderate',
    body: BulkApproveSchema,
    responses: { 200: z.object({ items: z.array(BulkApproveResultSchema) }) },
  },
  approveTestimonial: {
    method: 'POST',
    path: '/v1/admin/testimonials/:id/approve',
    audience: 'admin',
    scope: 'testimonials:moderate',
    params: IdParams,
    responses: { 200: TestimonialSchema },
  },
  rejectTestimonial: {
    method: 'POST',
    path: '/v1/admin/testimonials/:id/reject',
    audience: 'admin',
    scope: 'testimonials:moderate',
    params: IdParams,
    body: z.strictObject({ reason: text(500) }),
    responses: { 200: TestimonialSchema },
  },
  getTestimonialAudit: {
    method: 'GET',
    path: '/v1/admin/testimonials/:id/audit',
    audience: 'admin',
    scope: 'testimonials:moderate',
    params: IdParams,
    responses: { 200: z.object({ items: z.array(AuditEntrySchema) }) },
  },
} as const satisfies Record<string, RouteDefinition>;
