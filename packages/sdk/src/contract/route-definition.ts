import type * as z from 'zod/mini';
import type { KeyScope } from './constants.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Who may call a route (see ARCHITECTURE.md, "The advocacy API"):
 * `anyone` needs no credential; `public` takes a publishable key (or any
 * stronger credential); `employee` an employee JWT; `admin` an admin
 * employee JWT or a secret key.
 */
export type Audience = 'anyone' | 'public' | 'employee' | 'admin';

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** Fastify-style path, e.g. `/v1/content/:id`. */
  readonly path: string;
  readonly audience: Audience;
  /**
   * The scope a secret key needs for this route (`admin` implies every
   * scope). Every route a secret key can reach (audience `public` or
   * `admin`) names one; a route without one is `admin` for secret keys.
   * Publishable keys and employee tokens are not scoped.
   */
  readonly scope?: KeyScope;
  readonly params?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  /** Schema of the success body, by status code. */
  readonly responses: Readonly<Record<number, z.ZodMiniType>>;
  /** POSTs that create something accept an `Idempotency-Key` header. */
  readonly idempotent?: boolean;
  /**
   * Text media types the 200 answer can also take, chosen by the request's
   * `Accept` (the JSON schema stays the default). Listed in OpenAPI as strings.
   */
  readonly textFormats?: readonly 'text/csv'[];
}
