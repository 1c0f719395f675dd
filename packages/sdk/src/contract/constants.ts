// The contract's plain values, apart from its schemas so that a page using
// them (the widgets' network buttons, period switch, quote counter) does not
// load zod/mini: the client checks answers with the compiled contract instead.

/** Networks an employee can share to. */
export const NETWORKS = ['linkedin', 'x', 'facebook', 'whatsapp', 'bluesky', 'mastodon', 'threads', 'telegram', 'teams', 'email'] as const;

/** Leaderboard and stats periods. */
export const PERIODS = ['week', 'month', 'quarter', 'all'] as const;

/** The longest testimonial quote, in characters. */
export const QUOTE_MAX_LENGTH = 1_200;
