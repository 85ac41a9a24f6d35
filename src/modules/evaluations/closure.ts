/**
 * Closing evaluations: one still open a set number of months after its publication is proposed
 * for closure; closing keeps it read-only with a closing note, and it can be reopened.
 */
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actorOf, type Caller } from '../../server/caller.js';
import { Conflict, NotFound } from '../../server/errors.js';
import { openActionsOfEvaluations } from '../actions/service.js';
import { recordChange } from '../audit/service.js';
import { evaluations } from './schema.js';

/** Open evaluations published at least `months` months before today, oldest first. */
export async function closureProposals(db: Db, organisationId: string, months: number, today: string) {
  const published = sql`coalesce(${evaluations.publishedOn}, ${evaluations.createdAt}::date)`;
  const rows = await db
    .select({
      id: evaluations.id,
      title: evaluations.title,
      publishedOn: evaluations.publishedOn,
      monthsOpen: sql<number>`((extract(year from age(${today}::date, ${published})) * 12) + extract(month from age(${today}::date, ${published})))::int`,
    })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.organisationId, organisationId),
        isNull(evaluations.deletedAt),
        isNull(evaluations.closedAt),
        lte(published, sql`(${today}::date - make_interval(months => ${months}::int))::date`),
      ),
    )
    .orderBy(asc(published), asc(evaluations.id))
    .limit(200);
  const open = await openActionsOfEvaluations(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, monthsOpen: Number(r.monthsOpen), openActions: open.get(r.id) ?? 0 }));
}

async function lockEvaluation(tx: Db, organisationId: string, id: string) {
  const [e] = await tx
    .select()
    .from(evaluations)
    .where(
      and(
        eq(evaluations.id, id),
        eq(evaluations.organisationId, organisationId),
        isNull(evaluations.deletedAt),
      ),
    )
    .for('update');
  if (!e) throw new NotFound('evaluation');
  return e;
}

export async function closeEvaluation(db: Db, caller: Caller, id: string, note: string) {
  await db.transaction(async (tx) => {
    const e = await lockEvaluation(tx, caller.organisationId, id);
    if (e.closedAt) throw new Conflict('This evaluation is already closed.');
    const closedBy = actorOf(caller).actorName;
    await tx
      .update(evaluations)
      .set({ closedAt: sql`now()` as unknown as string, closedBy, closingNote: note })
      .where(eq(evaluations.id, id));
    await recordChange(tx, caller, {
      entity: 'evaluation',
      entityId: id,
      operation: 'update',
      before: { closed: false },
      after: { closed: true, closingNote: note },
    });
  });
}

export async function reopenEvaluation(db: Db, caller: Caller, id: string, reason?: string) {
  await db.transaction(async (tx) => {
    const e = await lockEvaluation(tx, caller.organisationId, id);
    if (!e.closedAt) throw new Conflict('This evaluation is not closed.');
    await tx
      .update(evaluations)
      .set({ closedAt: null, closedBy: null, closingNote: null })
      .where(eq(evaluations.id, id));
    await recordChange(tx, caller, {
      entity: 'evaluation',
      entityId: id,
      operation: 'update',
      before: { closed: true, closingNote: e.closingNote },
      after: { closed: false, closingNote: null },
      reason,
    });
  });
}
