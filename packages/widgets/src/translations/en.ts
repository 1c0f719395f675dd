import { common } from './en/common.js';
import { impact } from './en/impact.js';
import { leaderboard } from './en/leaderboard.js';
import { share } from './en/share.js';
import { testimonials } from './en/testimonials.js';

/**
 * The English catalog is the reference: every other catalog must have the
 * same keys (the type-check fails otherwise). `{name}` marks a parameter.
 * One file per area under `en/` and `fr/`.
 */
export const en = { ...common, ...share, ...leaderboard, ...testimonials, ...impact } as const;

export type MessageKey = keyof typeof en;
export type Catalog = { readonly [K in MessageKey]: string };
