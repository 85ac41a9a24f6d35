/** The audit trail: one row per create, update, delete or restore of a record. */
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    /** Who: the person (null for the command line), and their name as it was then. */
    userId: uuid('user_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** evaluation, recommendation, action, progress_update, practice, assessment, membership, invitation. */
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** The evaluation or practice the record belongs to, so their history views show their parts. */
    parentId: uuid('parent_id'),
    operation: text('operation').notNull(),
    /** Old and new values of the fields that changed (whole records for create and delete). */
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
    reason: text('reason'),
  },
  (t) => [
    index('audit_events_entity').on(t.entityId, t.id),
    index('audit_events_parent').on(t.parentId, t.id),
    index('audit_events_organisation').on(t.organisationId, t.id),
  ],
);
