/**
 * Assessments against a framework version: checking them, writing them with their marks (one row
 * per item) and what the catalogue derives from them (fully met criteria, search words), coverage
 * per criterion, and reading them back for edits and the audit trail.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { Invalid } from '../../server/errors.js';
import type { FrameworkDefinition, Mark } from '../frameworks/model.js';
import { getFramework } from '../frameworks/service.js';
import type { AssessmentInput, CriterionCoverage } from './model.js';
import { assessmentMarks, assessments, practices, type StoredAnswer } from './schema.js';

/** Coverage per criterion: met / assessed; not applicable and not assessed never count as not met. */
export function coverageOf(framework: FrameworkDefinition, marks: Map<string, Mark>): CriterionCoverage[] {
  return framework.criteria.map((c) => {
    let met = 0;
    let assessed = 0;
    for (const q of c.questions) {
      for (const it of q.items) {
        const m = marks.get(it.id);
        if (m === 'met') met++;
        if (m === 'met' || m === 'not_met') assessed++;
      }
    }
    return { criterionId: c.id, name: c.name, met, assessed, coverage: assessed ? met / assessed : null };
  });
}

/** Checks an assessment against its framework version; field-level messages for what does not belong. */
async function checkAssessment(db: Db, a: AssessmentInput, path = 'assessment') {
  const [id, version] = a.framework.split('@');
  const framework = await getFramework(db, id, Number(version));
  if (!framework) {
    throw new Invalid(`The framework ${a.framework} is not known.`, [
      { path: `${path}.framework`, message: 'unknown framework or version' },
    ]);
  }
  const questionIds = new Set(framework.criteria.flatMap((c) => c.questions.map((q) => q.id)));
  const itemIds = new Map(
    framework.criteria.flatMap((c) =>
      c.questions.flatMap((q) => q.items.map((it) => [it.id, q.id] as const)),
    ),
  );
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  a.questions.forEach((q, qi) => {
    if (q.questionId && !questionIds.has(q.questionId)) {
      issues.push({
        path: `${path}.questions.${qi}.questionId`,
        message: `${q.questionId} is not a question of ${a.framework}`,
      });
    }
    q.items.forEach((it, ii) => {
      if (!it.itemId) return;
      if (!itemIds.has(it.itemId))
        issues.push({
          path: `${path}.questions.${qi}.items.${ii}.itemId`,
          message: `${it.itemId} is not an item of ${a.framework}`,
        });
      else if (seen.has(it.itemId))
        issues.push({
          path: `${path}.questions.${qi}.items.${ii}.itemId`,
          message: `${it.itemId} is marked twice`,
        });
      seen.add(it.itemId);
    });
  });
  if (issues.length)
    throw new Invalid('The assessment does not fit its framework; nothing was saved.', issues);
  return framework;
}

/** Writes an assessment, its marks, and what the catalogue derives from them (facets, search words). */
export async function writeAssessment(db: Db, practiceId: string, a: AssessmentInput | null) {
  await db.delete(assessmentMarks).where(eq(assessmentMarks.practiceId, practiceId));
  await db.delete(assessments).where(eq(assessments.practiceId, practiceId));
  let fullyMet: string[] = [];
  let narratives = '';
  if (a) {
    const framework = await checkAssessment(db, a);
    const [id, version] = a.framework.split('@');
    const answers: StoredAnswer[] = a.questions.map((q) => ({
      questionId: q.questionId,
      criterion: q.criterion,
      question: q.question,
      narrative: q.narrative,
      inspiringTools: q.inspiringTools,
      unmatchedItems: q.items.filter((it) => !it.itemId).map((it) => ({ text: it.text, mark: it.mark })),
    }));
    await db
      .insert(assessments)
      .values({ practiceId, frameworkId: id, frameworkVersion: Number(version), answers });
    const marks = a.questions.flatMap((q) =>
      q.items
        .filter((it) => it.itemId)
        .map((it) => ({ practiceId, itemId: it.itemId as string, mark: it.mark })),
    );
    if (marks.length) await db.insert(assessmentMarks).values(marks);
    const byItem = new Map(marks.map((m) => [m.itemId, m.mark as Mark]));
    fullyMet = coverageOf(framework, byItem)
      .filter((c) => c.assessed > 0 && c.met === c.assessed)
      .map((c) => c.criterionId);
    narratives = a.questions.map((q) => q.narrative).join('\n');
  }
  await db
    .update(practices)
    .set({
      fullyMetCriteria: fullyMet,
      search: sql`setweight(to_tsvector('simple', coalesce(${practices.title}, '')), 'A') || setweight(to_tsvector('simple', coalesce(${practices.summary}, '')), 'B') || setweight(to_tsvector('simple', ${narratives}), 'C')`,
      updatedAt: sql`now()`,
    })
    .where(eq(practices.id, practiceId));
}

/** An assessment as flat fields for the audit trail: each item's mark and each question's narrative. */
export async function assessmentSnapshot(db: Db, practiceId: string): Promise<Record<string, unknown>> {
  const [a] = await db.select().from(assessments).where(eq(assessments.practiceId, practiceId));
  const marks = await db
    .select()
    .from(assessmentMarks)
    .where(eq(assessmentMarks.practiceId, practiceId))
    .orderBy(asc(assessmentMarks.itemId));
  const out: Record<string, unknown> = { framework: a ? `${a.frameworkId}@${a.frameworkVersion}` : null };
  for (const q of a?.answers ?? []) {
    out[`narrative ${q.questionId ?? q.question}`] = q.narrative;
    if (q.inspiringTools.length) out[`inspiring tools ${q.questionId ?? q.question}`] = q.inspiringTools;
  }
  for (const m of marks) out[`mark ${m.itemId}`] = m.mark;
  return out;
}

export async function assessmentInputOf(db: Db, practiceId: string): Promise<AssessmentInput | null> {
  const [a] = await db.select().from(assessments).where(eq(assessments.practiceId, practiceId));
  if (!a) return null;
  const marks = await db.select().from(assessmentMarks).where(eq(assessmentMarks.practiceId, practiceId));
  const framework = await getFramework(db, a.frameworkId, a.frameworkVersion);
  const byQuestion = new Map<string, { itemId: string; text: string; mark: Mark }[]>();
  for (const c of framework?.criteria ?? []) {
    for (const q of c.questions) {
      byQuestion.set(
        q.id,
        q.items.flatMap((it) => {
          const m = marks.find((x) => x.itemId === it.id);
          return m ? [{ itemId: it.id, text: it.text, mark: m.mark as Mark }] : [];
        }),
      );
    }
  }
  return {
    framework: `${a.frameworkId}@${a.frameworkVersion}`,
    questions: a.answers.map((q) => ({
      questionId: q.questionId,
      criterion: q.criterion,
      question: q.question,
      narrative: q.narrative,
      inspiringTools: q.inspiringTools,
      items: [
        ...(q.questionId ? (byQuestion.get(q.questionId) ?? []) : []),
        ...q.unmatchedItems.map((u) => ({ itemId: null, text: u.text, mark: u.mark as Mark })),
      ],
    })),
  };
}
