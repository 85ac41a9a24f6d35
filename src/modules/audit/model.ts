/** Shapes of the audit trail, shared by the server and the web app. */
import { z } from 'zod';

export const OPERATIONS = ['create', 'update', 'delete', 'restore'] as const;

export const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  entity: z.string(),
  entityId: z.string(),
  operation: z.enum(OPERATIONS),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const historySchema = z.object({
  events: z.array(auditEventSchema),
  /** Pass as `before` to read older events. */
  next: z.number().nullable(),
});

/** An optional reason for a change ("why was this deadline moved?"), accepted by every write. */
export const reasonField = z.string().trim().max(2_000).optional();

export const reasonQuery = z.object({ reason: reasonField });
export const reasonBody = z.object({ reason: reasonField }).optional();
export const historyQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
