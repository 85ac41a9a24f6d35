/** Stored frameworks: the built-in SPRING grid, and further versions added from definitions. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { Conflict } from '../../server/errors.js';
import { SPRING } from './definitions.js';
import type { FrameworkDefinition } from './model.js';
import { frameworks } from './schema.js';

/** Makes sure the frameworks that ship with Integra are stored (at start-up; cheap when they are). */
export async function ensureBuiltInFrameworks(db: Db): Promise<void> {
  await db
    .insert(frameworks)
    .values({ id: SPRING.id, version: SPRING.version, name: SPRING.name, definition: SPRING })
    .onConflictDoNothing();
}

/** Adds a framework version; an existing id@version is never overwritten (assessments refer to it). */
export async function addFramework(db: Db, definition: FrameworkDefinition): Promise<void> {
  const inserted = await db
    .insert(frameworks)
    .values({ id: definition.id, version: definition.version, name: definition.name, definition })
    .onConflictDoNothing()
    .returning({ id: frameworks.id });
  if (inserted.length === 0) {
    throw new Conflict(
      `${definition.id}@${definition.version} exists already; give the changed framework a new version.`,
    );
  }
}

export async function getFramework(db: Db, id: string, version: number): Promise<FrameworkDefinition | null> {
  if (!Number.isInteger(version)) return null;
  const [row] = await db
    .select({ definition: frameworks.definition })
    .from(frameworks)
    .where(and(eq(frameworks.id, id), eq(frameworks.version, version)));
  return row?.definition ?? null;
}

export async function listFrameworks(db: Db) {
  return db
    .select({ id: frameworks.id, version: frameworks.version, name: frameworks.name })
    .from(frameworks)
    .orderBy(asc(frameworks.id), asc(frameworks.version));
}
