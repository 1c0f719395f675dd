// The code-split CDN build's core chunk: what the loader (advocacy.js) exports to pages, and the
// shared base every widget chunk imports. Widget classes come with their own chunks, on first use.
export { AdvElement, defineElement } from './base/adv-element.js';
export { AdvDataElement } from './base/adv-data-element.js';
export { ResourceController } from './base/resource-controller.js';
export { safeUrl } from './base/safe-url.js';
export { LocalizeController, translate, registerTranslation, loadTranslation, type MessageParams } from './base/localize.js';
export { clientContext } from './context.js';
export { configure, type ConfigureOptions } from './configure.js';
export { AdvLoadEvent, AdvErrorEvent, AdvShareEvent, AdvOptInEvent, AdvSubmitEvent, AdvWithdrawEvent } from './events.js';
export { WIDGETS_VERSION } from './version.js';
export { createClient, AdvError, AdvHttpError, AdvNetworkError } from '@advocacy/sdk';
