import { AdvHttpError, AdvNetworkError, AdvRateLimitedError, AdvValidationError } from '@advocacy/sdk';
import type { MessageKey } from '../translations/en.js';

/** What to tell a person about a failure, in their language: never the raw server text. */
export function errorMessageKey(error: Error | undefined): MessageKey {
  if (error instanceof AdvNetworkError) return 'errorOffline';
  if (error instanceof AdvRateLimitedError) return 'errorRateLimited';
  if (error instanceof AdvValidationError) return 'errorInvalid';
  if (error instanceof AdvHttpError) {
    if (error.status === 401) return 'errorAuth';
    if (error.status === 403) return 'errorForbidden';
    if (error.status === 404) return 'errorNotFound';
  }
  return 'errorTitle';
}
