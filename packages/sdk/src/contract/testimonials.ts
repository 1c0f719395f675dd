import type { RouteDefinition } from './route-definition.js';

// PLACEHOLDER: replaced by the testimonials implementation.
export const testimonialRoutes = {} as const satisfies Record<string, RouteDefinition>;
