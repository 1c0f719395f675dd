import type { RouteDefinition } from './route-definition.js';

// PLACEHOLDER: replaced by the stats implementation.
export const statsRoutes = {} as const satisfies Record<string, RouteDefinition>;
