import type { CatalogOf, PluralKeys, TextKeys, TranslationMeta } from './catalog.js';
import { common } from './en/common.js';
import { impact } from './en/impact.js';
import { leaderboard } from './en/leaderboard.js';
import { share } from './en/share.js';
import { testimonials } from './en/testimonials.js';

/**
 * The English catalog is the reference, and the one language built into every
 * bundle (the fallback): every other catalog must have the same keys (the
 * type-check fails otherwise). `{name}` marks a parameter; a message that
 * depends on a number is a plural message (`{ one, other }`, any CLDR
 * category a language needs). One file per area under `en/` and `fr/`.
 */
export const en = { ...common, ...share, ...leaderboard, ...testimonials, ...impact } as const;

/** Keys of plain messages: `l.t(key)`. */
export type MessageKey = TextKeys<typeof en>;
/** Keys of plural messages: `l.plural(count, key)`. */
export type PluralKey = PluralKeys<typeof en>;
/** Every key of the English catalog, with a string or a plural message as English has it. */
export type Catalog = CatalogOf<typeof en>;
/** What `registerTranslation()` takes: a whole catalog, and optionally its direction and name. */
export type Translation = Catalog & TranslationMeta;
