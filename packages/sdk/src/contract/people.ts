import * as z from 'zod/mini';
import { CursorSchema, IsoDateSchema, IsoDateTimeSchema, LimitQuerySchema, NetworkSchema, pageOf, text, UuidSchema } from './common.js';
import { storableText } from './content.js';
import type { RouteDefinition } from './route-definition.js';
import { TestimonialSchema } from './testimonials.js';

const count = z.int().check(z.minimum(0));

/**
 * Where a person stands in the programme: `active`; `deactivated` (a leaver:
 * off every leaderboard, their tokens refused, reactivable); `erased` (their
 * personal data removed on request, GDPR Art. 17; also off the leaderboards,
 * and a new sign-in with the same identity is a new person).
 */
export const PERSON_STATUSES = ['active', 'deactivated', 'erased'] as const;
export const PersonStatusSchema = z.enum(PERSON_STATUSES);
export type PersonStatus = z.infer<typeof PersonStatusSchema>;

/** The longest range of days a people listing counts over. */
export const MAX_PEOPLE_RANGE_DAYS = 731;

/** An employee as the identity provider introduced them (on their first sign-in), with their figures in a range of days. */
export const PersonSchema = z.object({
  id: UuidSchema,
  /** The name the identity provider gives (empty once erased). */
  name: z.string(),
  /** The name the employee chose for leaderboards, if any. */
  displayName: z.nullable(z.string()),
  email: z.nullable(z.string()),
  team: z.nullable(z.string()),
  /** Whether they chose to appear on leaderboards. */
  optedIn: z.boolean(),
  status: PersonStatusSchema,
  /** Their first sign-in. */
  firstSeenAt: IsoDateTimeSchema,
  /** Their last request with a token (to the hour). */
  lastActiveAt: IsoDateTimeSchema,
  deactivatedAt: z.nullable(IsoDateTimeSchema),
  erasedAt: z.nullable(IsoDateTimeSchema),
  /** Shares they made in the range. */
  shares: count,
  /** Credited readers of their links in the range (first visits by people, see the stats). */
  readers: count,
});
export type Person = z.infer<typeof PersonSchema>;

export const PeopleQuerySchema = z.strictObject({
  /** Words of the name or display name. */
  q: z.optional(text(200).check(storableText)),
  /** A team's exact name. */
  team: z.optional(text(120).check(storableText)),
  /** `all` by default. */
  status: z.optional(z.enum([...PERSON_STATUSES, 'all'])),
  optedIn: z.optional(z.enum(['true', 'false'])),
  /** First day counted (UTC); 29 days before `to` by default. */
  from: z.optional(IsoDateSchema),
  /** Last day counted (UTC), included; today by default. */
  to: z.optional(IsoDateSchema),
  limit: LimitQuerySchema,
  cursor: z.optional(CursorSchema),
});
export type PeopleQuery = z.input<typeof PeopleQuerySchema>;

/** A page of people, newest first (by first sign-in), and the range their figures cover. */
export const PeoplePageSchema = z.extend(pageOf(PersonSchema), { from: IsoDateSchema, to: IsoDateSchema });
export type PeoplePage = z.infer<typeof PeoplePageSchema>;

/**
 * Everything held about one person (GDPR Art. 15), as one document: their
 * profile, shares, points, the credited readers their links brought per
 * day (in aggregate: readers are never identified), their testimonials with the consent each
 * was given under, and the audit entries about them or by them.
 */
export const PersonExportSchema = z.object({
  exportedAt: IsoDateTimeSchema,
  person: z.object({
    id: UuidSchema,
    /** The identity provider's `sub` for them (a tombstone once erased). */
    subject: z.string(),
    name: z.string(),
    displayName: z.nullable(z.string()),
    email: z.nullable(z.string()),
    team: z.nullable(z.string()),
    avatarUrl: z.nullable(z.string()),
    optedIn: z.boolean(),
    /** Declared followers per network. */
    audience: z.record(z.string(), z.number()),
    status: PersonStatusSchema,
    firstSeenAt: IsoDateTimeSchema,
    lastActiveAt: IsoDateTimeSchema,
    deactivatedAt: z.nullable(IsoDateTimeSchema),
    erasedAt: z.nullable(IsoDateTimeSchema),
  }),
  shares: z.array(
    z.object({
      id: UuidSchema,
      contentId: UuidSchema,
      contentTitle: z.string(),
      network: NetworkSchema,
      /** The tracked link is `/r/{code}`. */
      code: z.string(),
      createdAt: IsoDateTimeSchema,
    }),
  ),
  points: z.array(z.object({ period: z.string(), periodStart: IsoDateSchema, points: count, shares: count, clicks: count })),
  /** Per UTC day: shares made and credited readers of their links. */
  days: z.array(z.object({ day: IsoDateSchema, shares: count, readers: count })),
  testimonials: z.array(TestimonialSchema),
  audit: z.array(
    z.object({
      at: IsoDateTimeSchema,
      /** `employee:<id>` or `key:<id>`. */
      actor: z.string(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type PersonExport = z.infer<typeof PersonExportSchema>;

export const PersonErasureSchema = z.strictObject({
  /** The person's display name (as the people list shows it) or id, typed again to confirm. */
  confirm: text(200),
});
export type PersonErasure = z.input<typeof PersonErasureSchema>;

const PersonParams = z.strictObject({ id: UuidSchema });

export const peopleRoutes = {
  listPeople: {
    method: 'GET',
    path: '/v1/admin/people',
    audience: 'admin',
    scope: 'admin',
    query: PeopleQuerySchema,
    responses: { 200: PeoplePageSchema },
  },
  deactivatePerson: {
    method: 'POST',
    path: '/v1/admin/people/:id/deactivate',
    audience: 'admin',
    scope: 'admin',
    params: PersonParams,
    responses: { 200: PersonSchema },
  },
  reactivatePerson: {
    method: 'POST',
    path: '/v1/admin/people/:id/reactivate',
    audience: 'admin',
    scope: 'admin',
    params: PersonParams,
    responses: { 200: PersonSchema },
  },
  exportPerson: {
    method: 'GET',
    path: '/v1/admin/people/:id/export',
    audience: 'admin',
    scope: 'admin',
    params: PersonParams,
    responses: { 200: PersonExportSchema },
  },
  erasePerson: {
    method: 'POST',
    path: '/v1/admin/people/:id/erase',
    audience: 'admin',
    scope: 'admin',
    params: PersonParams,
    body: PersonErasureSchema,
    responses: { 200: PersonSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
