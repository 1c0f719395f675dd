import * as z from 'zod/mini';

/** `GET /healthz`: whether the API and its database answer. */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    up: z.boolean(),
    /** `pglite` (embedded) or `postgres`. */
    driver: z.enum(['pglite', 'postgres']),
    latencyMs: z.optional(z.number().check(z.minimum(0))),
  }),
});
export type Health = z.infer<typeof HealthSchema>;
