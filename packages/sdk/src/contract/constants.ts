// The contract's plain values, apart from its schemas so that a page using
// them (the widgets' network buttons, period switch, quote counter) does not
// load zod/mini: the client checks answers with the compiled contract instead.

/** Networks an employee can share to. */
export const NETWORKS = ['linkedin', 'x', 'facebook', 'whatsapp', 'bluesky', 'mastodon', 'threads', 'telegram', 'teams', 'email'] as const;

/** Leaderboard and stats periods. */
export const PERIODS = ['week', 'month', 'quarter', 'all'] as const;

/** The longest testimonial quote, in characters. */
export const QUOTE_MAX_LENGTH = 1_200;

/** Longest name a testimonial can be published under (as a profile's display name). */
export const TESTIMONIAL_AUTHOR_NAME_MAX_LENGTH = 60;

/**
 * What a secret key (`sk_…`) may do, one scope per kind of server: a career
 * site rendering testimonials, a BI export, a CMS pushing content, a
 * moderation tool, set-up automation. `admin` implies every other scope.
 */
export const KEY_SCOPES = ['testimonials:read', 'stats:read', 'content:write', 'testimonials:moderate', 'settings:write', 'admin'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

/**
 * The most followers an employee may declare on each network (estimated
 * reach, docs/estimated-reach.md): what the network itself allows where it
 * has a limit, else a bound above which a figure is a public figure's, to be
 * measured from the network's own analytics rather than taken on trust.
 */
export const NETWORK_AUDIENCE_CAPS = {
  /** LinkedIn caps connections at 30,000. */
  linkedin: 30_000,
  /** X has no limit; 100,000 followers is a public figure's audience, not an employee's. */
  x: 100_000,
  /** A personal Facebook profile has at most 5,000 friends. */
  facebook: 5_000,
  /** A WhatsApp group holds at most 1,024 members. */
  whatsapp: 1_024,
  /** Bluesky has no limit; the same bound as X. */
  bluesky: 100_000,
  /** Mastodon has no limit; the same bound as X. */
  mastodon: 100_000,
  /** Threads has no limit; the same bound as X. */
  threads: 100_000,
  /** A Telegram group holds at most 200,000 members. */
  telegram: 200_000,
  /** A Microsoft Teams team holds at most 25,000 members. */
  teams: 25_000,
  /** Exchange Online and Gmail send one message to at most 500 recipients by default. */
  email: 500,
} as const satisfies Record<(typeof NETWORKS)[number], number>;
