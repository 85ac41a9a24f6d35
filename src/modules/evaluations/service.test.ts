import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { csvStream, writeXlsx } from '../../lib/spreadsheet.js';
import { systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { ensureDefaultOrganisation } from '../accounts/service.js';
import { actionListQuerySchema } from '../actions/model.js';
import { actions } from '../actions/schema.js';
import { addProgressUpdate, listActions, updateAction } from '../actions/service.js';
import { exportMatrixDocx } from './export/exportMatrixDocx.js';
import { exportMatrixJson } from './export/exportMatrixJson.js';
import { matrixColumns, matrixRows } from './export/rows.js';
import { importMatrixFile } from './import/importMatrixFile.js';
import { importMatrixText } from './import/importMatrixText.js';
import { readDocxLines } from './import/readDocx.js';
import { evaluations } from './schema.js';
import { getMatrix, listEvaluations, saveEvaluation, updateRecommendation } from './service.js';

const TODAY = '2024-01-15';
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./import/fixtures/${name}`, import.meta.url)), 'utf8');

describe.each(testDatabases())('evaluations on $name', ({ open }) => {
  let database: Database;
  let org: string;
  let classicId: string;
  let id2022: string;

  beforeAll(async () => {
    database = await open();
    org = await ensureDefaultOrganisation(database.db);
    classicId = (
      await saveEvaluation(
        database.db,
        systemCaller(org),
        importMatrixText(fixture('classic-welcome-desks.txt')).evaluation,
      )
    ).id;
    id2022 = (
      await saveEvaluation(
        database.db,
        systemCaller(org),
        importMatrixText(fixture('2022-language-courses.txt')).evaluation,
      )
    ).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('saves an imported matrix whole, giving unstated statuses the template’s first status', async () => {
    const m = await getMatrix(database.db, org, classicId, TODAY);
    expect(m.recommendations.map((r) => r.number)).toEqual(['1', '2', '3', '4']);
    expect(m.recommendations.map((r) => r.actions.length)).toEqual([2, 4, 1, 2]);
    const a11 = m.recommendations[0].actions[0];
    expect(a11).toMatchObject({
      number: '1.1',
      status: 'initiated',
      due: { from: '2023-07-01', to: '2024-03-31' },
    });
    expect(m.recommendations[0].actions[1].status).toBe('not_initiated');
    const m2022 = await getMatrix(database.db, org, id2022, TODAY);
    expect(m2022.statusTemplate).toBe('2022');
    expect(m2022.recommendations[0].actions.map((a) => a.status)).toEqual(['open', 'open']);
    expect(m2022.recommendations[1].status).toBe('open');
  });

  it('flags overdue actions from the due window and status, never storing it', async () => {
    const m = await getMatrix(database.db, org, classicId, TODAY);
    const byNumber = Object.fromEntries(
      m.recommendations.flatMap((r) => r.actions).map((a) => [a.number, a]),
    );
    expect(byNumber['2.1'].overdue).toBe(true); // by end of June 2023, not initiated
    expect(byNumber['1.1'].overdue).toBe(false); // window ends March 2024
    expect(byNumber['4.2'].overdue).toBe(false); // no due window
    const later = await getMatrix(database.db, org, classicId, '2024-04-02');
    expect(later.recommendations[0].actions[0].overdue).toBe(true);
  });

  it('lists evaluations with their progress', async () => {
    const list = await listEvaluations(database.db, org, { page: 1, pageSize: 10 }, TODAY);
    expect(list.total).toBe(2);
    // The total is the same on every page, past the last one too.
    for (const page of [2, 3]) {
      const later = await listEvaluations(database.db, org, { page, pageSize: 1 }, TODAY);
      expect({ page, total: later.total, shown: later.items.length }).toEqual({
        page,
        total: 2,
        shown: page === 2 ? 1 : 0,
      });
    }
    const classic = list.items.find((e) => e.id === classicId)!;
    // 9 key actions, 6 counted: 2.3 and 2.4 are "N/A as already covered by 2.1", 3.1 is "N/A".
    expect(classic).toMatchObject({ recommendationCount: 4, actionCount: 6, completedCount: 1 });
    expect(classic.overdueCount).toBe(2); // 2.1 and 2.2 were due by June 2023; 2.3 and 2.4 have no due window
  });

  it('keeps actions that need no action in the matrix but out of progress, overdue and open counts', async () => {
    const matrix = async () => getMatrix(database.db, org, classicId, TODAY);
    const na = (await matrix()).recommendations[1].actions.find((a) => a.number === '2.3')!;
    expect(na).toMatchObject({ text: 'N/A as already covered by 2.1', noActionNeeded: true });
    const progress = async () =>
      (await listEvaluations(database.db, org, { page: 1, pageSize: 10 }, TODAY)).items.find(
        (e) => e.id === classicId,
      )!;
    // A due window long past does not make it overdue.
    await updateAction(
      database.db,
      systemCaller(org),
      na.id,
      { due: { from: null, to: '2023-06-30', inferred: false } },
      TODAY,
    );
    expect((await progress()).overdueCount).toBe(2);
    const overdueList = await listActions(
      database.db,
      org,
      actionListQuerySchema.parse({ overdue: 'true' }),
      TODAY,
    );
    expect(overdueList.items.map((a) => a.number)).not.toContain('2.3');
    // The editor decides it does ask for something: it counts, and is overdue.
    const counted = await updateAction(
      database.db,
      systemCaller(org),
      na.id,
      { noActionNeeded: false },
      TODAY,
    );
    expect(counted).toMatchObject({ noActionNeeded: false, overdue: true });
    expect(await progress()).toMatchObject({ actionCount: 7, overdueCount: 3 });
    await updateAction(database.db, systemCaller(org), na.id, { noActionNeeded: true, due: null }, TODAY);
    expect(await progress()).toMatchObject({ actionCount: 6, overdueCount: 2 });
  });

  it('records progress as dated history and changes the status', async () => {
    const m = await getMatrix(database.db, org, classicId, TODAY);
    const a = m.recommendations[1].actions[0];
    const after = await addProgressUpdate(
      database.db,
      systemCaller(org),
      a.id,
      {
        author: 'Lena Okafor',
        comment: 'Forms translated and printed',
        status: 'completed',
        recordedOn: '2024-01-10',
      },
      TODAY,
    );
    expect(after.status).toBe('completed');
    expect(after.overdue).toBe(false);
    expect(after.updates).toEqual([
      expect.objectContaining({
        recordedOn: '2024-01-10',
        author: 'Lena Okafor',
        comment: 'Forms translated and printed',
        statusFrom: 'not_initiated',
        statusTo: 'completed',
      }),
    ]);
    const again = await addProgressUpdate(
      database.db,
      systemCaller(org),
      a.id,
      { author: 'Lena', comment: 'Shared with partners' },
      TODAY,
    );
    expect(again.updates).toHaveLength(2);
    expect(again.updates[1]).toMatchObject({ statusFrom: null, statusTo: null, recordedOn: TODAY });
  });

  it('refuses a status outside the evaluation’s template, and future dates', async () => {
    const m = await getMatrix(database.db, org, classicId, TODAY);
    const a = m.recommendations[0].actions[1];
    await expect(
      addProgressUpdate(database.db, systemCaller(org), a.id, { author: 'X', status: 'open' }, TODAY),
    ).rejects.toMatchObject({
      code: 'invalid',
      details: [expect.objectContaining({ path: 'status' })],
    });
    await expect(
      addProgressUpdate(
        database.db,
        systemCaller(org),
        a.id,
        { author: 'X', comment: 'hi', recordedOn: '2024-01-17' },
        TODAY,
      ),
    ).rejects.toMatchObject({ code: 'invalid' });
    const still = await getMatrix(database.db, org, classicId, TODAY);
    expect(still.recommendations[0].actions[1].updates).toHaveLength(0);
  });

  it('edits actions and recommendations, refusing what breaks the rules', async () => {
    const m = await getMatrix(database.db, org, classicId, TODAY);
    const a = m.recommendations[3].actions[0];
    const edited = await updateAction(
      database.db,
      systemCaller(org),
      a.id,
      { timeframe: 'Q1 2024', due: { from: '2024-01-01', to: '2024-03-31', inferred: false } },
      TODAY,
    );
    expect(edited).toMatchObject({ timeframe: 'Q1 2024', due: { from: '2024-01-01', to: '2024-03-31' } });
    // A new timeframe alone gives the due window it reads as, with the evaluation's year where it names none.
    const reread = await updateAction(database.db, systemCaller(org), a.id, { timeframe: 'Q2 to Q3' }, TODAY);
    expect(reread.due).toEqual({ from: '2023-04-01', to: '2023-09-30', inferred: true });
    await updateRecommendation(database.db, systemCaller(org), m.recommendations[3].id, {
      response: 'accepted',
    });
    const after = await getMatrix(database.db, org, classicId, TODAY);
    expect(after.recommendations[3].response).toBe('accepted');
    await expect(
      updateRecommendation(database.db, systemCaller(org), m.recommendations[3].id, { status: 'open' }),
    ).rejects.toMatchObject({
      code: 'invalid',
    });
  });

  it('finds what a unit owes across evaluations: filtered, sorted and paginated in the database', async () => {
    const q = (over: Record<string, unknown>) => actionListQuerySchema.parse(over);
    const training = await listActions(database.db, org, q({ responsible: 'training unit' }), TODAY);
    expect(training.total).toBe(5);
    expect(training.items.every((i) => /training unit/i.test(i.responsible ?? ''))).toBe(true);
    const overdue = await listActions(database.db, org, q({ overdue: 'true' }), TODAY);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    expect(overdue.items.map((i) => i.number)).toEqual(['2.2']); // 2.1 was completed above
    const p1 = await listActions(database.db, org, q({ priority: '1', sort: 'due' }), TODAY);
    expect(p1.items.every((i) => i.priority === 1)).toBe(true);
    const dues = p1.items.map((i) => i.due?.to ?? '9999');
    expect([...dues].sort()).toEqual(dues);
    const before = await listActions(database.db, org, q({ dueBefore: '2023-12-31' }), TODAY);
    expect(before.items.every((i) => i.due && i.due.to <= '2023-12-31')).toBe(true);
    const page2 = await listActions(database.db, org, q({ pageSize: '4', page: '2' }), TODAY);
    expect(page2.items).toHaveLength(4);
    expect(page2.total).toBe(15);
    const beyond = await listActions(database.db, org, q({ pageSize: '10', page: '9' }), TODAY);
    expect(beyond).toMatchObject({ items: [], total: 15 });
  });

  it('uses the same number of queries for a page of 2 or 50 actions', async () => {
    const q = (pageSize: number) => actionListQuerySchema.parse({ pageSize });
    let before = database.queryCount();
    await listActions(database.db, org, q(2), TODAY);
    const small = database.queryCount() - before;
    before = database.queryCount();
    await listActions(database.db, org, q(50), TODAY);
    expect(database.queryCount() - before).toBe(small);
    before = database.queryCount();
    await getMatrix(database.db, org, classicId, TODAY);
    // The evaluation, its recommendations, their actions, the actions' updates and linked units.
    expect(database.queryCount() - before).toBe(5);
  });

  it('saves nothing when an evaluation is invalid or a write fails midway', async () => {
    const [{ n: before }] = await database.db.select({ n: count() }).from(evaluations);
    const bad = importMatrixText(fixture('classic-welcome-desks.txt')).evaluation;
    bad.recommendations[0].priority = 7;
    await expect(saveEvaluation(database.db, systemCaller(org), bad)).rejects.toMatchObject({
      code: 'invalid',
      details: [expect.objectContaining({ path: 'recommendations.0.priority' })],
    });
    const broken = importMatrixText(fixture('classic-welcome-desks.txt')).evaluation;
    broken.recommendations[3].actions[1].text = 'contains a NUL \u0000 byte, which PostgreSQL refuses';
    await expect(saveEvaluation(database.db, systemCaller(org), broken)).rejects.toThrow();
    const [{ n: after }] = await database.db.select({ n: count() }).from(evaluations);
    expect(after).toBe(before);
    const [{ n: actionRows }] = await database.db.select({ n: count() }).from(actions);
    expect(actionRows).toBe(15);
  });

  it('exports the matrix to .docx in the classic layout, which reads back as the same evaluation', async () => {
    const m = await getMatrix(database.db, org, classicId, TODAY);
    const docx = await exportMatrixDocx(m);
    const lines = (await readDocxLines(docx)).map((l) => l.cells.join('\t'));
    expect(lines).toContain(
      'Key actions\tTimeframe or deadline\tResponsible unit(s)\tImplementation monitoring',
    );
    expect(lines.some((l) => l.startsWith('Evaluation recommendation 1: To extend the opening hours'))).toBe(
      true,
    );
    const { evaluation: back } = await importMatrixFile(docx, 'matrix.docx');
    expect(back.publishedOn).toBe(m.publishedOn);
    expect(back.evaluators).toBe(m.evaluators);
    expect(back.title).toBe(m.title);
    expect(back.year).toBe(m.year);
    expect(back.period).toBe(m.period);
    expect(back.owner).toBe(m.owner);
    expect(back.recommendations).toHaveLength(m.recommendations.length);
    back.recommendations.forEach((r, i) => {
      const orig = m.recommendations[i];
      expect({ n: r.number, t: r.text, to: r.addressedTo, p: r.priority, resp: r.response }).toEqual({
        n: orig.number,
        t: orig.text,
        to: orig.addressedTo,
        p: orig.priority,
        resp: orig.response,
      });
      expect(
        r.actions.map((a) => [a.number, a.text, a.due, a.responsible, a.status, a.fundingConditional]),
      ).toEqual(
        orig.actions.map((a) => [a.number, a.text, a.due, a.responsible, a.status, a.fundingConditional]),
      );
    });
  });

  it('exports .xlsx and .csv with one row per action and JSON in the import shape', async () => {
    const m = await getMatrix(database.db, org, classicId, TODAY);
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        chunks.push(chunk);
        done();
      },
    });
    await writeXlsx(sink, 'Matrix', matrixColumns(), matrixRows(m));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(1 + 9);
    expect(sheet.getRow(1).getCell(1).value).toBe('Evaluation');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row2 = sheet.getRow(2).values as unknown[];
    expect(row2[header.indexOf('Action no.') + 1]).toBe('1.1');
    expect(row2[header.indexOf('Due by') + 1]).toBe('2024-03-31');
    // People read words; scripts and round trips keep the codes beside them.
    const cell = (name: string) => row2[header.indexOf(name) + 1];
    expect([cell('Status'), cell('Status code')]).toEqual(['Initiated', 'initiated']);
    expect([cell('Management response'), cell('Response code')]).toEqual(['Accepted', 'accepted']);
    expect([cell('Subject to funding'), cell('No action needed'), cell('Overdue')]).toEqual([
      'No',
      'No',
      'No',
    ]);
    for (const code of ['not_initiated', 'partially_accepted']) {
      expect(header.filter((h) => !String(h).endsWith('code')).map((h) => cell(String(h)))).not.toContain(
        code,
      );
    }

    let csv = '';
    for await (const chunk of csvStream(matrixColumns(), matrixRows(m))) csv += chunk;
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^Evaluation,Recommendation no\.,Recommendation,/);
    expect(csv).toContain('"Translate the forms into Arabic, Tigrinya and Ukrainian"');

    const json = exportMatrixJson(m);
    expect(json.evaluation.recommendations[1].actions[0]).toMatchObject({
      number: '2.1',
      status: 'completed',
    });
    expect(json.evaluation.recommendations[1].actions[0].updates).toHaveLength(2);
  });
});
