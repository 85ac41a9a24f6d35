/**
 * Reading practices: one as its page (fields, each criterion with its questions, narratives, marks,
 * coverage and improvement actions per item), two to four side by side, and the checklist heatmap.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { Invalid, NotFound } from '../../server/errors.js';
import { improvementActionsPerItem } from '../actions/service.js';
import type { Mark } from '../frameworks/model.js';
import { getFramework } from '../frameworks/service.js';
import { coverageOf } from './assessment.js';
import type {
  CatalogueQuery,
  ChecklistHeatmap,
  PracticeFields,
  PracticePage,
  PracticeStatus,
} from './model.js';
import { fieldValues, loadPractice } from './records.js';
import { assessmentMarks, assessments, practices } from './schema.js';

/** One practice as its page: fields, status, and each criterion with its questions, narratives, marks and coverage. */
export async function getPracticePage(
  db: Db,
  organisationId: string,
  id: string,
  visibleStatuses?: PracticeStatus[],
): Promise<PracticePage> {
  const p = await loadPractice(db, organisationId, id);
  if (visibleStatuses && !visibleStatuses.includes(p.status as PracticeStatus))
    throw new NotFound('practice');
  const [a] = await db.select().from(assessments).where(eq(assessments.practiceId, id));
  const marks = await db.select().from(assessmentMarks).where(eq(assessmentMarks.practiceId, id));
  const actionsByItem = await improvementActionsPerItem(db, id);
  const framework = a ? await getFramework(db, a.frameworkId, a.frameworkVersion) : null;
  const byItem = new Map(marks.map((m) => [m.itemId, m.mark as Mark]));
  const answers = new Map(
    (a?.answers ?? []).filter((q) => q.questionId).map((q) => [q.questionId as string, q]),
  );
  return {
    id: p.id,
    ...fieldValues(p as unknown as PracticeFields),
    status: p.status as PracticeStatus,
    reviewComment: p.reviewComment,
    publishedAt: p.publishedAt,
    updatedAt: p.updatedAt,
    framework: framework ? { id: framework.id, version: framework.version, name: framework.name } : null,
    coverage: framework ? coverageOf(framework, byItem) : [],
    criteria: (framework?.criteria ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      questions: c.questions
        .filter((q) => answers.has(q.id) || q.items.some((it) => byItem.has(it.id)))
        .map((q) => ({
          id: q.id,
          text: q.text,
          narrative: answers.get(q.id)?.narrative ?? '',
          inspiringTools: answers.get(q.id)?.inspiringTools ?? [],
          items: q.items.map((it) => ({
            id: it.id,
            text: it.text,
            mark: byItem.get(it.id) ?? ('not_assessed' as Mark),
            actions: actionsByItem.get(it.id) ?? 0,
          })),
          unmatchedItems: answers.get(q.id)?.unmatchedItems ?? [],
        })),
    })),
    /** Answers to questions the framework does not have, kept as written. */
    otherAnswers: (a?.answers ?? []).filter((q) => !q.questionId),
  };
}
export type { PracticePage } from './model.js';

/** Two to four practices side by side: coverage per criterion and each item's mark. */
export async function comparePractices(
  db: Db,
  organisationId: string,
  ids: string[],
  visibleStatuses?: PracticeStatus[],
) {
  const unique = [...new Set(ids)];
  if (unique.length < 2 || unique.length > 4) {
    throw new Invalid('Compare two to four practices.', [
      { path: 'ids', message: 'give 2 to 4 different practices' },
    ]).because('compareCount');
  }
  const pages = [];
  for (const id of unique) pages.push(await getPracticePage(db, organisationId, id, visibleStatuses));
  return { practices: pages };
}

/**
 * What the field struggles with: for every checklist item of a framework, how many practices
 * met it, did not, or were assessed on it, most often unmet first; and the marks of a sample of
 * practices (the most recently updated) for the grid.
 */
export async function checklistHeatmap(
  db: Db,
  organisationId: string,
  frameworkKey: string,
  status: CatalogueQuery['status'],
  sample = 30,
): Promise<ChecklistHeatmap> {
  const [id, version] = frameworkKey.split('@');
  const framework = await getFramework(db, id, Number(version));
  if (!framework) throw new NotFound('framework');
  const statusCond = status === 'all' ? sql`true` : sql`p.status = ${status}`;
  const counts = (await db.execute(sql`
    select m.item_id, count(*) filter (where m.mark = 'met')::int as met, count(*) filter (where m.mark = 'not_met')::int as not_met
    from ${assessmentMarks} m join ${practices} p on p.id = m.practice_id
    where p.organisation_id = ${organisationId} and p.deleted_at is null and ${statusCond}
    group by m.item_id`)) as unknown as { rows: { item_id: string; met: number; not_met: number }[] };
  const byItem = new Map(
    counts.rows.map((r) => [r.item_id, { met: Number(r.met), notMet: Number(r.not_met) }]),
  );
  const columns = await db
    .select({ id: practices.id, title: practices.title })
    .from(practices)
    .where(
      and(
        eq(practices.organisationId, organisationId),
        isNull(practices.deletedAt),
        status === 'all' ? undefined : eq(practices.status, status),
      ),
    )
    .orderBy(desc(practices.updatedAt), asc(practices.id))
    .limit(sample);
  const cells = columns.length
    ? await db
        .select()
        .from(assessmentMarks)
        .where(
          inArray(
            assessmentMarks.practiceId,
            columns.map((c) => c.id),
          ),
        )
    : [];
  const items = framework.criteria.flatMap((c) =>
    c.questions.flatMap((q) =>
      q.items.map((it) => {
        const n = byItem.get(it.id) ?? { met: 0, notMet: 0 };
        const assessed = n.met + n.notMet;
        return {
          itemId: it.id,
          criterion: c.name,
          text: it.text,
          met: n.met,
          notMet: n.notMet,
          assessed,
          notMetShare: assessed ? n.notMet / assessed : null,
          marks: columns.map(
            (col) => cells.find((m) => m.practiceId === col.id && m.itemId === it.id)?.mark ?? null,
          ),
        };
      }),
    ),
  );
  items.sort((a, b) => (b.notMetShare ?? -1) - (a.notMetShare ?? -1) || b.notMet - a.notMet);
  return {
    framework: { id: framework.id, version: framework.version, name: framework.name },
    practices: columns,
    items,
  };
}
