export { createClient, type AdvClient } from './client.js';
export type { ClientOptions, ResolvedClientOptions, TokenProvider } from './client-options.js';
export type { RequestOptions } from './transport.js';
export {
  AdvError,
  AdvNetworkError,
  AdvHttpError,
  AdvRateLimitedError,
  AdvValidationError,
  AdvConfigError,
  type NetworkFailureReason,
  type ValidationIssue,
} from './errors.js';
export * from './contract/index.js';
export { SDK_VERSION } from './version.js';
export type { RetryOption, RetryPolicy } from './retry-policy.js';
export { createResourceStore, toAdvError, type ResourceState, type ResourceStatus, type ResourceStore } from './stores/resource-store.js';
export { createEventQueue, type EventQueue, type EventQueueOptions, type TrackedEvent } from './events/event-queue.js';
export { memoryEventStorage, indexedDbEventStorage, type EventStorage, type QueuedEvent } from './events/event-storage.js';
export { visitorOptedOut } from './events/privacy-signals.js';
export * from './share/index.js';
export { createContentStore, createLeaderboardStore, createTestimonialsStore, createMeStore, createStatsStore } from './stores/resource-stores.js';
export { share, submitTestimonial, withdrawTestimonial, updateMe } from './stores/actions.js';
export type { CallOptions, RouteInput, RouteOutput } from './resources/call-route.js';
