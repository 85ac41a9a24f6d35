/**
 * Import fuzzing against a real server: starts Integra on a fresh embedded database (a child
 * process, as users run it), sends mutated .docx, .pdf, .txt files and pasted texts to the dry-run
 * import (src/test/fuzz/mutate.ts builds them from a seed), and prints what came back: files tried,
 * accepted, refused by status and code, and anything else (500s, replies without the error shape),
 * with the server's resident memory before, at its highest, and after the burst; then the same burst
 * again, to show whether memory it kept grows burst after burst (a leak) or is reused. Exits 1 when
 * any answer was a 500. The bounded version runs in the test suite (src/test/fuzz/import.test.ts).
 *
 *   npm run bench:fuzz                        3,000 cases, seed 1
 *   npm run bench:fuzz -- --cases 600 --seed 7
 *   npm run bench:fuzz -- --kinds pdf         only PDFs (docx, pdf, txt, pasted)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSeeds } from '../src/test/fuzz/mutate.js';
import { emptyTally, type FuzzRequest, refusedCount, runFuzz } from '../src/test/fuzz/run.js';
import { startServer } from '../src/test/spawn.js';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '1' },
    kinds: { type: 'string', default: 'docx,pdf,txt,pasted' },
  },
});
const CASES = Number(args.cases);
const SEED = Number(args.seed);
const KINDS = args.kinds.split(',');

/** Resident memory of a process, in MB (Linux). */
const rssOf = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024);
};
/** The first administrator, through POST /api/setup as the web app sends it (with its Origin). */
async function setupAdmin(url: string): Promise<string> {
  const res = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ name: 'Ada Admin', email: 'admin@example.org', password: 'a long test password' }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('integra.session_token='));
  if (res.status !== 200 || !cookie) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'integra-fuzz-'));
  const server = await startServer({ INTEGRA_DATA: dataDir, INTEGRA_SCHEDULER: 'off', INTEGRA_LOG: 'error' });
  const pid = server.child.pid as number;
  try {
    const started0 = rssOf(pid);
    const cookie = await setupAdmin(server.url);
    const seeds = await buildSeeds();
    const send = async (r: FuzzRequest) => {
      const res = await fetch(`${server.url}${r.url}`, {
        method: r.method,
        headers: { ...r.headers, cookie, origin: server.url },
        body: typeof r.payload === 'string' ? r.payload : new Uint8Array(r.payload),
      });
      return { status: res.status, body: await res.text() };
    };
    // Warm up (first PDF and Word reading load their libraries), then measure.
    await runFuzz(send, seeds, { seed: SEED + 1_000_000, count: 8 });
    await sleep(2000);
    const before = rssOf(pid);
    let peak = before;
    const tally = emptyTally();
    const started = performance.now();
    let slowest = { ms: 0, index: -1 };
    let last = performance.now();
    await runFuzz(send, seeds, {
      seed: SEED,
      count: CASES,
      kinds: KINDS,
      tally,
      onCase: (i) => {
        const now = performance.now();
        if (now - last > slowest.ms) slowest = { ms: now - last, index: i };
        last = now;
        if (i % 25 === 0) {
          peak = Math.max(peak, rssOf(pid));
          if (i % 500 === 0 && i > 0) console.error(`  … ${i} cases`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, rssOf(pid));
    await sleep(5000);
    const after = rssOf(pid);
    await sleep(25_000);
    const settled = rssOf(pid);
    // The same burst again: memory held after it, against after the first.
    await runFuzz(send, seeds, { seed: SEED, count: CASES, kinds: KINDS });
    await sleep(30_000);
    const again = rssOf(pid);

    console.log(`Import fuzzing, seed ${SEED}: ${tally.tried} cases in ${seconds.toFixed(1)} s`);
    console.log(`  accepted (200)        ${tally.accepted}`);
    console.log(`  refused (4xx)         ${refusedCount(tally)}`);
    for (const [code, n] of Object.entries(tally.refused).sort((a, b) => b[1] - a[1])) {
      console.log(`    ${code.padEnd(20)}${n}`);
    }
    console.log(`  500s and bad replies  ${tally.failures.length}`);
    for (const [kind, k] of Object.entries(tally.byKind)) {
      console.log(`  ${kind.padEnd(8)} tried ${k.tried}, accepted ${k.accepted}, refused ${k.refused}`);
    }
    console.log(`  slowest case          #${slowest.index}, ${Math.round(slowest.ms)} ms`);
    console.log(
      `  server memory (RSS)   started ${started0} MB, before the burst ${before} MB, highest ${peak} MB, 5 s after ${after} MB, 30 s after ${settled} MB`,
    );
    console.log(`  after the same burst again, 30 s later: ${again} MB`);
    for (const f of tally.failures.slice(0, 20)) {
      console.log(`  FAILED #${f.index} ${f.kind} (${f.mutation}): ${f.status} ${f.body.slice(0, 200)}`);
    }
    if (tally.failures.length > 0) process.exitCode = 1;
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
