/**
 * Tables of the good-practice library: practices, their assessment against one framework version,
 * and the checklist marks kept one row per item so the catalogue can count and filter by them.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../accounts/schema.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export interface StoredAnswer {
  questionId: string | null;
  criterion: string;
  question: string;
  narrative: string;
  inspiringTools: string[];
  /** Checklist lines that match no item of the framework, kept as written. */
  unmatchedItems: { text: string; mark: string }[];
}

export const practices = pgTable(
  'practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    summary: text('summary'),
    organisations: text('organisations').array().notNull().default(sql`'{}'::text[]`),
    country: text('country'),
    region: text('region'),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    areas: text('areas').array().notNull().default(sql`'{}'::text[]`),
    period: text('period'),
    fundingSources: text('funding_sources').array().notNull().default(sql`'{}'::text[]`),
    partners: text('partners').array().notNull().default(sql`'{}'::text[]`),
    links: text('links').array().notNull().default(sql`'{}'::text[]`),
    contact: text('contact'),
    status: text('status').notNull().default('draft'),
    reviewComment: text('review_comment'),
    /** Criteria whose assessed items are all met: kept with the assessment for the catalogue's facet. */
    fullyMetCriteria: text('fully_met_criteria').array().notNull().default(sql`'{}'::text[]`),
    /** Words of the title, summary and narratives, kept with them for full-text search. */
    search: tsvector('search').notNull().default(sql`''::tsvector`),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    /** Set when deleted: deleted practices are hidden and can be restored by an editor. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    check('practices_status', sql`${t.status} in ('draft', 'in_review', 'published')`),
    index('practices_search').using('gin', t.search),
    index('practices_org_status_title').on(t.organisationId, t.status, t.title),
    index('practices_target_groups').using('gin', t.targetGroups),
    index('practices_areas').using('gin', t.areas),
    index('practices_fully_met').using('gin', t.fullyMetCriteria),
    index('practices_country').on(t.country),
    // Facet counts read these narrow columns only: an index-only scan instead of the wide rows.
    index('practices_facets').on(
      t.organisationId,
      t.status,
      t.country,
      t.targetGroups,
      t.areas,
      t.fullyMetCriteria,
    ),
  ],
);

export const assessments = pgTable('assessments', {
  practiceId: uuid('practice_id')
    .primaryKey()
    .references(() => practices.id, { onDelete: 'cascade' }),
  frameworkId: text('framework_id').notNull(),
  frameworkVersion: integer('framework_version').notNull(),
  answers: jsonb('answers').$type<StoredAnswer[]>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const assessmentMarks = pgTable(
  'assessment_marks',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    mark: text('mark').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.itemId] }),
    check('assessment_marks_mark', sql`${t.mark} in ('met', 'not_met', 'not_applicable', 'not_assessed')`),
    index('assessment_marks_item').on(t.itemId, t.mark),
  ],
);

/**
 * The catalogue's facet values in combination: how many practices of an organisation share a
 * status, a country ('' for none) and the same sets of target groups, areas and fully met criteria
 * (arrays sorted, without repeats). Kept up to date by every write of a practice, in its
 * transaction. Any page filtered by facets alone (or not at all) counts its facets and total from
 * these few rows instead of the practices; pages searched by words count the matching practices.
 */
export const practiceFacetCombinations = pgTable(
  'practice_facet_combinations',
  {
    organisationId: uuid('organisation_id').notNull(),
    status: text('status').notNull(),
    country: text('country').notNull(),
    targetGroups: text('target_groups').array().notNull(),
    areas: text('areas').array().notNull(),
    fullyMetCriteria: text('fully_met_criteria').array().notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'practice_facet_combinations_pk',
      columns: [t.organisationId, t.status, t.country, t.targetGroups, t.areas, t.fullyMetCriteria],
    }),
  ],
);
