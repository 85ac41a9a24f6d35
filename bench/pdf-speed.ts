/**
 * How fast a long PDF matrix is read: the 20-page matrix LibreOffice printed
 * (bench/fixtures/matrix-20-pages.pdf, made by scripts/matrix-fixtures/long.ts), read whole —
 * pdf.js in its worker, the tables rebuilt, the matrix read — first with a fresh worker (as the
 * first upload after a quiet spell), then warm. Prints figures beside the target (≤ 2 s) and the
 * share of fields read right; asserts nothing.   npm run bench:pdf
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureAccuracy } from '../src/modules/evaluations/import/fixtures/accuracy.js';
import { importMatrixFile } from '../src/modules/evaluations/import/importMatrixFile.js';
import type { ImportedEvaluation } from '../src/modules/evaluations/model.js';

const TARGET_MS = 2000;
const RUNS = 10;
const file = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const pdf = readFileSync(file('matrix-20-pages.pdf'));
const expected = JSON.parse(
  readFileSync(file('matrix-20-pages.expected.json'), 'utf8'),
) as ImportedEvaluation;

const read = async () => {
  const started = performance.now();
  const result = await importMatrixFile(pdf, 'matrix-20-pages.pdf');
  return { ms: performance.now() - started, result };
};

const cold = await read();
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) warm.push((await read()).ms);
warm.sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)];
const worst = warm[warm.length - 1];
const accuracy = measureAccuracy(expected, cold.result.evaluation);
const pages = cold.result.sources?.document?.pages ?? '?';
const mark = (ms: number) => (ms <= TARGET_MS ? 'within' : 'OVER');

console.log(
  `Reading a ${pages}-page PDF matrix (${(pdf.length / 1024).toFixed(0)} KB, ${cold.result.evaluation.recommendations.length} recommendations)\n`,
);
console.log(
  `  first read (fresh worker)   ${cold.ms.toFixed(0).padStart(6)} ms   target ≤ ${TARGET_MS} ms  ${mark(cold.ms)}`,
);
console.log(
  `  warm, median of ${RUNS}         ${median.toFixed(0).padStart(6)} ms   target ≤ ${TARGET_MS} ms  ${mark(median)}`,
);
console.log(`  warm, slowest               ${worst.toFixed(0).padStart(6)} ms`);
console.log(
  `  fields read right           ${((accuracy.right / accuracy.total) * 100).toFixed(1)} % (${accuracy.right}/${accuracy.total})`,
);
process.exit(0);
