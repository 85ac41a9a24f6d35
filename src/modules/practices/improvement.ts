/** The improvement plan: an unmet checklist item of a practice becomes an action in the shared tracker. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { NotFound } from '../../server/errors.js';
import type { NewAction } from '../actions/model.js';
import { addImprovementAction } from '../actions/service.js';
import { loadPractice } from './records.js';
import { assessmentMarks } from './schema.js';

/** Creates an improvement action from a checklist item: one tracker for every source. */
export async function createImprovementAction(
  db: Db,
  caller: Caller,
  practiceId: string,
  itemId: string,
  input: NewAction,
  today: string,
) {
  const { organisationId } = caller;
  return db.transaction(async (tx) => {
    await loadPractice(tx, organisationId, practiceId);
    const [mark] = await tx
      .select()
      .from(assessmentMarks)
      .where(and(eq(assessmentMarks.practiceId, practiceId), eq(assessmentMarks.itemId, itemId)));
    if (!mark) throw new NotFound('checklist item in this practice’s assessment');
    return addImprovementAction(tx, caller, { practiceId, itemId }, input, today);
  });
}
