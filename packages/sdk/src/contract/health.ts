import * as z from 'zod/mini';

/**
 * `GET /healthz`: liveness. 200 while the process answers; `degraded` when
 * its database does not answer or cannot write (a full or read-only disk).
 * (A server older than `/readyz` answered 503 when the database was down.)
 */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    up: z.boolean(),
    /** `pglite` (embedded) or `postgres`. */
    driver: z.enum(['pglite', 'postgres']),
    latencyMs: z.optional(z.number().check(z.minimum(0))),
    /** Whether a write went through; false on a full or read-only disk. */
    writable: z.optional(z.boolean()),
  }),
});
export type Health = z.infer<typeof HealthSchema>;

/** One readiness check: passed or not, and why not. */
export const ReadinessCheckSchema = z.object({
  ok: z.boolean(),
  detail: z.optional(z.string()),
});
export type ReadinessCheck = z.infer<typeof ReadinessCheckSchema>;

/**
 * `GET /readyz`: readiness, for a load balancer. 200 `ready` when the
 * database takes a write, the click journal takes a write and the click
 * recorder's backlog is under its bound; 503 `not-ready` otherwise.
 */
export const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  version: z.string(),
  checks: z.object({
    database: ReadinessCheckSchema,
    journal: ReadinessCheckSchema,
    recorder: z.object({
      ok: z.boolean(),
      detail: z.optional(z.string()),
      /** Clicks answered and not yet in the database. */
      backlog: z.int().check(z.minimum(0)),
      /** The backlog past which the instance is not ready. */
      bound: z.int().check(z.minimum(0)),
    }),
  }),
});
export type Readiness = z.infer<typeof ReadinessSchema>;
