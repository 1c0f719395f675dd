import * as z from 'zod/mini';
import { IsoDateTimeSchema, UuidSchema } from './common.js';
import type { RouteDefinition } from './route-definition.js';

export const DemoEmployeeSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  displayName: z.nullable(z.string()),
  team: z.string(),
  role: z.string(),
  isAdmin: z.boolean(),
});
export type DemoEmployee = z.infer<typeof DemoEmployeeSchema>;

export const DemoSchema = z.object({
  organisation: z.object({ name: z.string() }),
  /** Origin of the API, for the demo pages' `api-url`. */
  apiUrl: z.string().check(z.regex(/^https?:\/\/[^/?#]+$/, 'an http(s) origin')),
  publishableKey: z.string(),
  employees: z.array(DemoEmployeeSchema),
});
export type Demo = z.infer<typeof DemoSchema>;

export const DemoTokenSchema = z.object({ token: z.string(), expiresAt: IsoDateTimeSchema });
export type DemoToken = z.infer<typeof DemoTokenSchema>;

/** Demo mode only (never with NODE_ENV=production), and only for clients on this machine. */
export const demoRoutes = {
  getDemo: {
    method: 'GET',
    path: '/v1/demo',
    audience: 'anyone',
    responses: { 200: DemoSchema },
  },
  createDemoToken: {
    method: 'POST',
    path: '/v1/demo/token',
    audience: 'anyone',
    body: z.strictObject({ employeeId: UuidSchema }),
    responses: { 200: DemoTokenSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
