/**
 * Progress updates: dated, with their author, a comment and a status change. An editor's change
 * applies at once; a unit's is reported and applies once validated (reports.ts).
 */
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { Forbidden, Invalid } from '../../server/errors.js';
import { recordChange } from '../audit/service.js';
import type { ActionWithHistory, ProgressUpdateInput } from './model.js';
import { mayRecordProgress } from './policies.js';
import { checkStatus, getAction, loadForChange } from './records.js';
import { actions, progressUpdates } from './schema.js';

/** Records progress on an action: dated, with its author, and the status change if any. */
export async function addProgressUpdate(
  db: Db,
  caller: Caller,
  id: string,
  input: ProgressUpdateInput,
  today: string,
): Promise<ActionWithHistory> {
  const { organisationId } = caller;
  return db.transaction(async (tx) => {
    const { action, vocabulary, parentId } = await loadForChange(tx, organisationId, id);
    const right = await mayRecordProgress(tx, caller, action.id);
    if (!right.allowed) {
      throw new Forbidden(
        `Only the responsible unit(s) linked to this action (as written: ${action.responsible ?? 'none named'}), their focal points, or an editor may record progress on it.`,
      );
    }
    const recordedOn = input.recordedOn ?? today;
    // A day of grace: the reporter's calendar may already be on tomorrow where the server is not.
    if (recordedOn > format(addDays(parseISO(today), 1), 'yyyy-MM-dd')) {
      throw new Invalid('A progress update cannot be dated in the future.', [
        { path: 'recordedOn', message: `use ${today} or an earlier date` },
      ]).because('futureDate');
    }
    const next = input.status ?? null;
    if (next) checkStatus(next, vocabulary);
    // A unit's own report waits for the evaluation office: its status applies once validated.
    const reported = right.unitId !== null;
    const changes = !reported && next !== null && next !== action.status;
    await tx.insert(progressUpdates).values({
      actionId: action.id,
      recordedOn,
      author: input.author.trim(),
      comment: input.comment?.trim() || null,
      statusFrom: changes || reported ? action.status : null,
      statusTo: changes || reported ? next : null,
      state: reported ? 'reported' : 'validated',
      unitId: right.unitId,
    });
    if (changes) {
      await tx
        .update(actions)
        .set({ status: next, updatedAt: sql`now()` as unknown as string })
        .where(eq(actions.id, action.id));
    }
    await recordChange(tx, caller, {
      entity: 'action',
      entityId: id,
      parentId,
      operation: 'update',
      before: { status: action.status },
      after: {
        status: changes ? next : action.status,
        progress: {
          recordedOn,
          author: input.author.trim(),
          comment: input.comment?.trim() || null,
          ...(reported ? { state: 'reported', proposedStatus: next } : {}),
        },
      },
    });
    return getAction(tx, organisationId, id, today);
  });
}

/** The state of the latest report of each (action, unit, round). */
export async function latestReportStates(
  db: Db,
  keys: { actionId: string; unitId: string; roundId: string }[],
) {
  const states = new Map<string, string>();
  if (keys.length === 0) return states;
  const rows = await db
    .selectDistinctOn([progressUpdates.actionId, progressUpdates.unitId, progressUpdates.roundId], {
      actionId: progressUpdates.actionId,
      unitId: progressUpdates.unitId,
      roundId: progressUpdates.roundId,
      state: progressUpdates.state,
    })
    .from(progressUpdates)
    .where(
      and(
        inArray(progressUpdates.actionId, [...new Set(keys.map((k) => k.actionId))]),
        inArray(progressUpdates.roundId, [...new Set(keys.map((k) => k.roundId))]),
      ),
    )
    .orderBy(
      progressUpdates.actionId,
      progressUpdates.unitId,
      progressUpdates.roundId,
      desc(progressUpdates.createdAt),
    );
  for (const r of rows) states.set(`${r.actionId}:${r.unitId}:${r.roundId}`, r.state);
  return states;
}
