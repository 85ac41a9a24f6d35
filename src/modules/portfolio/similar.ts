/**
 * Recommendations that come back: for one recommendation, those of the organisation's other
 * evaluations whose text reads like it (pg_trgm similarity, the nearest found through the GiST
 * trigram index), with what became of their key actions.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { NotFound } from '../../server/errors.js';
import { outcomesOfRecommendations } from '../actions/service.js';
import { evaluations, recommendations } from '../evaluations/schema.js';
import type { SimilarRecommendation } from './model.js';

/**
 * Below this, texts share little more than common words. Measured on paraphrases of the same
 * recommendation (0.24–0.5) and on unrelated ones (0.06–0.14).
 */
export const SIMILARITY_THRESHOLD = 0.2;

export async function similarRecommendations(
  db: Db,
  organisationId: string,
  recommendationId: string,
  limit = 5,
): Promise<SimilarRecommendation[]> {
  return db.transaction(async (tx) => {
    const [me] = (
      (await tx.execute(sql`
        select r.text, r.evaluation_id from ${recommendations} r
        join ${evaluations} e on e.id = r.evaluation_id
        where r.id = ${recommendationId} and e.organisation_id = ${organisationId} and e.deleted_at is null`)) as unknown as {
        rows: { text: string; evaluation_id: string }[];
      }
    ).rows;
    if (!me) throw new NotFound('recommendation');
    // `%` uses the trigram index with this threshold (for this transaction only).
    await tx.execute(
      sql`select set_config('pg_trgm.similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true)`,
    );
    const rows = (
      (await tx.execute(sql`
        with similar_ones as (
          select r.id, r.number, r.text, r.response, e.id as evaluation_id, e.title as evaluation_title,
                 e.year, similarity(r.text, ${me.text}) as similarity
          from ${recommendations} r
          join ${evaluations} e on e.id = r.evaluation_id
          where r.text % ${me.text} and e.organisation_id = ${organisationId}
            and e.deleted_at is null and r.evaluation_id <> ${me.evaluation_id}
          -- Nearest first (distance = 1 − similarity), as the GiST index walks them: a few more than
          -- asked for are read, not every alike one ranked (ordering by anything else here too
          -- would rank them all); among equally near ones, the most recent evaluation's first.
          order by r.text <-> ${me.text}
          limit ${limit * 4})
        select s.* from similar_ones s
        order by s.similarity desc, s.year desc nulls last, s.id
        limit ${limit}`)) as unknown as {
        rows: {
          id: string;
          number: string;
          text: string;
          response: string | null;
          evaluation_id: string;
          evaluation_title: string;
          year: number | null;
          similarity: number;
        }[];
      }
    ).rows;
    // What became of their actions: the tracker counts them.
    const outcomes = await outcomesOfRecommendations(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      text: r.text,
      response: r.response,
      evaluationId: r.evaluation_id,
      evaluationTitle: r.evaluation_title,
      year: r.year,
      similarity: Math.round(Number(r.similarity) * 1000) / 1000,
      ...(outcomes.get(r.id) ?? { actions: 0, completed: 0, closed: 0 }),
    }));
  });
}
