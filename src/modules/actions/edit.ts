/**
 * Changing actions: editing their fields, adding a key action to a recommendation or an
 * improvement action to a practice's checklist item, deleting and restoring them (alone, or with the evaluation or practice they come from). Status changes go
 * through progress updates (progress.ts), so each is in the history.
 */
import { and, eq, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { parseTimeframe } from '../../lib/parseTimeframe.js';
import type { Caller } from '../../server/caller.js';
import { Conflict, NotFound } from '../../server/errors.js';
import { recordChange } from '../audit/service.js';
import { evaluations, recommendations } from '../evaluations/schema.js';
import { type ActionPatch, type ActionWithHistory, type NewAction, saysNoActionNeeded } from './model.js';
import {
  CLOSED_MESSAGE,
  checkStatus,
  getAction,
  insertActionsReturning,
  loadForChange,
  toColumns,
  VOCABULARY,
} from './records.js';
import { actions } from './schema.js';

/** Edits an action's fields. Status changes go through progress updates, so each is in the history. */
export async function updateAction(db: Db, caller: Caller, id: string, patch: ActionPatch, today: string) {
  const { organisationId } = caller;
  const { reason } = patch;
  return db.transaction(async (tx) => {
    const { action, year, parentId } = await loadForChange(tx, organisationId, id);
    if (patch.timeframe !== undefined && patch.timeframe !== action.timeframe && patch.due === undefined) {
      // A new timeframe as written gives a new due window, read as on import.
      const reading = parseTimeframe(patch.timeframe, { year });
      patch = { ...patch, due: reading.due };
      if (patch.fundingConditional === undefined) patch.fundingConditional = reading.fundingConditional;
    }
    const set: Partial<typeof actions.$inferInsert> = { updatedAt: sql`now()` as unknown as string };
    if (patch.number !== undefined) set.number = patch.number;
    if (patch.text !== undefined) set.text = patch.text;
    if (patch.timeframe !== undefined) set.timeframe = patch.timeframe;
    if (patch.responsible !== undefined) set.responsible = patch.responsible;
    if (patch.fundingConditional !== undefined) set.fundingConditional = patch.fundingConditional;
    if (patch.noActionNeeded !== undefined) set.noActionNeeded = patch.noActionNeeded;
    if (patch.comments !== undefined) set.comments = patch.comments;
    if (patch.due !== undefined) {
      set.dueFrom = patch.due?.from ?? null;
      set.dueTo = patch.due?.to ?? null;
      set.dueInferred = patch.due?.inferred ?? false;
    }
    const [after] = await tx.update(actions).set(set).where(eq(actions.id, action.id)).returning();
    await recordChange(tx, caller, {
      entity: 'action',
      entityId: id,
      parentId,
      operation: 'update',
      before: action,
      after,
      reason,
    });
    return getAction(tx, organisationId, id, today);
  });
}

/** Deletes an action softly; an editor can restore it. */
export async function deleteAction(db: Db, caller: Caller, id: string, reason?: string) {
  await db.transaction(async (tx) => {
    const { action, parentId } = await loadForChange(tx, caller.organisationId, id);
    await tx
      .update(actions)
      .set({ deletedAt: sql`now()` as unknown as string })
      .where(eq(actions.id, id));
    await recordChange(tx, caller, {
      entity: 'action',
      entityId: id,
      parentId,
      operation: 'delete',
      before: { number: action.number, text: action.text, responsible: action.responsible },
      after: null,
      reason,
    });
  });
}

export async function restoreAction(db: Db, caller: Caller, id: string, reason?: string) {
  await db.transaction(async (tx) => {
    const { action, parentId } = await loadForChange(tx, caller.organisationId, id, true);
    await tx.update(actions).set({ deletedAt: null }).where(eq(actions.id, id));
    await recordChange(tx, caller, {
      entity: 'action',
      entityId: id,
      parentId,
      operation: 'restore',
      before: null,
      after: { number: action.number, text: action.text, responsible: action.responsible },
      reason,
    });
  });
}

/** Hides (or brings back) the actions of a deleted (or restored) evaluation's recommendations or practice. */
export async function hideActionsWith(
  db: Db,
  sourceId: string,
  kind: 'evaluation' | 'practice',
  hide: boolean,
) {
  const ofSource =
    kind === 'practice'
      ? sql`${actions.practiceId} = ${sourceId}`
      : sql`${actions.recommendationId} in (select id from ${recommendations} where evaluation_id = ${sourceId})`;
  if (hide) {
    await db
      .update(actions)
      .set({ deletedAt: sql`now()` as unknown as string, deletedWith: sourceId })
      .where(and(ofSource, isNull(actions.deletedAt)));
  } else {
    await db
      .update(actions)
      .set({ deletedAt: null, deletedWith: null })
      .where(and(ofSource, eq(actions.deletedWith, sourceId)));
  }
}

/** Adds a key action to a recommendation, numbered after its last one unless a number is given. */
export async function addActionToRecommendation(
  db: Db,
  caller: Caller,
  recommendationId: string,
  input: NewAction,
  today: string,
): Promise<ActionWithHistory> {
  const { organisationId } = caller;
  return db.transaction(async (tx) => {
    const [rec] = await tx
      .select({
        id: recommendations.id,
        number: recommendations.number,
        template: evaluations.statusTemplate,
        evaluationId: evaluations.id,
        closedAt: evaluations.closedAt,
      })
      .from(recommendations)
      .innerJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
      .where(
        and(
          eq(recommendations.id, recommendationId),
          eq(evaluations.organisationId, organisationId),
          isNull(evaluations.deletedAt),
        ),
      );
    if (!rec) throw new NotFound('recommendation');
    if (rec.closedAt) throw new Conflict(CLOSED_MESSAGE).because('closed');
    const vocabulary = VOCABULARY[rec.template];
    const status = input.status ?? vocabulary[0];
    checkStatus(status, vocabulary);
    const [agg] = await tx
      .select({ last: max(actions.position), count: sql<number>`count(*)::int` })
      .from(actions)
      .where(eq(actions.recommendationId, rec.id));
    const [created] = await tx
      .insert(actions)
      .values(
        toColumns({
          organisationId,
          recommendationId: rec.id,
          position: (agg?.last ?? -1) + 1,
          number: input.number ?? `${rec.number}.${(agg?.count ?? 0) + 1}`,
          text: input.text ?? '',
          timeframe: input.timeframe ?? null,
          due: input.due ?? null,
          responsible: input.responsible ?? null,
          fundingConditional: input.fundingConditional ?? false,
          noActionNeeded: input.noActionNeeded ?? saysNoActionNeeded(input.text ?? ''),
          status,
          comments: input.comments ?? null,
        }),
      )
      .returning();
    await recordChange(tx, caller, {
      entity: 'action',
      entityId: created.id,
      parentId: rec.evaluationId,
      operation: 'create',
      before: null,
      after: { number: created.number, text: created.text, responsible: created.responsible, status },
    });
    return getAction(tx, organisationId, created.id, today);
  });
}

/**
 * Adds an improvement action for a checklist item of a practice (the caller, in its transaction,
 * has checked the practice and the item). Improvement actions use the classic vocabulary.
 */
export async function addImprovementAction(
  tx: Db,
  caller: Caller,
  source: { practiceId: string; itemId: string },
  input: NewAction,
  today: string,
): Promise<ActionWithHistory> {
  const { organisationId } = caller;
  const { practiceId, itemId } = source;
  const vocabulary = VOCABULARY.classic;
  const status = input.status ?? vocabulary[0];
  checkStatus(status, vocabulary);
  const [{ id }] = await insertActionsReturning(tx, [
    {
      organisationId,
      recommendationId: null,
      practiceId,
      itemId,
      position: 0,
      number: input.number ?? itemId,
      text: input.text ?? '',
      timeframe: input.timeframe ?? null,
      due: input.due ?? null,
      responsible: input.responsible ?? null,
      fundingConditional: input.fundingConditional ?? false,
      noActionNeeded: input.noActionNeeded ?? saysNoActionNeeded(input.text ?? ''),
      status,
      comments: input.comments ?? null,
    },
  ]);
  await recordChange(tx, caller, {
    entity: 'action',
    entityId: id,
    parentId: practiceId,
    operation: 'create',
    before: null,
    after: {
      number: input.number ?? itemId,
      itemId,
      text: input.text ?? '',
      responsible: input.responsible ?? null,
    },
  });
  return getAction(tx, organisationId, id, today);
}
