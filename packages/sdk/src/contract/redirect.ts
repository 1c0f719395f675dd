import * as z from 'zod/mini';
import type { RouteDefinition } from './route-definition.js';

export const redirectRoutes = {
  followTrackedLink: {
    method: 'GET',
    path: '/r/:code',
    summary:
      'A tracked link: 302 to the content with UTM parameters (an HTML 404 page for an unknown code). Every request is recorded; only a person’s first visit of the day, not the sharer’s own, is credited.',
    audience: 'anyone',
    params: z.object({ code: z.string().check(z.maxLength(64)) }),
    responses: { 302: z.null() },
  },
} as const satisfies Record<string, RouteDefinition>;
