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
