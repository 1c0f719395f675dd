// What a page needs from the SDK, and only that: the client, its errors, the
// stores and actions, and the share rules. `npm run size` measures this entry
// on its own (goal: 10 KB brotli). The impression queue is imported on its own
// from the main entry by pages that count impressions.
export { createClient, type AdvClient } from './client.js';
export { AdvError, AdvNetworkError, AdvHttpError, AdvRateLimitedError, AdvValidationError, AdvConfigError } from './errors.js';
export { createResourceStore, type ResourceState, type ResourceStore } from './stores/resource-store.js';
export { createContentStore, createLeaderboardStore, createTestimonialsStore, createMeStore, createStatsStore } from './stores/resource-stores.js';
export { share, submitTestimonial, withdrawTestimonial, updateMe } from './stores/actions.js';
export { intentUrl, composePost, prefilledTextSurvives, checkPost, checkTextLength, textLength } from './share/index.js';
