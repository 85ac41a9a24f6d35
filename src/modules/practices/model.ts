/**
 * Types and zod schemas of the good-practice library: practices, their assessment against a
 * framework version, the catalogue query and its answer. No server-only imports: web/ uses these.
 */
import { z } from 'zod';
import { MARKS } from '../frameworks/model.js';

/** The controlled list of areas of integration. */
export const AREAS = [
  'education_training',
  'employment',
  'health',
  'housing_settlement',
  'language',
  'legal_status_rights',
  'social_participation',
  'sport_culture',
] as const;
export type Area = (typeof AREAS)[number];

export const PRACTICE_STATUSES = ['draft', 'in_review', 'published'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

const list = z.array(z.string().trim().min(1).max(300)).max(50);

export const practiceFieldsSchema = z.object({
  title: z.string().trim().min(1, 'a practice needs a title').max(500),
  summary: z.string().max(20_000).nullable().default(null),
  organisations: list.default([]),
  country: z.string().trim().max(100).nullable().default(null),
  region: z.string().trim().max(200).nullable().default(null),
  targetGroups: list.default([]),
  areas: z.array(z.enum(AREAS)).max(AREAS.length).default([]),
  period: z.string().max(200).nullable().default(null),
  fundingSources: list.default([]),
  partners: list.default([]),
  links: z.array(z.string().trim().max(2_000)).max(50).default([]),
  contact: z.string().max(1_000).nullable().default(null),
});
export type PracticeFields = z.infer<typeof practiceFieldsSchema>;

export const answerInputSchema = z.object({
  questionId: z.string().max(40).nullable(),
  criterion: z.string().max(200).default(''),
  question: z.string().max(2_000).default(''),
  narrative: z.string().max(50_000).default(''),
  inspiringTools: z.array(z.string().max(2_000)).max(100).default([]),
  items: z
    .array(
      z.object({
        itemId: z.string().max(40).nullable(),
        text: z.string().max(2_000).default(''),
        mark: z.enum(MARKS),
      }),
    )
    .max(200)
    .default([]),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;

export const assessmentInputSchema = z.object({
  /** The framework version the assessment uses, as "spring@1". */
  framework: z.string().regex(/^[A-Za-z0-9._-]+@\d+$/, 'name the framework and version as id@version'),
  questions: z.array(answerInputSchema).max(200),
});
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export const practiceInputSchema = practiceFieldsSchema.extend({
  assessment: assessmentInputSchema.nullable().default(null),
});
export type PracticeInput = z.infer<typeof practiceInputSchema>;

export const practicePatchSchema = practiceFieldsSchema
  .partial()
  .extend({ reason: z.string().trim().max(2_000).optional() })
  .strict();

export const workflowSchema = z.object({
  to: z.enum(PRACTICE_STATUSES),
  comment: z.string().max(10_000).optional(),
});

export const catalogueQuerySchema = z.object({
  q: z.string().max(300).optional(),
  country: z.string().max(100).optional(),
  targetGroup: z.string().max(300).optional(),
  area: z.enum(AREAS).optional(),
  /** A criterion id (or several, comma-separated) whose assessed items are all met. */
  fullyMet: z.string().max(200).optional(),
  /** Published practices unless another status (or "all") is asked for. */
  status: z.enum([...PRACTICE_STATUSES, 'all']).default('published'),
  sort: z.enum(['relevance', 'title', 'recent']).default('relevance'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

export interface CriterionCoverage {
  criterionId: string;
  name: string;
  met: number;
  assessed: number;
  /** met / assessed, or null when no item of the criterion was assessed (the criterion was left out). */
  coverage: number | null;
}

export interface CatalogueItem {
  id: string;
  title: string;
  summary: string | null;
  country: string | null;
  region: string | null;
  targetGroups: string[];
  areas: string[];
  status: PracticeStatus;
  fullyMetCriteria: string[];
  updatedAt: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface Catalogue {
  items: CatalogueItem[];
  total: number;
  page: number;
  pageSize: number;
  facets: { country: FacetCount[]; targetGroup: FacetCount[]; area: FacetCount[]; fullyMet: FacetCount[] };
}
