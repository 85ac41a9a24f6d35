/**
 * The directory of responsible units of an organisation: each unit's name, the other names it is
 * written as in matrices ("aliases"), and its focal points — members of the organisation or plain
 * email addresses of people without an account. Actions link to units in actions/schema.ts.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../accounts/schema.js';

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** Other ways the unit is written in "Responsible unit(s)" ("PSD", "Private Sector Division"). */
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    /** Raised to revoke the unit's standing link (followup/links.ts). */
    linkVersion: integer('link_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_org_name').on(t.organisationId, sql`lower(${t.name})`)],
);

/** Who answers for a unit: a member (userId) or an address without an account (email). */
export const focalPoints = pgTable(
  'unit_focal_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    email: text('email'),
    name: text('name'),
    /** Language of the emails to an address without an account (members: their own choice). */
    language: text('language'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    check('unit_focal_points_one', sql`(${t.userId} is null) <> (${t.email} is null)`),
    uniqueIndex('unit_focal_points_user').on(t.unitId, t.userId),
    uniqueIndex('unit_focal_points_email').on(t.unitId, sql`lower(${t.email})`),
    index('unit_focal_points_by_user').on(t.userId),
  ],
);
