import { adminEn, type AdminCatalog, type AdminTranslation } from '../translations/admin.js';
import { TranslationSet } from './translations.js';

/** The admin widgets' catalogs, apart from the employee widgets' (advocacy.js never carries them). */
export const adminTranslations = new TranslationSet<AdminCatalog>(adminEn, {
  fr: () => import('../translations/admin-fr.js').then((module) => module.adminFr),
});

/**
 * Adds a language's admin strings (`registerTranslation()` gives the
 * employee widgets' strings; a console in German needs both). Admin widgets
 * already showing that language re-render.
 */
export function registerAdminTranslation(language: string, catalog: AdminTranslation): void {
  adminTranslations.register(language, catalog);
}
