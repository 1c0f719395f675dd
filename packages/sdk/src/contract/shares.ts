import type { RouteDefinition } from './route-definition.js';

// PLACEHOLDER: replaced by the shares implementation.
export const shareRoutes = {} as const satisfies Record<string, RouteDefinition>;
