/**
 * Types and zod schemas of the shared action tracker: actions, due windows, progress updates and
 * the cross-source action list. No server-only imports: web/ uses these too.
 */
import { z } from 'zod';
import { reasonField } from '../audit/model.js';
import { unitRefSchema } from '../units/model.js';

/** Every status an action can have; an evaluation restricts them to its template's vocabulary. */
export const ACTION_STATUSES = [
  'not_initiated',
  'initiated',
  'completed',
  'no_longer_applicable',
  'open',
  'discarded',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses that end an action: such an action is never overdue. */
export const CLOSED_STATUSES: readonly ActionStatus[] = ['completed', 'no_longer_applicable', 'discarded'];

/** Whether a status ends an action (completed, no longer applicable, discarded). */
export const isClosedStatus = (status: string): boolean => CLOSED_STATUSES.includes(status as ActionStatus);

/**
 * The status vocabularies: one per evaluation template; improvement actions of a practice use the
 * classic one. The first entry is a new action's status.
 */
export const STATUS_VOCABULARIES = {
  classic: ['not_initiated', 'initiated', 'completed', 'no_longer_applicable'],
  '2022': ['open', 'discarded', 'completed'],
} as const satisfies Record<string, readonly ActionStatus[]>;
export type VocabularyName = keyof typeof STATUS_VOCABULARIES;

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a calendar date',
    },
  );

export const dueWindowSchema = z
  .object({ from: isoDate.nullable(), to: isoDate, inferred: z.boolean() })
  .refine((d) => d.from === null || d.from <= d.to, { message: 'due "to" is before "from"', path: ['to'] });
export type DueWindowInput = z.infer<typeof dueWindowSchema>;

/** "N/A", "N/A as already developed", "Not applicable", "Sans objet", "No aplica": a row that asks for nothing. */
export const NO_ACTION_PATTERN =
  /^\s*(n\s*\/\s*a|not applicable|non applicable|sans objet|no aplica|no procede)(?![\p{L}\p{N}])/iu;
/** Whether an action's text, as written, says no action is needed. */
export const saysNoActionNeeded = (text: string) => NO_ACTION_PATTERN.test(text);

export const actionFields = {
  number: z.string().min(1).max(20),
  text: z.string().max(20_000),
  timeframe: z.string().max(500).nullable(),
  due: dueWindowSchema.nullable(),
  responsible: z.string().max(2_000).nullable(),
  fundingConditional: z.boolean(),
  /** Nothing is to be done ("N/A as already planned"): never chased, overdue or counted. */
  noActionNeeded: z.boolean(),
  comments: z.string().max(20_000).nullable(),
};

/** Edits of an action's fields; its status changes through progress updates, so each is in the history. */
export const actionPatchSchema = z.object(actionFields).partial().extend({ reason: reasonField }).strict();
export type ActionPatch = z.infer<typeof actionPatchSchema>;

export const newActionSchema = z
  .object({ ...actionFields, status: z.enum(ACTION_STATUSES).nullable() })
  .partial({
    timeframe: true,
    due: true,
    responsible: true,
    fundingConditional: true,
    noActionNeeded: true,
    comments: true,
    status: true,
    number: true,
  })
  .strict();
export type NewAction = z.infer<typeof newActionSchema>;

export const progressUpdateInputSchema = z
  .object({
    recordedOn: isoDate.optional(),
    author: z.string().trim().min(1, 'say who reports this progress').max(500),
    comment: z.string().max(20_000).nullable().optional(),
    status: z.enum(ACTION_STATUSES).optional(),
  })
  .strict()
  .refine((u) => (u.comment && u.comment.trim() !== '') || u.status, {
    message: 'a progress update needs a comment or a status change',
    path: ['comment'],
  });
export type ProgressUpdateInput = z.infer<typeof progressUpdateInputSchema>;

/** A progress update as shown in an action's history. */
export const progressUpdateSchema = z.object({
  id: z.string(),
  recordedOn: z.string(),
  author: z.string(),
  comment: z.string().nullable(),
  statusFrom: z.string().nullable(),
  statusTo: z.string().nullable(),
  /** reported: waiting for the evaluation office; returned: sent back with reviewComment. */
  state: z.enum(['reported', 'validated', 'returned']),
  reviewComment: z.string().nullable(),
  createdAt: z.string(),
});

/** One action with its progress history (GET /api/actions/:id, and in each matrix). */
export const actionWithHistorySchema = z.object({
  id: z.string(),
  recommendationId: z.string().nullable(),
  ...actionFields,
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  /** The units of the directory the action is linked to. */
  units: z.array(unitRefSchema),
  updates: z.array(progressUpdateSchema),
});
export type ActionWithHistory = z.infer<typeof actionWithHistorySchema>;

export const ACTION_SORTS = ['due', '-due', 'evaluation', 'priority', 'status'] as const;

export const actionListQuerySchema = z.object({
  /** Words of "Responsible unit(s)" as written. */
  responsible: z.string().max(200).optional(),
  /** A unit of the directory the actions are linked to. */
  unitId: z.string().uuid('not a valid id').optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  priority: z.coerce.number().int().min(0).max(3).optional(),
  dueBefore: isoDate.optional(),
  dueAfter: isoDate.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Only actions still to be done: not closed, and not "no action needed". */
  open: z.enum(['true', 'false']).optional(),
  /** Only actions of the units the signed-in person answers for. */
  mine: z.enum(['true', 'false']).optional(),
  evaluationId: z.string().uuid().optional(),
  /** The year of the action's evaluation; 0: evaluations without a year. */
  year: z.coerce.number().int().min(0).max(2200).optional(),
  /** The management response to the action's recommendation; "none": not answered. */
  response: z.enum(['accepted', 'partially_accepted', 'rejected', 'none']).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(ACTION_SORTS).default('due'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActionListQuery = z.infer<typeof actionListQuerySchema>;

export const actionListRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  text: z.string(),
  timeframe: z.string().nullable(),
  due: dueWindowSchema.nullable(),
  responsible: z.string().nullable(),
  /** The units of the directory the action is linked to. */
  units: z.array(unitRefSchema),
  fundingConditional: z.boolean(),
  noActionNeeded: z.boolean(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  evaluationId: z.string().nullable(),
  evaluationTitle: z.string().nullable(),
  recommendationNumber: z.string().nullable(),
  priority: z.number().nullable(),
  /** An improvement action's practice and checklist item; null for other sources. */
  practiceId: z.string().nullable(),
  practiceTitle: z.string().nullable(),
  itemId: z.string().nullable(),
});
export type ActionListRow = z.infer<typeof actionListRowSchema>;

export const actionListSchema = z.object({
  items: z.array(actionListRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ActionList = z.infer<typeof actionListSchema>;

/**
 * Overdue is derived, never stored: the due window has passed, the action is not closed and
 * something was to be done.
 */
export function isOverdue(
  due: { to: string } | null,
  status: ActionStatus,
  today: string,
  noActionNeeded = false,
): boolean {
  return !noActionNeeded && due !== null && due.to < today && !CLOSED_STATUSES.includes(status);
}
