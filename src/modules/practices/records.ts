/**
 * Practices as records: saving imported ones, editing their description and assessment, the
 * review workflow (draft → in review → published), deleting and restoring them. Every write keeps
 * the catalogue's facet counts and search words in step, in its transaction.
 */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { Forbidden, fieldIssues, Invalid, NotFound } from '../../server/errors.js';
import { hideActionsWith } from '../actions/service.js';
import { recordChange } from '../audit/service.js';
import { assessmentInputOf, assessmentSnapshot, writeAssessment } from './assessment.js';
import { adjustFacetCounts, withFacetCounts } from './facets.js';
import type { ImportedPractice } from './import/importPracticePages.js';
import {
  type AssessmentInput,
  type PracticeFields,
  type PracticeStatus,
  practiceFieldsSchema,
  practiceInputSchema,
} from './model.js';
import { mayMoveWorkflow } from './policies.js';
import { practices } from './schema.js';

export type Practice = typeof practices.$inferSelect;

export const fieldValues = (f: PracticeFields) => ({
  title: f.title,
  summary: f.summary,
  organisations: f.organisations,
  country: f.country || null,
  region: f.region,
  targetGroups: [...new Set(f.targetGroups)],
  areas: [...new Set(f.areas)],
  period: f.period,
  fundingSources: f.fundingSources,
  partners: f.partners,
  links: f.links,
  contact: f.contact,
});

/** Saves new practices (each a draft, with its assessment) in one transaction: all or none. */
export async function createPractices(db: Db, caller: Caller, inputs: unknown[]): Promise<string[]> {
  const { organisationId } = caller;
  const parsed = inputs.map((input, i) => {
    const r = practiceInputSchema.safeParse(input);
    if (!r.success) {
      throw new Invalid(
        `Practice ${i + 1} has invalid fields; nothing was saved.`,
        fieldIssues(r.error.issues).map((d) => ({ ...d, path: `practices.${i}.${d.path}` })),
      );
    }
    return r.data;
  });
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const p of parsed) {
      const [row] = await tx
        .insert(practices)
        .values({ organisationId, ...fieldValues(p) })
        .returning({ id: practices.id });
      await writeAssessment(tx, row.id, p.assessment);
      const [saved] = await tx.select().from(practices).where(eq(practices.id, row.id));
      await adjustFacetCounts(tx, null, saved);
      await recordChange(tx, caller, {
        entity: 'practice',
        entityId: row.id,
        operation: 'create',
        before: null,
        after: { title: saved.title, ...(await assessmentSnapshot(tx, row.id)) },
      });
      ids.push(row.id);
    }
    return ids;
  });
}

/** The reading of a practice page as the input of a new practice, for the review screen. */
export function practiceFromImport(p: ImportedPractice, index: number) {
  return {
    title: p.title ?? `Practice ${index + 1}`,
    summary: null,
    organisations: [],
    country: null,
    region: null,
    targetGroups: [],
    areas: [],
    period: null,
    fundingSources: [],
    partners: [],
    links: [],
    contact: null,
    assessment: {
      framework: p.assessment.framework,
      questions: p.assessment.questions.map((q) => ({
        questionId: q.questionId,
        criterion: q.criterion,
        question: q.question,
        narrative: q.narrative,
        inspiringTools: q.inspiringTools,
        items: q.items.map((it) => ({ itemId: it.itemId, text: it.text, mark: it.mark })),
      })),
    },
  };
}

export async function loadPractice(
  db: Db,
  organisationId: string,
  id: string,
  deleted = false,
): Promise<Practice> {
  const [row] = await db
    .select()
    .from(practices)
    .where(
      and(
        eq(practices.id, id),
        eq(practices.organisationId, organisationId),
        deleted ? isNotNull(practices.deletedAt) : isNull(practices.deletedAt),
      ),
    );
  if (!row) throw new NotFound('practice');
  return row;
}

export async function updatePractice(
  db: Db,
  caller: Caller,
  id: string,
  patch: Partial<PracticeFields> & { reason?: string },
) {
  const { reason, ...fields } = patch;
  return db.transaction(async (tx) => {
    const current = await loadPractice(tx, caller.organisationId, id);
    const merged = practiceFieldsSchema.parse({
      ...fieldValues(current as unknown as PracticeFields),
      ...fields,
    });
    await withFacetCounts(tx, id, async () => {
      await tx.update(practices).set(fieldValues(merged)).where(eq(practices.id, id));
      await writeAssessment(tx, id, await assessmentInputOf(tx, id));
    });
    await recordChange(tx, caller, {
      entity: 'practice',
      entityId: id,
      operation: 'update',
      before: fieldValues(current as unknown as PracticeFields),
      after: fieldValues(merged),
      reason,
    });
  });
}

export async function updateAssessment(
  db: Db,
  caller: Caller,
  id: string,
  assessment: AssessmentInput | null,
  reason?: string,
) {
  return db.transaction(async (tx) => {
    await loadPractice(tx, caller.organisationId, id);
    const before = await assessmentSnapshot(tx, id);
    await withFacetCounts(tx, id, () => writeAssessment(tx, id, assessment));
    await recordChange(tx, caller, {
      entity: 'assessment',
      entityId: id,
      parentId: id,
      operation: 'update',
      before,
      after: await assessmentSnapshot(tx, id),
      reason,
    });
  });
}

/** Deletes a practice softly: it leaves the catalogue, and its improvement actions the tracker, until restored. */
export async function deletePractice(db: Db, caller: Caller, id: string, reason?: string) {
  return db.transaction(async (tx) => {
    const p = await loadPractice(tx, caller.organisationId, id);
    await tx.update(practices).set({ deletedAt: sql`now()` }).where(eq(practices.id, id));
    await adjustFacetCounts(tx, p, null);
    await hideActionsWith(tx, id, 'practice', true);
    await recordChange(tx, caller, {
      entity: 'practice',
      entityId: id,
      operation: 'delete',
      before: { title: p.title, status: p.status },
      after: null,
      reason,
    });
  });
}

export async function restorePractice(db: Db, caller: Caller, id: string, reason?: string) {
  return db.transaction(async (tx) => {
    const p = await loadPractice(tx, caller.organisationId, id, true);
    await tx.update(practices).set({ deletedAt: null }).where(eq(practices.id, id));
    await adjustFacetCounts(tx, null, p);
    await hideActionsWith(tx, id, 'practice', false);
    await recordChange(tx, caller, {
      entity: 'practice',
      entityId: id,
      operation: 'restore',
      before: null,
      after: { title: p.title, status: p.status },
      reason,
    });
  });
}

/** Deleted practices, most recently deleted first, to restore one. */
export async function listDeletedPractices(db: Db, organisationId: string) {
  return db
    .select({
      id: practices.id,
      title: practices.title,
      status: practices.status,
      deletedAt: practices.deletedAt,
    })
    .from(practices)
    .where(and(eq(practices.organisationId, organisationId), isNotNull(practices.deletedAt)))
    .orderBy(desc(practices.deletedAt))
    .limit(200);
}

const TRANSITIONS: Record<PracticeStatus, PracticeStatus[]> = {
  draft: ['in_review'],
  in_review: ['published', 'draft'],
  published: ['draft'],
};

/** Moves a practice through draft → in review → published, keeping the reviewer's comment. */
export async function moveWorkflow(db: Db, caller: Caller, id: string, to: PracticeStatus, comment?: string) {
  return db.transaction(async (tx) => {
    const p = await loadPractice(tx, caller.organisationId, id);
    const from = p.status as PracticeStatus;
    if (!TRANSITIONS[from].includes(to)) {
      throw new Invalid(`A practice ${from.replace('_', ' ')} cannot go to ${to.replace('_', ' ')}.`, [
        { path: 'to', message: `from ${from}: ${TRANSITIONS[from].join(' or ')}` },
      ]);
    }
    if (!mayMoveWorkflow(caller, from, to)) {
      throw new Forbidden(
        to === 'in_review'
          ? 'Only editors submit practices for review.'
          : 'Only reviewers publish or return practices.',
      );
    }
    await recordChange(tx, caller, {
      entity: 'practice',
      entityId: id,
      operation: 'update',
      before: { status: from },
      after: { status: to },
      reason: comment,
    });
    await withFacetCounts(tx, id, () =>
      tx
        .update(practices)
        .set({
          status: to,
          reviewComment: comment?.trim() ? comment.trim() : to === 'published' ? null : p.reviewComment,
          publishedAt: to === 'published' ? sql`now()` : p.publishedAt,
          updatedAt: sql`now()`,
        })
        .where(eq(practices.id, id)),
    );
  });
}
