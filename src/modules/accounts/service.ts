/**
 * Organisations. Until sign-in arrives every record belongs to the installation's first
 * organisation, created on first start; the routes already pass an organisation to every service.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations } from './schema.js';

export async function ensureDefaultOrganisation(db: Db, name = 'My organisation'): Promise<string> {
  const [first] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  if (first) return first.id;
  const [created] = await db.insert(organisations).values({ name }).returning({ id: organisations.id });
  return created.id;
}

export async function createOrganisation(db: Db, name: string): Promise<string> {
  const [created] = await db.insert(organisations).values({ name }).returning({ id: organisations.id });
  return created.id;
}
