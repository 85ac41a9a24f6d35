/**
 * Exports cannot carry formulas: text that a spreadsheet program would evaluate (= + - @, tab,
 * carriage return, after leading spaces too) comes out of every .csv and .xlsx export with a
 * leading single quote, as text, and numbers stay numbers.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { type Column, csvStream, safeText, writeXlsx } from '../lib/spreadsheet.js';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { importMatrixText } from '../modules/evaluations/import/importMatrixText.js';
import { saveEvaluation } from '../modules/evaluations/service.js';
import { ensureBuiltInFrameworks } from '../modules/frameworks/service.js';
import { importPracticePages } from '../modules/practices/import/importPracticePages.js';
import { createPractices, practiceFromImport } from '../modules/practices/service.js';
import { testDatabases } from '../test/databases.js';
import { as, setupAdmin } from '../test/session.js';
import { buildApp } from './app.js';
import { systemCaller } from './caller.js';

const EVIL = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '  =1+2', '\t=3', '\r=4'];

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');

async function readXlsx(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const cells: ExcelJS.Cell[] = [];
  wb.worksheets[0].eachRow((row) => {
    row.eachCell((c) => {
      cells.push(c);
    });
  });
  return cells;
}

/** No cell of the sheet is a formula, and the strings the test planted come back quoted. */
function expectNoFormula(cells: ExcelJS.Cell[]) {
  for (const c of cells) {
    expect(c.type, `${c.address} ${JSON.stringify(c.value)}`).not.toBe(ExcelJS.ValueType.Formula);
    expect(c.formula).toBeFalsy();
    if (typeof c.value === 'string') expect(c.value).not.toMatch(/^[ ]*[=+\-@\t\r]/);
  }
}

const quoted = (s: string) => `'${s}`;

describe('safeText', () => {
  it('quotes what a spreadsheet would evaluate and leaves the rest alone', () => {
    for (const s of EVIL) expect(safeText(s)).toBe(`'${s}`);
    for (const s of ['plain', 'a = b', 'Q2-Q4', '', "'already", '-3', '+1.5', ' -7 ']) {
      expect(safeText(s)).toBe(s);
    }
  });

  it('writes .xlsx cells as quoted strings, never formulas, and numbers as numbers', async () => {
    const columns: Column<{ text: string; n: number }>[] = [
      { header: 'Text', value: (r) => r.text },
      { header: 'Number', value: (r) => r.n },
    ];
    const rows = EVIL.map((text, i) => ({ text, n: -3 - i }));
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        chunks.push(chunk);
        done();
      },
    });
    await writeXlsx(sink, 'Sheet', columns, rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    rows.forEach((r, i) => {
      const text = sheet.getRow(i + 2).getCell(1);
      const n = sheet.getRow(i + 2).getCell(2);
      expect(text.type).toBe(ExcelJS.ValueType.String);
      // XML turns a lone carriage return into a line feed.
      expect(text.value).toBe(quoted(r.text).replace(/\r/g, '\n'));
      expect(n.type).toBe(ExcelJS.ValueType.Number);
      expect(n.value).toBe(r.n);
    });
    let csv = '';
    for await (const chunk of csvStream(columns, rows)) csv += chunk;
    const parsed = parse(csv, { bom: true, columns: true, relax_column_count: false }) as Record<
      string,
      string
    >[];
    expect(parsed.map((r) => r.Text)).toEqual(EVIL.map(quoted));
    expect(parsed.map((r) => r.Number)).toEqual(rows.map((r) => String(r.n)));
  });
});

describe.each(testDatabases())('exports on $name carry no formulas', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let inject: ReturnType<typeof as>;
  let evaluationId: string;

  beforeAll(async () => {
    database = await open();
    const org = await ensureDefaultOrganisation(database.db);
    await ensureBuiltInFrameworks(database.db);
    app = await buildApp({ db: database.db, organisationId: org, today: () => '2024-01-15', webDist: null });
    inject = as(app, await setupAdmin(app));
    const { evaluation } = importMatrixText(
      read('../modules/evaluations/import/fixtures/classic-welcome-desks.txt'),
    );
    evaluation.title = EVIL[0];
    const [first, second] = evaluation.recommendations;
    first.text = EVIL[1];
    first.actions[0].text = EVIL[2];
    first.actions[0].comments = EVIL[3];
    second.actions[0].text = EVIL[4];
    ({ id: evaluationId } = await saveEvaluation(database.db, systemCaller(org), evaluation));
    const practices = importPracticePages(read('../modules/practices/import/fixtures/two-practices.txt'))
      .practices.map(practiceFromImport)
      .map((p, i) => ({ ...p, title: EVIL[i], summary: EVIL[i + 2] }));
    await createPractices(database.db, systemCaller(org), practices);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const download = async (url: string) => {
    const res = await inject(url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.rawPayload;
  };

  const exports = () => [
    { name: 'matrix', url: `/api/evaluations/${evaluationId}/export?format=` },
    { name: 'action list', url: '/api/actions/export?format=' },
    { name: 'catalogue', url: '/api/practices/export?status=all&format=' },
  ];

  /** What the test planted that each export shows: the catalogue has titles and summaries only. */
  const planted = (name: string) => (name === 'catalogue' ? EVIL.slice(0, 4) : EVIL.slice(0, 5));

  it('quotes formula-like text in every .csv export', async () => {
    for (const { name, url } of exports()) {
      const csv = (await download(`${url}csv`)).toString('utf8');
      const rows = parse(csv, { bom: true }) as string[][];
      const cells = rows.flat();
      for (const c of cells) expect(c, `${name}: ${c}`).not.toMatch(/^[ ]*[=+\-@\t\r]/);
      for (const s of planted(name)) expect(cells, `${name} has ${JSON.stringify(s)}`).toContain(quoted(s));
    }
  });

  it('writes formula-like text in every .xlsx export as quoted strings, never formulas', async () => {
    for (const { name, url } of exports()) {
      const cells = await readXlsx(await download(`${url}xlsx`));
      expectNoFormula(cells);
      const values = cells.map((c) => c.value);
      for (const s of planted(name)) expect(values, `${name} has ${JSON.stringify(s)}`).toContain(quoted(s));
      // Numbers stay numbers (the matrix's and the list's priorities).
      if (name !== 'catalogue') {
        expect(cells.some((c) => c.type === ExcelJS.ValueType.Number)).toBe(true);
      }
    }
  });
});
