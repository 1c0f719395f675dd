import * as z from 'zod/mini';
import { HealthSchema } from './health.js';
import { ProblemSchema } from './problem.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Who may call a route (see ARCHITECTURE.md, "The advocacy API"). */
export type Audience = 'anyone' | 'public' | 'employee' | 'admin';

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** Fastify-style path, e.g. `/v1/content/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly audience: Audience;
  readonly params?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  /** Schema of the success body, by status code. */
  readonly responses: Readonly<Record<number, z.ZodMiniType>>;
}

/**
 * Every route of the API. The server registers its handlers against these
 * entries, the SDK validates responses with them, and the OpenAPI document is
 * generated from them.
 */
export const routes = {
  health: {
    method: 'GET',
    path: '/healthz',
    summary: 'Whether the API and its database answer.',
    audience: 'anyone',
    responses: { 200: HealthSchema, 503: HealthSchema },
  },
  openapi: {
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This document: the OpenAPI 3.1 description of the API, generated from the contract.',
    audience: 'anyone',
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
} as const satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof routes;

/** The schema every error body follows, whatever the route. */
export const errorResponseSchema = ProblemSchema;
