import * as z from 'zod/mini';
import type { RouteDefinition } from './route-definition.js';

export const redirectRoutes = {
  followTrackedLink: {
    method: 'GET',
    path: '/r/:code',
    audience: 'anyone',
    params: z.object({ code: z.string().check(z.maxLength(64)) }),
    responses: { 302: z.null() },
  },
} as const satisfies Record<string, RouteDefinition>;
