import * as z from 'zod/mini';
import { TagSchema } from './content.js';
import { CursorSchema, HttpsUrlSchema, IsoDateTimeSchema, LimitQuerySchema, LocaleSchema, pageOf, text, UuidSchema } from './common.js';
import type { RouteDefinition } from './route-definition.js';

export const TESTIMONIAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const TestimonialStatusSchema = z.enum(TESTIMONIAL_STATUSES);
export type TestimonialStatus = z.infer<typeof TestimonialStatusSchema>;

export const QUOTE_MAX_LENGTH = 1_200;

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

export const AuditEntrySchema = z.object({ actor: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()), at: IsoDateTimeSchema });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const testimonialRoutes = {
  listTestimonials: {
    method: 'GET',
    path: '/v1/testimonials',
    summary:
      'Approved testimonials for the career site, newest approval first, filtered by team, location, locale (`fr` also matches `fr-CA`) and tag. Sent with `Cache-Control: no-store`, so a withdrawal shows on the very next read.',
    audience: 'public',
    query: PublicTestimonialQuerySchema,
    responses: { 200: pageOf(PublicTestimonialSchema) },
  },
  getConsent: {
    method: 'GET',
    path: '/v1/testimonials/consent',
    summary: 'The consent text authors must accept, with its version, in a locale (falling back to its language, then English, then any).',
    audience: 'public',
    query: z.strictObject({ locale: z.optional(LocaleSchema) }),
    responses: { 200: ConsentSchema },
  },
  submitTestimonial: {
    method: 'POST',
    path: '/v1/testimonials',
    summary:
      'Submits the caller’s testimonial for moderation, recording their consent (who, version, when). A consent version other than the current one is a 409: show the current text again.',
    audience: 'employee',
    body: NewTestimonialSchema,
    responses: { 201: TestimonialSchema },
    idempotent: true,
  },
  listMyTestimonials: {
    method: 'GET',
    path: '/v1/testimonials/mine',
    summary: 'The caller’s own testimonials (newest 100), whatever their status, with any rejection reason.',
    audience: 'employee',
    responses: { 200: z.object({ items: z.array(TestimonialSchema) }) },
  },
  withdrawTestimonial: {
    method: 'POST',
    path: '/v1/testimonials/:id/withdraw',
    summary: 'The author withdraws their testimonial: gone from every public listing at once. Repeating it changes nothing.',
    audience: 'employee',
    params: IdParams,
    responses: { 200: TestimonialSchema },
  },
  listModerationQueue: {
    method: 'GET',
    path: '/v1/admin/testimonials',
    summary: 'Testimonials by status for moderation (pending by default), oldest first.',
    audience: 'admin',
    query: z.strictObject({ status: z._default(TestimonialStatusSchema, 'pending'), limit: LimitQuerySchema, cursor: z.optional(CursorSchema) }),
    responses: { 200: pageOf(TestimonialSchema) },
  },
  approveTestimonial: {
    method: 'POST',
    path: '/v1/admin/testimonials/:id/approve',
    summary:
      'Publishes a pending (or previously rejected) testimonial, audit-logged. Approving an approved one changes nothing; a withdrawn one is a 409.',
    audience: 'admin',
    params: IdParams,
    responses: { 200: TestimonialSchema },
  },
  rejectTestimonial: {
    method: 'POST',
    path: '/v1/admin/testimonials/:id/reject',
    summary:
      'Rejects a pending testimonial, or takes down an approved one, with a reason the author sees (audit-logged). Rejecting a rejected one changes nothing; a withdrawn one is a 409.',
    audience: 'admin',
    params: IdParams,
    body: z.strictObject({ reason: text(500) }),
    responses: { 200: TestimonialSchema },
  },
  getTestimonialAudit: {
    method: 'GET',
    path: '/v1/admin/testimonials/:id/audit',
    summary: 'Who did what to a testimonial, and when.',
    audience: 'admin',
    params: IdParams,
    responses: { 200: z.object({ items: z.array(AuditEntrySchema) }) },
  },
} as const satisfies Record<string, RouteDefinition>;
