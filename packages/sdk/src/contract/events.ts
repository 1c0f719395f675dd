import type { RouteDefinition } from './route-definition.js';

// PLACEHOLDER: replaced by the events implementation.
export const eventRoutes = {} as const satisfies Record<string, RouteDefinition>;
