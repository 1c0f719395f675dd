import { routes } from './contract/routes.js';
import type { Health } from './contract/health.js';
import { resolveClientOptions, type ClientOptions, type ResolvedClientOptions } from './client-options.js';
import { Transport, type RequestOptions } from './transport.js';

export interface AdvClient {
  /** The validated options, defaults filled in. */
  readonly options: ResolvedClientOptions;
  /** Whether the API and its database answer (`GET /healthz`). */
  health(options?: RequestOptions): Promise<Health>;
}

/**
 * Creates a client for the advocacy API. Validates its options and throws
 * `AdvConfigError` when one is wrong; does no network work until called.
 */
export function createClient(options: ClientOptions): AdvClient {
  const resolved = resolveClientOptions(options);
  const transport = new Transport(resolved);
  return {
    options: resolved,
    health: (requestOptions) =>
      transport.send({
        method: routes.health.method,
        path: 'healthz',
        schema: routes.health.responses[200],
        okStatuses: [200, 503],
        signal: requestOptions?.signal,
      }),
  };
}
