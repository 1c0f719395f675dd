import type { RouteDefinition } from './route-definition.js';

// PLACEHOLDER: replaced by the me implementation.
export const meRoutes = {} as const satisfies Record<string, RouteDefinition>;
