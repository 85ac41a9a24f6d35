/**
 * Recurring themes across the portfolio: recommendations of different evaluations whose texts read
 * alike (pg_trgm similarity, found through the trigram index) are joined into one theme, pair by pair
 * (a theme holds every recommendation reachable through such pairs). The largest themes come first,
 * each with the evaluations and years it was made in and what became of its key actions.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { outcomesOfRecommendations } from '../actions/service.js';
import { evaluations, recommendations } from '../evaluations/schema.js';
import type { RecurringTheme } from './model.js';
import { SIMILARITY_THRESHOLD } from './similar.js';

type Row<T> = { rows: T[] };

/** Groups the ends of each pair into sets (union–find): a theme is what the pairs connect. */
function groups(pairs: { a: string; b: string }[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    for (let c = x; c !== root; ) {
      const next = parent.get(c) as string;
      parent.set(c, root);
      c = next;
    }
    return root;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const out = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    out.set(root, [...(out.get(root) ?? []), id]);
  }
  return [...out.values()];
}

export async function recurringThemes(db: Db, organisationId: string, limit = 20): Promise<RecurringTheme[]> {
  return db.transaction(async (tx) => {
    // `%` uses the trigram index with this threshold (for this transaction only).
    await tx.execute(
      sql`select set_config('pg_trgm.similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true)`,
    );
    const pairs = (
      (await tx.execute(sql`
        with mine as (
          select r.id, r.text, r.evaluation_id from ${recommendations} r
          join ${evaluations} e on e.id = r.evaluation_id
          where e.organisation_id = ${organisationId} and e.deleted_at is null)
        select a.id as a, b.id as b
        from mine a
        join ${recommendations} b on b.text % a.text and b.id > a.id and b.evaluation_id <> a.evaluation_id
        join ${evaluations} eb on eb.id = b.evaluation_id
        where eb.organisation_id = ${organisationId} and eb.deleted_at is null`)) as unknown as Row<{
        a: string;
        b: string;
      }>
    ).rows;
    if (pairs.length === 0) return [];
    // Each recommendation's number of alike ones: the most connected one names the theme.
    const degree = new Map<string, number>();
    for (const { a, b } of pairs) {
      degree.set(a, (degree.get(a) ?? 0) + 1);
      degree.set(b, (degree.get(b) ?? 0) + 1);
    }
    const chosen = groups(pairs)
      .sort((x, y) => y.length - x.length || (x[0] < y[0] ? -1 : 1))
      .slice(0, limit);
    const ids = chosen.flat();
    const details = (
      (await tx.execute(sql`
        select r.id, r.number, r.text, r.response, e.id as evaluation_id, e.title as evaluation_title, e.year
        from ${recommendations} r
        join ${evaluations} e on e.id = r.evaluation_id
        where r.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`)) as unknown as Row<{
        id: string;
        number: string;
        text: string;
        response: string | null;
        evaluation_id: string;
        evaluation_title: string;
        year: number | null;
      }>
    ).rows;
    // What became of their actions: the tracker counts them.
    const outcomes = await outcomesOfRecommendations(tx, ids);
    const none = { actions: 0, completed: 0, closed: 0 };
    const byId = new Map(details.map((d) => [d.id, { ...d, ...(outcomes.get(d.id) ?? none) }]));
    return chosen.map((members) => {
      const items = members
        .map((id) => byId.get(id))
        .filter((d) => d !== undefined)
        .sort(
          (x, y) => (x.year ?? 0) - (y.year ?? 0) || x.evaluation_title.localeCompare(y.evaluation_title),
        );
      const named = [...members].sort(
        (x, y) => (degree.get(y) ?? 0) - (degree.get(x) ?? 0) || (x < y ? -1 : 1),
      )[0];
      const years = [...new Set(items.map((i) => i.year).filter((y) => y !== null))].sort();
      return {
        text: byId.get(named)?.text ?? '',
        evaluations: new Set(items.map((i) => i.evaluation_id)).size,
        years,
        // A recommendation still open: some action asked for is neither completed nor closed.
        stillOpen: items.filter((i) => i.actions > i.closed).length,
        recommendations: items.map((i) => ({
          id: i.id,
          number: i.number,
          text: i.text,
          response: i.response,
          evaluationId: i.evaluation_id,
          evaluationTitle: i.evaluation_title,
          year: i.year,
          actions: i.actions,
          completed: i.completed,
          closed: i.closed,
        })),
      };
    });
  });
}
