import * as z from 'zod/mini';
import { HttpsUrlSchema, NetworkSchema, text, UuidSchema } from './common.js';
import type { RouteDefinition } from './route-definition.js';

/** How many people follow the employee on each network, as they declare it (for estimated reach). */
export const DeclaredAudienceSchema = z.partialRecord(NetworkSchema, z.int().check(z.minimum(0), z.maximum(100_000_000)));
export type DeclaredAudience = z.infer<typeof DeclaredAudienceSchema>;

export const MeSchema = z.object({
  id: UuidSchema,
  /** Name from the identity provider. */
  name: z.string(),
  /** The name shown on the leaderboard; null means `name`. */
  displayName: z.nullable(z.string()),
  email: z.nullable(z.string()),
  team: z.nullable(z.string()),
  avatarUrl: z.nullable(z.string()),
  /** Off until the employee turns it on: nobody is ranked publicly without saying yes. */
  leaderboardOptIn: z.boolean(),
  audience: DeclaredAudienceSchema,
  isAdmin: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

const AvatarUrlSchema = HttpsUrlSchema.check(z.refine((value) => value.startsWith('https:'), 'an https URL'));

/** What an employee may change about themself; points, status and organisation are not among it. */
export const MeUpdateSchema = z.strictObject({
  displayName: z.optional(z.nullable(text(60))),
  avatarUrl: z.optional(z.nullable(AvatarUrlSchema)),
  leaderboardOptIn: z.optional(z.boolean()),
  audience: z.optional(DeclaredAudienceSchema),
});
export type MeUpdate = z.input<typeof MeUpdateSchema>;

export const meRoutes = {
  getMe: {
    method: 'GET',
    path: '/v1/me',
    audience: 'employee',
    responses: { 200: MeSchema },
  },
  updateMe: {
    method: 'PATCH',
    path: '/v1/me',
    audience: 'employee',
    body: MeUpdateSchema,
    responses: { 200: MeSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
