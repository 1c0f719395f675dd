// The admin CDN entry (advocacy-admin.js): the programme console's widgets, which employee and career pages never
// load. It carries <adv-provider> and the share card (the content library's preview), so a console page loads it
// alone. Beside advocacy.js it works only without Trusted Types, or with `trusted-types lit-html 'allow-duplicates'`:
// each file carries Lit, and a strict CSP refuses the second 'lit-html' policy. The client context is keyed with
// Symbol.for (context.ts), so a provider or configure() from either bundle reaches these widgets, and a tag both
// define is registered once (defineElement).
import './define/adv-provider.js';
import './define/adv-moderation-queue.js';
import './define/adv-content-library.js';
import './define/adv-people.js';
import './define/adv-program-dashboard.js';
import './define/adv-program-settings.js';

export * from './admin.js';
// This bundle carries its own catalogs: a console in another language registers both sets here.
export { registerTranslation } from './base/localize.js';
export { configure, type ConfigureOptions } from './configure.js';
export { AdvProvider } from './provider/adv-provider.js';
