/**
 * Types and zod schemas of the evaluation follow-up: evaluations, recommendations, and the
 * shape an imported matrix takes before it is saved. No server-only imports: web/ uses these too.
 */
import { z } from 'zod';
import { TIMEFRAME_PROBLEMS, type TimeframeProblem } from '../../lib/parseTimeframe.js';
import {
  ACTION_STATUSES,
  actionWithHistorySchema,
  dueWindowSchema,
  isoDate,
  STATUS_VOCABULARIES,
} from '../actions/model.js';
import { reasonField } from '../audit/model.js';
import { unitMatchResultSchema } from '../units/model.js';

export const RESPONSES = ['accepted', 'partially_accepted', 'rejected'] as const;
export type Response = (typeof RESPONSES)[number];

export const STATUS_TEMPLATES = ['classic', '2022'] as const;
export type StatusTemplate = (typeof STATUS_TEMPLATES)[number];

/** The actions' statuses of each template are the action tracker's (actions/model.ts). */
export const CLASSIC_STATUSES = STATUS_VOCABULARIES.classic;
export const STATUSES_2022 = STATUS_VOCABULARIES['2022'];
export const RECOMMENDATION_STATUSES = STATUSES_2022;

/** Status vocabulary of each template, first entry being the status of a new action. */
export const STATUS_VOCABULARY: Record<StatusTemplate, readonly (typeof ACTION_STATUSES)[number][]> =
  STATUS_VOCABULARIES;

const text = (max: number) => z.string().max(max);
const optionalText = (max: number) => z.string().max(max).nullable();

export const importedActionSchema = z.object({
  number: text(20).min(1, 'an action needs a number such as 1.1'),
  text: text(20_000),
  timeframe: optionalText(500),
  due: dueWindowSchema.nullable(),
  responsible: optionalText(2_000),
  fundingConditional: z.boolean(),
  /** Nothing is to be done ("N/A as already developed"); absent: read from the text. */
  noActionNeeded: z.boolean().optional(),
  status: z.enum(ACTION_STATUSES).nullable(),
  comments: optionalText(20_000),
  /** Units of the directory to link the action to ("responsible" stays as written); absent: none. */
  unitIds: z.array(z.string().uuid('not a valid unit id')).max(50).optional(),
});
export type ImportedAction = z.infer<typeof importedActionSchema>;

export const importedRecommendationSchema = z.object({
  number: text(20).min(1, 'a recommendation needs a number'),
  text: text(50_000),
  addressedTo: optionalText(2_000),
  priority: z.number().int().min(1, 'priority is 1, 2 or 3').max(3, 'priority is 1, 2 or 3').nullable(),
  priorityJustification: optionalText(5_000),
  response: z.enum(RESPONSES).nullable(),
  responseText: optionalText(50_000),
  status: z.enum(RECOMMENDATION_STATUSES).nullable(),
  comments: optionalText(20_000),
  notes: z.array(text(50_000)).max(500).default([]),
  actions: z.array(importedActionSchema).max(500),
});
export type ImportedRecommendation = z.infer<typeof importedRecommendationSchema>;

export const evaluationFields = {
  title: text(1_000).min(1, 'an evaluation needs a title'),
  year: z.number().int().min(1900).max(2200).nullable(),
  period: optionalText(500),
  evaluators: optionalText(5_000),
  owner: optionalText(5_000),
  publishedOn: isoDate.nullable(),
  overallComment: optionalText(50_000),
  statusTemplate: z.enum(STATUS_TEMPLATES),
};

export const importedEvaluationSchema = z.object({
  ...evaluationFields,
  notes: z.array(text(50_000)).max(500).default([]),
  recommendations: z
    .array(importedRecommendationSchema)
    .min(1, 'a matrix has at least one recommendation')
    .max(500),
});
export type ImportedEvaluation = z.infer<typeof importedEvaluationSchema>;

/** What an import can warn about, by code: the web says each in the reader's language (`importWarning.<code>`). */
export const MATRIX_WARNING_CODES = [
  'actionStatusUnknown',
  ...Object.keys(TIMEFRAME_PROBLEMS).map((p) => `timeframe.${p}` as `timeframe.${TimeframeProblem}`),
  'inlineTimeframe',
  'inlineResponsible',
  'inlineBoth',
  'actionsInOneRow',
  'noTitle',
  'unplacedEvaluation',
  'unplacedRecommendation',
  'recommendationTwice',
  'recommendationNoText',
  'responseUnclear',
  'responseMissing',
  'evaluatorsNote',
  'dateUnread',
  'yearUnread',
  'priorityUnread',
  'recommendationStatusUnknown',
  'actionNumbered',
  'struckThrough',
  'pdfWithoutBorders',
] as const;
/** A warning's values, to put in its words: a list (of action numbers) is said as the language lists. */
export const warningParamsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.array(z.string())]),
);

export const importWarningSchema = z.object({
  /** What the warning is: the web says it in the reader's language from it and `params`. */
  code: z.enum(MATRIX_WARNING_CODES).optional(),
  params: warningParamsSchema.optional(),
  /** The warning in English, as the CLI and the API give it. */
  message: z.string(),
  /** Where in the source, in words: "recommendation 5, action 5.2, timeframe (line 58)". */
  where: z.string(),
  /** The field concerned, as a path into the evaluation ("recommendations.4.actions.1.timeframe"). */
  path: z.string().optional(),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

/** Where a line of the original sits on its page: fractions (0–1) of the page, from its top left. */
export const sourceBoxSchema = z.object({
  page: z.number().int().min(1),
  left: z.number(),
  top: z.number(),
  right: z.number(),
  bottom: z.number(),
});
export type SourceBox = z.infer<typeof sourceBoxSchema>;

/** A line of the original as read: its cells, where it is in words, and (PDF) its box on the page. */
export const sourceLineSchema = z.object({
  cells: z.array(z.string()),
  where: z.string(),
  /** PDF: the line's box on its page. */
  box: sourceBoxSchema.optional(),
  /** Word and PDF: the table the line is a row of (1, 2, …); absent for a paragraph. */
  table: z.number().int().optional(),
});
export type SourceLine = z.infer<typeof sourceLineSchema>;

export const importSourcesSchema = z.object({
  /** The source text of the header and of each recommendation, shown beside it on the review screen. */
  header: z.string(),
  recommendations: z.array(z.string()),
  /** The kind of original and (PDF) its number of pages. */
  document: z
    .object({ kind: z.enum(['pdf', 'docx', 'text']), pages: z.number().int().optional() })
    .optional(),
  /** The lines of the header and of each recommendation, as read, for review beside the original. */
  headerLines: z.array(sourceLineSchema).optional(),
  recommendationLines: z.array(z.array(sourceLineSchema)).optional(),
});
export type ImportSources = z.infer<typeof importSourcesSchema>;

export const importResultSchema = z.object({
  evaluation: importedEvaluationSchema,
  warnings: z.array(importWarningSchema),
  sources: importSourcesSchema.optional(),
  /** For each distinct "Responsible unit(s)" text: its parts and the units they may mean. */
  unitProposals: unitMatchResultSchema.shape.items.optional(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

// ---- saved records and edits ----

export const evaluationPatchSchema = z
  .object(evaluationFields)
  .partial()
  .extend({ reason: reasonField })
  .strict();
export type EvaluationPatch = z.infer<typeof evaluationPatchSchema>;

export const recommendationPatchSchema = importedRecommendationSchema
  .omit({ actions: true, notes: true, number: true })
  .extend({ number: text(20).min(1) })
  .partial()
  .extend({ reason: reasonField })
  .strict();
export type RecommendationPatch = z.infer<typeof recommendationPatchSchema>;

export const evaluationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().nullable(),
  period: z.string().nullable(),
  statusTemplate: z.enum(STATUS_TEMPLATES),
  recommendationCount: z.number(),
  actionCount: z.number(),
  completedCount: z.number(),
  overdueCount: z.number(),
  createdAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

/** Saved actions and their history are the action tracker's (actions/model.ts). */
export { progressUpdateSchema } from '../actions/model.js';
export const savedActionSchema = actionWithHistorySchema;
export type SavedAction = z.infer<typeof savedActionSchema>;

export const savedRecommendationSchema = importedRecommendationSchema.omit({ actions: true }).extend({
  id: z.string(),
  /** Why the status was set by hand; null when it follows the actions. */
  statusReason: z.string().nullable(),
  /** The status the key actions give the recommendation (null without actions). */
  followedStatus: z.enum(RECOMMENDATION_STATUSES).nullable(),
  actions: z.array(savedActionSchema),
});

export const matrixSchema = z.object({
  id: z.string(),
  ...evaluationFields,
  notes: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A closed evaluation is read-only. */
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closingNote: z.string().nullable(),
  /** Set while the management response is public (its page: /responses/:id). */
  responsePublishedAt: z.string().nullable(),
  recommendations: z.array(savedRecommendationSchema),
});
export type Matrix = z.infer<typeof matrixSchema>;
