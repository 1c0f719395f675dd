import type { RouteDefinition } from './route-definition.js';

// PLACEHOLDER: replaced by the demo implementation.
export const demoRoutes = {} as const satisfies Record<string, RouteDefinition>;
