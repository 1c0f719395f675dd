import type { AdminTranslation } from './admin.js';
import { admin } from './fr/admin.js';
import { dashboard } from './fr/dashboard.js';
import { library } from './fr/library.js';
import { moderation } from './fr/moderation.js';
import { people } from './fr/people.js';
import { settings } from './fr/settings.js';

// Loaded on demand by the admin widgets (base/adv-admin-element.ts): each area of translations/admin.ts, in French.
export const adminFr: AdminTranslation = { ...admin, ...library, ...moderation, ...people, ...dashboard, ...settings };
