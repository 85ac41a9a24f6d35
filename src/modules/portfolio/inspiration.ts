/**
 * Practices that can help with a recommendation: the organisation's published practices ranked by
 * how many of the recommendation's words their title, summary and narratives share (full text over
 * the catalogue's search words), and the practices an editor linked to it as inspiration — shown on
 * the recommendation and on the practice.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assertOwned } from '../../db/owned.js';
import type { Caller } from '../../server/caller.js';
import { NotFound } from '../../server/errors.js';
import { recordChange } from '../audit/service.js';
import { evaluations, recommendations } from '../evaluations/schema.js';
import { practices } from '../practices/schema.js';
import { recommendationPractices } from './schema.js';

/** Words too common to say what a recommendation is about (English, French, Spanish, Italian). */
const COMMON = new Set(
  `about also after more most other should such their there these they this those through with within would
  ensure improve strengthen develop including into from that have been will further better
  pour dans avec leur leurs sont plus être faire cette mais comme entre afin
  para como esta este entre sobre todas todos desde hacia deben
  della delle degli sono come questo questa anche nella nelle`
    .split(/\s+/)
    .filter(Boolean),
);

/** The recommendation's telling words as an OR query for the 'simple' text configuration. */
export function queryWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4 && !COMMON.has(w) && !/^\d+$/.test(w));
  return [...new Set(words)].slice(0, 40);
}

async function recommendationOf(db: Db, organisationId: string, id: string) {
  const [r] = await db
    .select({
      id: recommendations.id,
      text: recommendations.text,
      evaluationId: recommendations.evaluationId,
    })
    .from(recommendations)
    .innerJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
    .where(
      and(
        eq(recommendations.id, id),
        eq(evaluations.organisationId, organisationId),
        sql`${evaluations.deletedAt} is null`,
      ),
    );
  if (!r) throw new NotFound('recommendation');
  return r;
}

export interface PracticeSuggestion {
  id: string;
  title: string;
  country: string | null;
  summary: string | null;
  /** Linked to the recommendation as inspiration. */
  linked: boolean;
  /** How well its words match (0 for a linked practice that does not match). */
  score: number;
}

/** Linked practices first, then the best-matching published practices not linked yet. */
export async function practicesForRecommendation(
  db: Db,
  organisationId: string,
  recommendationId: string,
  limit = 5,
): Promise<PracticeSuggestion[]> {
  const rec = await recommendationOf(db, organisationId, recommendationId);
  const words = queryWords(rec.text);
  const query = words.length ? sql`to_tsquery('simple', ${words.join(' | ')})` : sql`null::tsquery`;
  const rows = (
    (await db.execute(sql`
      with linked as (
        select ${recommendationPractices.practiceId} as id from ${recommendationPractices}
        where ${recommendationPractices.recommendationId} = ${rec.id})
      select p.id, p.title, p.country, p.summary, (p.id in (select id from linked)) as linked,
             coalesce(ts_rank_cd(p.search, ${query}), 0) as score
      from ${practices} p
      where p.organisation_id = ${organisationId} and p.deleted_at is null
        and (p.id in (select id from linked)
             or (p.status = 'published' and ${words.length > 0} and p.search @@ ${query}))
      order by linked desc, score desc, p.title, p.id
      limit ${limit + 20}`)) as unknown as {
      rows: {
        id: string;
        title: string;
        country: string | null;
        summary: string | null;
        linked: boolean;
        score: number;
      }[];
    }
  ).rows;
  const linked = rows.filter((r) => r.linked);
  const suggested = rows.filter((r) => !r.linked).slice(0, limit);
  return [...linked, ...suggested].map((r) => ({
    id: r.id,
    title: r.title,
    country: r.country,
    summary: r.summary,
    linked: r.linked,
    score: Math.round(Number(r.score) * 1000) / 1000,
  }));
}

/** Links a practice to a recommendation as inspiration, or unlinks it; both in the history. */
export async function linkPractice(
  db: Db,
  caller: Caller,
  recommendationId: string,
  practiceId: string,
  linked: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    const rec = await recommendationOf(tx, caller.organisationId, recommendationId);
    const [p] = await tx
      .select({ id: practices.id, title: practices.title })
      .from(practices)
      .where(
        and(
          eq(practices.id, practiceId),
          eq(practices.organisationId, caller.organisationId),
          sql`${practices.deletedAt} is null`,
        ),
      );
    if (!p) throw new NotFound('practice');
    const changed = linked
      ? await tx
          .insert(recommendationPractices)
          .values({ recommendationId, practiceId, linkedBy: caller.user?.name ?? 'command line' })
          .onConflictDoNothing()
          .returning()
      : await tx
          .delete(recommendationPractices)
          .where(
            and(
              eq(recommendationPractices.recommendationId, recommendationId),
              eq(recommendationPractices.practiceId, practiceId),
            ),
          )
          .returning();
    if (changed.length === 0) return;
    await recordChange(tx, caller, {
      entity: 'recommendation',
      entityId: recommendationId,
      parentId: rec.evaluationId,
      operation: 'update',
      before: { inspiration: linked ? null : p.title },
      after: { inspiration: linked ? p.title : null },
    });
  });
}

/** The recommendations a practice was linked to as inspiration (members of its organisation). */
export async function recommendationsOfPractice(db: Db, organisationId: string, practiceId: string) {
  await assertOwned(db, practices, organisationId, practiceId, 'practice');
  return db
    .select({
      id: recommendations.id,
      number: recommendations.number,
      text: recommendations.text,
      evaluationId: evaluations.id,
      evaluationTitle: evaluations.title,
      year: evaluations.year,
    })
    .from(recommendationPractices)
    .innerJoin(recommendations, eq(recommendations.id, recommendationPractices.recommendationId))
    .innerJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
    .where(
      and(
        eq(recommendationPractices.practiceId, practiceId),
        eq(evaluations.organisationId, organisationId),
        sql`${evaluations.deletedAt} is null`,
      ),
    )
    .orderBy(asc(evaluations.title), asc(recommendations.position));
}
