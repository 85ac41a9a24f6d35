/**
 * Import accuracy: imports every fixture matrix — the LibreOffice-made Word and PDF files of
 * fixtures/matrices/ with their expected readings, and the library-built documents of
 * fixtures/documents.ts — and prints the share of fields read right per file and per field type,
 * beside the target (98 % on every file), with the fields that were not. Asserts nothing.
 *   npm run bench:accuracy [-- --misses]   (all misses, not only the first few)
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureAccuracy } from '../src/modules/evaluations/import/fixtures/accuracy.js';
import {
  build2022Docx,
  build2022Text,
  buildClassicDocx,
  buildClassicPdf,
  buildClassicText,
  TRUTH_2022,
  TRUTH_CLASSIC,
  TRUTH_FRENCH,
} from '../src/modules/evaluations/import/fixtures/documents.js';
import { FIXTURES, loadFixture } from '../src/modules/evaluations/import/fixtures/matrices/index.js';
import { importMatrixFile } from '../src/modules/evaluations/import/importMatrixFile.js';
import type { ImportedEvaluation } from '../src/modules/evaluations/model.js';

const TARGET = 98;
const allMisses = process.argv.includes('--misses');

const fixtures: [string, () => Promise<Buffer>, ImportedEvaluation][] = [];
for (const f of FIXTURES) {
  for (const kind of ['docx', 'pdf'] as const) {
    const { buffer, expected } = loadFixture(f.name, kind);
    fixtures.push([`${f.name}.${kind}`, async () => buffer, expected]);
  }
}
fixtures.push(
  [
    'classic-per-recommendation.docx',
    () => buildClassicDocx(TRUTH_CLASSIC, { instructions: true }),
    TRUTH_CLASSIC,
  ],
  ['classic-one-table.docx', () => buildClassicDocx(TRUTH_CLASSIC, { layout: 'one-table' }), TRUTH_CLASSIC],
  ['classic-french.docx', () => buildClassicDocx(TRUTH_FRENCH, { french: true }), TRUTH_FRENCH],
  ['template-2022.docx', () => build2022Docx(TRUTH_2022), TRUTH_2022],
  ['classic.pdf (pdfkit)', () => buildClassicPdf(TRUTH_CLASSIC), TRUTH_CLASSIC],
  ['classic-french.pdf (pdfkit)', () => buildClassicPdf(TRUTH_FRENCH), TRUTH_FRENCH],
  ['classic-pasted.txt', async () => Buffer.from(buildClassicText(TRUTH_CLASSIC)), TRUTH_CLASSIC],
  ['2022-pasted.txt', async () => Buffer.from(build2022Text(TRUTH_2022)), TRUTH_2022],
);

const pct = (right: number, total: number) =>
  `${((right / Math.max(1, total)) * 100).toFixed(1).padStart(5)}%`;
let right = 0;
let total = 0;
let below = 0;
const byField = new Map<string, [number, number]>();
console.log(`Import accuracy: share of fields read right, per file (target ≥ ${TARGET} % on every file)\n`);
for (const [name, build, truth] of fixtures) {
  const started = performance.now();
  const buf = await build();
  const fileName = name.replace(/ \(.*\)$/, '');
  let line: string;
  try {
    const { evaluation, warnings } = await importMatrixFile(buf, fileName);
    const ms = performance.now() - started;
    const a = measureAccuracy(truth, evaluation);
    right += a.right;
    total += a.total;
    for (const [k, [r, t]] of a.byField) {
      const c = byField.get(k) ?? [0, 0];
      byField.set(k, [c[0] + r, c[1] + t]);
    }
    const share = (a.right / a.total) * 100;
    if (share < TARGET) below++;
    line = `  ${share >= TARGET ? ' ' : '✗'} ${name.padEnd(52)} ${pct(a.right, a.total)}  (${a.right}/${a.total} fields, ${warnings.length} warnings, ${ms.toFixed(0)} ms)`;
    console.log(line);
    const shown = allMisses ? a.misses : a.misses.slice(0, 6);
    for (const miss of shown) console.log(`        ${miss.slice(0, 240)}`);
    if (a.misses.length > shown.length) console.log(`        … and ${a.misses.length - shown.length} more`);
  } catch (err) {
    below++;
    console.log(`  ✗ ${name.padEnd(52)} refused: ${(err as Error).message}`);
  }
}
console.log('\n  per field type');
for (const [k, [r, t]] of [...byField].sort()) console.log(`    ${k.padEnd(36)} ${pct(r, t)}  (${r}/${t})`);
console.log(
  `\n  all files ${pct(right, total)} (${right}/${total} fields); ${below} of ${fixtures.length} files below the ${TARGET} % target`,
);

const seed = fileURLToPath(new URL('../../shared/seeds/000_276a55ae60865652.txt', import.meta.url));
if (existsSync(seed)) {
  const { evaluation } = await importMatrixFile(readFileSync(seed), 'seed.txt');
  const priorities = evaluation.recommendations.map((r) => r.priority ?? '–').join(', ');
  console.log(
    `\n  the seed matrix: ${evaluation.recommendations.length} recommendations, priorities ${priorities}`,
  );
}
process.exit(0);
