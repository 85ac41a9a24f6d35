/**
 * Where the memory of a burst of bad files goes: the import fuzzing of bench/fuzz.ts run in this
 * process (the app on an embedded database, requests through Fastify's inject), with the process's
 * memory printed before, after the burst, after a full garbage collection, and 10 s later. A server
 * that keeps memory after a burst (bench/fuzz.ts prints its RSS) holds garbage V8 has not yet
 * collected, not live data, when the figures after the collection are back near those before.
 *
 *   npm run bench:fuzz-memory                   3,000 cases, seed 1
 *   npm run bench:fuzz-memory -- --cases 600
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/client.js';
import { ensureDefaultOrganisation } from '../src/modules/accounts/service.js';
import { buildApp } from '../src/server/app.js';
import { buildSeeds } from '../src/test/fuzz/mutate.js';
import { type FuzzRequest, runFuzz } from '../src/test/fuzz/run.js';
import { as, setupAdmin } from '../src/test/session.js';

const { values: args } = parseArgs({
  options: { cases: { type: 'string', default: '3000' }, seed: { type: 'string', default: '1' } },
});
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('Run with --expose-gc: npm run bench:fuzz-memory');
  process.exit(1);
}

const mb = (n: number) => `${Math.round(n / 1_048_576)} MB`.padStart(7);
const show = (label: string) => {
  const m = process.memoryUsage();
  console.log(
    `  ${label.padEnd(28)} rss ${mb(m.rss)}   JS heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}   outside the heap ${mb(m.external)} (the embedded database's memory is there)`,
  );
};

const database = await openDatabase({ dataDir: 'memory://' });
const organisationId = await ensureDefaultOrganisation(database.db);
const app = await buildApp({ db: database.db, organisationId, webDist: null });
try {
  const inject = as(app, await setupAdmin(app));
  const seeds = await buildSeeds();
  const send = async (r: FuzzRequest) => {
    const res = await inject({
      method: r.method as 'POST',
      url: r.url,
      headers: r.headers,
      payload: r.payload,
    });
    return { status: res.statusCode, body: res.body };
  };
  // Warm up (the PDF and Word readers load their libraries), then measure.
  await runFuzz(send, seeds, { seed: 1_000_000, count: 8 });
  gc();
  console.log(`Memory of a burst of ${args.cases} mutated files (seed ${args.seed}), in one process:`);
  show('before, collected');
  const tally = await runFuzz(send, seeds, { seed: Number(args.seed), count: Number(args.cases) });
  show(`after (500s: ${tally.failures.length})`);
  gc();
  show('after a full collection');
  await new Promise((r) => setTimeout(r, 10_000));
  gc();
  show('10 s later, collected');
} finally {
  await app.close();
  await database.close();
}
