export { AdvElement, defineElement } from './base/adv-element.js';
export { safeUrl } from './base/safe-url.js';
export { LocalizeController, translate, type MessageParams } from './base/localize.js';
export type { MessageKey, Catalog } from './translations/en.js';
export { clientContext } from './context.js';
export { configure, type ConfigureOptions } from './configure.js';
export { AdvLoadEvent, AdvErrorEvent } from './events.js';
export { AdvProvider } from './provider/adv-provider.js';
export { WIDGETS_VERSION } from './version.js';
