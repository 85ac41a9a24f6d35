/**
 * Actions as records: inserting them for their source, reading them with their progress history,
 * and loading one for a change with the status vocabulary of its source (an evaluation's
 * template, or the classic one for improvement actions of a practice).
 */
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { Conflict, Invalid, NotFound } from '../../server/errors.js';
import { evaluations, recommendations } from '../evaluations/schema.js';
import {
  ACTION_STATUSES,
  type ActionStatus,
  type ActionWithHistory,
  isOverdue,
  STATUS_VOCABULARIES,
  type VocabularyName,
} from './model.js';
import { actions, progressUpdates } from './schema.js';
import { linkedUnits } from './unitLinks.js';

export type { ActionWithHistory } from './model.js';

export const CLOSED_MESSAGE = 'This evaluation is closed and read-only: reopen it to change it.';

/** Status vocabulary per evaluation template (improvement actions: classic); the first entry is a new action's status. */
export const VOCABULARY: Record<string, readonly ActionStatus[]> = STATUS_VOCABULARIES;

/** A new action's status in a vocabulary. */
export const initialStatus = (vocabulary: VocabularyName): ActionStatus => STATUS_VOCABULARIES[vocabulary][0];

/** Field-level issues for the statuses that are not in a vocabulary (unset statuses pass). */
export function statusIssues(
  vocabulary: VocabularyName,
  statuses: { status: ActionStatus | null | undefined; path: string }[],
): { path: string; message: string }[] {
  const allowed: readonly ActionStatus[] = STATUS_VOCABULARIES[vocabulary];
  return statuses
    .filter((s) => s.status && !allowed.includes(s.status))
    .map((s) => ({ path: s.path, message: `use one of: ${allowed.join(', ')}` }));
}

type ActionRow = typeof actions.$inferSelect;
type UpdateRow = typeof progressUpdates.$inferSelect;

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
  noActionNeeded: boolean;
  status: ActionStatus;
  comments: string | null;
}

export function presentDue(row: { dueFrom: string | null; dueTo: string | null; dueInferred: boolean }) {
  return row.dueTo ? { from: row.dueFrom, to: row.dueTo, inferred: row.dueInferred } : null;
}

function present(
  row: ActionRow,
  updates: UpdateRow[],
  today: string,
  units: { id: string; name: string }[] = [],
): ActionWithHistory {
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
    units,
    fundingConditional: row.fundingConditional,
    noActionNeeded: row.noActionNeeded,
    status,
    comments: row.comments,
    overdue: isOverdue(due, status, today, row.noActionNeeded),
    updates: updates.map((u) => ({
      id: u.id,
      recordedOn: u.recordedOn,
      author: u.author,
      comment: u.comment,
      statusFrom: u.statusFrom,
      statusTo: u.statusTo,
      state: u.state as 'reported' | 'validated' | 'returned',
      reviewComment: u.reviewComment,
      createdAt: u.createdAt,
    })),
  };
}

export const toColumns = (a: ActionInsert) => ({
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
  noActionNeeded: a.noActionNeeded,
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
  const ids = rows.map((r) => r.id);
  const updates = await updatesOf(db, ids);
  const units = await linkedUnits(db, ids);
  return rows.map((r) => present(r, updates.get(r.id) ?? [], today, units.get(r.id)));
}

export async function updatesOf(db: Db, actionIds: string[]): Promise<Map<string, UpdateRow[]>> {
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
export async function loadForChange(db: Db, organisationId: string, id: string, deleted = false) {
  const [row] = await db
    .select({
      action: actions,
      template: evaluations.statusTemplate,
      year: evaluations.year,
      evaluationId: evaluations.id,
      closedAt: evaluations.closedAt,
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
  if (row.closedAt) throw new Conflict(CLOSED_MESSAGE).because('closed');
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

export function checkStatus(status: ActionStatus, vocabulary: readonly ActionStatus[], path = 'status') {
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
  const units = await linkedUnits(db, [row.id]);
  return present(row, updates.get(row.id) ?? [], today, units.get(row.id));
}
