/**
 * Tables of the frameworks module: each version of each criteria grid, stored whole. A framework
 * belongs to the organisation that added it; the built-in ones (organisation null) are shared.
 * Keys (`id@version`) are unique across the installation, so an assessment's key names one grid.
 */
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../accounts/schema.js';
import type { FrameworkDefinition } from './model.js';

export const frameworks = pgTable(
  'frameworks',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    /** The organisation that added it; null: built into Integra, seen by everyone. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<FrameworkDefinition>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);
