// The admin widgets' classes and their base, without registering any tag (see cdn-admin.ts for the bundle
// that does). Apart from index.ts so that advocacy.js, which re-exports index.ts, never carries them.
export { AdvAdminElement, fieldErrors } from './base/adv-admin-element.js';
export { AdminRoleController, checkAdminRole, isForbidden, type AdminRoleStatus } from './base/admin-role-controller.js';
export type { AdminMessageKey, AdminPluralKey, AdminCatalog, AdminTranslation } from './translations/admin.js';
export { registerAdminTranslation } from './base/admin-translations.js';
export { AdvContentLibrary } from './content-library/adv-content-library.js';
export { AdvModerationQueue, type ModerationPage } from './moderation-queue/adv-moderation-queue.js';
export { AdvPeople, PEOPLE_STATUS_FILTERS, type PeopleStatusFilter } from './people/adv-people.js';
export { PEOPLE_RANGES, rangeDays, type PeopleRange } from './people/people-range.js';
export { AdvProgramSettings, type ProgramSettingsData } from './program-settings/adv-program-settings.js';
export { AdvProgramDashboard } from './program-dashboard/adv-program-dashboard.js';
export { RANGE_PRESETS, presetRange, type DayRange, type RangePreset } from './program-dashboard/date-range.js';
