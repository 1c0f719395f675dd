import * as z from 'zod/mini';
import { HttpsUrlSchema, text, UuidSchema, type Network } from './common.js';
import { NETWORK_AUDIENCE_CAPS } from './constants.js';
import type { RouteDefinition } from './route-definition.js';

export { NETWORK_AUDIENCE_CAPS } from './constants.js';

/** Followers declared on one network: 0 up to the network's cap (NETWORK_AUDIENCE_CAPS). */
const followersOn = (network: Network) => {
  const cap = NETWORK_AUDIENCE_CAPS[network];
  return z.optional(z.int().check(z.minimum(0), z.maximum(cap, `at most ${cap.toLocaleString('en-US')} on ${network} (NETWORK_AUDIENCE_CAPS)`)));
};

/**
 * How many people follow the employee on each network, as they declare it
 * (for estimated reach), each bounded by its network's cap. A figure stored
 * above a cap before the caps existed is answered, and counted, as the cap.
 */
export const DeclaredAudienceSchema = z.strictObject({
  linkedin: followersOn('linkedin'),
  x: followersOn('x'),
  facebook: followersOn('facebook'),
  whatsapp: followersOn('whatsapp'),
  bluesky: followersOn('bluesky'),
  mastodon: followersOn('mastodon'),
  threads: followersOn('threads'),
  telegram: followersOn('telegram'),
  teams: followersOn('teams'),
  email: followersOn('email'),
} satisfies Record<Network, unknown>);
export type DeclaredAudience = z.infer<typeof DeclaredAudienceSchema>;

export const MeSchema = z.object({
  id: UuidSchema,
  /** Name from the identity provider. */
  name: z.string(),
  /** The name shown on the leaderboard; null means `name`. */
  displayName: z.nullable(z.string()),
  email: z.nullable(z.string()),
  team: z.nullable(z.string()),
  /** Null when none is set, or when its host is not (or no longer) one of the programme's avatar hosts. */
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
  /** https, on one of the programme's avatar hosts (`avatarHosts` in the settings) or a subdomain; null removes it. */
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
