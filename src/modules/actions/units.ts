/** Linking an action to responsible units by hand (PUT /api/actions/:id/units). */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { recordChange } from '../audit/service.js';
import type { UnitRef } from '../units/model.js';
import { unitsOfOrganisation } from '../units/service.js';
import { actionUnits } from './schema.js';
import { loadForChange } from './service.js';
import { linkedUnits } from './unitLinks.js';

export { linkedUnits, unitsOfActions } from './unitLinks.js';

/**
 * Links an action to exactly these units (replacing its links), checked to be the organisation's;
 * the audit trail keeps the unit names before and after.
 */
export async function setActionUnits(
  db: Db,
  caller: Caller,
  actionId: string,
  unitIds: string[],
  reason?: string,
): Promise<UnitRef[]> {
  const { organisationId } = caller;
  return db.transaction(async (tx) => {
    const { parentId } = await loadForChange(tx, organisationId, actionId);
    await unitsOfOrganisation(tx, organisationId, unitIds);
    const before = (await linkedUnits(tx, [actionId])).get(actionId) ?? [];
    await tx.delete(actionUnits).where(eq(actionUnits.actionId, actionId));
    const wanted = [...new Set(unitIds)];
    if (wanted.length) {
      await tx.insert(actionUnits).values(wanted.map((unitId) => ({ actionId, unitId })));
    }
    const after = (await linkedUnits(tx, [actionId])).get(actionId) ?? [];
    await recordChange(tx, caller, {
      entity: 'action',
      entityId: actionId,
      parentId,
      operation: 'update',
      before: { units: before.map((u) => u.name) },
      after: { units: after.map((u) => u.name) },
      reason,
    });
    return after;
  });
}
