/**
 * Benchmarks of the evaluation follow-up. Prints figures; asserts nothing.
 *
 *   npm run bench                         all of them on PGlite (1,000 evaluations / 100,000 actions)
 *   npm run bench -- --only parse         one of: parse, list, export, portfolio
 *   npm run bench -- --only portfolio --evaluations 10000   the portfolio at 10,000 evaluations / 1,000,000 actions
 *   npm run bench -- --evaluations 200    a smaller data set
 *   BENCH_DATABASE_URL=postgres://… npm run bench   the database benchmarks on a PostgreSQL server too
 *   … -- --on postgresql                  only on the server (or --on pglite)
 *
 * Targets (issue 2): parsing the seed matrix ≤ 20 ms warm; the action list p95 ≤ 50 ms on
 * PostgreSQL and ≤ 150 ms on PGlite with a constant number of queries per page; the .xlsx export
 * of 100,000 actions ≤ 10 s with server memory growth ≤ 200 MB.
 * Targets (issue 13), at 10,000 evaluations / 1,000,000 actions: the dashboard and its report
 * ≤ 200 ms on PostgreSQL and ≤ 1 s on PGlite; similar recommendations and practice suggestions
 * ≤ 100 ms per recommendation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { seedDemo } from '../src/cli/demo.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { writeXlsx } from '../src/lib/spreadsheet.js';
import { wordsFor } from '../src/lib/words.js';
import { ensureDefaultOrganisation } from '../src/modules/accounts/service.js';
import { actionListQuerySchema } from '../src/modules/actions/model.js';
import { actionListColumns } from '../src/modules/actions/routes.js';
import { listActions, streamActions } from '../src/modules/actions/service.js';
import { importMatrixText } from '../src/modules/evaluations/import/importMatrixText.js';
import { type EvaluationListQuery, listEvaluations } from '../src/modules/evaluations/service.js';
import { practicesForRecommendation } from '../src/modules/portfolio/inspiration.js';
import { portfolioQuerySchema } from '../src/modules/portfolio/model.js';
import { managementReport } from '../src/modules/portfolio/report.js';
import { reportXlsx } from '../src/modules/portfolio/reportFiles.js';
import { dashboard } from '../src/modules/portfolio/service.js';
import { similarRecommendations } from '../src/modules/portfolio/similar.js';
import { openScratchPostgres } from '../src/test/databases.js';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    evaluations: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '50' },
    // Which databases: "pglite", "postgresql" (needs BENCH_DATABASE_URL), or both.
    on: { type: 'string', default: 'pglite,postgresql' },
  },
});
const EVALUATIONS = Number(args.evaluations);
const RUNS = Number(args.runs);
const TODAY = '2026-01-15';

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
const line = (label: string, samples: number[], extra = '') => {
  const { median, p95 } = stats(samples);
  console.log(
    `  ${label.padEnd(46)} median ${ms(median).padStart(10)}   p95 ${ms(p95).padStart(10)}${extra}`,
  );
};

function benchParse() {
  const seed = fileURLToPath(new URL('../../shared/seeds/000_276a55ae60865652.txt', import.meta.url));
  const fixture = fileURLToPath(
    new URL('../src/modules/evaluations/import/fixtures/classic-welcome-desks.txt', import.meta.url),
  );
  const path = existsSync(seed) ? seed : fixture;
  const text = readFileSync(path, 'utf8');
  for (let i = 0; i < 20; i++) importMatrixText(text);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    importMatrixText(text);
    samples.push(performance.now() - t);
  }
  console.log(
    `\nParsing a matrix (${path.includes('seeds') ? 'the seed' : 'the classic fixture'}, 200 warm runs; target ≤ 20 ms)`,
  );
  line('importMatrixText', samples);
}

async function prepare(
  name: string,
  open: () => Promise<Database>,
): Promise<{ database: Database; organisationId: string }> {
  const database = await open();
  const organisationId = await ensureDefaultOrganisation(database.db);
  const t = performance.now();
  for (let done = 0; done < EVALUATIONS; done += 100) {
    await seedDemo(database.db, Math.min(100, EVALUATIONS - done), 100, done);
  }
  await database.maintain();
  console.log(
    `\n[${name}] generated ${EVALUATIONS} evaluations / ${EVALUATIONS * 100} actions in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  return { database, organisationId };
}

async function benchList(name: string, database: Database, organisationId: string) {
  const target = name === 'PostgreSQL' ? 50 : 150;
  console.log(`\n[${name}] the cross-evaluation action list, ${RUNS} runs each (target p95 ≤ ${target} ms)`);
  const cases: [string, Record<string, unknown>][] = [
    ['first page, due date order', {}],
    ['page 200 of 50', { page: 200 }],
    ['responsible unit "M&E"', { responsible: 'M&E' }],
    ['overdue, priority 1', { overdue: 'true', priority: 1 }],
    ['status initiated, due before 2024-06-30', { status: 'initiated', dueBefore: '2024-06-30' }],
    ['sorted by evaluation', { sort: 'evaluation' }],
    ['page of 200 actions', { pageSize: 200 }],
  ];
  for (const [label, params] of cases) {
    const q = actionListQuerySchema.parse(params);
    await listActions(database.db, organisationId, q, TODAY);
    const samples: number[] = [];
    let queries = 0;
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const before = database.queryCount();
      const t = performance.now();
      const res = await listActions(database.db, organisationId, q, TODAY);
      samples.push(performance.now() - t);
      queries = database.queryCount() - before;
      total = res.total;
    }
    line(label, samples, `   ${queries} quer${queries === 1 ? 'y' : 'ies'}/page, ${total} matching`);
  }
  // The evaluations list shows each evaluation's progress: it should cost about what the action list does.
  console.log(`\n[${name}] the evaluations list, ${RUNS} runs each (target p95 ≤ ${target} ms)`);
  const evaluationCases: [string, EvaluationListQuery][] = [
    ['first page of 20', { page: 1, pageSize: 20 }],
    ['page 40 of 20', { page: 40, pageSize: 20 }],
    ['titles with "Welcome"', { page: 1, pageSize: 20, q: 'Welcome' }],
  ];
  for (const [label, q] of evaluationCases) {
    await listEvaluations(database.db, organisationId, q, TODAY);
    const samples: number[] = [];
    let queries = 0;
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const before = database.queryCount();
      const t = performance.now();
      const res = await listEvaluations(database.db, organisationId, q, TODAY);
      samples.push(performance.now() - t);
      queries = database.queryCount() - before;
      total = res.total;
    }
    line(label, samples, `   ${queries} quer${queries === 1 ? 'y' : 'ies'}/page, ${total} matching`);
  }
}

async function benchExport(name: string, database: Database, organisationId: string) {
  console.log(`\n[${name}] .xlsx export of every action, streamed (target ≤ 10 s, memory growth ≤ 200 MB)`);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  let bytes = 0;
  let rows = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done();
    },
  });
  const t = performance.now();
  async function* counted() {
    for await (const r of streamActions(database.db, organisationId, {}, TODAY)) {
      rows++;
      yield r;
    }
  }
  await writeXlsx(sink, 'Actions', actionListColumns(), counted(), { styled: false });
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `  ${rows} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB written in ${seconds.toFixed(2)} s; resident memory grew by ${((peak - rssBefore) / 1024 / 1024).toFixed(0)} MB at its peak`,
  );
}

async function timed(runs: number, f: () => Promise<unknown>): Promise<number[]> {
  await f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    samples.push(performance.now() - t);
  }
  return samples;
}

async function benchPortfolio(name: string, database: Database, organisationId: string) {
  const target = name === 'PostgreSQL' ? 200 : 1000;
  const runs = Math.max(5, Math.round(RUNS / 5));
  console.log(
    `\n[${name}] the portfolio, ${runs} runs each (target ≤ ${target} ms at 10,000 evaluations; similar and suggestions ≤ 100 ms)`,
  );
  const all = portfolioQuerySchema.parse({});
  const year = portfolioQuerySchema.parse({ from: '2024-01-01', to: '2024-12-31' });
  line(
    'dashboard, every action',
    await timed(runs, () => dashboard(database.db, organisationId, all, TODAY)),
  );
  line(
    'dashboard, actions due in 2024',
    await timed(runs, () => dashboard(database.db, organisationId, year, TODAY)),
  );
  const words = wordsFor('fr');
  const organisation = { id: organisationId, name: 'Bench' };
  line(
    'report for management (.xlsx, French)',
    await timed(runs, async () =>
      reportXlsx(await managementReport(database.db, organisation, year, TODAY, words), 'fr'),
    ),
  );
  // A catalogue to suggest from: 2,000 published practices (bench:practices measures its search at 100,000).
  await database.db.execute(sql`
    insert into practices (organisation_id, title, summary, status, search)
    select ${organisationId}::uuid, t.title, t.summary, 'published',
      setweight(to_tsvector('simple', t.title), 'A') || setweight(to_tsvector('simple', t.summary), 'B')
    from generate_series(1, 2000) i,
    lateral (select
      'Practice ' || i || ' ' || (array['mentoring','language courses','job coaching','health mediation','housing support','legal clinics','intake forms translated','community interpreting'])[1 + i % 8] as title,
      (array['Volunteers and newcomers meet weekly','A municipal service with migrant mediators','Training for staff of the reception centres','Peer support run by refugee-led organisations','Monitoring and evaluation with the communities'])[1 + i % 5] || '.' as summary) t`);
  await database.maintain();
  const picked = (
    (await database.db.execute(
      sql`select id from recommendations order by md5(id::text) limit 20`,
    )) as unknown as { rows: { id: string }[] }
  ).rows.map((r) => r.id);
  let k = 0;
  line(
    'similar recommendations, one recommendation',
    await timed(runs * 4, () =>
      similarRecommendations(database.db, organisationId, picked[k++ % picked.length]),
    ),
  );
  line(
    'practice suggestions, one recommendation',
    await timed(runs * 4, () =>
      practicesForRecommendation(database.db, organisationId, picked[k++ % picked.length]),
    ),
  );
}

async function main() {
  const only = args.only;
  if (!only || only === 'parse') benchParse();
  if (only === 'parse') return;
  const on = args.on.split(',');
  const targets: [string, () => Promise<Database>][] = [];
  if (on.includes('pglite')) targets.push(['PGlite', () => openDatabase({ dataDir: 'memory://' })]);
  const server = process.env.BENCH_DATABASE_URL;
  if (server && on.includes('postgresql'))
    targets.push(['PostgreSQL', () => openScratchPostgres(server, 'integra_bench')]);
  for (const [name, open] of targets) {
    const { database, organisationId } = await prepare(name, open);
    try {
      if (!only || only === 'list') await benchList(name, database, organisationId);
      if (!only || only === 'export') await benchExport(name, database, organisationId);
      if (!only || only === 'portfolio') await benchPortfolio(name, database, organisationId);
    } finally {
      await database.close();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
