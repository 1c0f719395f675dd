// The widget classes and their helpers, without registering any tag: import
// `@advocacy/widgets/define/adv-<widget>.js` (or the CDN bundle) for that.
export { AdvElement, defineElement } from './base/adv-element.js';
export { AdvDataElement } from './base/adv-data-element.js';
export { ResourceController } from './base/resource-controller.js';
export { safeUrl } from './base/safe-url.js';
export { LocalizeController, translate, registerTranslation, loadTranslation, type MessageParams } from './base/localize.js';
export type { MessageKey, PluralKey, Catalog, Translation } from './translations/en.js';
export type { PluralMessage, TranslationMeta } from './translations/catalog.js';
export { clientContext } from './context.js';
export { configure, type ConfigureOptions } from './configure.js';
export { AdvLoadEvent, AdvErrorEvent, AdvShareEvent, AdvOptInEvent, AdvSubmitEvent, AdvWithdrawEvent } from './events.js';
export { AdvProvider } from './provider/adv-provider.js';
export { AdvShareCard, DEFAULT_NETWORKS, MASTODON_INSTANCE_KEY, estimatedTrackedUrl } from './share-card/adv-share-card.js';
export { AdvShareFeed } from './share-feed/adv-share-feed.js';
export { AdvLeaderboard } from './leaderboard/adv-leaderboard.js';
export { initials } from './base/avatar.js';
export { AdvTestimonials } from './testimonials/adv-testimonials.js';
export { AdvTestimonialForm } from './testimonial-form/adv-testimonial-form.js';
export { AdvMyImpact, type MyImpact } from './my-impact/adv-my-impact.js';
export { AdvProgramStats } from './program-stats/adv-program-stats.js';
export { WIDGETS_VERSION } from './version.js';
