/**
 * The unit directory of an organisation: units, the other names they are written as, their focal
 * points (members, or addresses of people without an account), and reading "Responsible unit(s)"
 * texts into them (match.ts). Names and other names are unique per organisation once case,
 * accents and punctuation are set aside, so a text never names two units.
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { Conflict, type FieldIssue, Invalid, NotFound } from '../../server/errors.js';
import { memberships, users } from '../accounts/schema.js';
import { actionLinksOfUnit, openActionsPerUnit } from '../actions/service.js';
import { recordChange } from '../audit/service.js';
import { roundUnits } from '../followup/schema.js';
import { buildDirectory, type Directory, normaliseUnitText, proposeUnits } from './match.js';
import {
  EMAIL_LANGUAGES,
  type EmailLanguage,
  type FocalPoint,
  type FocalPointInput,
  type Unit,
  type UnitInput,
  type UnitMatchResult,
  type UnitPatch,
  type UnitRef,
} from './model.js';
import { focalPoints, units } from './schema.js';

const asLanguage = (l: string | null): EmailLanguage | null =>
  l && (EMAIL_LANGUAGES as readonly string[]).includes(l) ? (l as EmailLanguage) : null;

/** The organisation's units with their names normalised, for matching texts (one query). */
export async function directoryOf(db: Db, organisationId: string): Promise<Directory> {
  const rows = await db
    .select({ id: units.id, name: units.name, aliases: units.aliases })
    .from(units)
    .where(eq(units.organisationId, organisationId))
    .orderBy(asc(units.name));
  return buildDirectory(rows);
}

/** The organisation's units, names only (one query). */
export function unitRefsOf(db: Db, organisationId: string): Promise<UnitRef[]> {
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.organisationId, organisationId))
    .orderBy(asc(units.name));
}

/** What each "Responsible unit(s)" text may mean, part by part. */
export async function matchUnits(db: Db, organisationId: string, texts: string[]): Promise<UnitMatchResult> {
  const directory = await directoryOf(db, organisationId);
  return { items: texts.map((text) => ({ text, proposals: proposeUnits(text, directory) })) };
}

/** Members first, then addresses, each alphabetically. */
const focalOrder = [
  sql`${focalPoints.userId} is null`,
  sql`lower(coalesce(${users.email}, ${focalPoints.email}))`,
];

/** Focal points of some units, members shown with their account's address, name and language. */
async function focalPointsOf(db: Db, unitIds: string[]): Promise<Map<string, FocalPoint[]>> {
  const byUnit = new Map<string, FocalPoint[]>();
  if (unitIds.length === 0) return byUnit;
  const rows = await db
    .select({
      id: focalPoints.id,
      unitId: focalPoints.unitId,
      userId: focalPoints.userId,
      email: sql<string>`coalesce(${users.email}, ${focalPoints.email})`,
      name: sql<string | null>`coalesce(${users.name}, ${focalPoints.name})`,
      language: sql<string | null>`coalesce(${users.language}, ${focalPoints.language})`,
    })
    .from(focalPoints)
    .leftJoin(users, eq(users.id, focalPoints.userId))
    .where(inArray(focalPoints.unitId, unitIds))
    .orderBy(...focalOrder);
  for (const { unitId, ...f } of rows) {
    const list = byUnit.get(unitId) ?? [];
    list.push({ ...f, language: asLanguage(f.language) });
    byUnit.set(unitId, list);
  }
  return byUnit;
}

/** The organisation's units with their focal points and open linked actions: two queries. */
export async function listUnits(db: Db, organisationId: string, ids?: string[]): Promise<Unit[]> {
  const open = openActionsPerUnit(db, organisationId);
  const rows = await db
    .select({
      id: units.id,
      name: units.name,
      aliases: units.aliases,
      openActions: sql<number>`coalesce(${open.n}, 0)`.mapWith(Number),
    })
    .from(units)
    .leftJoin(open, eq(open.unitId, units.id))
    .where(and(eq(units.organisationId, organisationId), ids ? inArray(units.id, ids) : undefined))
    .orderBy(sql`lower(${units.name})`, asc(units.id));
  const points = await focalPointsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, focalPoints: points.get(r.id) ?? [] }));
}

export async function getUnit(db: Db, organisationId: string, id: string): Promise<Unit> {
  const [unit] = isUuid(id) ? await listUnits(db, organisationId, [id]) : [];
  if (!unit) throw new NotFound('unit');
  return unit;
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/**
 * Checks the units exist in the organisation; returns their names by id. `pathOf` names the field
 * of each id for the field-level error.
 */
export async function unitsOfOrganisation(
  db: Db,
  organisationId: string,
  unitIds: string[],
  pathOf: (i: number) => string = (i) => `unitIds.${i}`,
): Promise<Map<string, string>> {
  const wanted = [...new Set(unitIds)];
  const found = new Map<string, string>();
  if (wanted.length === 0) return found;
  const valid = wanted.filter(isUuid);
  const rows = valid.length
    ? await db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(eq(units.organisationId, organisationId), inArray(units.id, valid)))
    : [];
  for (const r of rows) found.set(r.id, r.name);
  const issues: FieldIssue[] = unitIds.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: pathOf(i), message: 'no such unit in this organisation' }],
  );
  if (issues.length) throw new Invalid('Some units do not exist in this organisation.', issues);
  return found;
}

/** Serialises the unit writes of an organisation, so two cannot take the same name at once. */
const lockDirectory = (db: Db, organisationId: string) =>
  db.execute(sql`select pg_advisory_xact_lock(hashtext(${`units:${organisationId}`}))`);

/** A name and other names, trimmed and without repeats; refused when another unit is written so. */
async function checkNames(
  db: Db,
  organisationId: string,
  selfId: string | null,
  name: string,
  aliases: string[],
) {
  const key = normaliseUnitText(name);
  if (!key)
    throw new Invalid('A unit needs a name with letters or digits.', [{ path: 'name', message: 'required' }]);
  const seen = new Set([key]);
  const kept: string[] = [];
  aliases.forEach((a, i) => {
    const k = normaliseUnitText(a);
    if (!k)
      throw new Invalid('Another name needs letters or digits.', [
        { path: `aliases.${i}`, message: 'empty' },
      ]);
    if (!seen.has(k)) kept.push(a.trim());
    seen.add(k);
  });
  const others = await db
    .select({ id: units.id, name: units.name, aliases: units.aliases })
    .from(units)
    .where(eq(units.organisationId, organisationId));
  const taken = new Map<string, string>();
  for (const u of others) {
    if (u.id === selfId) continue;
    for (const n of [u.name, ...u.aliases]) taken.set(normaliseUnitText(n), u.name);
  }
  for (const written of [name, ...kept]) {
    const owner = taken.get(normaliseUnitText(written));
    if (owner) {
      throw new Conflict(
        owner.toLowerCase() === written.trim().toLowerCase()
          ? `There is already a unit named "${owner}".`
          : `"${written.trim()}" is already how the unit "${owner}" is written; a text must name one unit only.`,
      );
    }
  }
  return { name: name.trim(), aliases: kept };
}

/** Focal points as rows: members checked against the organisation, repeats dropped. */
async function focalRows(db: Db, organisationId: string, unitId: string, input: FocalPointInput[]) {
  const userIds = input.flatMap((f) => ('userId' in f ? [f.userId] : []));
  const members = new Map<string, string>();
  if (userIds.length) {
    const rows = await db
      .select({ userId: memberships.userId, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, userIds)));
    for (const r of rows) members.set(r.userId, r.email);
  }
  const issues: FieldIssue[] = input.flatMap((f, i) =>
    'userId' in f && !members.has(f.userId)
      ? [{ path: `focalPoints.${i}.userId`, message: 'not a member of this organisation' }]
      : [],
  );
  if (issues.length)
    throw new Invalid('A focal point must be a member of the organisation or an email address.', issues);
  const seen = new Set<string>();
  const rows: (typeof focalPoints.$inferInsert)[] = [];
  for (const f of input) {
    const key = 'userId' in f ? `user:${f.userId}` : `email:${f.email}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(
      'userId' in f
        ? { unitId, userId: f.userId }
        : { unitId, email: f.email, name: f.name?.trim() || null, language: f.language ?? null },
    );
  }
  return rows;
}

/** How a unit appears in the audit trail. */
const audited = (u: Unit) => ({
  name: u.name,
  aliases: u.aliases,
  focalPoints: u.focalPoints.map((f) => f.email),
});

export async function createUnit(db: Db, caller: Caller, input: UnitInput): Promise<Unit> {
  const { organisationId } = caller;
  return db.transaction(async (tx) => {
    await lockDirectory(tx, organisationId);
    const names = await checkNames(tx, organisationId, null, input.name, input.aliases ?? []);
    const [row] = await tx
      .insert(units)
      .values({ organisationId, ...names })
      .returning({ id: units.id });
    const rows = await focalRows(tx, organisationId, row.id, input.focalPoints ?? []);
    if (rows.length) await tx.insert(focalPoints).values(rows);
    const created = await getUnit(tx, organisationId, row.id);
    await recordChange(tx, caller, {
      entity: 'unit',
      entityId: row.id,
      operation: 'create',
      before: null,
      after: audited(created),
    });
    return created;
  });
}

/** Renames a unit, replaces its other names or its focal points (given as the whole set). */
export async function updateUnit(db: Db, caller: Caller, id: string, patch: UnitPatch): Promise<Unit> {
  const { organisationId } = caller;
  return db.transaction(async (tx) => {
    await lockDirectory(tx, organisationId);
    const before = await getUnit(tx, organisationId, id);
    if (patch.name !== undefined || patch.aliases !== undefined) {
      const names = await checkNames(
        tx,
        organisationId,
        id,
        patch.name ?? before.name,
        patch.aliases ?? before.aliases,
      );
      await tx
        .update(units)
        .set({ ...names, updatedAt: sql`now()` as unknown as string })
        .where(eq(units.id, id));
    }
    if (patch.focalPoints !== undefined) {
      const rows = await focalRows(tx, organisationId, id, patch.focalPoints);
      await tx.delete(focalPoints).where(eq(focalPoints.unitId, id));
      if (rows.length) await tx.insert(focalPoints).values(rows);
    }
    const after = await getUnit(tx, organisationId, id);
    await recordChange(tx, caller, {
      entity: 'unit',
      entityId: id,
      operation: 'update',
      before: audited(before),
      after: audited(after),
      reason: patch.reason,
    });
    return after;
  });
}

/** Deletes a unit (its links to actions go with it); refused once a follow-up round asked it. */
export async function deleteUnit(db: Db, caller: Caller, id: string, reason?: string): Promise<void> {
  const { organisationId } = caller;
  await db.transaction(async (tx) => {
    await lockDirectory(tx, organisationId);
    const before = await getUnit(tx, organisationId, id);
    const [asked] = await tx.select({ n: count() }).from(roundUnits).where(eq(roundUnits.unitId, id));
    if (Number(asked?.n ?? 0) > 0) {
      throw new Conflict(
        `The unit "${before.name}" was asked in a follow-up round, so its answers refer to it: it cannot be deleted. Rename it instead.`,
      );
    }
    const linked = await actionLinksOfUnit(tx, id);
    await tx.delete(units).where(eq(units.id, id));
    await recordChange(tx, caller, {
      entity: 'unit',
      entityId: id,
      operation: 'delete',
      before: { ...audited(before), linkedActions: linked },
      after: null,
      reason,
    });
  });
}

/**
 * The unit a name or other name means (ignoring case, accents and punctuation), created when the
 * directory has none: for invitations and memberships given a unit as written.
 */
export async function unitNamed(db: Db, caller: Caller, name: string): Promise<UnitRef> {
  const directory = await directoryOf(db, caller.organisationId);
  const found = directory.exact.get(normaliseUnitText(name));
  if (found) return { id: found.id, name: found.name };
  const created = await createUnit(db, caller, { name, aliases: [], focalPoints: [] });
  return { id: created.id, name: created.name };
}

/** The organisation's members, who may be chosen as focal points. */
export async function membersForFocalPoints(db: Db, organisationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name), asc(users.email));
}

export interface Recipient {
  email: string;
  name: string | null;
  language: EmailLanguage | null;
  /** The member's account; null for an address without one. */
  userId: string | null;
}

/**
 * Who hears for each unit: its focal points, members with their account's address and language
 * (members who have left the organisation are left out), one query for all the units.
 */
export async function recipientsOfUnits(db: Db, unitIds: string[]): Promise<Map<string, Recipient[]>> {
  const byUnit = new Map<string, Recipient[]>();
  if (unitIds.length === 0) return byUnit;
  const rows = await db
    .select({
      unitId: focalPoints.unitId,
      userId: focalPoints.userId,
      email: sql<string>`coalesce(${users.email}, ${focalPoints.email})`,
      name: sql<string | null>`coalesce(${users.name}, ${focalPoints.name})`,
      language: sql<string | null>`coalesce(${users.language}, ${focalPoints.language})`,
    })
    .from(focalPoints)
    .innerJoin(units, eq(units.id, focalPoints.unitId))
    .leftJoin(users, eq(users.id, focalPoints.userId))
    .where(
      and(
        inArray(focalPoints.unitId, [...new Set(unitIds)]),
        sql`(${focalPoints.userId} is null or exists (select 1 from ${memberships} m where m.user_id = ${focalPoints.userId} and m.organisation_id = ${units.organisationId}))`,
      ),
    )
    .orderBy(...focalOrder);
  for (const r of rows) {
    const list = byUnit.get(r.unitId) ?? [];
    if (list.some((x) => x.email.toLowerCase() === r.email.toLowerCase())) continue;
    list.push({ email: r.email, name: r.name, language: asLanguage(r.language), userId: r.userId });
    byUnit.set(r.unitId, list);
  }
  return byUnit;
}

/**
 * The units a person answers for in an organisation: their membership's unit and the units they
 * are a focal point of (one query).
 */
export async function unitsOfPerson(
  db: Db,
  organisationId: string,
  userId: string,
  membershipUnit: string | null,
): Promise<string[]> {
  const rows = await db
    .select({ id: units.id })
    .from(focalPoints)
    .innerJoin(units, eq(units.id, focalPoints.unitId))
    .where(and(eq(focalPoints.userId, userId), eq(units.organisationId, organisationId)));
  return [...new Set([...(membershipUnit ? [membershipUnit] : []), ...rows.map((r) => r.id)])];
}
