/**
 * Regenerates the matrix fixtures of src/modules/evaluations/import/fixtures/matrices/: for each
 * matrix of ./matrices, the Word file (build.ts), the PDF LibreOffice prints from it, and the
 * evaluation a careful person reads from it (NAME.expected.json), then the README.
 *
 *   npx tsx scripts/matrix-fixtures/make.ts [--force] [--only NAME]
 *
 * The Word files are reproducible (same content, same bytes); a PDF is printed again only when
 * its Word file changed (or with --force), so that a run without changes changes nothing.
 * Needs LibreOffice (`libreoffice` on the PATH); CI does not: tests read the committed files.
 *
 * Checks on the way: every expected.json validates with importedEvaluationSchema; each habit a
 * matrix claims is in its content (a range priority, a funding condition, an unnumbered
 * recommendation…) and, where only the PDF can tell, in the PDF (a word hyphenated at a line end,
 * a cross-reference starting a line, more than one page); the fixture list of index.ts agrees.
 * It prints every timeframe with parseTimeframe's reading and the reading used where they differ.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  FIXTURES,
  fixturePath,
  HABITS,
} from '../../src/modules/evaluations/import/fixtures/matrices/index.js';
import { importedEvaluationSchema } from '../../src/modules/evaluations/model.js';
import { buildDocx } from './build.js';
import { MATRICES } from './matrices/all.js';
import { type PdfText, readPdfText } from './pdfLines.js';
import { readme } from './readme.js';
import { expectedOf, type MatrixSpec, type Reading } from './spec.js';

const args = process.argv.slice(2);
const force = args.includes('--force');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;

const problems: string[] = [];
const problem = (m: MatrixSpec, what: string) => problems.push(`${m.name}: ${what}`);

function toPdf(docxPath: string, pdfPath: string): void {
  const out = mkdtempSync(join(tmpdir(), 'matrix-pdf-'));
  const profile = join(tmpdir(), 'matrix-fixtures-libreoffice');
  try {
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        docxPath,
      ],
      { stdio: 'pipe' },
    );
    const made = join(out, docxPath.replace(/^.*\//, '').replace(/\.docx$/, '.pdf'));
    if (!existsSync(made)) throw new Error(`LibreOffice made no PDF of ${docxPath}`);
    copyFileSync(made, pdfPath);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** All the texts of a matrix, to look for what a habit needs. */
function texts(m: MatrixSpec): string[] {
  const out = [m.title, m.overallComment ?? '', m.evaluators ?? '', m.owner ?? ''];
  for (const r of m.recommendations) {
    out.push(
      r.text,
      r.responseText ?? '',
      r.comments ?? '',
      r.addressedTo ?? '',
      r.priorityJustification ?? '',
    );
    for (const a of r.actions) out.push(a.text, a.comments ?? '', a.timeframe ?? '', a.responsible ?? '');
  }
  return out;
}

/** Whether a text item starts a line: nothing on its baseline ends just before it. */
function startsLine(t: PdfText, idx: number): boolean {
  const it = t.items[idx];
  return !t.items.some(
    (o, j) =>
      j !== idx && o.page === it.page && Math.abs(o.y - it.y) <= 1 && o.x < it.x && o.x + o.width > it.x - 4,
  );
}

function checkHabits(m: MatrixSpec, pdf: PdfText): void {
  const all = texts(m);
  const recs = m.recommendations;
  const acts = recs.flatMap((r) => r.actions);
  // What the content shows is claimed, and what is claimed the content shows.
  const need = (habit: (typeof HABITS)[number], ok: boolean, what: string) => {
    if (m.habits.includes(habit) && !ok) problem(m, `claims ${habit} but ${what}`);
    if (!m.habits.includes(habit) && ok && habit !== 'table-across-pages')
      problem(m, `has ${habit} without claiming it`);
  };
  need(
    'priority-range',
    recs.some((r) => /^\d\s*[-–]\s*\d/.test(r.priorityWritten ?? '')),
    'no priority is a range',
  );
  need(
    'funding-conditional',
    acts.some((a) => a.fundingConditional),
    'no action is conditional on funding',
  );
  need(
    'unnumbered-recommendations',
    recs.some((r) => r.number === undefined),
    'every recommendation is numbered',
  );
  need(
    'unnumbered-actions',
    acts.some((a) => a.number === undefined),
    'every action is numbered',
  );
  need(
    'letters-or-roman-numbers',
    recs.some((r) => /^[A-Z]+$/.test(r.number ?? '')),
    'no letter or roman number',
  );
  need(
    'timeframe-in-action-text',
    acts.some((a) => a.inline),
    'no timeframe is written in an action',
  );
  need(
    'typographic-quotes',
    all.some((s) => /[“”«»’]/.test(s)),
    'no typographic quote',
  );
  need(
    'multi-paragraph-cells',
    all.some((s) => s.includes('\n')),
    'no cell has several paragraphs',
  );
  need('table-across-pages', pdf.pages > 1, 'the PDF has one page');
  for (const r of recs) {
    if (/^\d\s*[-–]\s*\d/.test(r.priorityWritten ?? '') && r.priority !== Number(r.priorityWritten?.[0]))
      problem(m, `priority "${r.priorityWritten}" is read as its first (higher) priority`);
  }
  // Hyphenation: some word with an optional hyphen split at a line end in the PDF.
  const pieces = new Set<string>();
  for (const s of all)
    for (const word of s.match(/[\p{L}¬]+¬[\p{L}¬]+/gu) ?? []) {
      const parts = word.split('¬');
      for (let i = 1; i < parts.length; i++) pieces.add(`${parts.slice(0, i).join('')}-`);
    }
  const hyphenated = pdf.items.filter((it) => [...pieces].some((piece) => it.str.trimEnd().endsWith(piece)));
  need('hyphenation-at-line-end', hyphenated.length > 0, 'no optional hyphen falls at a line end in the PDF');
  if (m.habits.includes('hyphenation-at-line-end'))
    console.log(
      `  hyphenated at line ends: ${hyphenated.map((h) => h.str.trim().split(' ').pop()).join(', ')}`,
    );
  for (const start of m.checks?.lineStarts ?? []) {
    const found = pdf.items.some(
      (it, i) =>
        it.str
          .replace(/\u00a0/g, ' ')
          .trimStart()
          .startsWith(start) && startsLine(pdf, i),
    );
    if (!found) problem(m, `no line of the PDF starts with "${start}"`);
  }
}

const stableJson = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const pagesOf: Record<string, number> = {};
const readings: Reading[] = [];
for (const m of MATRICES) {
  if (only && m.name !== only) continue;
  const entry = FIXTURES.find((f) => f.name === m.name);
  if (!entry) problem(m, 'not listed in FIXTURES of index.ts');
  else if (entry.language !== m.language || !same([...entry.habits].sort(), [...m.habits].sort()))
    problem(m, 'language or habits differ from its FIXTURES entry in index.ts');
  for (const h of m.habits) if (!HABITS.includes(h)) problem(m, `unknown habit ${h}`);

  const docxPath = fixturePath(m.name, 'docx');
  const pdfPath = fixturePath(m.name, 'pdf');
  const docx = await buildDocx(m.layout());
  const changed = !existsSync(docxPath) || !readFileSync(docxPath).equals(docx);
  if (changed) writeFileSync(docxPath, docx);
  if (changed || force || !existsSync(pdfPath)) toPdf(docxPath, pdfPath);
  const pdf = await readPdfText(pdfPath);
  pagesOf[m.name] = pdf.pages;
  console.log(`${m.name}: ${pdf.pages} pages${changed ? ' (new Word file)' : ''}`);
  checkHabits(m, pdf);

  const { evaluation, readings: rs } = expectedOf(m);
  readings.push(...rs);
  const parsed = importedEvaluationSchema.safeParse(evaluation);
  if (!parsed.success) problem(m, `expected.json does not validate: ${parsed.error.message}`);
  else if (!same(parsed.data, evaluation)) problem(m, 'expected.json changes when validated');
  writeFileSync(fixturePath(m.name, 'expected.json'), stableJson(evaluation));
}

if (!only) {
  for (const f of FIXTURES)
    if (!MATRICES.some((m) => m.name === f.name)) problems.push(`${f.name}: listed in index.ts, not made`);
  writeFileSync(join(dirname(fixturePath('x', 'pdf')), 'README.md'), readme(MATRICES, pagesOf));
}

console.log('\nTimeframes (parseTimeframe, with the evaluation year and the date of the response):');
for (const r of readings) {
  const show = (d: Reading['parsed']) =>
    d ? `${d.from ?? '…'} → ${d.to}${d.inferred ? ' (inferred)' : ''}` : 'none';
  const differs = !same(r.parsed, r.used);
  const fundingWritten = /fund|financ|fond|recurso|ressource|budget|presupuest/i.test(r.timeframe);
  const funding =
    fundingWritten && r.parsedFunding !== r.funding
      ? `   ≠ funding condition ${r.funding ? 'read' : 'not read'}`
      : '';
  console.log(
    `  ${r.where}: "${r.timeframe}" → ${show(r.parsed)}${differs ? `   ≠ read as ${show(r.used)}` : ''}${funding}`,
  );
}

if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('\nAll fixtures made and checked.');
