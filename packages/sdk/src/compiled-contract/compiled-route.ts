import type { Audience, HttpMethod } from '../contract/route-definition.js';
import type { Check } from './checks.js';

/** A route of the contract as the client runs it: zod's schemas compiled to checks (see checks.ts). */
export interface CompiledRoute {
  readonly method: HttpMethod;
  readonly path: string;
  readonly audience: Audience;
  readonly params?: Check;
  readonly query?: Check;
  readonly body?: Check;
  readonly responses: Readonly<Record<number, Check>>;
  readonly idempotent?: boolean;
}
