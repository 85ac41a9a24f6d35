/**
 * An organisation's own settings — its name and default language (the app's and the emails'
 * language for members who chose none, and for focal points without an account) — and
 * withdrawing an invitation that has not been accepted yet.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { NotFound } from '../../server/errors.js';
import { recordChange } from '../audit/service.js';
import type { OrganisationPatch, OrganisationSettings } from './model.js';
import { invitations, organisations } from './schema.js';

export async function getOrganisation(db: Db, organisationId: string): Promise<OrganisationSettings> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, language: organisations.language })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row) throw new NotFound('organisation');
  return row as OrganisationSettings;
}

export async function updateOrganisation(
  db: Db,
  caller: Caller,
  patch: OrganisationPatch,
): Promise<OrganisationSettings> {
  const { reason, ...changes } = patch;
  return db.transaction(async (tx) => {
    const before = await getOrganisation(tx, caller.organisationId);
    if (Object.keys(changes).length > 0) {
      await tx.update(organisations).set(changes).where(eq(organisations.id, caller.organisationId));
    }
    const after = await getOrganisation(tx, caller.organisationId);
    await recordChange(tx, caller, {
      entity: 'organisation',
      entityId: caller.organisationId,
      operation: 'update',
      before: { name: before.name, language: before.language },
      after: { name: after.name, language: after.language },
      reason,
    });
    return after;
  });
}

/** Withdraws an invitation not yet accepted: its link stops working at once. */
export async function revokeInvitation(db: Db, caller: Caller, id: string, reason?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(invitations)
      .where(
        and(
          eq(invitations.id, id),
          eq(invitations.organisationId, caller.organisationId),
          isNull(invitations.acceptedAt),
        ),
      )
      .returning();
    if (!gone) throw new NotFound('invitation (it may have been accepted or withdrawn already)');
    await recordChange(tx, caller, {
      entity: 'invitation',
      entityId: gone.id,
      operation: 'delete',
      before: { email: gone.email, role: gone.role, expiresAt: gone.expiresAt },
      after: null,
      reason,
    });
  });
}
