/**
 * A unit's standing link (links.ts): what action reminders carry when no open round asks the unit,
 * so focal points without an account can still answer. Editors copy it from the unit and replace
 * it (the old one stops working at once).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { NotFound } from '../../server/errors.js';
import { recordChange } from '../audit/service.js';
import { units } from '../units/schema.js';
import { respondPath, unitLinkToken } from './links.js';

async function loadUnit(db: Db, organisationId: string, unitId: string, lock = false) {
  const q = db
    .select({ id: units.id, linkVersion: units.linkVersion })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.organisationId, organisationId)));
  const [unit] = await (lock ? q.for('update') : q);
  if (!unit) throw new NotFound('unit');
  return unit;
}

const linkOf = (l: { secret: string; linkBase: string }, unitId: string, version: number) =>
  `${l.linkBase}${respondPath(unitLinkToken(l.secret, unitId, version))}`;

export async function unitLink(
  db: Db,
  organisationId: string,
  unitId: string,
  l: { secret: string; linkBase: string },
) {
  const unit = await loadUnit(db, organisationId, unitId);
  return { link: linkOf(l, unit.id, unit.linkVersion) };
}

/** Revokes the unit's link and gives the one that replaces it. */
export async function replaceUnitLink(
  db: Db,
  caller: Caller,
  unitId: string,
  l: { secret: string; linkBase: string },
) {
  return db.transaction(async (tx) => {
    const unit = await loadUnit(tx, caller.organisationId, unitId, true);
    const version = unit.linkVersion + 1;
    await tx.update(units).set({ linkVersion: version }).where(eq(units.id, unit.id));
    await recordChange(tx, caller, {
      entity: 'unit',
      entityId: unit.id,
      operation: 'update',
      before: { linkVersion: unit.linkVersion },
      after: { linkVersion: version },
    });
    return { link: linkOf(l, unit.id, version) };
  });
}
