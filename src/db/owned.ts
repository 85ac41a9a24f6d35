/** "Is this record the organisation's?" for any table with `id` and `organisation_id`. */
import { and, type Column, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { NotFound } from '../server/errors.js';
import type { Db } from './client.js';

/** Throws NotFound unless the record (deleted or not) belongs to the organisation. */
export async function assertOwned(
  db: Db,
  table: PgTable & { id: Column; organisationId: Column },
  organisationId: string,
  id: string,
  noun: string,
): Promise<void> {
  const [row] = await db
    .select({ id: sql`1` })
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.organisationId, organisationId)));
  if (!row) throw new NotFound(noun);
}
