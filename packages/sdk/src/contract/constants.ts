// The contract's plain values, apart from its schemas so that a page using
// them (the widgets' network buttons, period switch, quote counter) does not
// load zod/mini: the client checks answers with the compiled contract instead.

/** Networks an employee can share to. */
export const NETWORKS = ['linkedin', 'x', 'facebook', 'whatsapp', 'bluesky', 'mastodon', 'threads', 'telegram', 'teams', 'email'] as const;

/** Leaderboard and stats periods. */
export const PERIODS = ['week', 'month', 'quarter', 'all'] as const;

/** The longest testimonial quote, in characters. */
export const QUOTE_MAX_LENGTH = 1_200;

/**
 * What a secret key (`sk_…`) may do, one scope per kind of server: a career
 * site rendering testimonials, a BI export, a CMS pushing content, a
 * moderation tool, set-up automation. `admin` implies every other scope.
 */
export const KEY_SCOPES = ['testimonials:read', 'stats:read', 'content:write', 'testimonials:moderate', 'settings:write', 'admin'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];
