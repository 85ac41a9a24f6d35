/**
 * The report for management, downloaded as a reader would and opened as their programs would: its
 * figures are the dashboard's, its overdue list has every overdue action, it is in the reader's
 * language, and a PDF in a script it cannot write is refused with the reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { testDatabases } from '../../test/databases.js';
import { as, setupAdmin } from '../../test/session.js';
import { ensureDefaultOrganisation } from '../accounts/service.js';
import { readDocxLines } from '../evaluations/import/readDocx.js';
import { readPdfLines } from '../evaluations/import/readPdf.js';
import type { Dashboard } from './model.js';

const matrix = readFileSync(
  fileURLToPath(new URL('../evaluations/import/fixtures/classic-welcome-desks.txt', import.meta.url)),
  'utf8',
);
const TODAY = '2024-01-15';

describe.each(testDatabases())('the report for management on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: ReturnType<typeof as>;
  let figures: Dashboard;

  beforeAll(async () => {
    database = await open();
    const organisationId = await ensureDefaultOrganisation(database.db);
    app = await buildApp({ db: database.db, organisationId, today: () => TODAY, webDist: null });
    admin = as(app, await setupAdmin(app));
    const saved = await admin({ method: 'POST', url: '/api/evaluations/import', payload: { text: matrix } });
    expect(saved.statusCode, saved.body).toBe(200);
    figures = (await admin('/api/portfolio')).json();
    expect(figures.overall.overdue).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const download = (query: string) => admin({ url: `/api/portfolio/report?${query}` });

  it('gives the dashboard’s figures as a workbook in French: a sheet per table, every overdue action', async () => {
    const res = await download('format=xlsx&lang=fr');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets.map((s) => s.name);
    expect(names).toContain('Par unité responsable');
    const cover = book.worksheets[0].getColumn(1).values.join('\n');
    expect(cover).toContain(
      `Actions échues : ${figures.overall.due} · achevées : ${figures.overall.completed}`,
    );
    const byUnit = book.getWorksheet('Par unité responsable')!;
    expect(byUnit.getRow(1).values).toEqual([
      undefined,
      'Unité responsable',
      'Actions',
      'Échues',
      'Achevées',
      'En retard',
      'Taux',
    ]);
    const rows = byUnit.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r.slice(2, 6))).toEqual(
      figures.byUnit.map((u) => [u.actions, u.due, u.completed, u.overdue]),
    );
    const overdue = book.getWorksheet('Actions en retard par unité res')!;
    expect(overdue.rowCount - 1).toBe(figures.overall.overdue);
  });

  it('writes a Word report that Word’s readers (and ours) can read, in English by default', async () => {
    const res = await download('format=docx');
    expect(res.statusCode).toBe(200);
    const text = (await readDocxLines(res.rawPayload)).map((l) => l.cells.join(' | ')).join('\n');
    expect(text).toContain('Implementation of evaluation recommendations');
    expect(text).toContain(`Overdue actions: ${figures.overall.overdue},`);
    expect(text).toContain('Overdue actions by responsible unit');
    expect(text).toContain('All actions, whatever their due date');
  });

  it('writes a PDF for a period, and refuses one in Arabic with the reason', async () => {
    const res = await download('format=pdf&from=2023-01-01&to=2023-12-31&lang=es');
    expect(res.statusCode).toBe(200);
    const { lines } = await readPdfLines(res.rawPayload, 'report.pdf');
    const text = lines.map((l) => l.cells.join(' ')).join('\n');
    expect(text).toContain('Aplicación de las recomendaciones de evaluación');
    expect(text).toContain('Acciones que vencen del 1 de enero de 2023 al 31 de diciembre de 2023');
    const arabic = await download('format=pdf&lang=ar');
    expect(arabic.statusCode).toBe(415);
    expect(arabic.json().error.reason).toBe('reportPdfScript');
  });

  it('refuses a period that ends before it starts, and an unknown format', async () => {
    expect((await download('format=docx&from=2024-02-01&to=2024-01-01')).statusCode).toBe(400);
    expect((await download('format=odt')).statusCode).toBe(400);
  });
});
