/** Tables of the shared action tracker: actions (from any source) and their progress updates. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../accounts/schema.js';
import { recommendations } from '../evaluations/schema.js';
import { practices } from '../practices/schema.js';

export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Source of the action: a recommendation today; a checklist item or an indicator later. */
    recommendationId: uuid('recommendation_id').references(() => recommendations.id, { onDelete: 'cascade' }),
    /** Or a checklist item of a practice's assessment, not met: the improvement plan. */
    practiceId: uuid('practice_id').references(() => practices.id, { onDelete: 'cascade' }),
    itemId: text('item_id'),
    position: integer('position').notNull().default(0),
    number: text('number').notNull(),
    text: text('text').notNull(),
    timeframe: text('timeframe'),
    dueFrom: date('due_from', { mode: 'string' }),
    dueTo: date('due_to', { mode: 'string' }),
    dueInferred: boolean('due_inferred').notNull().default(false),
    responsible: text('responsible'),
    fundingConditional: boolean('funding_conditional').notNull().default(false),
    status: text('status').notNull(),
    comments: text('comments'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** Set when deleted: deleted records are hidden and can be restored by an editor. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'string' }),
    /** The evaluation or practice whose deletion hid this action (restoring it brings the action back). */
    deletedWith: uuid('deleted_with'),
  },
  (t) => [
    check(
      'actions_status',
      sql`${t.status} in ('not_initiated', 'initiated', 'completed', 'no_longer_applicable', 'open', 'discarded')`,
    ),
    check('actions_due_order', sql`${t.dueFrom} is null or ${t.dueTo} is null or ${t.dueFrom} <= ${t.dueTo}`),
    check('actions_due_needs_to', sql`${t.dueFrom} is null or ${t.dueTo} is not null`),
    index('actions_recommendation').on(t.recommendationId, t.position),
    index('actions_practice').on(t.practiceId, t.itemId),
    // The tracker's default order: due date, undated last, then id (keyset pagination of exports).
    index('actions_org_due').on(t.organisationId, sql`coalesce(${t.dueTo}, '9999-12-31'::date)`, t.id),
    index('actions_org_status_due').on(t.organisationId, t.status, t.dueTo),
    index('actions_responsible_trgm').using('gin', sql`${t.responsible} gin_trgm_ops`),
  ],
);

export const progressUpdates = pgTable(
  'progress_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    author: text('author').notNull(),
    comment: text('comment'),
    statusFrom: text('status_from'),
    statusTo: text('status_to'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('progress_updates_action').on(t.actionId, t.recordedOn)],
);
