/**
 * The good-practice library: practices and their assessments, the review workflow, the
 * searchable catalogue with its facets, side-by-side comparison, the checklist heatmap, and the
 * improvement plan (actions from unmet items, kept by the action tracker).
 */
import { and, asc, type Column, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { Forbidden, fieldIssues, Invalid, NotFound } from '../../server/errors.js';
import type { ActionStatus, NewAction } from '../actions/model.js';
import { getAction, hideActionsWith, insertActionsReturning } from '../actions/service.js';
import { recordChange } from '../audit/service.js';
import type { FrameworkDefinition, Mark } from '../frameworks/model.js';
import { getFramework } from '../frameworks/service.js';
import type { ImportedPractice } from './import/importPracticePages.js';
import {
  type AssessmentInput,
  type Catalogue,
  type CatalogueItem,
  type CatalogueQuery,
  type CriterionCoverage,
  catalogueQuerySchema,
  type PracticeFields,
  type PracticeStatus,
  practiceFieldsSchema,
  practiceInputSchema,
} from './model.js';
import { mayMoveWorkflow } from './policies.js';
import {
  assessmentMarks,
  assessments,
  practiceFacetCombinations,
  practices,
  type StoredAnswer,
} from './schema.js';

type Practice = typeof practices.$inferSelect;

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

type FacetSource = Pick<
  Practice,
  'organisationId' | 'status' | 'country' | 'targetGroups' | 'areas' | 'fullyMetCriteria'
>;

/** The combination of facet values a practice counts under (arrays sorted, without repeats). */
function facetCombination(p: FacetSource) {
  const set = (values: string[]) => [...new Set(values)].sort();
  return {
    organisationId: p.organisationId,
    status: p.status,
    country: p.country ?? '',
    targetGroups: set(p.targetGroups),
    areas: set(p.areas),
    fullyMetCriteria: set(p.fullyMetCriteria),
  };
}

/** Moves a practice's count from its old facet combination to its new one (either may be absent). */
async function adjustFacetCounts(db: Db, before: FacetSource | null, after: FacetSource | null) {
  const deltas = new Map<string, ReturnType<typeof facetCombination> & { count: number }>();
  const add = (p: FacetSource | null, sign: number) => {
    if (!p) return;
    const c = facetCombination(p);
    const key = JSON.stringify(c);
    const d = deltas.get(key) ?? { ...c, count: 0 };
    d.count += sign;
    deltas.set(key, d);
  };
  add(before, -1);
  add(after, 1);
  const changes = [...deltas.values()].filter((d) => d.count !== 0);
  if (changes.length === 0) return;
  const c = practiceFacetCombinations;
  await db
    .insert(c)
    .values(changes)
    .onConflictDoUpdate({
      target: [c.organisationId, c.status, c.country, c.targetGroups, c.areas, c.fullyMetCriteria],
      set: { count: sql`${c.count} + excluded.count` },
    });
  await db.delete(c).where(sql`${c.count} <= 0`);
}

/** Recounts the facet combinations of an organisation's catalogue from its practices (after bulk loads). */
export async function rebuildFacetCounts(db: Db, organisationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .delete(practiceFacetCombinations)
      .where(eq(practiceFacetCombinations.organisationId, organisationId));
    await tx.execute(sql`
      insert into ${practiceFacetCombinations}
        (organisation_id, status, country, target_groups, areas, fully_met_criteria, count)
      select organisation_id, status, country, target_groups, areas, fully_met_criteria, count(*)::int
      from (select organisation_id, status, coalesce(country, '') as country,
              array(select distinct v from unnest(target_groups) v order by v) as target_groups,
              array(select distinct v from unnest(areas) v order by v) as areas,
              array(select distinct v from unnest(fully_met_criteria) v order by v) as fully_met_criteria
            from ${practices} where organisation_id = ${organisationId}) p
      group by 1, 2, 3, 4, 5, 6`);
  });
}

/** Runs a change to a practice and keeps the facet counts in step with it. */
async function withFacetCounts<T>(db: Db, id: string, change: () => Promise<T>): Promise<T> {
  const [before] = await db.select().from(practices).where(eq(practices.id, id));
  const result = await change();
  const [after] = await db.select().from(practices).where(eq(practices.id, id));
  await adjustFacetCounts(db, before ?? null, after ?? null);
  return result;
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
async function writeAssessment(db: Db, practiceId: string, a: AssessmentInput | null) {
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

const fieldValues = (f: PracticeFields) => ({
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

async function loadPractice(db: Db, organisationId: string, id: string, deleted = false): Promise<Practice> {
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

/** An assessment as flat fields for the audit trail: each item's mark and each question's narrative. */
async function assessmentSnapshot(db: Db, practiceId: string): Promise<Record<string, unknown>> {
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

async function assessmentInputOf(db: Db, practiceId: string): Promise<AssessmentInput | null> {
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

/** One practice as its page: fields, status, and each criterion with its questions, narratives, marks and coverage. */
export async function getPracticePage(
  db: Db,
  organisationId: string,
  id: string,
  visibleStatuses?: PracticeStatus[],
) {
  const p = await loadPractice(db, organisationId, id);
  if (visibleStatuses && !visibleStatuses.includes(p.status as PracticeStatus))
    throw new NotFound('practice');
  const [a] = await db.select().from(assessments).where(eq(assessments.practiceId, id));
  const marks = await db.select().from(assessmentMarks).where(eq(assessmentMarks.practiceId, id));
  const openActions = await db.execute(
    sql`select item_id, count(*)::int as n from actions where practice_id = ${id} group by item_id`,
  );
  const actionsByItem = new Map(
    ((openActions as unknown as { rows: { item_id: string; n: number }[] }).rows ?? []).map((r) => [
      r.item_id,
      Number(r.n),
    ]),
  );
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
export type PracticePage = Awaited<ReturnType<typeof getPracticePage>>;

type FacetColumns = Record<
  'organisationId' | 'status' | 'country' | 'targetGroups' | 'areas' | 'fullyMetCriteria',
  Column
>;

/** The facet filters and status of a catalogue query, on practices or on their facet combinations. */
function facetConditions(t: FacetColumns, organisationId: string, q: CatalogueQuery): SQL[] {
  const conds: SQL[] = [eq(t.organisationId, organisationId)];
  if (q.status !== 'all') conds.push(eq(t.status, q.status));
  if (q.country) conds.push(eq(t.country, q.country));
  if (q.targetGroup) conds.push(sql`${t.targetGroups} @> array[${q.targetGroup}]::text[]`);
  if (q.area) conds.push(sql`${t.areas} @> array[${q.area}]::text[]`);
  const fully = (q.fullyMet ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (fully.length) {
    conds.push(
      sql`${t.fullyMetCriteria} @> array[${sql.join(
        fully.map((f) => sql`${f}`),
        sql`, `,
      )}]::text[]`,
    );
  }
  return conds;
}

const words = (q: CatalogueQuery) => q.q?.trim() || null;

function catalogueConditions(organisationId: string, q: CatalogueQuery): SQL {
  const conds = [...facetConditions(practices, organisationId, q), isNull(practices.deletedAt)];
  const w = words(q);
  if (w) conds.push(sql`${practices.search} @@ websearch_to_tsquery('simple', ${w})`);
  return and(...conds)!;
}

/**
 * Counts every facet and the total over `g`: rows of facet values, how many practices share them
 * (`n`) and whether they match the query (`hit`). The row `all` counts every row of `g`.
 */
const facetCountsOver = (g: SQL) => sql`
  with g as (${g}), h as (select * from g where hit)
  select 'total' as facet, null as value, coalesce(sum(n), 0)::int as count from h
  union all select 'all', null, coalesce(sum(n), 0)::int from g
  union all (select 'country', country, sum(n)::int from h where country <> '' group by country order by 3 desc, 2 limit 50)
  union all (select 'targetGroup', v, sum(n)::int from h, unnest(target_groups) v group by v order by 3 desc, 2 limit 50)
  union all (select 'area', v, sum(n)::int from h, unnest(areas) v group by v order by 3 desc, 2 limit 50)
  union all (select 'fullyMet', v, sum(n)::int from h, unnest(fully_met) v group by v order by 3 desc, 2 limit 50)`;

/** The matching practices grouped by their facet values (from a relation with the practices' columns). */
const liveCombinations = (from: SQL, where?: SQL) => sql`
  select coalesce(country, '') as country, target_groups, areas, fully_met_criteria as fully_met,
    count(*)::int as n, true as hit
  from ${from} ${where ? sql`where ${where}` : sql``} group by 1, 2, 3, 4`;

type FacetRow = { facet: string; value: string | null; count: number };

type Counted = Pick<Catalogue, 'total' | 'facets'>;

function readFacets(rows: FacetRow[]): Counted & { all: number } {
  const facets: Catalogue['facets'] = { country: [], targetGroup: [], area: [], fullyMet: [] };
  let total = 0;
  let all = 0;
  for (const r of rows) {
    if (r.facet === 'total') total = Number(r.count);
    else if (r.facet === 'all') all = Number(r.count);
    else
      facets[r.facet as keyof Catalogue['facets']].push({ value: String(r.value), count: Number(r.count) });
  }
  return { total, facets, all };
}

/**
 * The total and facets of a catalogue query. Without words they come from the facet
 * combinations kept with every write (a few rows, however many practices); `source:
 * 'practices'` or words count the matching practices, grouped by their combination first so each
 * facet adds up few rows. Tests compare the two sources.
 */
export async function catalogueFacets(
  db: Db,
  organisationId: string,
  q: CatalogueQuery,
  source: 'kept' | 'practices' = 'kept',
): Promise<Counted & { all: number }> {
  const c = practiceFacetCombinations;
  // The kept rows of the query's status, marked whether they also match its facet filters.
  const byStatus = catalogueQuerySchema.parse({ status: q.status });
  const g =
    source === 'kept' && !words(q)
      ? sql`select ${c.country} as country, ${c.targetGroups} as target_groups, ${c.areas} as areas,
              ${c.fullyMetCriteria} as fully_met, ${c.count} as n,
              ${and(...facetConditions(c, organisationId, q))} as hit
            from ${c} where ${and(...facetConditions(c, organisationId, byStatus))}`
      : liveCombinations(sql`${practices}`, catalogueConditions(organisationId, q));
  const res = (await db.execute(facetCountsOver(g))) as unknown as { rows: FacetRow[] };
  return readFacets(res.rows);
}

const catalogueColumns = sql`id, title, summary, country, region, target_groups, areas, status,
  fully_met_criteria, updated_at::text as updated_at`;

interface CatalogueRow {
  id: string;
  title: string;
  summary: string | null;
  country: string | null;
  region: string | null;
  target_groups: string[];
  areas: string[];
  status: PracticeStatus;
  fully_met_criteria: string[];
  updated_at: string;
}

const catalogueItem = (r: CatalogueRow): CatalogueItem => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  country: r.country,
  region: r.region,
  targetGroups: r.target_groups,
  areas: r.areas,
  status: r.status,
  fullyMetCriteria: r.fully_met_criteria,
  updatedAt: r.updated_at,
});

/**
 * The catalogue: full-text search, facets, sorting and pagination in the database, in at most
 * two queries a page whatever its size.
 * - With words: one query. The matching practices are read once; the page and every facet come
 *   from that one read.
 * - Without: the total and facets from the kept combinations, then the page. Knowing the exact
 *   number of matches first, an empty page costs nothing, and a page of few matches among many
 *   practices is sorted from the matches rather than found by walking the title index (which
 *   PostgreSQL would do when it misjudges how often two filters meet).
 */
export async function searchCatalogue(db: Db, organisationId: string, q: CatalogueQuery): Promise<Catalogue> {
  const offset = (q.page - 1) * q.pageSize;
  const w = words(q);
  const where = catalogueConditions(organisationId, q);
  const page = { page: q.page, pageSize: q.pageSize };
  if (w) {
    // Only what sorting and counting need is kept from the matches; the page's rows are read after.
    const key =
      q.sort === 'title'
        ? sql`title`
        : q.sort === 'recent'
          ? sql`updated_at`
          : sql`ts_rank(search, websearch_to_tsquery('simple', ${w}))`;
    const order =
      q.sort === 'title' ? sql`k, id` : q.sort === 'recent' ? sql`k desc, id desc` : sql`k desc, id`;
    const res = (await db.execute(sql`
      with m as materialized (
        select id, ${key} as k, country, target_groups, areas, fully_met_criteria
        from ${practices} where ${where}),
      f as (${facetCountsOver(liveCombinations(sql`m`))})
      select (select json_agg(f) from f) as facets, p.*
      from (select 1) one left join lateral (
        select ${catalogueColumns}, s.k
        from (select id, k from m order by ${order} limit ${q.pageSize} offset ${offset}) s
        join ${practices} using (id)) p on true
      order by ${order}
    `)) as unknown as { rows: (CatalogueRow & { facets: FacetRow[] | string })[] };
    const first = res.rows[0];
    const facetRows: FacetRow[] = typeof first.facets === 'string' ? JSON.parse(first.facets) : first.facets;
    const { total, facets } = readFacets(facetRows ?? []);
    return { items: res.rows.filter((r) => r.id !== null).map(catalogueItem), total, facets, ...page };
  }
  const { total, facets, all } = await catalogueFacets(db, organisationId, q);
  const counted = { total, facets, ...page };
  if (total === 0 || offset >= total) return { items: [], ...counted };
  // Walking the title index finds a page after about (offset + size) × all / total practices;
  // sorting the matches costs about total. Take the cheaper.
  const few = total * total <= (offset + q.pageSize) * all;
  // `title || ''` sorts as title does but cannot use its index.
  const title = few ? sql`${practices.title} || ''` : sql`${practices.title}`;
  const order =
    q.sort === 'recent'
      ? sql`${practices.updatedAt} desc, ${practices.id} desc`
      : sql`${title}, ${practices.id}`;
  const res = (await db.execute(sql`
    select ${catalogueColumns} from ${practices} where ${where}
    order by ${order} limit ${q.pageSize} offset ${offset}`)) as unknown as { rows: CatalogueRow[] };
  return { items: res.rows.map(catalogueItem), ...counted };
}

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
    ]);
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
) {
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
    const status: ActionStatus = input.status ?? 'not_initiated';
    const [{ id }] = await insertActionsReturning(tx, [
      {
        organisationId,
        recommendationId: null,
        practiceId,
        itemId,
        position: 0,
        number: input.number ?? itemId,
        text: input.text ?? '',
        timeframe: input.timeframe ?? null,
        due: input.due ?? null,
        responsible: input.responsible ?? null,
        fundingConditional: input.fundingConditional ?? false,
        status,
        comments: input.comments ?? null,
      },
    ]);
    await recordChange(tx, caller, {
      entity: 'action',
      entityId: id,
      parentId: practiceId,
      operation: 'create',
      before: null,
      after: {
        number: input.number ?? itemId,
        itemId,
        text: input.text ?? '',
        responsible: input.responsible ?? null,
      },
    });
    return getAction(tx, organisationId, id, today);
  });
}
