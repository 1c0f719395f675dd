// The admin CDN entry (advocacy-admin.js): the programme console's widgets, which employee and career pages never
// load. It works alone or beside advocacy.js: the client context is keyed with Symbol.for (context.ts), so an
// <adv-provider> or configure() from either bundle reaches these widgets, and a tag both define is registered once
// (defineElement). <adv-provider> is here too, for console pages that load this bundle alone.
import './define/adv-provider.js';
import './define/adv-moderation-queue.js';
import './define/adv-content-library.js';
import './define/adv-people.js';
import './define/adv-program-dashboard.js';
import './define/adv-program-settings.js';

export * from './admin.js';
export { configure, type ConfigureOptions } from './configure.js';
export { AdvProvider } from './provider/adv-provider.js';
