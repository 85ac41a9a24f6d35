/**
 * The catalogue's facet counts, kept with every write: each practice counts under one row of
 * practice_facet_combinations (organisation, status, country and the sorted sets of target groups,
 * areas and fully met criteria); a write moves its count between rows in its transaction.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { practiceFacetCombinations, practices } from './schema.js';

type Practice = typeof practices.$inferSelect;

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
export async function adjustFacetCounts(db: Db, before: FacetSource | null, after: FacetSource | null) {
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
export async function withFacetCounts<T>(db: Db, id: string, change: () => Promise<T>): Promise<T> {
  const [before] = await db.select().from(practices).where(eq(practices.id, id));
  const result = await change();
  const [after] = await db.select().from(practices).where(eq(practices.id, id));
  await adjustFacetCounts(db, before ?? null, after ?? null);
  return result;
}
