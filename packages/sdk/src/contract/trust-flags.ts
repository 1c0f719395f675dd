import * as z from 'zod/mini';
import { CursorSchema, IsoDateTimeSchema, LimitQuerySchema, NetworkSchema, pageOf, UuidSchema } from './common.js';
import type { RouteDefinition } from './route-definition.js';

/**
 * Why a figure was listed for review: `burst`, a share credited faster than
 * the programme's per-minute threshold (it stopped crediting); or
 * `audience-jump`, a sudden rise in a declared audience (docs/estimated-reach.md).
 */
export const TRUST_FLAG_KINDS = ['burst', 'audience-jump'] as const;
export const TrustFlagKindSchema = z.enum(TRUST_FLAG_KINDS);
export type TrustFlagKind = z.infer<typeof TrustFlagKindSchema>;

/** A figure admins should look at, and whether one has. */
export const TrustFlagSchema = z.object({
  id: UuidSchema,
  kind: TrustFlagKindSchema,
  /** The employee concerned, by name (never an id). */
  employee: z.object({ name: z.string(), displayName: z.nullable(z.string()), team: z.nullable(z.string()) }),
  /** The share that burst (kind `burst`): its network and its content's title. */
  share: z.nullable(z.object({ id: UuidSchema, network: NetworkSchema, contentTitle: z.string() })),
  /**
   * What was seen: `{ minute, credited }` for a burst; `{ network, from, to }`
   * for an audience jump (`from` is 0 for a first declaration).
   */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: IsoDateTimeSchema,
  /** Null while the flag is open. */
  reviewedAt: z.nullable(IsoDateTimeSchema),
  /** Who reviewed it: an employee's name, or `key:<id>` for a secret key. */
  reviewedBy: z.nullable(z.string()),
});
export type TrustFlag = z.infer<typeof TrustFlagSchema>;

export const TrustFlagQuerySchema = z.strictObject({
  /** `open` or `reviewed` only; without it, open flags first, then reviewed ones, newest first in each. */
  status: z.optional(z.enum(['open', 'reviewed'])),
  limit: LimitQuerySchema,
  cursor: z.optional(CursorSchema),
});
export type TrustFlagQuery = z.input<typeof TrustFlagQuerySchema>;

export const trustFlagRoutes = {
  listTrustFlags: {
    method: 'GET',
    path: '/v1/admin/flags',
    audience: 'admin',
    scope: 'admin',
    query: TrustFlagQuerySchema,
    responses: { 200: pageOf(TrustFlagSchema) },
  },
  reviewTrustFlag: {
    method: 'POST',
    path: '/v1/admin/flags/:id/review',
    audience: 'admin',
    scope: 'admin',
    params: z.strictObject({ id: UuidSchema }),
    responses: { 200: TrustFlagSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
