/**
 * Runtime benchmark (issue 14, item 1): the compiled server and CLI, timed as a user meets them.
 * Prints each figure beside its target; asserts nothing. Compiles build/ first when needed.
 *
 *   npm run bench:runtime                    embedded database
 *   BENCH_DATABASE_URL=postgres://… npm run bench:runtime   PostgreSQL too
 *   npm run bench:runtime -- --runs 7        more runs per figure (median and worst printed)
 *
 * - `integra --help`, wall clock (target ≤ 0.3 s)
 * - `integra import matrix FILE --dry-run --json` on a text matrix (target ≤ 1 s)
 * - cold start to the first answer: a new server process on an empty embedded database (a new
 *   data folder; target ≤ 3 s) and on a new PostgreSQL database (target ≤ 2 s), until
 *   /api/health answers 200
 * - the idle server's memory (resident set), a few seconds after that first answer
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureServerBuild } from '../scripts/build-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const MATRIX = path.join(ROOT, 'src/modules/evaluations/import/fixtures/classic-welcome-desks.txt');
const SERVER_URL = process.env.BENCH_DATABASE_URL;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (what: string, xs: number[], target: number, unit = 's') =>
  console.log(
    `${what.padEnd(58)} median ${median(xs).toFixed(2)} ${unit}, worst ${Math.max(...xs).toFixed(2)} ${unit}   target ≤ ${target} ${unit}   ${median(xs) <= target ? 'met' : 'NOT met'}`,
  );

function timeCli(args: string[], env: Record<string, string> = {}): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['bin/integra.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`integra ${args.join(' ')} failed:\n${run.stderr}`);
  return (performance.now() - started) / 1000;
}

/** Resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Starts the compiled server and times it to the first 200 from /api/health. */
async function coldStart(env: Record<string, string>): Promise<{ seconds: number; idleMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['build/server/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: '0',
      INTEGRA_LOG: 'off',
      INTEGRA_SCHEDULER: 'off',
      ...env,
    },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      const m = output.match(/running at (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  for (;;) {
    const res = await fetch(`${url}/api/health`).catch(() => null);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 3000));
  const idleMb = rssMb(child.pid as number);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('close', r));
  return { seconds, idleMb };
}

async function main() {
  const built = await ensureServerBuild({ quiet: true });
  console.log(`Runtime (compiled build/${built ? ', just compiled' : ''}), ${RUNS} runs per figure\n`);
  timeCli(['--help']); // warms the file cache, as any second call would find it
  line(
    'integra --help',
    Array.from({ length: RUNS }, () => timeCli(['--help'])),
    0.3,
  );
  line(
    'integra import matrix (text) --dry-run --json',
    Array.from({ length: RUNS }, () => timeCli(['import', 'matrix', MATRIX, '--dry-run', '--json'])),
    1,
  );

  const pglite: { seconds: number; idleMb: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const data = mkdtempSync(path.join(tmpdir(), 'integra-bench-runtime-'));
    pglite.push(await coldStart({ INTEGRA_DATA: data }));
    rmSync(data, { recursive: true, force: true });
  }
  line(
    'cold start to first answer, empty embedded database',
    pglite.map((r) => r.seconds),
    3,
  );
  console.log(
    `${'idle server memory, embedded database'.padEnd(58)} median ${median(pglite.map((r) => r.idleMb)).toFixed(0)} MB (resident)`,
  );

  if (SERVER_URL) {
    const postgres: { seconds: number; idleMb: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const name = `integra_bench_runtime_${process.pid}_${i}`;
      const admin = new pg.Client({ connectionString: SERVER_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(SERVER_URL);
      url.pathname = `/${name}`;
      postgres.push(await coldStart({ DATABASE_URL: url.toString() }));
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
    line(
      'cold start to first answer, new PostgreSQL database',
      postgres.map((r) => r.seconds),
      2,
    );
    console.log(
      `${'idle server memory, PostgreSQL'.padEnd(58)} median ${median(postgres.map((r) => r.idleMb)).toFixed(0)} MB (resident)`,
    );
  } else console.log('(set BENCH_DATABASE_URL to time PostgreSQL too)');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
