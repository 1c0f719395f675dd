import type { CatalogOf, PluralKeys, TextKeys, TranslationMeta } from './catalog.js';
import { admin } from './en/admin.js';
import { dashboard } from './en/dashboard.js';
import { library } from './en/library.js';
import { moderation } from './en/moderation.js';
import { people } from './en/people.js';
import { settings } from './en/settings.js';

/**
 * The admin widgets' strings, kept out of the employee catalog (en.ts) so
 * advocacy.js does not carry them: only the admin bundle imports this file.
 * Each admin widget adds its area here and in admin-fr.ts, in English and
 * French (the French catalog must have every English key: the type-check
 * fails otherwise). Other languages than English are loaded on demand.
 */
export const adminEn = { ...admin, ...library, ...moderation, ...people, ...dashboard, ...settings } as const;

export type AdminMessageKey = TextKeys<typeof adminEn>;
export type AdminPluralKey = PluralKeys<typeof adminEn>;
export type AdminCatalog = CatalogOf<typeof adminEn>;
/** What `registerAdminTranslation()` takes: the whole admin catalog, optionally with its direction and name. */
export type AdminTranslation = AdminCatalog & TranslationMeta;
