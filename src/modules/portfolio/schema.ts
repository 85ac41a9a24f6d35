/** Tables of the portfolio: practices linked to the recommendations they can help with. */
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recommendations } from '../evaluations/schema.js';
import { practices } from '../practices/schema.js';

/** A practice of the catalogue taken as inspiration for a recommendation (shown on both sides). */
export const recommendationPractices = pgTable(
  'recommendation_practices',
  {
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendations.id, { onDelete: 'cascade' }),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    linkedBy: text('linked_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.recommendationId, t.practiceId] }),
    index('recommendation_practices_practice').on(t.practiceId),
  ],
);
