/** Who may do what in the action tracker. */
import { and, asc, eq, exists, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Caller, hasRole, isMember, policy } from '../../server/caller.js';
import { focalPoints } from '../units/schema.js';
import { actionUnits } from './schema.js';

export const actionPolicies = {
  read: policy('actions.read', isMember),
  edit: policy('actions.edit', hasRole('admin', 'editor')),
  /** Route level: who may try; `mayRecordProgress` then checks the action's units. */
  progress: policy('actions.progress', hasRole('admin', 'editor', 'contributor')),
};

/**
 * Whether a contributor may record progress on an action, and for which unit: the action is linked
 * to the unit of the contributor's membership, or to a unit the contributor is a focal point of.
 * One query. Editors and administrators may record on any action (unit: null).
 */
export async function mayRecordProgress(
  db: Db,
  caller: Caller,
  actionId: string,
): Promise<{ allowed: boolean; unitId: string | null }> {
  if (caller.role === 'admin' || caller.role === 'editor') return { allowed: true, unitId: null };
  if (caller.role !== 'contributor' || !caller.user) return { allowed: false, unitId: null };
  const viaFocalPoint = exists(
    db
      .select({ one: sql`1` })
      .from(focalPoints)
      .where(and(eq(focalPoints.unitId, actionUnits.unitId), eq(focalPoints.userId, caller.user.id))),
  );
  const [row] = await db
    .select({ unitId: actionUnits.unitId })
    .from(actionUnits)
    .where(
      and(
        eq(actionUnits.actionId, actionId),
        caller.unitId ? or(eq(actionUnits.unitId, caller.unitId), viaFocalPoint) : viaFocalPoint,
      ),
    )
    // The membership's own unit first, when the action is linked to it.
    .orderBy(caller.unitId ? sql`${actionUnits.unitId} = ${caller.unitId} desc` : asc(actionUnits.unitId))
    .limit(1);
  return row ? { allowed: true, unitId: row.unitId } : { allowed: false, unitId: null };
}
