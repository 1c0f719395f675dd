// What a page needs from the SDK, and only that: the client, its errors, the
// stores and actions, the share rules and the event queue. `npm run size`
// measures this entry on its own (budget: 10 KB brotli).
export { createClient, type AdvClient } from './client.js';
export { AdvError, AdvNetworkError, AdvHttpError, AdvRateLimitedError, AdvValidationError, AdvConfigError } from './errors.js';
export { createResourceStore, type ResourceState, type ResourceStore } from './stores/resource-store.js';
export { createContentStore, createLeaderboardStore, createTestimonialsStore, createMeStore, createStatsStore } from './stores/resource-stores.js';
export { share, submitTestimonial, withdrawTestimonial, updateMe } from './stores/actions.js';
export { intentUrl, composePost, prefilledTextSurvives, checkPost, checkTextLength, textLength } from './share/index.js';
export { createEventQueue } from './events/event-queue.js';
