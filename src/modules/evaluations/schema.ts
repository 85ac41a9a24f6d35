/** Tables of the evaluation follow-up: evaluations and their recommendations. Actions live in actions/. */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../accounts/schema.js';

export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    year: integer('year'),
    period: text('period'),
    evaluators: text('evaluators'),
    owner: text('owner'),
    publishedOn: date('published_on', { mode: 'string' }),
    overallComment: text('overall_comment'),
    statusTemplate: text('status_template').notNull().default('classic'),
    /** Text the importer could not place, kept so nothing the user gave is lost. */
    notes: jsonb('notes').$type<string[]>().notNull().default([]),
    sourceName: text('source_name'),
    /** Closed evaluations are read-only: when, by whom, and the closing note. */
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    closedBy: text('closed_by'),
    closingNote: text('closing_note'),
    /** Set while the management response is published for anyone to read (and search engines to index). */
    responsePublishedAt: timestamp('response_published_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** Set when deleted: deleted records are hidden and can be restored by an editor. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    check('evaluations_status_template', sql`${t.statusTemplate} in ('classic', '2022')`),
    index('evaluations_org_created').on(t.organisationId, t.createdAt),
  ],
);

export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number').notNull(),
    text: text('text').notNull(),
    addressedTo: text('addressed_to'),
    priority: smallint('priority'),
    priorityJustification: text('priority_justification'),
    response: text('response'),
    responseText: text('response_text'),
    status: text('status'),
    /** Why the status was set by hand; without one the status follows the actions. */
    statusReason: text('status_reason'),
    comments: text('comments'),
    notes: jsonb('notes').$type<string[]>().notNull().default([]),
  },
  (t) => [
    check('recommendations_priority', sql`${t.priority} between 1 and 3`),
    check('recommendations_response', sql`${t.response} in ('accepted', 'partially_accepted', 'rejected')`),
    check('recommendations_status', sql`${t.status} in ('open', 'discarded', 'completed')`),
    index('recommendations_evaluation').on(t.evaluationId, t.position),
    // Recommendations made again in other evaluations are found by trigram similarity: pairs of
    // alike ones through the GIN index (recurring themes), the nearest few to one recommendation
    // through the GiST index, which walks them nearest first (`<->`) instead of ranking every match.
    index('recommendations_text_trgm').using('gin', sql`${t.text} gin_trgm_ops`),
    index('recommendations_text_knn').using('gist', sql`${t.text} gist_trgm_ops`),
  ],
);
