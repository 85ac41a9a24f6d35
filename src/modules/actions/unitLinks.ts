/**
 * Reading and writing the links between actions and responsible units ("Responsible unit(s)"
 * stays as written; the links are what the tracker filters by, who may record progress, and whom
 * follow-up asks). Queries only: the tracker's service and the import use them.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { UnitRef } from '../units/model.js';
import { units } from '../units/schema.js';
import { actions, actionUnits } from './schema.js';

/** The units linked to each action, by name: one query whatever the number of actions. */
export async function linkedUnits(db: Db, actionIds: string[]): Promise<Map<string, UnitRef[]>> {
  const byAction = new Map<string, UnitRef[]>();
  if (actionIds.length === 0) return byAction;
  const rows = await db
    .select({ actionId: actionUnits.actionId, id: units.id, name: units.name })
    .from(actionUnits)
    .innerJoin(units, eq(units.id, actionUnits.unitId))
    .where(inArray(actionUnits.actionId, [...new Set(actionIds)]))
    .orderBy(sql`lower(${units.name})`, asc(units.id));
  for (const { actionId, ...unit } of rows) {
    const list = byAction.get(actionId) ?? [];
    list.push(unit);
    byAction.set(actionId, list);
  }
  return byAction;
}

/** Another name for `linkedUnits`. */
export const unitsOfActions = linkedUnits;

/**
 * Links freshly saved actions to units, the actions named by recommendation and position (as an
 * import saves them): one query to find them, one to link. Unit ids are checked by the caller.
 */
export async function linkSavedActions(
  db: Db,
  links: { recommendationId: string; position: number; unitIds: string[] }[],
): Promise<number> {
  const wanted = links.filter((l) => l.unitIds.length > 0);
  if (wanted.length === 0) return 0;
  const saved = await db
    .select({ id: actions.id, recommendationId: actions.recommendationId, position: actions.position })
    .from(actions)
    .where(inArray(actions.recommendationId, [...new Set(wanted.map((l) => l.recommendationId))]));
  const idOf = new Map(saved.map((a) => [`${a.recommendationId}:${a.position}`, a.id]));
  const rows = wanted.flatMap((l) => {
    const actionId = idOf.get(`${l.recommendationId}:${l.position}`);
    return actionId ? [...new Set(l.unitIds)].map((unitId) => ({ actionId, unitId })) : [];
  });
  for (let i = 0; i < rows.length; i += 5000) {
    await db
      .insert(actionUnits)
      .values(rows.slice(i, i + 5000))
      .onConflictDoNothing();
  }
  return rows.length;
}
