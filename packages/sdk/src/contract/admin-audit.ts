import * as z from 'zod/mini';
import { CursorSchema, IsoDateTimeSchema, LimitQuerySchema, pageOf } from './common.js';
import type { RouteDefinition } from './route-definition.js';

/**
 * One change made in the organisation, as the programme settings' "who
 * changed what" list shows it: `actor` names a person (their display name),
 * a key (`API key <prefix>…`) or the `advocacy-admin command`, never an id.
 */
export const AuditLogEntrySchema = z.object({
  id: z.string(),
  actor: z.string(),
  /** `settings.updated`, `origin.added`, `key.created`, `identity.updated`, `testimonial.approved`… */
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  detail: z.record(z.string(), z.unknown()),
  at: IsoDateTimeSchema,
});
export type AuditLogEntry = z.infer<typeof AuditLogEntrySchema>;

export const AuditLogQuerySchema = z.strictObject({
  limit: LimitQuerySchema,
  cursor: z.optional(CursorSchema),
});
export type AuditLogQuery = z.input<typeof AuditLogQuerySchema>;

export const adminAuditRoutes = {
  listAuditLog: {
    method: 'GET',
    path: '/v1/admin/audit',
    audience: 'admin',
    scope: 'admin',
    query: AuditLogQuerySchema,
    responses: { 200: pageOf(AuditLogEntrySchema) },
  },
} as const satisfies Record<string, RouteDefinition>;
