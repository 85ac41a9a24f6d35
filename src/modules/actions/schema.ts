/** Tables of the shared action tracker: actions (from any source) and their progress updates. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../accounts/schema.js';
import { recommendations } from '../evaluations/schema.js';
import { practices } from '../practices/schema.js';
import { units } from '../units/schema.js';

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
    /**
     * The matrix says nothing is to be done ("N/A as already developed"): the text is kept, the
     * action is never chased, overdue or counted in progress figures.
     */
    noActionNeeded: boolean('no_action_needed').notNull().default(false),
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

/** The responsible units an action is linked to ("Responsible unit(s)" stays as written). */
export const actionUnits = pgTable(
  'action_units',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.unitId] }), index('action_units_unit').on(t.unitId)],
);

/**
 * Progress on an action. What a unit reports is `reported` (its status change not yet applied)
 * until an editor validates it (the status changes) or returns it with a comment; updates
 * recorded by editors are validated as they are written.
 */
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
    state: text('state').notNull().default('validated'),
    /** The unit that reported it, and the follow-up round it answered (if any). */
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    roundId: uuid('round_id'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
    reviewComment: text('review_comment'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    check('progress_updates_state', sql`${t.state} in ('reported', 'validated', 'returned')`),
    index('progress_updates_action').on(t.actionId, t.recordedOn),
    index('progress_updates_reported').on(t.state).where(sql`${t.state} = 'reported'`),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** Evidence given with a progress update: a link, or a file kept in the database. */
export const progressEvidence = pgTable(
  'progress_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    progressUpdateId: uuid('progress_update_id')
      .notNull()
      .references(() => progressUpdates.id, { onDelete: 'cascade' }),
    url: text('url'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    size: integer('size'),
    data: bytea('data'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    check('progress_evidence_one', sql`(${t.url} is null) <> (${t.data} is null)`),
    index('progress_evidence_update').on(t.progressUpdateId),
  ],
);
