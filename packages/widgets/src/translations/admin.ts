import { admin } from './en/admin.js';
import { dashboard } from './en/dashboard.js';
import { library } from './en/library.js';
import { moderation } from './en/moderation.js';
import { people } from './en/people.js';
import { settings } from './en/settings.js';
import { admin as adminFr } from './fr/admin.js';
import { dashboard as dashboardFr } from './fr/dashboard.js';
import { library as libraryFr } from './fr/library.js';
import { moderation as moderationFr } from './fr/moderation.js';
import { people as peopleFr } from './fr/people.js';
import { settings as settingsFr } from './fr/settings.js';

/**
 * The admin widgets' strings, kept out of the employee catalog (en.ts) so
 * advocacy.js does not carry them: only the admin bundle imports this file.
 * Each admin widget adds its area here, in English and French (the French
 * catalog must have every English key: the type-check fails otherwise).
 */
export const adminEn = { ...admin, ...library, ...moderation, ...people, ...dashboard, ...settings } as const;

export type AdminMessageKey = keyof typeof adminEn;
export type AdminCatalog = { readonly [K in AdminMessageKey]: string };

const adminFrCatalog: AdminCatalog = { ...adminFr, ...libraryFr, ...moderationFr, ...peopleFr, ...dashboardFr, ...settingsFr };

export const adminCatalogs: Readonly<Record<string, AdminCatalog>> = { en: adminEn, fr: adminFrCatalog };
