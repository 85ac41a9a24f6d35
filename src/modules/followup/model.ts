/**
 * Shapes of follow-up, shared by the server and the web app: rounds, what each unit was asked and
 * did, the reporting page behind a unit's link, reminder settings, "my follow-up" and the kinds
 * of email the scheduler sends.
 */
import { z } from 'zod';
import { ACTION_STATUSES, actionListRowSchema, dueWindowSchema, isoDate } from '../actions/model.js';
import { EMAIL_LANGUAGES } from '../units/model.js';

export const MESSAGE_KINDS = [
  'round_opened',
  'round_due_soon',
  'round_overdue',
  'action_due_soon',
  'action_overdue',
  'digest',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Evidence files: at most this size, of these types (checked by their first bytes too). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  csv: 'text/csv',
};

export const settingsSchema = z.object({
  timeZone: z
    .string()
    .max(100)
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { message: 'not a time zone (use a name such as Europe/Rome)' },
    ),
  sendHour: z.number().int().min(0).max(23),
  roundDueSoonDays: z.number().int().min(0).max(90),
  roundOverdueEveryDays: z.number().int().min(1).max(90),
  actionDueSoonDays: z.number().int().min(0).max(180),
  digestWeekday: z.number().int().min(1).max(7),
  closureMonths: z.number().int().min(1).max(120),
  language: z.enum(EMAIL_LANGUAGES),
  remindersEnabled: z.boolean(),
});
export type FollowupSettings = z.infer<typeof settingsSchema>;
/** What the follow-up settings page changes; the language is the organisation's (its settings page). */
export const settingsInputSchema = settingsSchema.omit({ language: true });
export type FollowupSettingsInput = z.infer<typeof settingsInputSchema>;

export const DEFAULT_SETTINGS: FollowupSettings = {
  timeZone: 'UTC',
  sendHour: 8,
  roundDueSoonDays: 7,
  roundOverdueEveryDays: 7,
  actionDueSoonDays: 14,
  digestWeekday: 1,
  closureMonths: 15,
  language: 'en',
  remindersEnabled: true,
};

export const roundInputSchema = z
  .object({
    name: z.string().trim().min(1, 'a round needs a name such as "Time 2"').max(200),
    dueOn: isoDate,
    message: z.string().trim().max(5_000).nullish(),
    evaluationIds: z.array(z.string().uuid()).min(1, 'choose at least one evaluation').max(200),
  })
  .strict();
export type RoundInput = z.infer<typeof roundInputSchema>;

/** What opening a round would do, said before anything is sent. */
export const roundPreviewSchema = z.object({
  units: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      actions: z.number(),
      recipients: z.array(z.string()),
      /** Why this unit cannot be asked ("no focal point"); empty when it can. */
      problems: z.array(z.string()),
    }),
  ),
  /** Open actions of the evaluations that no unit is linked to: nobody will be asked about them. */
  unlinkedActions: z.array(z.object({ id: z.string(), number: z.string(), evaluationTitle: z.string() })),
  problems: z.array(z.string()),
  mail: z.boolean(),
});
export type RoundPreview = z.infer<typeof roundPreviewSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  to: z.array(z.string()),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'interrupted']),
  error: z.string().nullable(),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const roundUnitSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  recipients: z.array(z.string()),
  actions: z.number(),
  /** When the unit was first emailed (null: not yet, or email could not go out). */
  askedAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** Answered actions: reports waiting for validation, validated, returned. */
  reported: z.number(),
  validated: z.number(),
  returned: z.number(),
  /** The round's due date has passed and the unit has not answered every action. */
  overdue: z.boolean(),
  revoked: z.boolean(),
  /** The unit's personal link, for editors to copy (when email cannot go out, or to pass on). */
  link: z.string(),
  deliveries: z.array(deliverySchema),
});
export type RoundUnit = z.infer<typeof roundUnitSchema>;

export const roundSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  dueOn: z.string(),
  message: z.string().nullable(),
  openedBy: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  evaluations: z.array(z.object({ id: z.string(), title: z.string() })),
  units: z.number(),
  answered: z.number(),
  overdue: z.boolean(),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;

export const roundDetailSchema = roundSummarySchema.extend({
  unitsAsked: z.array(roundUnitSchema),
  mail: z.boolean(),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const evidenceSchema = z.object({
  id: z.string(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
});

/** A report on an action: what a unit said, and what the evaluation office did with it. */
export const reportSchema = z.object({
  id: z.string(),
  actionId: z.string(),
  recordedOn: z.string(),
  author: z.string(),
  comment: z.string().nullable(),
  statusFrom: z.enum(ACTION_STATUSES).nullable(),
  statusTo: z.enum(ACTION_STATUSES).nullable(),
  state: z.enum(['reported', 'validated', 'returned']),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  unitName: z.string().nullable(),
  evidence: z.array(evidenceSchema),
});
export type Report = z.infer<typeof reportSchema>;

/** The page behind a unit's link (or a signed-in focal point's): its actions in the round. */
export const respondPageSchema = z.object({
  organisationName: z.string(),
  /** Null for a unit link (the unit's open actions outside any round). */
  round: z.object({ name: z.string(), dueOn: z.string(), message: z.string().nullable() }).nullable(),
  unit: z.object({ name: z.string() }),
  actions: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      text: z.string(),
      evaluationTitle: z.string(),
      recommendationNumber: z.string(),
      timeframe: z.string().nullable(),
      due: dueWindowSchema.nullable(),
      overdue: z.boolean(),
      /** The validated status. */
      status: z.enum(ACTION_STATUSES),
      /** Statuses this action may take (its matrix's vocabulary). */
      statuses: z.array(z.enum(ACTION_STATUSES)),
      /** The unit's latest report in this round, with what the office did with it. */
      lastReport: reportSchema.nullable(),
    }),
  ),
});
export type RespondPage = z.infer<typeof respondPageSchema>;

export const respondInputSchema = z
  .object({
    status: z.enum(ACTION_STATUSES).optional(),
    comment: z.string().trim().max(20_000).nullish(),
    /** Evidence as a link. */
    link: z
      .string()
      .trim()
      .max(2_000)
      .url('not a web address')
      .refine((u) => /^https?:\/\//i.test(u), 'use an http(s) address')
      .nullish(),
    /** Who reports, for people without an account. */
    author: z.string().trim().max(200).nullish(),
  })
  .strict();
export type RespondInput = z.infer<typeof respondInputSchema>;

export const returnInputSchema = z
  .object({ comment: z.string().trim().min(1, 'say what the unit should correct').max(5_000) })
  .strict();

export const closureProposalSchema = z.object({
  id: z.string(),
  title: z.string(),
  publishedOn: z.string().nullable(),
  monthsOpen: z.number(),
  openActions: z.number(),
});

export const closeInputSchema = z
  .object({ note: z.string().trim().min(1, 'write a closing note').max(20_000) })
  .strict();

export const myFollowupSchema = z.object({
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  dueSoon: z.array(actionListRowSchema),
  overdue: z.array(actionListRowSchema),
  returned: z.array(
    reportSchema.extend({
      actionNumber: z.string(),
      actionText: z.string(),
      respondPath: z.string().nullable(),
    }),
  ),
  rounds: z.array(
    z.object({
      roundId: z.string(),
      name: z.string(),
      dueOn: z.string(),
      unitName: z.string(),
      actions: z.number(),
      answered: z.number(),
      respondPath: z.string(),
    }),
  ),
  digest: z.boolean(),
  calendarUrl: z.string().nullable(),
});
export type MyFollowup = z.infer<typeof myFollowupSchema>;

/** A message as `followup preview --json` prints it. */
export const plannedMessageSchema = z.object({
  to: z.array(z.string()),
  kind: z.enum(MESSAGE_KINDS),
  unit: z.string().nullable(),
  evaluation: z.string().nullable(),
  actions: z.array(z.string()),
});
export type PlannedMessage = z.infer<typeof plannedMessageSchema>;
