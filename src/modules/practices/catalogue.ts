/**
 * The searchable catalogue: full-text search, facet filters and counts, sorting and pagination in
 * the database, and the stream of every match for its export.
 */
import { and, type Column, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  type Catalogue,
  type CatalogueItem,
  type CatalogueQuery,
  catalogueQuerySchema,
  type PracticeStatus,
} from './model.js';
import { practiceFacetCombinations, practices } from './schema.js';

/** A catalogue query without its page: what the export streams. */
export type CatalogueFilters = Omit<CatalogueQuery, 'page' | 'pageSize'>;

type FacetColumns = Record<
  'organisationId' | 'status' | 'country' | 'targetGroups' | 'areas' | 'fullyMetCriteria',
  Column
>;

/** The facet filters and status of a catalogue query, on practices or on their facet combinations. */
function facetConditions(t: FacetColumns, organisationId: string, q: CatalogueFilters): SQL[] {
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

const words = (q: CatalogueFilters) => q.q?.trim() || null;

function catalogueConditions(organisationId: string, q: CatalogueFilters): SQL {
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
  fully_met_criteria, updated_at`;

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

/**
 * Every practice a catalogue query matches, in the catalogue's order (by title; most recently
 * updated first; or, searched by words, most relevant first), read in keyset batches so an export
 * of 100,000 practices holds one batch in memory at a time and never stops short.
 */
export async function* streamCatalogue(
  db: Db,
  organisationId: string,
  q: CatalogueFilters,
  batchSize = 1000,
): AsyncGenerator<CatalogueItem> {
  const where = catalogueConditions(organisationId, q);
  const w = words(q);
  type Last = { id: string; key: string };
  // Each order with its key (as text, read back exactly) and the condition for rows after a key.
  const { key, order, after } =
    q.sort === 'recent'
      ? {
          key: sql`${practices.updatedAt}::text`,
          order: sql`${practices.updatedAt} desc, ${practices.id} desc`,
          after: (l: Last) =>
            sql`(${practices.updatedAt}, ${practices.id}) < (${l.key}::timestamptz, ${l.id}::uuid)`,
        }
      : q.sort === 'relevance' && w
        ? {
            key: sql`ts_rank(${practices.search}, websearch_to_tsquery('simple', ${w}))::text`,
            order: sql`ts_rank(${practices.search}, websearch_to_tsquery('simple', ${w})) desc, ${practices.id}`,
            after: (l: Last) =>
              sql`(-ts_rank(${practices.search}, websearch_to_tsquery('simple', ${w})), ${practices.id}) > (-(${l.key}::real), ${l.id}::uuid)`,
          }
        : {
            key: sql`${practices.title}`,
            order: sql`${practices.title}, ${practices.id}`,
            after: (l: Last) => sql`(${practices.title}, ${practices.id}) > (${l.key}, ${l.id}::uuid)`,
          };
  const batch = async (last: Last | null) =>
    (
      (await db.execute(sql`
        select ${catalogueColumns}, ${key} as sort_key from ${practices}
        where ${where} ${last ? sql`and ${after(last)}` : sql``}
        order by ${order} limit ${batchSize}`)) as unknown as {
        rows: (CatalogueRow & { sort_key: string })[];
      }
    ).rows;
  let next = batch(null);
  for (;;) {
    const rows = await next;
    const last = rows[rows.length - 1];
    // Ask for the next batch before handing this one out: a database server reads while we write.
    if (rows.length === batchSize) next = batch({ id: last.id, key: last.sort_key });
    for (const r of rows) yield catalogueItem(r);
    if (rows.length < batchSize) return;
  }
}
