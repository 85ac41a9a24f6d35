/**
 * Tables of follow-up: rounds that ask responsible units for progress, the units and actions each
 * round asks about, the outbox of emails (the durable scheduler), the settings that time the
 * reminders, weekly digests people asked for, and personal calendar feeds.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../accounts/schema.js';
import { actions } from '../actions/schema.js';
import { evaluations } from '../evaluations/schema.js';
import { units } from '../units/schema.js';

/** How an organisation times its reminders; a missing row means the defaults. */
export const followupSettings = pgTable('followup_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** IANA time zone the days are counted in ("Europe/Rome"). */
  timeZone: text('time_zone').notNull().default('UTC'),
  /** Local hour from which the day's reminders go out. */
  sendHour: smallint('send_hour').notNull().default(8),
  roundDueSoonDays: smallint('round_due_soon_days').notNull().default(7),
  roundOverdueEveryDays: smallint('round_overdue_every_days').notNull().default(7),
  actionDueSoonDays: smallint('action_due_soon_days').notNull().default(14),
  /** ISO weekday of the digest, 1 = Monday. */
  digestWeekday: smallint('digest_weekday').notNull().default(1),
  /** An evaluation still open this many months after publication is proposed for closure. */
  closureMonths: smallint('closure_months').notNull().default(15),
  remindersEnabled: boolean('reminders_enabled').notNull().default(true),
});

export const rounds = pgTable(
  'followup_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    message: text('message'),
    openedBy: text('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('followup_rounds_org').on(t.organisationId, t.openedAt)],
);

export const roundEvaluations = pgTable(
  'followup_round_evaluations',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.evaluationId] })],
);

/** A unit asked in a round: its personal link (signed, versioned to revoke) and what it did. */
export const roundUnits = pgTable(
  'followup_round_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The link carries this number: revoking raises it, so older links stop working. */
    linkVersion: integer('link_version').notNull().default(1),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'string' }),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [uniqueIndex('followup_round_units_unit').on(t.roundId, t.unitId)],
);

/** The actions a round asks a unit about, fixed when the round opens. */
export const roundActions = pgTable(
  'followup_round_actions',
  {
    roundUnitId: uuid('round_unit_id')
      .notNull()
      .references(() => roundUnits.id, { onDelete: 'cascade' }),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.roundUnitId, t.actionId] }),
    index('followup_round_actions_action').on(t.actionId),
  ],
);

/**
 * The outbox: every email Integra sends is first a row here. A message is claimed (status
 * `sending`) in its own committed transaction before it is handed to SMTP, so no message is sent
 * twice: one interrupted mid-send stays `sending` and is shown as "may not have been sent"
 * instead of going out again.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    to: jsonb('to').$type<string[]>().notNull(),
    language: text('language').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** What the message is about, as `followup preview` prints it. */
    unitName: text('unit_name'),
    evaluationTitle: text('evaluation_title'),
    actionNumbers: jsonb('action_numbers').$type<string[]>().notNull().default([]),
    roundId: uuid('round_id').references(() => rounds.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    status: text('status').notNull().default('pending'),
    attempts: smallint('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'string' }),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    check('outbox_status', sql`${t.status} in ('pending', 'sending', 'sent', 'failed', 'interrupted')`),
    index('outbox_pending').on(t.dueAt).where(sql`${t.status} = 'pending'`),
    index('outbox_round').on(t.roundId, t.unitId),
  ],
);

/**
 * What each message stands for ("round_due_soon:<round unit>", "action_overdue:<action>:<unit>:<due>"):
 * a key is written once, so planning the same reminder twice — after a restart, or in two
 * processes — never makes a second message.
 */
export const outboxKeys = pgTable('outbox_keys', {
  key: text('key').primaryKey(),
  messageId: uuid('message_id')
    .notNull()
    .references(() => outbox.id, { onDelete: 'cascade' }),
});

/** People who asked for the weekly digest of what they and their units owe. */
export const digestSubscriptions = pgTable(
  'digest_subscriptions',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] })],
);

/** A personal calendar feed: its secret is only in the URL (SHA-256 kept); replaced to revoke. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] })],
);
