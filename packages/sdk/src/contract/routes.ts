import * as z from 'zod/mini';
import { adminRoutes } from './admin.js';
import { adminAuditRoutes } from './admin-audit.js';
import { adminStatsRoutes } from './admin-stats.js';
import { contentRoutes } from './content.js';
import { demoRoutes } from './demo.js';
import { eventRoutes } from './events.js';
import { HealthSchema, ReadinessSchema } from './health.js';
import { leaderboardRoutes } from './leaderboard.js';
import { meRoutes } from './me.js';
import { peopleRoutes } from './people.js';
import { ProblemSchema } from './problem.js';
import { redirectRoutes } from './redirect.js';
import type { RouteDefinition } from './route-definition.js';
import { shareRoutes } from './shares.js';
import { statsRoutes } from './stats.js';
import { testimonialRoutes } from './testimonials.js';
import { trustFlagRoutes } from './trust-flags.js';

export type { Audience, HttpMethod, RouteDefinition } from './route-definition.js';

/**
 * Every route of the API. The server registers its handlers against these
 * entries, the SDK validates responses with them, and the OpenAPI document is
 * generated from them. Each resource's routes live beside its schemas.
 */
export const routes = {
  health: {
    method: 'GET',
    path: '/healthz',
    audience: 'anyone',
    responses: { 200: HealthSchema, 503: HealthSchema },
  },
  readiness: {
    method: 'GET',
    path: '/readyz',
    audience: 'anyone',
    responses: { 200: ReadinessSchema, 503: ReadinessSchema },
  },
  openapi: {
    method: 'GET',
    path: '/v1/openapi.json',
    audience: 'anyone',
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
  ...contentRoutes,
  ...shareRoutes,
  ...redirectRoutes,
  ...leaderboardRoutes,
  ...meRoutes,
  ...testimonialRoutes,
  ...statsRoutes,
  ...eventRoutes,
  ...demoRoutes,
  ...adminRoutes,
  ...trustFlagRoutes,
  ...peopleRoutes,
  ...adminStatsRoutes,
  ...adminAuditRoutes,
} as const satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof routes;

/** The schema every error body follows, whatever the route. */
export const errorResponseSchema = ProblemSchema;
