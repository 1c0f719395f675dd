import { html, nothing } from 'lit';
import { AdvHttpError, AdvNetworkError, AdvRateLimitedError, AdvValidationError, type AdvClient, type NetworkFailureReason } from '@advocacy/sdk';
import type { MessageKey } from '../translations/en.js';
import type { LocalizeController, MessageParams } from './localize.js';

/** A request that got no answer: what to do depends on why. */
const NETWORK_MESSAGES: Readonly<Record<NetworkFailureReason, MessageKey>> = {
  offline: 'errorOffline',
  blocked: 'errorBlocked',
  unreachable: 'errorUnreachable',
  timeout: 'errorTimeout',
  aborted: 'errorTitle',
};

/** The API refused the page's origin for this key or token (problem type `…/origin-not-allowed`). */
const originRefused = (error: unknown): error is AdvHttpError => error instanceof AdvHttpError && error.problem.type.endsWith('origin-not-allowed');

/** What to tell a person about a failure, in their language (see `errorText()` for the API's own detail). */
export function errorMessageKey(error: Error | undefined): MessageKey {
  if (error instanceof AdvNetworkError) return NETWORK_MESSAGES[error.reason] ?? 'errorTitle';
  if (error instanceof AdvRateLimitedError) return 'errorRateLimited';
  if (error instanceof AdvValidationError) return 'errorInvalid';
  if (error instanceof AdvHttpError) {
    if (error.status === 401) return 'errorAuth';
    if (error.status === 403) return originRefused(error) ? 'errorOrigin' : 'errorForbidden';
    if (error.status === 404) return 'errorNotFound';
  }
  return 'errorTitle';
}

/** The `{origin}` (this page) and `{api}` the error messages name. */
export function errorParams(client: AdvClient | undefined): MessageParams {
  return { origin: location.origin, api: client?.options.baseUrl.href.replace(/\/$/, '') ?? '' };
}

/**
 * A failure in words: the message for its cause, then the API's own
 * `detail` for every 4xx and 5xx that has one (it says what is wrong, and
 * often how to fix it), never dropped.
 */
export function errorText(l: LocalizeController, error: Error, client: AdvClient | undefined): unknown {
  const key = errorMessageKey(error);
  const detail = error instanceof AdvHttpError ? error.problem.detail : undefined;
  return [
    key === 'errorTitle' ? nothing : html`<p>${l.t(key, errorParams(client))}</p>`,
    detail ? html`<p class="detail" part="error-detail">${detail}</p>` : nothing,
  ];
}

/** The API's `detail` of a 4xx or 5xx as a line of its own, for notices that have their own message; else nothing. */
export function errorDetail(error: unknown): unknown {
  const detail = error instanceof AdvHttpError ? error.problem.detail : undefined;
  return detail ? html`<span class="detail">${detail}</span>` : nothing;
}

const warned = new Set<string>();

/**
 * Tells the developer, once per page load and cause, about a failure only
 * the page's set-up can fix (its origin refused, the API blocked or out of
 * reach), naming the first widget that met it: ten widgets on a page
 * refused for the same reason make one warning.
 */
export function warnOnce(tag: string, error: Error): void {
  const cause = originRefused(error)
    ? (error.problem.detail ?? error.message)
    : error instanceof AdvNetworkError && (error.reason === 'blocked' || error.reason === 'unreachable')
      ? error.message
      : undefined;
  if (cause === undefined || warned.has(cause)) return;
  warned.add(cause);
  console.warn(`<${tag}>: ${cause}`);
}
