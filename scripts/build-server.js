// Compiles the server and the CLI (src/, TypeScript) to plain JavaScript in build/, one file per
// source file at the same depth, so paths relative to a module (the migrations, the locales, the
// web build) hold in both. esbuild only strips types: `npm run check` (tsc) does the type checking.
// Run by `npm start`, by the `integra` command and by the test suites whenever src/ changed.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
export const BUILD_DIR = path.join(root, 'build');
const STAMP = '.sources';
const EMPTY_DATABASE = 'empty-database.tar';
const EMPTY_STAMP = '.empty-database';

/** What is compiled or copied: everything in src/ but tests, test helpers and test fixtures. */
function sources(dir = src, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures' && p !== path.join(src, 'test')) sources(p, found);
    } else if (/\.(ts|json|mjs)$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) found.push(p);
  }
  return found;
}

/** The migrations and the PGlite version: what the saved empty database depends on. */
function databaseFingerprint() {
  const drizzle = path.join(root, 'drizzle');
  const migrations = readdirSync(drizzle)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const pglite = JSON.parse(
    readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  );
  return [
    `pglite ${pglite.version}`,
    ...migrations.map(
      (f) =>
        `${f} ${readFileSync(path.join(drizzle, f), 'utf8').length} ${statSync(path.join(drizzle, f)).mtimeMs}`,
    ),
  ].join('\n');
}

/**
 * Saves the empty embedded database with every migration applied: a new data folder starts as a
 * copy of it (src/db/client.ts) instead of running initdb and the migrations (5 s → 1 s).
 * Kept from the previous build while the migrations and PGlite are the same.
 */
async function saveEmptyDatabase(dir) {
  const print = databaseFingerprint();
  const previous = path.join(BUILD_DIR, EMPTY_DATABASE);
  if (existsSync(previous) && readFileSync(path.join(BUILD_DIR, EMPTY_STAMP), 'utf8').toString() === print) {
    copyFileSync(previous, path.join(dir, EMPTY_DATABASE));
  } else {
    const { openDatabase } = await import(pathToFileURL(path.join(dir, 'db/client.js')).href);
    const database = await openDatabase({ dataDir: 'memory://' });
    const dump = await database.dump();
    await database.close();
    writeFileSync(path.join(dir, EMPTY_DATABASE), Buffer.from(await dump.arrayBuffer()));
  }
  writeFileSync(path.join(dir, EMPTY_STAMP), print);
}

/** A fingerprint of the sources: their paths, sizes and times of change. */
function fingerprint(files) {
  return files
    .map((f) => {
      const s = statSync(f);
      return `${path.relative(src, f)} ${s.size} ${s.mtimeMs}`;
    })
    .join('\n');
}

/** Builds when build/ is missing or older than src/; quiet when there is nothing to do. */
export async function ensureServerBuild({ quiet = false } = {}) {
  const files = sources();
  const print = `${fingerprint(files)}\n${databaseFingerprint()}`;
  const stamp = path.join(BUILD_DIR, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === print) return false;
  if (!quiet) process.stderr.write('integra: compiling the server (once, and again after changes)…\n');
  // Built beside, then put in place: a process starting meanwhile sees the old build or none.
  const tmp = `${BUILD_DIR}.tmp-${process.pid}-${Date.now()}`;
  const { build } = await import('esbuild');
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts')),
    outdir: tmp,
    outbase: src,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  for (const f of files.filter((f) => !f.endsWith('.ts'))) {
    const to = path.join(tmp, path.relative(src, f));
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(f, to);
  }
  await saveEmptyDatabase(tmp);
  writeFileSync(path.join(tmp, STAMP), print);
  const old = `${BUILD_DIR}.old-${process.pid}-${Date.now()}`;
  if (existsSync(BUILD_DIR)) renameSync(BUILD_DIR, old);
  try {
    renameSync(tmp, BUILD_DIR);
  } catch (err) {
    // Another process put its build in place first: theirs is as good.
    if (!existsSync(BUILD_DIR)) throw err;
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = performance.now();
  ensureServerBuild({ quiet: true })
    .then((built) =>
      console.error(
        built
          ? `integra: server compiled in ${Math.round(performance.now() - started)} ms`
          : 'integra: server build is up to date',
      ),
    )
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
