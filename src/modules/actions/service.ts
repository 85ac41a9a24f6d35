/**
 * The shared action tracker: actions from any source, their progress updates, and the one list
 * that shows a unit all it owes. The list joins the tables of the sources (recommendations and
 * their evaluations today) to say where each action comes from and which statuses it may take.
 */

import { addDays, format, parseISO } from 'date-fns';
import {
  and,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  max,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { parseTimeframe } from '../../lib/parseTimeframe.js';
import type { Caller } from '../../server/caller.js';
import { Forbidden, Invalid, NotFound } from '../../server/errors.js';
import { recordChange } from '../audit/service.js';
import { evaluations, recommendations } from '../evaluations/schema.js';
import { practices } from '../practices/schema.js';
import {
  ACTION_STATUSES,
  type ActionList,
  type ActionListQuery,
  type ActionListRow,
  type ActionPatch,
  type ActionStatus,
  CLOSED_STATUSES,
  isOverdue,
  type NewAction,
  type ProgressUpdateInput,
} from './model.js';
import { mayRecordProgress } from './policies.js';
import { actions, progressUpdates } from './schema.js';

/** Status vocabulary per evaluation template; the first entry is a new action's status. */
export const VOCABULARY: Record<string, readonly ActionStatus[]> = {
  classic: ['not_initiated', 'initiated', 'completed', 'no_longer_applicable'],
  '2022': ['open', 'discarded', 'completed'],
};

type ActionRow = typeof actions.$inferSelect;
type UpdateRow = typeof progressUpdates.$inferSelect;

export interface ActionWithHistory {
  id: string;
  recommendationId: string | null;
  number: string;
  text: string;
  timeframe: string | null;
  due: { from: string | null; to: string; inferred: boolean } | null;
  responsible: string | null;
  fundingConditional: boolean;
  status: ActionStatus;
  comments: string | null;
  overdue: boolean;
  updates: {
    id: string;
    recordedOn: string;
    author: string;
    comment: string | null;
    statusFrom: string | null;
    statusTo: string | null;
    createdAt: string;
  }[];
}

export interface ActionInsert {
  organisationId: string;
  recommendationId: string | null;
  /** For an improvement action: the practice and the checklist item it answers. */
  practiceId?: string | null;
  itemId?: string | null;
  position: number;
  number: string;
  text: string;
  timeframe: string | null;
  due: { from: string | null; to: string; inferred: boolean } | null;
  responsible: string | null;
  fundingConditional: boolean;
  status: ActionStatus;
  comments: string | null;
}

const overdueSql = (today: string) =>
  sql<boolean>`(${actions.dueTo} is not null and ${actions.dueTo} < ${today}::date and ${actions.status} not in (${sql.join(
    CLOSED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )}))`;
const dueOrder = sql`coalesce(${actions.dueTo}, '9999-12-31'::date)`;

function presentDue(row: { dueFrom: string | null; dueTo: string | null; dueInferred: boolean }) {
  return row.dueTo ? { from: row.dueFrom, to: row.dueTo, inferred: row.dueInferred } : null;
}

function present(row: ActionRow, updates: UpdateRow[], today: string): ActionWithHistory {
  const due = presentDue(row);
  const status = row.status as ActionStatus;
  return {
    id: row.id,
    recommendationId: row.recommendationId,
    number: row.number,
    text: row.text,
    timeframe: row.timeframe,
    due,
    responsible: row.responsible,
    fundingConditional: row.fundingConditional,
    status,
    comments: row.comments,
    overdue: isOverdue(due, status, today),
    updates: updates.map((u) => ({
      id: u.id,
      recordedOn: u.recordedOn,
      author: u.author,
      comment: u.comment,
      statusFrom: u.statusFrom,
      statusTo: u.statusTo,
      createdAt: u.createdAt,
    })),
  };
}

const toColumns = (a: ActionInsert) => ({
  organisationId: a.organisationId,
  recommendationId: a.recommendationId,
  practiceId: a.practiceId ?? null,
  itemId: a.itemId ?? null,
  position: a.position,
  number: a.number,
  text: a.text,
  timeframe: a.timeframe,
  dueFrom: a.due?.from ?? null,
  dueTo: a.due?.to ?? null,
  dueInferred: a.due?.inferred ?? false,
  responsible: a.responsible,
  fundingConditional: a.fundingConditional,
  status: a.status,
  comments: a.comments,
});

/** Inserts many actions in few statements (callers wrap this in their transaction). */
export async function insertActions(db: Db, rows: ActionInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(actions).values(rows.slice(i, i + 1000).map(toColumns));
  }
}

/** Inserts actions and returns their ids, in order. */
export async function insertActionsReturning(db: Db, rows: ActionInsert[]): Promise<{ id: string }[]> {
  return db.insert(actions).values(rows.map(toColumns)).returning({ id: actions.id });
}

/** The actions of some recommendations with their histories, in two queries whatever their number. */
export async function actionsOfRecommendations(
  db: Db,
  organisationId: string,
  recommendationIds: string[],
  today: string,
): Promise<ActionWithHistory[]> {
  if (recommendationIds.length === 0) return [];
  const rows = await db
    .select()
    .from(actions)
    .where(
      and(
        eq(actions.organisationId, organisationId),
        inArray(actions.recommendationId, recommendationIds),
        isNull(actions.deletedAt),
      ),
    )
    .orderBy(asc(actions.position), asc(actions.createdAt));
  const updates = await updatesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, updates.get(r.id) ?? [], today));
}

async function updatesOf(db: Db, actionIds: string[]): Promise<Map<string, UpdateRow[]>> {
  const byAction = new Map<string, UpdateRow[]>();
  if (actionIds.length === 0) return byAction;
  const rows = await db
    .select()
    .from(progressUpdates)
    .where(inArray(progressUpdates.actionId, actionIds))
    .orderBy(asc(progressUpdates.recordedOn), asc(progressUpdates.createdAt));
  for (const u of rows) {
    const list = byAction.get(u.actionId) ?? [];
    list.push(u);
    byAction.set(u.actionId, list);
  }
  return byAction;
}

/** An action with the status vocabulary of its source, and the evaluation it belongs to. */
async function loadForChange(db: Db, organisationId: string, id: string, deleted = false) {
  const [row] = await db
    .select({
      action: actions,
      template: evaluations.statusTemplate,
      year: evaluations.year,
      evaluationId: evaluations.id,
    })
    .from(actions)
    .leftJoin(recommendations, eq(recommendations.id, actions.recommendationId))
    .leftJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
    .where(
      and(
        eq(actions.id, id),
        eq(actions.organisationId, organisationId),
        deleted ? and(isNotNull(actions.deletedAt), isNull(actions.deletedWith)) : isNull(actions.deletedAt),
      ),
    )
    .for('update', { of: actions });
  if (!row) throw new NotFound('action');
  // Improvement actions from a checklist use the classic vocabulary; other sources their template's.
  const vocabulary = row.template
    ? VOCABULARY[row.template]
    : row.action.practiceId
      ? VOCABULARY.classic
      : ACTION_STATUSES;
  return {
    action: row.action,
    vocabulary,
    year: row.year,
    parentId: row.evaluationId ?? row.action.practiceId,
  };
}

function checkStatus(status: ActionStatus, vocabulary: readonly ActionStatus[], path = 'status') {
  if (!vocabulary.includes(status)) {
    throw new Invalid(`The status "${status}" is not used by this matrix.`, [
      { path, message: `use one of: ${vocabulary.join(', ')}` },
    ]);
  }
}

export async function getAction(
  db: Db,
  organisationId: string,
  id: string,
  today: string,
): Promise<ActionWithHistory> {
  const [row] = await db
    .select()
    .from(actions)
    .where(and(eq(actions.id, id), eq(actions.organisationId, organisationId), isNull(actions.deletedAt)));
  if (!row) throw new NotFound('action');
  const updates = await updatesOf(db, [row.id]);
  return present(row, updates.get(row.id) ?? [], today);
}

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
    if (!mayRecordProgress(caller, action.responsible)) {
      throw new Forbidden(
        `Only the responsible unit (${action.responsible ?? 'none named'}) or an editor may record progress on this action.`,
      );
    }
    const recordedOn = input.recordedOn ?? today;
    // A day of grace: the reporter's calendar may already be on tomorrow where the server is not.
    if (recordedOn > format(addDays(parseISO(today), 1), 'yyyy-MM-dd')) {
      throw new Invalid('A progress update cannot be dated in the future.', [
        { path: 'recordedOn', message: `use ${today} or an earlier date` },
      ]);
    }
    const next = input.status ?? null;
    if (next) checkStatus(next, vocabulary);
    const changes = next !== null && next !== action.status;
    await tx.insert(progressUpdates).values({
      actionId: action.id,
      recordedOn,
      author: input.author.trim(),
      comment: input.comment?.trim() || null,
      statusFrom: changes ? action.status : null,
      statusTo: changes ? next : null,
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
        progress: { recordedOn, author: input.author.trim(), comment: input.comment?.trim() || null },
      },
    });
    return getAction(tx, organisationId, id, today);
  });
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

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function listConditions(organisationId: string, q: Partial<ActionListQuery>, today: string): SQL {
  const conds: (SQL | undefined)[] = [eq(actions.organisationId, organisationId), isNull(actions.deletedAt)];
  if (q.responsible?.trim()) conds.push(ilike(actions.responsible, `%${escapeLike(q.responsible.trim())}%`));
  if (q.q?.trim()) conds.push(ilike(actions.text, `%${escapeLike(q.q.trim())}%`));
  if (q.status) conds.push(eq(actions.status, q.status));
  if (q.priority !== undefined) {
    conds.push(
      q.priority === 0 ? isNull(recommendations.priority) : eq(recommendations.priority, q.priority),
    );
  }
  if (q.dueBefore) conds.push(lte(actions.dueTo, q.dueBefore));
  if (q.dueAfter) conds.push(gte(actions.dueTo, q.dueAfter));
  if (q.overdue === 'true') conds.push(overdueSql(today));
  if (q.overdue === 'false') conds.push(sql`not ${overdueSql(today)}`);
  if (q.evaluationId) conds.push(eq(recommendations.evaluationId, q.evaluationId));
  return and(...conds)!;
}

const listColumns = (today: string) => ({
  id: actions.id,
  number: actions.number,
  text: actions.text,
  timeframe: actions.timeframe,
  dueFrom: actions.dueFrom,
  dueTo: actions.dueTo,
  dueInferred: actions.dueInferred,
  responsible: actions.responsible,
  fundingConditional: actions.fundingConditional,
  status: actions.status,
  comments: actions.comments,
  overdue: overdueSql(today),
  evaluationId: evaluations.id,
  evaluationTitle: evaluations.title,
  recommendationNumber: recommendations.number,
  recommendationText: recommendations.text,
  priority: recommendations.priority,
  response: recommendations.response,
  practiceId: actions.practiceId,
  practiceTitle: practices.title,
  itemId: actions.itemId,
});

type ListRecord = ActionListRow & {
  comments: string | null;
  recommendationText: string | null;
  response: string | null;
};

function presentListRow(r: {
  id: string;
  number: string;
  text: string;
  timeframe: string | null;
  dueFrom: string | null;
  dueTo: string | null;
  dueInferred: boolean;
  responsible: string | null;
  fundingConditional: boolean;
  status: string;
  comments: string | null;
  overdue: boolean;
  evaluationId: string | null;
  evaluationTitle: string | null;
  recommendationNumber: string | null;
  recommendationText: string | null;
  priority: number | null;
  response: string | null;
  practiceId: string | null;
  practiceTitle: string | null;
  itemId: string | null;
}): ListRecord {
  return {
    id: r.id,
    number: r.number,
    text: r.text,
    timeframe: r.timeframe,
    due: presentDue(r),
    responsible: r.responsible,
    fundingConditional: r.fundingConditional,
    status: r.status as ActionStatus,
    overdue: Boolean(r.overdue),
    evaluationId: r.evaluationId,
    evaluationTitle: r.evaluationTitle,
    recommendationNumber: r.recommendationNumber,
    priority: r.priority,
    comments: r.comments,
    recommendationText: r.recommendationText,
    response: r.response,
    practiceId: r.practiceId,
    practiceTitle: r.practiceTitle,
    itemId: r.itemId,
  };
}

/**
 * The cross-source action list ("what does my unit owe, and by when?"): filtered, sorted and
 * paginated in the database: two queries per page (the rows, and the total), whatever its size.
 */
export async function listActions(
  db: Db,
  organisationId: string,
  q: ActionListQuery,
  today: string,
): Promise<ActionList> {
  const order = {
    due: [asc(dueOrder), asc(actions.id)],
    '-due': [desc(dueOrder), desc(actions.id)],
    evaluation: [
      asc(evaluations.title),
      asc(evaluations.id),
      asc(recommendations.position),
      asc(actions.position),
    ],
    priority: [sql`${recommendations.priority} asc nulls last`, asc(dueOrder), asc(actions.id)],
    status: [asc(actions.status), asc(dueOrder), asc(actions.id)],
  }[q.sort];
  const rows = await db
    .select(listColumns(today))
    .from(actions)
    .leftJoin(recommendations, eq(recommendations.id, actions.recommendationId))
    .leftJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
    .leftJoin(practices, eq(practices.id, actions.practiceId))
    .where(listConditions(organisationId, q, today))
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  // The total in a query of its own: a window count would build every matching joined row first.
  const needsRecommendation = q.priority !== undefined || q.evaluationId !== undefined;
  const counted = db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(actions);
  const [c] = await (needsRecommendation
    ? counted.innerJoin(recommendations, eq(recommendations.id, actions.recommendationId))
    : counted
  ).where(listConditions(organisationId, q, today));
  const total = c?.n ?? 0;
  return {
    items: rows.map((r) => {
      const { comments: _c, recommendationText: _r, response: _s, ...row } = presentListRow(r);
      return row;
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Streams the filtered action list in the tracker's order (due date, then id), in batches read by
 * keyset, so an export of 100,000 actions holds one batch in memory at a time.
 */
export async function* streamActions(
  db: Db,
  organisationId: string,
  q: Partial<ActionListQuery>,
  today: string,
  batchSize = 2000,
): AsyncGenerator<ListRecord> {
  const batch = (after: { due: string; id: string } | null) =>
    db
      .select({ ...listColumns(today), dueKey: sql<string>`${dueOrder}::text` })
      .from(actions)
      .leftJoin(recommendations, eq(recommendations.id, actions.recommendationId))
      .leftJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
      .leftJoin(practices, eq(practices.id, actions.practiceId))
      .where(
        after
          ? and(
              listConditions(organisationId, q, today),
              sql`(${dueOrder}, ${actions.id}) > (${after.due}::date, ${after.id}::uuid)`,
            )
          : listConditions(organisationId, q, today),
      )
      .orderBy(asc(dueOrder), asc(actions.id))
      .limit(batchSize);
  let next = batch(null);
  for (;;) {
    const rows = await next;
    const last = rows[rows.length - 1];
    // Ask for the next batch before handing this one out: a database server reads while we write.
    if (rows.length === batchSize) next = batch({ due: last.dueKey, id: last.id });
    for (const r of rows) yield presentListRow(r);
    if (rows.length < batchSize) return;
  }
}
export type { ListRecord as ActionExportRow };
