/**
 * Evaluation follow-up: saving imported matrices, listing evaluations with their progress,
 * reading one as its matrix, and editing evaluations and recommendations. Actions are kept by
 * the actions module and reached through its service.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { Conflict, fieldIssues, Invalid, NotFound } from '../../server/errors.js';
import { isClosedStatus, saysNoActionNeeded } from '../actions/model.js';
import {
  type ActionInsert,
  actionsOfRecommendations,
  CLOSED_MESSAGE,
  hideActionsWith,
  initialStatus,
  insertActions,
  progressOfEvaluations,
  statusIssues,
} from '../actions/service.js';
import { linkSavedActions } from '../actions/unitLinks.js';
import { recordChange } from '../audit/service.js';
import { unitsOfOrganisation } from '../units/service.js';
import {
  type EvaluationPatch,
  type EvaluationSummary,
  type ImportedEvaluation,
  importedEvaluationSchema,
  type Matrix,
  type RecommendationPatch,
  type StatusTemplate,
} from './model.js';
import { evaluations, recommendations } from './schema.js';

/** Validates an evaluation as read by an importer (or edited on the review screen) and saves it whole. */
export async function saveEvaluation(
  db: Db,
  caller: Caller,
  input: unknown,
  sourceName: string | null = null,
): Promise<{ id: string }> {
  const parsed = importedEvaluationSchema.safeParse(input);
  if (!parsed.success) {
    throw new Invalid(
      'The evaluation has invalid fields; nothing was saved.',
      fieldIssues(parsed.error.issues),
    );
  }
  const evaluation = parsed.data;
  checkVocabulary(evaluation);
  const { organisationId } = caller;
  return db.transaction(async (tx) => {
    // Units to link: the organisation's, or a field-level error naming the action.
    const linked = evaluation.recommendations.flatMap((r, ri) =>
      r.actions.flatMap((a, ai) =>
        (a.unitIds ?? []).map((id, ui) => ({
          id,
          path: `recommendations.${ri}.actions.${ai}.unitIds.${ui}`,
        })),
      ),
    );
    await unitsOfOrganisation(
      tx,
      organisationId,
      linked.map((l) => l.id),
      (i) => linked[i].path,
    );
    const [saved] = await tx
      .insert(evaluations)
      .values({
        organisationId,
        title: evaluation.title,
        year: evaluation.year,
        period: evaluation.period,
        evaluators: evaluation.evaluators,
        owner: evaluation.owner,
        publishedOn: evaluation.publishedOn,
        overallComment: evaluation.overallComment,
        statusTemplate: evaluation.statusTemplate,
        notes: evaluation.notes,
        sourceName,
      })
      .returning({ id: evaluations.id });
    const recRows = evaluation.recommendations.map((r, position) => ({ id: randomUUID(), position, r }));
    if (recRows.length > 0) {
      await tx.insert(recommendations).values(
        recRows.map(({ id, position, r }) => ({
          id,
          evaluationId: saved.id,
          position,
          number: r.number,
          text: r.text,
          addressedTo: r.addressedTo,
          priority: r.priority,
          priorityJustification: r.priorityJustification,
          response: r.response,
          responseText: r.responseText,
          status: evaluation.statusTemplate === '2022' ? (r.status ?? 'open') : r.status,
          comments: r.comments,
          notes: r.notes,
        })),
      );
    }
    const initial = initialStatus(evaluation.statusTemplate);
    const actionRows: ActionInsert[] = recRows.flatMap(({ id, r }) =>
      r.actions.map((a, position) => ({
        organisationId,
        recommendationId: id,
        position,
        number: a.number,
        text: a.text,
        timeframe: a.timeframe,
        due: a.due,
        responsible: a.responsible,
        fundingConditional: a.fundingConditional,
        noActionNeeded: a.noActionNeeded ?? saysNoActionNeeded(a.text),
        status: a.status ?? initial,
        comments: a.comments,
      })),
    );
    await insertActions(tx, actionRows);
    const unitLinks = await linkSavedActions(
      tx,
      recRows.flatMap(({ id, r }) =>
        r.actions.map((a, position) => ({ recommendationId: id, position, unitIds: a.unitIds ?? [] })),
      ),
    );
    await recordChange(tx, caller, {
      entity: 'evaluation',
      entityId: saved.id,
      operation: 'create',
      before: null,
      after: {
        title: evaluation.title,
        year: evaluation.year,
        sourceName,
        recommendations: recRows.length,
        actions: actionRows.length,
        unitLinks,
      },
    });
    return { id: saved.id };
  });
}

function checkVocabulary(evaluation: ImportedEvaluation) {
  const issues = statusIssues(
    evaluation.statusTemplate,
    evaluation.recommendations.flatMap((r, ri) =>
      r.actions.map((a, ai) => ({ status: a.status, path: `recommendations.${ri}.actions.${ai}.status` })),
    ),
  );
  if (issues.length > 0) {
    throw new Invalid(
      `Some statuses are not used by the ${evaluation.statusTemplate} template; nothing was saved.`,
      issues,
    );
  }
}

export interface EvaluationListQuery {
  q?: string;
  /** The deleted evaluations instead (to restore one). */
  deleted?: boolean;
  page: number;
  pageSize: number;
}

/**
 * Evaluations with their progress, newest first: three queries per page whatever its size (the
 * page and its total side by side, then the progress of its evaluations from the action tracker).
 */
export async function listEvaluations(
  db: Db,
  organisationId: string,
  query: EvaluationListQuery,
  today: string,
): Promise<{ items: EvaluationSummary[]; total: number; page: number; pageSize: number }> {
  // Qualified by hand: in a one-table select drizzle leaves column names bare, which a subquery would rebind.
  const evaluationId = sql.raw('"evaluations"."id"');
  const conds = [
    eq(evaluations.organisationId, organisationId),
    query.deleted ? isNotNull(evaluations.deletedAt) : isNull(evaluations.deletedAt),
  ];
  if (query.q?.trim())
    conds.push(ilike(evaluations.title, `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...conds);
  // The page and its total apart: a total taken with the page (`count(*) over ()`) would have every
  // matching evaluation's row built, recommendation count included, before the page is cut.
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: evaluations.id,
        title: evaluations.title,
        year: evaluations.year,
        period: evaluations.period,
        statusTemplate: evaluations.statusTemplate,
        createdAt: evaluations.createdAt,
        deletedAt: evaluations.deletedAt,
        recommendationCount:
          sql<number>`(select count(*) from ${recommendations} r where r.evaluation_id = ${evaluationId})`.mapWith(
            Number,
          ),
      })
      .from(evaluations)
      .where(where)
      .orderBy(desc(evaluations.createdAt), desc(evaluations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(evaluations).where(where),
  ]);
  const progress = await progressOfEvaluations(
    db,
    rows.map((r) => r.id),
    today,
  );
  const none = { actionCount: 0, completedCount: 0, overdueCount: 0 };
  return {
    items: rows.map(({ statusTemplate, ...r }) => ({
      ...r,
      ...(progress.get(r.id) ?? none),
      statusTemplate: statusTemplate as StatusTemplate,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The status a recommendation's key actions give it: completed when every action that asks for
 * something is completed or no longer applies (discarded when none was completed), open otherwise;
 * null without such actions.
 */
export function followedStatus(
  acts: { status: string; noActionNeeded: boolean }[],
): 'open' | 'completed' | 'discarded' | null {
  const counted = acts.filter((a) => !a.noActionNeeded);
  if (counted.length === 0) return null;
  if (counted.some((a) => !isClosedStatus(a.status))) return 'open';
  return counted.some((a) => a.status === 'completed') ? 'completed' : 'discarded';
}

/** One evaluation as its matrix: recommendations in order, each with its actions and their histories. */
export async function getMatrix(db: Db, organisationId: string, id: string, today: string): Promise<Matrix> {
  const e = await evaluationOf(db, organisationId, id);
  const recs = await db
    .select()
    .from(recommendations)
    .where(eq(recommendations.evaluationId, e.id))
    .orderBy(asc(recommendations.position));
  const acts = await actionsOfRecommendations(
    db,
    organisationId,
    recs.map((r) => r.id),
    today,
  );
  return {
    id: e.id,
    title: e.title,
    year: e.year,
    period: e.period,
    evaluators: e.evaluators,
    owner: e.owner,
    publishedOn: e.publishedOn,
    overallComment: e.overallComment,
    statusTemplate: e.statusTemplate as StatusTemplate,
    notes: e.notes,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    closedAt: e.closedAt,
    closedBy: e.closedBy,
    closingNote: e.closingNote,
    responsePublishedAt: e.responsePublishedAt,
    recommendations: recs.map((r) => ({
      id: r.id,
      number: r.number,
      text: r.text,
      addressedTo: r.addressedTo,
      priority: r.priority,
      priorityJustification: r.priorityJustification,
      response: r.response as Matrix['recommendations'][number]['response'],
      responseText: r.responseText,
      status: r.status as Matrix['recommendations'][number]['status'],
      statusReason: r.statusReason,
      followedStatus: followedStatus(acts.filter((a) => a.recommendationId === r.id)),
      comments: r.comments,
      notes: r.notes,
      actions: acts.filter((a) => a.recommendationId === r.id),
    })),
  };
}

const evaluationOf = async (db: Db, organisationId: string, id: string, deleted = false) => {
  const [e] = await db
    .select()
    .from(evaluations)
    .where(
      and(
        eq(evaluations.id, id),
        eq(evaluations.organisationId, organisationId),
        deleted ? isNotNull(evaluations.deletedAt) : isNull(evaluations.deletedAt),
      ),
    );
  if (!e) throw new NotFound('evaluation');
  return e;
};

export async function updateEvaluation(db: Db, caller: Caller, id: string, patch: EvaluationPatch) {
  const { reason, ...fields } = patch;
  if (fields.statusTemplate !== undefined) {
    throw new Invalid('The status template of a saved evaluation cannot change.', [
      { path: 'statusTemplate', message: 'its actions already use this template’s statuses' },
    ]);
  }
  await db.transaction(async (tx) => {
    const before = await evaluationOf(tx, caller.organisationId, id);
    if (before.closedAt) throw new Conflict(CLOSED_MESSAGE).because('closed');
    const [after] = await tx
      .update(evaluations)
      .set({ ...fields, updatedAt: sql`now()` as unknown as string })
      .where(eq(evaluations.id, id))
      .returning();
    await recordChange(tx, caller, {
      entity: 'evaluation',
      entityId: id,
      operation: 'update',
      before,
      after,
      reason,
    });
  });
}

/** Deletes an evaluation softly: it and its actions leave every list until an editor restores it. */
export async function deleteEvaluation(db: Db, caller: Caller, id: string, reason?: string) {
  await db.transaction(async (tx) => {
    const before = await evaluationOf(tx, caller.organisationId, id);
    await tx
      .update(evaluations)
      .set({ deletedAt: sql`now()` as unknown as string })
      .where(eq(evaluations.id, id));
    await hideActionsWith(tx, id, 'evaluation', true);
    await recordChange(tx, caller, {
      entity: 'evaluation',
      entityId: id,
      operation: 'delete',
      before: { title: before.title, year: before.year },
      after: null,
      reason,
    });
  });
}

export async function restoreEvaluation(db: Db, caller: Caller, id: string, reason?: string) {
  await db.transaction(async (tx) => {
    const before = await evaluationOf(tx, caller.organisationId, id, true);
    await tx.update(evaluations).set({ deletedAt: null }).where(eq(evaluations.id, id));
    await hideActionsWith(tx, id, 'evaluation', false);
    await recordChange(tx, caller, {
      entity: 'evaluation',
      entityId: id,
      operation: 'restore',
      before: null,
      after: { title: before.title, year: before.year },
      reason,
    });
  });
}

export async function updateRecommendation(db: Db, caller: Caller, id: string, patch: RecommendationPatch) {
  const { reason, ...fields } = patch;
  return db.transaction(async (tx) => {
    const [rec] = await tx
      .select({ row: recommendations, template: evaluations.statusTemplate, closedAt: evaluations.closedAt })
      .from(recommendations)
      .innerJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
      .where(
        and(
          eq(recommendations.id, id),
          eq(evaluations.organisationId, caller.organisationId),
          isNull(evaluations.deletedAt),
        ),
      );
    if (!rec) throw new NotFound('recommendation');
    if (rec.closedAt) throw new Conflict(CLOSED_MESSAGE).because('closed');
    if (
      fields.status !== undefined &&
      (fields.status !== rec.row.status || (fields.status !== null && !rec.row.statusReason))
    ) {
      // A status set by hand needs a reason; without one (null) it follows the actions again.
      if (fields.status !== null && !reason) {
        throw new Invalid('Say why the recommendation’s status is set by hand.', [
          { path: 'reason', message: 'without a reason the status follows the key actions' },
        ]);
      }
      (fields as Record<string, unknown>).statusReason = fields.status === null ? null : reason;
    }
    const evaluationId = rec.row.evaluationId;
    if (Object.keys(fields).length > 0) {
      const [after] = await tx
        .update(recommendations)
        .set(fields)
        .where(eq(recommendations.id, id))
        .returning();
      await tx
        .update(evaluations)
        .set({ updatedAt: sql`now()` as unknown as string })
        .where(eq(evaluations.id, evaluationId));
      await recordChange(tx, caller, {
        entity: 'recommendation',
        entityId: id,
        parentId: evaluationId,
        operation: 'update',
        before: rec.row,
        after,
        reason,
      });
    }
    return { evaluationId };
  });
}
