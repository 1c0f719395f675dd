import type { RouteDefinition } from './route-definition.js';

// PLACEHOLDER: replaced by the content implementation.
export const contentRoutes = {} as const satisfies Record<string, RouteDefinition>;
