/**
 * Catalogue benchmark: seeds 100,000 generated practices, then prints search and facet latencies
 * (median, p95) through the HTTP API and for the same service call made directly, with their ratio
 * (the HTTP overhead) and the number of queries per page. Prints figures; asserts nothing.
 *
 *   npm run bench:practices                      PGlite, 100,000 practices
 *   npm run bench:practices -- --practices 20000
 *   BENCH_DATABASE_URL=postgres://… npm run bench:practices   PostgreSQL too
 * Targets (issue 4): p95 ≤ 100 ms on PGlite and ≤ 50 ms on PostgreSQL, overhead ≤ 1.5×.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../src/db/client.js';
import { ensureDefaultOrganisation } from '../src/modules/accounts/service.js';
import { ensureBuiltInFrameworks } from '../src/modules/frameworks/service.js';
import { catalogueQuerySchema } from '../src/modules/practices/model.js';
import { rebuildFacetCounts, searchCatalogue } from '../src/modules/practices/service.js';
import { buildApp } from '../src/server/app.js';
import { openScratchPostgres } from '../src/test/databases.js';

const { values: args } = parseArgs({
  options: { practices: { type: 'string', default: '100000' }, runs: { type: 'string', default: '40' } },
});
const N = Number(args.practices);
const RUNS = Number(args.runs);

const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
};

/**
 * Generates practices in SQL, in batches: words, countries, groups and areas drawn from small lists;
 * every 7th practice has a second target group, every 97th a second area (so some filters meet rarely).
 */
async function seed(database: Database, organisationId: string) {
  const started = performance.now();
  for (let from = 1; from <= N; from += 20_000) {
    const to = Math.min(N, from + 19_999);
    await database.db.execute(sql`
      insert into practices (organisation_id, title, summary, country, region, target_groups, areas, status, fully_met_criteria, search)
      select ${organisationId}::uuid,
        t.title, t.summary,
        (array['Italy','Germany','France','Spain','Greece','Sweden','Poland','Austria'])[1 + i % 8],
        (array['North','South','Capital region','Coast'])[1 + i % 4],
        array[(array['refugees','asylum seekers','women','young people','families','unaccompanied minors'])[1 + i % 6]]
          || case when i % 7 = 0 then array[(array['women','young people','families','older people'])[1 + (i / 7) % 4]] else '{}' end,
        array[(array['education_training','employment','health','housing_settlement','language','legal_status_rights','social_participation','sport_culture'])[1 + (i * 7) % 8]]
          || case when i % 97 = 0 then array[(array['education_training','employment','health','housing_settlement','language','legal_status_rights','social_participation','sport_culture'])[1 + (i / 11) % 8]] else '{}' end,
        case when i % 5 = 0 then 'draft' else 'published' end,
        (case i % 5 when 0 then '{}' when 1 then '{IP}' when 2 then '{IP,EF}' when 3 then '{RC}' else '{SU,PC}' end)::text[],
        setweight(to_tsvector('simple', t.title), 'A') || setweight(to_tsvector('simple', t.summary), 'B')
      from generate_series(${from}::int, ${to}::int) i,
      lateral (select
        'Practice ' || i || ' ' || (array['mentoring','language cafés','job coaching','health mediation','housing support','legal clinics','sport for inclusion','community interpreting'])[1 + i % 8] as title,
        (array['Volunteers and newcomers meet weekly','A municipal service with migrant mediators','Training for employers and trade unions','Peer support run by refugee-led organisations','Outreach in informal settlements with health workers'])[1 + i % 5]
          || ' in ' || (array['Turin','Hamburg','Lyon','Valencia','Athens','Malmö','Kraków','Graz'])[1 + i % 8] || '.' as summary) t`);
  }
  // Loaded in bulk, past the service: recount the catalogue's facets as the service keeps them.
  await rebuildFacetCounts(database.db, organisationId);
  await database.maintain();
  // A server vacuums and analyses new rows itself a little later (autovacuum, which also moves the
  // GIN indexes' pending entries into place); after a bulk load, now.
  if (database.kind === 'postgres') await database.db.execute(sql`vacuum analyze`);
  console.log(`  seeded ${N} practices in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function run(name: string, database: Database) {
  const organisationId = await ensureDefaultOrganisation(database.db);
  await ensureBuiltInFrameworks(database.db);
  console.log(`\n[${name}]`);
  await seed(database, organisationId);
  const app = await buildApp({ db: database.db, organisationId, webDist: null });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const cases: [string, Record<string, string>][] = [
    ['first page, no filter', {}],
    ['words "job coaching"', { q: 'job coaching' }],
    ['words + country facet', { q: 'mentoring', country: 'Italy' }],
    ['words matching one practice', { q: '4242' }],
    ['words, page 50 by title', { q: 'mentoring', sort: 'title', page: '50' }],
    ['country + area (few matches)', { country: 'Italy', area: 'health' }],
    ['area + target group (none)', { area: 'employment', targetGroup: 'refugees' }],
    ['criteria fully met IP and EF', { fullyMet: 'IP,EF' }],
    ['page 100, sorted by title', { sort: 'title', page: '100' }],
  ];
  console.log(
    `  ${'case'.padEnd(32)} ${'HTTP median/p95'.padStart(20)} ${'direct median/p95'.padStart(20)}  overhead  queries/page`,
  );
  for (const [label, params] of cases) {
    const query = new URLSearchParams(params).toString();
    const parsed = catalogueQuerySchema.parse(params);
    await fetch(`${address}/api/practices?${query}`);
    const http: number[] = [];
    const direct: number[] = [];
    let queries = 0;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const res = await fetch(`${address}/api/practices?${query}`);
      await res.json();
      http.push(performance.now() - t);
      const before = database.queryCount();
      t = performance.now();
      await searchCatalogue(database.db, organisationId, parsed);
      direct.push(performance.now() - t);
      queries = database.queryCount() - before;
    }
    const h = stats(http);
    const d = stats(direct);
    console.log(
      `  ${label.padEnd(32)} ${`${h.median.toFixed(1)} / ${h.p95.toFixed(1)} ms`.padStart(20)} ${`${d.median.toFixed(1)} / ${d.p95.toFixed(1)} ms`.padStart(20)}  ${(h.median / d.median).toFixed(2)}×     ${queries}`,
    );
  }
  await app.close();
}

async function main() {
  console.log(
    `Catalogue search with ${N} practices, ${RUNS} runs per case (targets: p95 ≤ 100 ms PGlite, ≤ 50 ms PostgreSQL; overhead ≤ 1.5×)`,
  );
  const pglite = await openDatabase({ dataDir: 'memory://' });
  try {
    await run('PGlite', pglite);
  } finally {
    await pglite.close();
  }
  const server = process.env.BENCH_DATABASE_URL;
  if (server) {
    const database = await openScratchPostgres(server, 'integra_bench_practices');
    try {
      await run('PostgreSQL', database);
    } finally {
      await database.close();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
