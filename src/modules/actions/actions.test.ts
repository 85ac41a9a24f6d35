/**
 * The action tracker: the cross-source list (filters, sorts, pages and their totals) over actions
 * of both evaluation templates and improvement actions of practices, the export stream, progress
 * updates (an editor's applied at once, a contributor's reported), each source's status
 * vocabulary, and deleting and restoring actions alone or with their evaluation or practice.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { type Caller, systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { callerOf, createUser, ensureDefaultOrganisation } from '../accounts/service.js';
import { closeEvaluation, reopenEvaluation } from '../evaluations/closure.js';
import { importMatrixText } from '../evaluations/import/importMatrixText.js';
import { deleteEvaluation, getMatrix, restoreEvaluation, saveEvaluation } from '../evaluations/service.js';
import { ensureBuiltInFrameworks } from '../frameworks/service.js';
import { importPracticePages } from '../practices/import/importPracticePages.js';
import {
  createImprovementAction,
  createPractices,
  deletePractice,
  practiceFromImport,
  restorePractice,
} from '../practices/service.js';
import { createUnit } from '../units/service.js';
import { type ActionListQuery, type ActionListRow, actionListQuerySchema } from './model.js';
import {
  addActionToRecommendation,
  addProgressUpdate,
  deleteAction,
  getAction,
  listActions,
  restoreAction,
  streamActions,
} from './service.js';
import { setActionUnits } from './units.js';

const TODAY = '2024-01-15';
const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const classicText = read('../evaluations/import/fixtures/classic-welcome-desks.txt');
const text2022 = read('../evaluations/import/fixtures/2022-language-courses.txt');
const practicePages = read('../practices/import/fixtures/two-practices.txt');

/** Undated actions sort last. */
const dueKey = (a: ActionListRow) => a.due?.to ?? '9999-12-31';
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

describe.each(testDatabases())('the action tracker on $name', ({ open }) => {
  let database: Database;
  let org: string;
  let system: Caller;
  let classicId: string;
  let id2022: string;
  let cafes: string;
  let mentoring: string;
  /** The improvement actions, in the order they were created. */
  const improvements: string[] = [];

  const list = (q: Partial<ActionListQuery> = {}) =>
    listActions(database.db, org, actionListQuerySchema.parse({ pageSize: 200, ...q }), TODAY);
  /** Every page of a query, with the total each page reported. */
  const allPages = async (q: Partial<ActionListQuery>, pageSize: number) => {
    const items: ActionListRow[] = [];
    const totals: number[] = [];
    for (let page = 1; ; page++) {
      const res = await list({ ...q, page, pageSize });
      totals.push(res.total);
      items.push(...res.items);
      if (res.items.length < pageSize) return { items, totals };
    }
  };

  beforeAll(async () => {
    database = await open();
    const db = database.db;
    org = await ensureDefaultOrganisation(db);
    system = systemCaller(org);
    await ensureBuiltInFrameworks(db);
    classicId = (await saveEvaluation(db, system, importMatrixText(classicText).evaluation)).id;
    id2022 = (await saveEvaluation(db, system, importMatrixText(text2022).evaluation)).id;
    [cafes, mentoring] = await createPractices(
      db,
      system,
      importPracticePages(practicePages).practices.map(practiceFromImport),
    );
    for (const [practice, item, due] of [
      [cafes, 'IP1.3', '2024-02-29'],
      [cafes, 'IP1.1', null],
      [mentoring, 'IP3.1', '2023-12-31'],
    ] as const) {
      const a = await createImprovementAction(
        db,
        system,
        practice,
        item,
        {
          text: `Improve ${item}`,
          responsible: 'Café coordinators',
          due: due ? { from: null, to: due, inferred: false } : null,
        },
        TODAY,
      );
      improvements.push(a.id);
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lists the actions of every source, saying where each comes from', async () => {
    const all = await list();
    // 9 of the classic matrix, 6 of the 2022 one, 3 improvement actions.
    expect(all.total).toBe(18);
    expect(all.items).toHaveLength(18);
    const improvement = all.items.find((a) => a.id === improvements[0])!;
    expect(improvement).toMatchObject({
      practiceId: cafes,
      itemId: 'IP1.3',
      evaluationId: null,
      recommendationNumber: null,
      priority: null,
      status: 'not_initiated',
    });
    expect(all.items.filter((a) => a.evaluationId === classicId)).toHaveLength(9);
    expect(all.items.filter((a) => a.evaluationId === id2022)).toHaveLength(6);
  });

  it('counts what each filter shows, improvement actions included', async () => {
    const cases: [Partial<ActionListQuery>, number][] = [
      [{}, 18],
      // No priority: recommendation 3 of the classic matrix, 2 and 3 of the 2022 one, and every improvement action.
      [{ priority: 0 }, 1 + 4 + 3],
      [{ priority: 1 }, 2 + 2],
      [{ priority: 3 }, 2],
      [{ evaluationId: classicId }, 9],
      [{ evaluationId: id2022, priority: 0 }, 4],
      [{ responsible: 'café' }, 3],
      [{ responsible: 'training unit' }, 5],
      [{ status: 'open' }, 6],
      [{ status: 'not_initiated' }, 7 + 3],
      [{ overdue: 'true' }, 3],
      [{ overdue: 'false' }, 15],
      [{ dueBefore: '2024-03-31' }, 5],
      [{ dueAfter: '2024-07-01' }, 4],
      [{ q: 'improve' }, 3],
      [{ priority: 0, overdue: 'true' }, 1],
      // The 2022-template matrix is of 2024; improvement actions have no evaluation.
      [{ year: 2024 }, 6],
      [{ year: 1999 }, 0],
      // Rejected: 3.1 of both matrices; not answered: recommendation 4 of the classic one.
      [{ response: 'rejected' }, 2],
      [{ response: 'none' }, 2],
      [{ response: 'accepted', evaluationId: id2022 }, 2],
    ];
    for (const [q, n] of cases) {
      const res = await list(q);
      expect({ q, total: res.total, shown: res.items.length }).toEqual({ q, total: n, shown: n });
    }
  });

  it('gives the same total on every page, past the last one too', async () => {
    for (const q of [{}, { priority: 0 }, { evaluationId: id2022 }] as Partial<ActionListQuery>[]) {
      const whole = await list(q);
      const { items, totals } = await allPages(q, 4);
      expect(items.map((a) => a.id)).toEqual(whole.items.map((a) => a.id));
      expect(new Set(totals)).toEqual(new Set([whole.total]));
    }
    const past = await list({ priority: 0, page: 10, pageSize: 5 });
    expect(past).toMatchObject({ items: [], total: 8, page: 10, pageSize: 5 });
  });

  it('sorts by due date either way, evaluation, priority and status, with a stable tie-break', async () => {
    const byDue = (await list({ sort: 'due' })).items;
    expect(byDue.map(dueKey)).toEqual(byDue.map(dueKey).sort());
    const byDueDesc = (await list({ sort: '-due' })).items;
    expect(byDueDesc.map((a) => a.id)).toEqual(byDue.map((a) => a.id).reverse());

    const byEvaluation = (await list({ sort: 'evaluation' })).items;
    const titles = byEvaluation.map((a) => a.evaluationTitle);
    // Evaluations by title, improvement actions (no evaluation) last; actions in matrix order.
    expect(titles.slice(0, 6).every((t) => t?.startsWith('Final evaluation'))).toBe(true);
    expect(titles.slice(6, 15).every((t) => t?.startsWith('Mid-term evaluation'))).toBe(true);
    expect(titles.slice(15)).toEqual([null, null, null]);
    expect(byEvaluation.slice(0, 6).map((a) => a.number)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3', '3.1']);

    const byPriority = (await list({ sort: 'priority' })).items;
    const p = (a: ActionListRow) => a.priority ?? 99;
    for (let i = 1; i < byPriority.length; i++) {
      const [a, b] = [byPriority[i - 1], byPriority[i]];
      expect(cmp(p(a), p(b)) || cmp(dueKey(a), dueKey(b)) || cmp(a.id, b.id)).toBe(-1);
    }

    const byStatus = (await list({ sort: 'status' })).items;
    for (let i = 1; i < byStatus.length; i++) {
      const [a, b] = [byStatus[i - 1], byStatus[i]];
      expect(cmp(a.status, b.status) || cmp(dueKey(a), dueKey(b)) || cmp(a.id, b.id)).toBe(-1);
    }
  });

  it('streams the filtered list in due order, in batches, with the fields of the export', async () => {
    const rows = [];
    for await (const r of streamActions(database.db, org, { priority: 0 }, TODAY, 3)) rows.push(r);
    const listed = (await list({ priority: 0 })).items;
    expect(rows.map((r) => r.id)).toEqual(listed.map((a) => a.id));
    const classic3 = rows.find((r) => r.evaluationId === classicId)!;
    expect(classic3).toMatchObject({ recommendationNumber: '3', response: expect.any(String) });
    expect(classic3.recommendationText).toBeTruthy();
  });

  it('applies an editor’s progress at once and keeps a contributor’s as reported', async () => {
    const db = database.db;
    const action = (await list({ evaluationId: id2022 })).items.find((a) => a.number === '1.1')!;
    expect(action.status).toBe('open');
    const unit = await createUnit(db, system, { name: 'Training unit', aliases: [], focalPoints: [] });
    await setActionUnits(db, system, action.id, [unit.id]);
    const userId = await createUser(db, {
      name: 'Tina',
      email: 'tina@example.org',
      password: 'a long test password',
      organisationId: org,
      role: 'contributor',
      unit: 'Training unit',
    });
    const tina = await callerOf(db, { id: userId, email: 'tina@example.org', name: 'Tina' }, org, org);
    const reported = await addProgressUpdate(
      db,
      tina,
      action.id,
      { author: 'Tina', comment: 'First course held', status: 'completed' },
      TODAY,
    );
    // Reported, not applied: the status waits for the evaluation office.
    expect(reported.status).toBe('open');
    expect(reported.updates.at(-1)).toMatchObject({
      state: 'reported',
      statusFrom: 'open',
      statusTo: 'completed',
      comment: 'First course held',
    });
    // An action not linked to her unit is not hers.
    const other = (await list({ evaluationId: id2022 })).items.find((a) => a.number === '3.1')!;
    await expect(
      addProgressUpdate(db, tina, other.id, { author: 'Tina', comment: 'x' }, TODAY),
    ).rejects.toMatchObject({ status: 403 });

    const editorId = await createUser(db, {
      name: 'Edo',
      email: 'edo@example.org',
      password: 'a long test password',
      organisationId: org,
      role: 'editor',
    });
    const edo = await callerOf(db, { id: editorId, email: 'edo@example.org', name: 'Edo' }, org, org);
    const applied = await addProgressUpdate(
      db,
      edo,
      action.id,
      { author: 'Edo', comment: 'Courses finished', status: 'completed', recordedOn: '2024-01-10' },
      TODAY,
    );
    expect(applied.status).toBe('completed');
    // Updates are in the order of their dates: the editor's, dated earlier, comes first.
    expect(applied.updates.map((u) => u.author)).toEqual(['Edo', 'Tina']);
    expect(applied.updates[0]).toMatchObject({
      state: 'validated',
      statusFrom: 'open',
      statusTo: 'completed',
      recordedOn: '2024-01-10',
    });
    // A comment alone changes no status and records none.
    const commented = await addProgressUpdate(db, edo, action.id, { author: 'Edo', comment: 'Noted' }, TODAY);
    expect(commented.updates.at(-1)).toMatchObject({ statusFrom: null, statusTo: null, state: 'validated' });
    await expect(
      addProgressUpdate(db, edo, action.id, { author: 'Edo', comment: 'x', recordedOn: '2024-02-01' }, TODAY),
    ).rejects.toMatchObject({ status: 400 });
    expect((await list({ status: 'completed', evaluationId: id2022 })).total).toBe(1);
  });

  it('keeps each source to its status vocabulary', async () => {
    const db = database.db;
    const classic = await getMatrix(db, org, classicId, TODAY);
    const m2022 = await getMatrix(db, org, id2022, TODAY);
    const classicAction = classic.recommendations[0].actions[1];
    const action2022 = m2022.recommendations[2].actions[0];
    const progress = (id: string, status: ActionListRow['status']) =>
      addProgressUpdate(db, system, id, { author: 'Ada', status }, TODAY);
    await expect(progress(classicAction.id, 'open')).rejects.toMatchObject({ status: 400 });
    await expect(progress(action2022.id, 'initiated')).rejects.toMatchObject({ status: 400 });
    await expect(progress(improvements[1], 'discarded')).rejects.toMatchObject({ status: 400 });
    expect((await progress(improvements[1], 'initiated')).status).toBe('initiated');

    // New actions start at their template's first status, and refuse the other template's.
    const added = await addActionToRecommendation(
      db,
      system,
      m2022.recommendations[2].id,
      { text: 'Write to the ministry' },
      TODAY,
    );
    expect(added).toMatchObject({ status: 'open', number: '3.2' });
    await expect(
      addActionToRecommendation(
        db,
        system,
        classic.recommendations[0].id,
        { text: 'x', status: 'open' },
        TODAY,
      ),
    ).rejects.toMatchObject({ status: 400 });
    await deleteAction(db, system, added.id);

    // Improvement actions use the classic vocabulary from the start.
    await expect(
      createImprovementAction(db, system, cafes, 'IP1.2', { text: 'x', status: 'discarded' }, TODAY),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      createImprovementAction(db, system, cafes, 'IP1.2', { text: 'x', status: 'open' }, TODAY),
    ).rejects.toMatchObject({ status: 400 });
    expect((await list({ q: 'improve' })).total).toBe(3);
  });

  it('deletes an action softly and restores it; an evaluation or practice takes its actions along', async () => {
    const db = database.db;
    const before = (await list()).total;
    const [target] = improvements;
    await deleteAction(db, system, target, 'duplicate');
    expect((await list()).total).toBe(before - 1);
    expect((await list({ priority: 0 })).items.map((a) => a.id)).not.toContain(target);
    await expect(getAction(db, org, target, TODAY)).rejects.toMatchObject({ status: 404 });
    await expect(deleteAction(db, system, target)).rejects.toMatchObject({ status: 404 });
    await restoreAction(db, system, target, 'not a duplicate after all');
    expect((await list()).total).toBe(before);
    await expect(restoreAction(db, system, target)).rejects.toMatchObject({ status: 404 });

    const of2022 = (await list({ evaluationId: id2022 })).items[0].id;
    await deleteEvaluation(db, system, id2022);
    expect((await list()).total).toBe(before - 6);
    expect((await list({ evaluationId: id2022 })).total).toBe(0);
    // Hidden with their evaluation: they come back with it, not alone.
    await expect(restoreAction(db, system, of2022)).rejects.toMatchObject({ status: 404 });
    await restoreEvaluation(db, system, id2022);
    expect((await getAction(db, org, of2022, TODAY)).id).toBe(of2022);
    expect((await list()).total).toBe(before);

    await deletePractice(db, system, cafes);
    expect((await list({ q: 'improve' })).total).toBe(1);
    await expect(restoreAction(db, system, improvements[1])).rejects.toMatchObject({ status: 404 });
    await restorePractice(db, system, cafes);
    expect((await list({ q: 'improve' })).total).toBe(3);
  });

  it('refuses changes to the actions of a closed evaluation', async () => {
    const db = database.db;
    const action = (await list({ evaluationId: classicId })).items[0];
    await closeEvaluation(db, system, classicId, 'Done');
    await expect(
      addProgressUpdate(db, system, action.id, { author: 'Ada', comment: 'late' }, TODAY),
    ).rejects.toMatchObject({ status: 409 });
    await expect(deleteAction(db, system, action.id)).rejects.toMatchObject({ status: 409 });
    await reopenEvaluation(db, system, classicId);
    await deleteAction(db, system, action.id);
    await restoreAction(db, system, action.id);
  });
});
