/**
 * Reports on actions and their validation. What a unit reports is a progress update in the state
 * `reported`: its status change is not applied until an editor validates it; an editor may
 * instead return it with a comment, which the unit sees. Evidence (a link or a file) is kept with
 * the report. Every step is in the audit trail.
 */
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actorOf, type Caller } from '../../server/caller.js';
import { Conflict, NotFound } from '../../server/errors.js';
import { recordChange } from '../audit/service.js';
import { evaluations, recommendations } from '../evaluations/schema.js';
import type { Report } from '../followup/model.js';
import { units } from '../units/schema.js';
import type { ActionStatus } from './model.js';
import { actions, progressEvidence, progressUpdates } from './schema.js';
import { checkStatus, loadForChange } from './service.js';

export interface ReportInput {
  status?: ActionStatus;
  comment?: string | null;
  link?: string | null;
  file?: { name: string; contentType: string; data: Uint8Array } | null;
}

export interface ReportMeta {
  author: string;
  unitId: string | null;
  roundId: string | null;
  recordedOn: string;
}

/** Records a unit's report on an action (state `reported`); the action's status waits for validation. */
export async function reportProgress(
  tx: Db,
  caller: Caller,
  actionId: string,
  input: ReportInput,
  meta: ReportMeta,
): Promise<{ id: string }> {
  const { action, vocabulary, parentId } = await loadForChange(tx, caller.organisationId, actionId);
  if (input.status) checkStatus(input.status, vocabulary);
  const [row] = await tx
    .insert(progressUpdates)
    .values({
      actionId,
      recordedOn: meta.recordedOn,
      author: meta.author,
      comment: input.comment?.trim() || null,
      statusFrom: action.status,
      statusTo: input.status ?? null,
      state: 'reported',
      unitId: meta.unitId,
      roundId: meta.roundId,
    })
    .returning({ id: progressUpdates.id });
  const evidence: Record<string, unknown>[] = [];
  if (input.link) {
    await tx.insert(progressEvidence).values({ progressUpdateId: row.id, url: input.link });
    evidence.push({ link: input.link });
  }
  if (input.file) {
    await tx.insert(progressEvidence).values({
      progressUpdateId: row.id,
      fileName: input.file.name,
      contentType: input.file.contentType,
      size: input.file.data.byteLength,
      data: input.file.data,
    });
    evidence.push({ file: input.file.name, size: input.file.data.byteLength });
  }
  await recordChange(tx, caller, {
    entity: 'progress_update',
    entityId: row.id,
    parentId,
    operation: 'create',
    before: null,
    after: {
      action: action.number,
      state: 'reported',
      status: input.status ?? null,
      comment: input.comment?.trim() || null,
      evidence,
    },
  });
  return row;
}

/** Validates a report (its status change is applied) or returns it to the unit with a comment. */
export async function reviewReport(
  tx: Db,
  caller: Caller,
  updateId: string,
  decision: { validate: true } | { validate: false; comment: string },
): Promise<{ actionId: string; recommendationId: string | null }> {
  const [update] = await tx
    .select({ u: progressUpdates, organisationId: actions.organisationId })
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .where(and(eq(progressUpdates.id, updateId), eq(actions.organisationId, caller.organisationId)))
    .for('update', { of: progressUpdates });
  if (!update) throw new NotFound('report');
  if (update.u.state !== 'reported') {
    throw new Conflict(
      `This report was already ${update.u.state === 'validated' ? 'validated' : 'returned'}.`,
    );
  }
  const { action, vocabulary, parentId } = await loadForChange(tx, caller.organisationId, update.u.actionId);
  const reviewer = actorOf(caller).actorName;
  const next = update.u.statusTo as ActionStatus | null;
  if (decision.validate) {
    if (next) checkStatus(next, vocabulary);
    const changes = next !== null && next !== action.status;
    await tx
      .update(progressUpdates)
      .set({
        state: 'validated',
        reviewedBy: reviewer,
        reviewedAt: sql`now()` as unknown as string,
        statusFrom: changes ? action.status : null,
        statusTo: changes ? next : null,
      })
      .where(eq(progressUpdates.id, updateId));
    if (changes) {
      await tx
        .update(actions)
        .set({ status: next, updatedAt: sql`now()` as unknown as string })
        .where(eq(actions.id, action.id));
    }
    await recordChange(tx, caller, {
      entity: 'action',
      entityId: action.id,
      parentId,
      operation: 'update',
      before: { status: action.status, report: 'reported' },
      after: { status: changes ? next : action.status, report: 'validated' },
    });
  } else {
    await tx
      .update(progressUpdates)
      .set({
        state: 'returned',
        reviewedBy: reviewer,
        reviewedAt: sql`now()` as unknown as string,
        reviewComment: decision.comment,
      })
      .where(eq(progressUpdates.id, updateId));
    await recordChange(tx, caller, {
      entity: 'action',
      entityId: action.id,
      parentId,
      operation: 'update',
      before: { report: 'reported' },
      after: { report: 'returned', returnComment: decision.comment },
    });
  }
  return { actionId: action.id, recommendationId: action.recommendationId };
}

export interface ReportFilter {
  state?: 'reported' | 'validated' | 'returned';
  roundId?: string;
  evaluationId?: string;
  actionIds?: string[];
  unitIds?: string[];
  /** Only each action's latest report (per unit and round). */
  latest?: boolean;
}

export type ListedReport = Report & {
  actionNumber: string;
  actionText: string;
  evaluationId: string | null;
  evaluationTitle: string | null;
  roundId: string | null;
};

/** Reports of an organisation with their evidence, newest first: two queries whatever their number. */
export async function listReports(
  db: Db,
  organisationId: string,
  f: ReportFilter,
  limit = 500,
): Promise<ListedReport[]> {
  const conds: (SQL | undefined)[] = [
    eq(actions.organisationId, organisationId),
    sql`${actions.deletedAt} is null`,
    // Reports of units, or updates that are not plain validated edits.
    sql`(${progressUpdates.unitId} is not null or ${progressUpdates.state} <> 'validated')`,
  ];
  if (f.state) conds.push(eq(progressUpdates.state, f.state));
  if (f.roundId) conds.push(eq(progressUpdates.roundId, f.roundId));
  if (f.evaluationId) conds.push(eq(evaluations.id, f.evaluationId));
  if (f.actionIds) conds.push(f.actionIds.length ? inArray(actions.id, f.actionIds) : sql`false`);
  if (f.unitIds) conds.push(f.unitIds.length ? inArray(progressUpdates.unitId, f.unitIds) : sql`false`);
  if (f.latest) {
    conds.push(sql`not exists (select 1 from ${progressUpdates} later where later.action_id = ${progressUpdates.actionId}
      and later.unit_id is not distinct from ${progressUpdates.unitId} and later.round_id is not distinct from ${progressUpdates.roundId}
      and (later.created_at, later.id) > (${progressUpdates.createdAt}, ${progressUpdates.id}))`);
  }
  const rows = await db
    .select({
      u: progressUpdates,
      actionNumber: actions.number,
      actionText: actions.text,
      evaluationId: evaluations.id,
      evaluationTitle: evaluations.title,
      unitName: units.name,
    })
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .leftJoin(recommendations, eq(recommendations.id, actions.recommendationId))
    .leftJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
    .leftJoin(units, eq(units.id, progressUpdates.unitId))
    .where(and(...conds))
    .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
    .limit(limit);
  const ids = rows.map((r) => r.u.id);
  const evidence = ids.length
    ? await db
        .select({
          id: progressEvidence.id,
          updateId: progressEvidence.progressUpdateId,
          url: progressEvidence.url,
          fileName: progressEvidence.fileName,
          size: progressEvidence.size,
        })
        .from(progressEvidence)
        .where(inArray(progressEvidence.progressUpdateId, ids))
        .orderBy(progressEvidence.createdAt)
    : [];
  return rows.map((r) => ({
    id: r.u.id,
    actionId: r.u.actionId,
    recordedOn: r.u.recordedOn,
    author: r.u.author,
    comment: r.u.comment,
    statusFrom: r.u.statusFrom as ActionStatus | null,
    statusTo: r.u.statusTo as ActionStatus | null,
    state: r.u.state as Report['state'],
    reviewedBy: r.u.reviewedBy,
    reviewedAt: r.u.reviewedAt,
    reviewComment: r.u.reviewComment,
    unitName: r.unitName,
    roundId: r.u.roundId,
    evidence: evidence
      .filter((e) => e.updateId === r.u.id)
      .map((e) => ({ id: e.id, url: e.url, fileName: e.fileName, size: e.size })),
    actionNumber: r.actionNumber,
    actionText: r.actionText,
    evaluationId: r.evaluationId,
    evaluationTitle: r.evaluationTitle,
  }));
}

/** An evidence file or link of the organisation (optionally: only of these reports). */
export async function getEvidence(db: Db, organisationId: string, id: string, updateIds?: string[]) {
  const [row] = await db
    .select({ e: progressEvidence })
    .from(progressEvidence)
    .innerJoin(progressUpdates, eq(progressUpdates.id, progressEvidence.progressUpdateId))
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .where(
      and(
        eq(progressEvidence.id, id),
        eq(actions.organisationId, organisationId),
        updateIds ? (updateIds.length ? inArray(progressUpdates.id, updateIds) : sql`false`) : undefined,
      ),
    );
  if (!row) throw new NotFound('evidence');
  return row.e;
}
