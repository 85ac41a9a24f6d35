/**
 * Import accuracy: builds every fixture document (Word, PDF, text) from the evaluation it was
 * written from, imports it, and prints per file the share of fields extracted right and the
 * fields that were not. Prints figures; asserts nothing.   npm run bench:accuracy
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
import { importMatrixFile } from '../src/modules/evaluations/import/importMatrixFile.js';
import type { ImportedEvaluation } from '../src/modules/evaluations/model.js';

const fixtures: [string, () => Promise<Buffer>, ImportedEvaluation][] = [
  [
    'classic-per-recommendation.docx',
    () => buildClassicDocx(TRUTH_CLASSIC, { instructions: true }),
    TRUTH_CLASSIC,
  ],
  ['classic-one-table.docx', () => buildClassicDocx(TRUTH_CLASSIC, { layout: 'one-table' }), TRUTH_CLASSIC],
  ['classic-french.docx', () => buildClassicDocx(TRUTH_FRENCH, { french: true }), TRUTH_FRENCH],
  ['template-2022.docx', () => build2022Docx(TRUTH_2022), TRUTH_2022],
  ['classic.pdf', () => buildClassicPdf(TRUTH_CLASSIC), TRUTH_CLASSIC],
  ['classic-french.pdf', () => buildClassicPdf(TRUTH_FRENCH), TRUTH_FRENCH],
  ['classic-pasted.txt', async () => Buffer.from(buildClassicText(TRUTH_CLASSIC)), TRUTH_CLASSIC],
  ['2022-pasted.txt', async () => Buffer.from(build2022Text(TRUTH_2022)), TRUTH_2022],
];

let right = 0;
let total = 0;
console.log('Import accuracy: share of fields extracted right, per file\n');
for (const [name, build, truth] of fixtures) {
  const started = performance.now();
  const { evaluation, warnings } = await importMatrixFile(await build(), name);
  const ms = performance.now() - started;
  const a = measureAccuracy(truth, evaluation);
  right += a.right;
  total += a.total;
  console.log(
    `  ${name.padEnd(34)} ${((a.right / a.total) * 100).toFixed(1).padStart(5)}%  (${a.right}/${a.total} fields, ${warnings.length} warnings, ${ms.toFixed(0)} ms)`,
  );
  for (const miss of a.misses.slice(0, 8)) console.log(`      ✗ ${miss}`);
  if (a.misses.length > 8) console.log(`      … and ${a.misses.length - 8} more`);
}
console.log(
  `\n  all files                          ${((right / total) * 100).toFixed(1).padStart(5)}%  (${right}/${total} fields)`,
);

const seed = fileURLToPath(new URL('../../shared/seeds/000_276a55ae60865652.txt', import.meta.url));
if (existsSync(seed)) {
  const { evaluation } = await importMatrixFile(readFileSync(seed), 'seed.txt');
  const priorities = evaluation.recommendations.map((r) => r.priority ?? '–').join(', ');
  console.log(
    `\n  the seed matrix: ${evaluation.recommendations.length} recommendations, priorities ${priorities}`,
  );
}
