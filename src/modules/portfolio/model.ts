/**
 * Shapes of the portfolio: implementation figures of an organisation's evaluations, overall and
 * by responsible unit, evaluation year, priority and management response. No server-only imports.
 */
import { z } from 'zod';
import { isoDate } from '../actions/model.js';

// The actionability check runs on the review screen too (web/ reaches modules through model.ts).
export { actionabilityGaps, GAP_KINDS, type Gap, type GapKind } from './actionability.js';

/**
 * One line of figures. Counted are the key actions of evaluations (not deleted), except those
 * that need no action ("N/A as already planned").
 * - actions: counted actions (with a period: those whose due date falls in it);
 * - due: of these, those whose due date has come (on or before the report's day);
 * - completed: of the due ones, those whose validated status is completed (a status a unit
 *   reported counts once the evaluation office validated it);
 * - overdue: of the due ones, those not closed whose due date has passed;
 * - rate: completed ÷ due, null when nothing is due.
 */
export const portfolioRowSchema = z.object({
  key: z.union([z.string(), z.number()]).nullable(),
  actions: z.number(),
  due: z.number(),
  completed: z.number(),
  overdue: z.number(),
  rate: z.number().nullable(),
});
export type PortfolioRow = z.infer<typeof portfolioRowSchema>;

export const portfolioSchema = z.object({
  overall: portfolioRowSchema,
  byUnit: z.array(portfolioRowSchema),
  byYear: z.array(portfolioRowSchema),
  byPriority: z.array(portfolioRowSchema),
  byResponse: z.array(portfolioRowSchema),
});
export type Portfolio = z.infer<typeof portfolioSchema>;

/** How long overdue actions have been overdue, in months since their due date. */
export const AGEING_BANDS = ['0-3', '3-6', '6-12', '12+'] as const;
export const dashboardSchema = portfolioSchema.extend({
  ageing: z.array(z.object({ band: z.enum(AGEING_BANDS), overdue: z.number() })),
  /**
   * How many counted actions are fully actionable (a linked unit and a due window), overall, per
   * evaluation and per linked unit.
   */
  actionability: z.object({
    actions: z.number(),
    actionable: z.number(),
    byEvaluation: z.array(
      z.object({ id: z.string(), title: z.string(), actions: z.number(), actionable: z.number() }),
    ),
    byUnit: z.array(z.object({ key: z.string(), actions: z.number(), actionable: z.number() })),
  }),
  /** The ids of the units named in byUnit, for links to their actions. */
  units: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

const portfolioQueryShape = {
  /** Only actions due on or after this day. */
  from: isoDate.optional(),
  /** Only actions due on or before this day. */
  to: isoDate.optional(),
  /** The day the figures are taken on (default: today). */
  today: isoDate.optional(),
  evaluationId: z.string().uuid('not a valid id').optional(),
};
const periodInOrder: [(q: { from?: string; to?: string }) => boolean, { message: string; path: string[] }] = [
  (q) => !q.from || !q.to || q.from <= q.to,
  { message: 'the period ends before it starts', path: ['to'] },
];
export const portfolioQuerySchema = z.object(portfolioQueryShape).refine(...periodInOrder);

/** The report for management: the dashboard's query, a format and the reader's language. */
export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export const reportQuerySchema = z
  .object({
    ...portfolioQueryShape,
    format: z.enum(REPORT_FORMATS),
    lang: z.enum(['en', 'fr', 'es', 'it', 'ar']).optional(),
  })
  .refine(...periodInOrder);
export type PortfolioQuery = z.infer<typeof portfolioQuerySchema>;

/** A recommendation made in another evaluation that reads like this one, and what became of it. */
export const similarRecommendationSchema = z.object({
  id: z.string(),
  number: z.string(),
  text: z.string(),
  response: z.string().nullable(),
  evaluationId: z.string(),
  evaluationTitle: z.string(),
  year: z.number().nullable(),
  /** Trigram similarity of the two texts, 0–1. */
  similarity: z.number(),
  /** Its key actions that ask for something, and how many of them are completed or closed. */
  actions: z.number(),
  completed: z.number(),
  closed: z.number(),
});
export type SimilarRecommendation = z.infer<typeof similarRecommendationSchema>;

/** Recommendations of several evaluations that read alike: one theme, with what became of them. */
export const recurringThemeSchema = z.object({
  /** The text of the recommendation most alike to the others. */
  text: z.string(),
  evaluations: z.number(),
  years: z.array(z.number()),
  /** Its recommendations with an action asked for that is neither completed nor closed. */
  stillOpen: z.number(),
  recommendations: z.array(similarRecommendationSchema.omit({ similarity: true })),
});
export type RecurringTheme = z.infer<typeof recurringThemeSchema>;

/** A practice of the catalogue that can help with a recommendation. */
export const practiceSuggestionSchema = z.object({
  id: z.string(),
  title: z.string(),
  country: z.string().nullable(),
  summary: z.string().nullable(),
  linked: z.boolean(),
  score: z.number(),
});
export type PracticeSuggestionRow = z.infer<typeof practiceSuggestionSchema>;

/** A recommendation a practice was taken as inspiration for. */
export const inspiredRecommendationSchema = z.object({
  id: z.string(),
  number: z.string(),
  text: z.string(),
  evaluationId: z.string(),
  evaluationTitle: z.string(),
  year: z.number().nullable(),
});
