/**
 * The long matrix the PDF speed benchmark reads (bench/pdf-speed.ts): the English one-table
 * fixture's recommendations written out again and again, renumbered, until LibreOffice prints
 * about twenty pages. Writes bench/fixtures/matrix-20-pages.{docx,pdf,expected.json}.
 *
 *   npx tsx scripts/matrix-fixtures/long.ts     (needs LibreOffice; the files are committed)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocx } from './build.js';
import base from './matrices/en-classic-one-table-language-courses.js';
import { expectedOf, type MatrixSpec } from './spec.js';

const REPEAT = 8;
const out = fileURLToPath(new URL('../../bench/fixtures/', import.meta.url));
mkdirSync(out, { recursive: true });

const recommendations = Array.from({ length: REPEAT }, () => base.recommendations)
  .flat()
  .map((r, i) => ({
    ...r,
    number: String(i + 1),
    actions: r.actions.map((a, k) => ({
      ...a,
      number: a.number === undefined ? undefined : `${i + 1}.${k + 1}`,
    })),
  }));
const long: MatrixSpec = { ...base, name: 'matrix-20-pages', recommendations };
// The layout reads the spec module it was written in: lengthen that one.
base.recommendations = recommendations;
const layout = base.layout();
const docx = join(out, 'matrix-20-pages.docx');
writeFileSync(docx, await buildDocx(layout));
const tmp = mkdtempSync(join(tmpdir(), 'long-pdf-'));
execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], { stdio: 'pipe' });
copyFileSync(join(tmp, 'matrix-20-pages.pdf'), join(out, 'matrix-20-pages.pdf'));
writeFileSync(
  join(out, 'matrix-20-pages.expected.json'),
  `${JSON.stringify(expectedOf(long).evaluation, null, 2)}\n`,
);
console.log(`wrote ${out}matrix-20-pages.{docx,pdf,expected.json}`);
