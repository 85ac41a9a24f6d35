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

export const criterionCoverageSchema = z.object({
  criterionId: z.string(),
  name: z.string(),
  met: z.number(),
  assessed: z.number(),
  /** met / assessed, or null when no item of the criterion was assessed (the criterion was left out). */
  coverage: z.number().nullable(),
});
export type CriterionCoverage = z.infer<typeof criterionCoverageSchema>;

export const catalogueItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  targetGroups: z.array(z.string()),
  areas: z.array(z.string()),
  status: z.enum(PRACTICE_STATUSES),
  fullyMetCriteria: z.array(z.string()),
  updatedAt: z.string(),
});
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

export const facetCountSchema = z.object({ value: z.string(), count: z.number() });
export type FacetCount = z.infer<typeof facetCountSchema>;

export const catalogueSchema = z.object({
  items: z.array(catalogueItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  facets: z.object({
    country: z.array(facetCountSchema),
    targetGroup: z.array(facetCountSchema),
    area: z.array(facetCountSchema),
    fullyMet: z.array(facetCountSchema),
  }),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

// ---- replies: a practice's page, comparison, heatmap, imports ----

const frameworkRefSchema = z.object({ id: z.string(), version: z.number(), name: z.string() });

/** A framework version in the list: built in (shared) or the organisation's own. */
export const frameworkSummarySchema = frameworkRefSchema.extend({ builtIn: z.boolean() });

/** An answer as kept: the narrative, tools, and checklist lines that match no item of the framework. */
export const storedAnswerSchema = z.object({
  questionId: z.string().nullable(),
  criterion: z.string(),
  question: z.string(),
  narrative: z.string(),
  inspiringTools: z.array(z.string()),
  unmatchedItems: z.array(z.object({ text: z.string(), mark: z.string() })),
});

/** One practice as its page: fields, status, and each criterion with its questions, narratives, marks and coverage. */
export const practicePageSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  organisations: z.array(z.string()),
  country: z.string().nullable(),
  region: z.string().nullable(),
  targetGroups: z.array(z.string()),
  areas: z.array(z.enum(AREAS)),
  period: z.string().nullable(),
  fundingSources: z.array(z.string()),
  partners: z.array(z.string()),
  links: z.array(z.string()),
  contact: z.string().nullable(),
  status: z.enum(PRACTICE_STATUSES),
  reviewComment: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  framework: frameworkRefSchema.nullable(),
  coverage: z.array(criterionCoverageSchema),
  criteria: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      questions: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          narrative: z.string(),
          inspiringTools: z.array(z.string()),
          items: z.array(
            z.object({
              id: z.string(),
              text: z.string(),
              mark: z.enum(MARKS),
              /** Improvement actions made from this item (deleted ones not counted). */
              actions: z.number(),
            }),
          ),
          unmatchedItems: z.array(z.object({ text: z.string(), mark: z.string() })),
        }),
      ),
    }),
  ),
  /** Answers to questions the framework does not have, kept as written. */
  otherAnswers: z.array(storedAnswerSchema),
});
export type PracticePage = z.infer<typeof practicePageSchema>;

export const practiceComparisonSchema = z.object({ practices: z.array(practicePageSchema) });

export const checklistHeatmapSchema = z.object({
  framework: frameworkRefSchema,
  /** The sample of practices shown as columns, most recently updated first. */
  practices: z.array(z.object({ id: z.string(), title: z.string() })),
  items: z.array(
    z.object({
      itemId: z.string(),
      criterion: z.string(),
      text: z.string(),
      met: z.number(),
      notMet: z.number(),
      assessed: z.number(),
      notMetShare: z.number().nullable(),
      /** Each sampled practice's mark of this item, or null. */
      marks: z.array(z.string().nullable()),
    }),
  ),
});
export type ChecklistHeatmap = z.infer<typeof checklistHeatmapSchema>;

export const deletedPracticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  deletedAt: z.string().nullable(),
});

/** A practice page as read by the importer, in the shape of a new practice, for the review screen. */
export const practiceDraftSchema = z.object({
  title: z.string(),
  summary: z.string().nullable(),
  organisations: z.array(z.string()),
  country: z.string().nullable(),
  region: z.string().nullable(),
  targetGroups: z.array(z.string()),
  areas: z.array(z.enum(AREAS)),
  period: z.string().nullable(),
  fundingSources: z.array(z.string()),
  partners: z.array(z.string()),
  links: z.array(z.string()),
  contact: z.string().nullable(),
  assessment: z.object({
    framework: z.string(),
    questions: z.array(
      z.object({
        questionId: z.string().nullable(),
        criterion: z.string(),
        question: z.string(),
        narrative: z.string(),
        inspiringTools: z.array(z.string()),
        items: z.array(z.object({ itemId: z.string().nullable(), text: z.string(), mark: z.enum(MARKS) })),
      }),
    ),
  }),
});

/** A warning of a practice import: its code and params (for the reader's language) and the English text. */
export const practiceImportWarningSchema = z.object({
  code: z.enum(['questionUnknown', 'itemNoMark', 'itemUnknown']).optional(),
  params: z.record(z.string(), z.string()).optional(),
  message: z.string(),
  where: z.string(),
});
export type PracticeImportWarning = z.infer<typeof practiceImportWarningSchema>;

/** The reply of a practice import: what was read (dry run), or the ids of the saved drafts. */
export const practiceImportReplySchema = z.union([
  z.object({ practices: z.array(practiceDraftSchema), warnings: z.array(practiceImportWarningSchema) }),
  z.object({ ids: z.array(z.string()), warnings: z.array(practiceImportWarningSchema) }),
]);
