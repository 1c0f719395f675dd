import type { Catalog } from './en.js';
import { common } from './fr/common.js';
import { impact } from './fr/impact.js';
import { leaderboard } from './fr/leaderboard.js';
import { share } from './fr/share.js';
import { testimonials } from './fr/testimonials.js';

export const fr: Catalog = { ...common, ...share, ...leaderboard, ...testimonials, ...impact };
