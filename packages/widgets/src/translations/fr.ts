import type { Translation } from './en.js';
import { common } from './fr/common.js';
import { impact } from './fr/impact.js';
import { leaderboard } from './fr/leaderboard.js';
import { share } from './fr/share.js';
import { testimonials } from './fr/testimonials.js';

// Loaded on demand (a dynamic import in base/translations.ts): an English page never fetches it.
export const fr: Translation = { ...common, ...share, ...leaderboard, ...testimonials, ...impact };
