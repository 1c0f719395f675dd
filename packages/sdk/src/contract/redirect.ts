import type { RouteDefinition } from './route-definition.js';

// PLACEHOLDER: replaced by the redirect implementation.
export const redirectRoutes = {} as const satisfies Record<string, RouteDefinition>;
