/**
 * Stored frameworks: the built-in SPRING grid (shared by every organisation), and the versions an
 * organisation adds from definitions, which only that organisation sees. Visitors see the
 * built-in ones and those the published practices they may read are assessed against.
 */
import { and, asc, eq, exists, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { Conflict } from '../../server/errors.js';
import { assessments, practices } from '../practices/schema.js';
import { SPRING } from './definitions.js';
import type { FrameworkDefinition } from './model.js';
import { frameworks } from './schema.js';

/** The frameworks that ship with Integra: shared, and their ids are theirs only. */
const BUILT_IN: FrameworkDefinition[] = [SPRING];
const BUILT_IN_IDS = new Set(BUILT_IN.map((f) => f.id));

/** Makes sure the frameworks that ship with Integra are stored (at start-up; cheap when they are). */
export async function ensureBuiltInFrameworks(db: Db): Promise<void> {
  await db
    .insert(frameworks)
    .values(
      BUILT_IN.map((f) => ({
        id: f.id,
        version: f.version,
        name: f.name,
        definition: f,
        organisationId: null,
      })),
    )
    .onConflictDoNothing();
}

/**
 * The frameworks a caller may see: built-in ones, and their organisation's — for visitors, only
 * those a published practice of the public catalogue is assessed against.
 */
function visibleTo(caller: Pick<Caller, 'organisationId' | 'role'>): SQL {
  const own = eq(frameworks.organisationId, caller.organisationId);
  const shown =
    caller.role !== null
      ? own
      : and(
          own,
          exists(
            sql`(select 1 from ${assessments} a join ${practices} p on p.id = a.practice_id
               where a.framework_id = ${frameworks.id} and a.framework_version = ${frameworks.version}
                 and p.organisation_id = ${caller.organisationId} and p.status = 'published'
                 and p.deleted_at is null)`,
          ),
        );
  return or(isNull(frameworks.organisationId), shown) as SQL;
}

/**
 * Adds a framework version to the caller's organisation. An existing id@version is never
 * overwritten (assessments refer to it), and the built-in frameworks' ids are theirs.
 */
export async function addFramework(
  db: Db,
  caller: Pick<Caller, 'organisationId'>,
  definition: FrameworkDefinition,
): Promise<void> {
  if (BUILT_IN_IDS.has(definition.id)) {
    throw new Conflict(`${definition.id} is a framework built into Integra: give yours another id.`);
  }
  const inserted = await db
    .insert(frameworks)
    .values({
      id: definition.id,
      version: definition.version,
      name: definition.name,
      definition,
      organisationId: caller.organisationId,
    })
    .onConflictDoNothing()
    .returning({ id: frameworks.id });
  if (inserted.length === 0) {
    // Keys are unique across the installation: the same answer whoever holds the key.
    throw new Conflict(
      `${definition.id}@${definition.version} exists already: give a changed framework a new version, or a new one another id.`,
    );
  }
}

/**
 * A framework version by its key, whoever it belongs to: for records already tied to it (an
 * assessment of the caller's practice). What a caller asks for by key goes through
 * `getVisibleFramework` or `isFrameworkVisible` first.
 */
export async function getFramework(db: Db, id: string, version: number): Promise<FrameworkDefinition | null> {
  if (!Number.isInteger(version)) return null;
  const [row] = await db
    .select({ definition: frameworks.definition })
    .from(frameworks)
    .where(and(eq(frameworks.id, id), eq(frameworks.version, version)));
  return row?.definition ?? null;
}

/** A framework version the caller may see (null: none, or another organisation's). */
export async function getVisibleFramework(
  db: Db,
  caller: Pick<Caller, 'organisationId' | 'role'>,
  id: string,
  version: number,
): Promise<FrameworkDefinition | null> {
  if (!Number.isInteger(version)) return null;
  const [row] = await db
    .select({ definition: frameworks.definition })
    .from(frameworks)
    .where(and(eq(frameworks.id, id), eq(frameworks.version, version), visibleTo(caller)));
  return row?.definition ?? null;
}

/** Whether `id@version` names a framework the caller may see (and so assess against). */
export async function isFrameworkVisible(
  db: Db,
  caller: Pick<Caller, 'organisationId' | 'role'>,
  key: string,
): Promise<boolean> {
  const at = key.lastIndexOf('@');
  if (at <= 0) return false;
  return (await getVisibleFramework(db, caller, key.slice(0, at), Number(key.slice(at + 1)))) !== null;
}

/** The frameworks the caller may see, with whether each is built in. */
export async function listFrameworks(db: Db, caller: Pick<Caller, 'organisationId' | 'role'>) {
  const rows = await db
    .select({
      id: frameworks.id,
      version: frameworks.version,
      name: frameworks.name,
      organisationId: frameworks.organisationId,
    })
    .from(frameworks)
    .where(visibleTo(caller))
    .orderBy(asc(frameworks.id), asc(frameworks.version));
  return rows.map(({ organisationId, ...f }) => ({ ...f, builtIn: organisationId === null }));
}
