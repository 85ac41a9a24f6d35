/** The audit trail: old and new values for each kind of change, and deletes that can be undone. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { createUser, ensureDefaultOrganisation } from '../accounts/service.js';
import { actionListQuerySchema } from '../actions/model.js';
import {
  addProgressUpdate,
  deleteAction,
  getAction,
  listActions,
  restoreAction,
  updateAction,
} from '../actions/service.js';
import { importMatrixText } from '../evaluations/import/importMatrixText.js';
import {
  deleteEvaluation,
  getMatrix,
  listEvaluations,
  restoreEvaluation,
  saveEvaluation,
  updateEvaluation,
  updateRecommendation,
} from '../evaluations/service.js';
import { ensureBuiltInFrameworks } from '../frameworks/service.js';
import { importPracticePages } from '../practices/import/importPracticePages.js';
import { catalogueQuerySchema } from '../practices/model.js';
import {
  createPractices,
  deletePractice,
  getPracticePage,
  moveWorkflow,
  practiceFromImport,
  restorePractice,
  searchCatalogue,
  updateAssessment,
  updatePractice,
} from '../practices/service.js';
import { historyOf } from './service.js';

const TODAY = '2024-01-15';
const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const matrixText = read('../evaluations/import/fixtures/classic-welcome-desks.txt');
const pages = read('../practices/import/fixtures/two-practices.txt');

describe.each(testDatabases())('audit trail on $name', ({ open }) => {
  let database: Database;
  let org: string;
  let editor: Caller;

  beforeAll(async () => {
    database = await open();
    org = await ensureDefaultOrganisation(database.db);
    await ensureBuiltInFrameworks(database.db);
    const userId = await createUser(database.db, {
      name: 'Eda Editor',
      email: 'eda@example.org',
      password: 'a long test password',
      organisationId: org,
      role: 'editor',
    });
    editor = {
      user: { id: userId, email: 'eda@example.org', name: 'Eda Editor' },
      organisationId: org,
      role: 'editor',
      unitId: null,
      unit: null,
      memberships: [],
    };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('records who changed an evaluation, its recommendations and actions, from what to what, and why', async () => {
    const db = database.db;
    const { id } = await saveEvaluation(db, editor, importMatrixText(matrixText).evaluation, 'desks.txt');
    await updateEvaluation(db, editor, id, {
      title: 'Welcome desks, 2023 follow-up',
      reason: 'official title',
    });
    const matrix = await getMatrix(db, org, id, TODAY);
    const rec = matrix.recommendations[0];
    const newPriority = rec.priority === 3 ? 2 : 3;
    await updateRecommendation(db, editor, rec.id, { priority: newPriority });
    const action = rec.actions[0];
    await updateAction(
      db,
      editor,
      action.id,
      { timeframe: 'Q2 2024', reason: 'the pilot city changed its calendar' },
      TODAY,
    );
    await addProgressUpdate(
      db,
      editor,
      action.id,
      { author: 'Eda', comment: 'Done', status: 'completed' },
      TODAY,
    );

    const { events } = await historyOf(db, org, id);
    const [progress, moved, priority, renamed, created] = events;
    expect(created).toMatchObject({
      entity: 'evaluation',
      operation: 'create',
      actorName: 'Eda Editor <eda@example.org>',
      after: { sourceName: 'desks.txt', recommendations: 4 },
    });
    expect(renamed).toMatchObject({
      operation: 'update',
      before: {
        title: importMatrixText(matrixText).evaluation.title,
      },
      after: { title: 'Welcome desks, 2023 follow-up' },
      reason: 'official title',
    });
    expect(Object.keys(renamed.after ?? {})).toEqual(['title']);
    expect(priority).toMatchObject({
      entity: 'recommendation',
      before: { priority: rec.priority },
      after: { priority: newPriority },
    });
    expect(moved).toMatchObject({
      entity: 'action',
      entityId: action.id,
      before: { timeframe: action.timeframe, dueTo: action.due?.to ?? null },
      after: { timeframe: 'Q2 2024', dueTo: '2024-06-30' },
      reason: 'the pilot city changed its calendar',
    });
    expect(progress).toMatchObject({
      entity: 'action',
      before: { status: action.status },
      after: { status: 'completed', progress: { author: 'Eda', comment: 'Done' } },
    });
    // The action's own history has its changes only.
    const own = await historyOf(db, org, action.id);
    expect(own.events.map((e) => e.operation)).toEqual(['update', 'update']);
  });

  it('deletes softly and restores: an action, and an evaluation with its actions', async () => {
    const db = database.db;
    const { id } = await saveEvaluation(db, editor, importMatrixText(matrixText).evaluation, 'second.txt');
    const matrix = await getMatrix(db, org, id, TODAY);
    const action = matrix.recommendations[1].actions[0];
    const count = async () =>
      (await listActions(db, org, actionListQuerySchema.parse({ evaluationId: id }), TODAY)).total;
    const all = await count();

    await deleteAction(db, editor, action.id, 'duplicate of 1.1');
    expect(await count()).toBe(all - 1);
    await expect(getAction(db, org, action.id, TODAY)).rejects.toThrow(/No such action/);
    await restoreAction(db, editor, action.id);
    expect((await getAction(db, org, action.id, TODAY)).text).toBe(action.text);

    await deleteEvaluation(db, editor, id, 'imported twice');
    await expect(getMatrix(db, org, id, TODAY)).rejects.toThrow(/No such evaluation/);
    expect(await count()).toBe(0);
    const deleted = await listEvaluations(db, org, { deleted: true, page: 1, pageSize: 10 }, TODAY);
    expect(deleted.items.map((e) => e.id)).toContain(id);
    await restoreEvaluation(db, editor, id);
    expect((await getMatrix(db, org, id, TODAY)).recommendations).toHaveLength(matrix.recommendations.length);
    expect(await count()).toBe(all);

    const { events } = await historyOf(db, org, id);
    expect(events.slice(0, 4).map((e) => `${e.entity} ${e.operation}`)).toEqual([
      'evaluation restore',
      'evaluation delete',
      'action restore',
      'action delete',
    ]);
    expect(events[1].reason).toBe('imported twice');
    expect(events[3]).toMatchObject({
      before: { text: action.text },
      after: null,
      reason: 'duplicate of 1.1',
    });
  });

  it('records practice edits, assessment marks and review steps, and restores a deleted practice', async () => {
    const db = database.db;
    const [id] = await createPractices(
      db,
      editor,
      importPracticePages(pages).practices.map(practiceFromImport),
    );
    await updatePractice(db, editor, id, { country: 'Germany', reason: 'from the project sheet' });
    const page = await getPracticePage(db, org, id);
    const input = {
      framework: `${page.framework?.id}@${page.framework?.version}`,
      questions: page.criteria.flatMap((c) =>
        c.questions.map((q) => ({
          questionId: q.id,
          criterion: c.name,
          question: q.text,
          narrative: q.narrative,
          inspiringTools: q.inspiringTools,
          items: q.items
            .filter((it) => it.mark !== 'not_assessed')
            .map((it, i) => ({
              itemId: it.id,
              text: it.text,
              mark: i === 0 ? ('not_met' as const) : it.mark,
            })),
        })),
      ),
    };
    const firstItem = input.questions[0].items[0];
    const before = page.criteria[0].questions[0].items.find((it) => it.id === firstItem.itemId)?.mark;
    await updateAssessment(db, editor, id, input, 'second look');
    const reviewer: Caller = { ...editor, role: 'reviewer' };
    await moveWorkflow(db, editor, id, 'in_review');
    await moveWorkflow(db, reviewer, id, 'published', 'Clear and well documented');

    const { events } = await historyOf(db, org, id);
    const ops = events.map((e) => `${e.entity} ${e.operation}`);
    expect(ops).toEqual([
      'practice update',
      'practice update',
      'assessment update',
      'practice update',
      'practice create',
    ]);
    expect(events[0]).toMatchObject({
      before: { status: 'in_review' },
      after: { status: 'published' },
      reason: 'Clear and well documented',
    });
    expect(events[3]).toMatchObject({
      before: { country: null },
      after: { country: 'Germany' },
      reason: 'from the project sheet',
    });
    if (before !== 'not_met') {
      expect(events[2].before).toMatchObject({ [`mark ${firstItem.itemId}`]: before });
      expect(events[2].after).toMatchObject({ [`mark ${firstItem.itemId}`]: 'not_met' });
    }

    const published = async () =>
      (await searchCatalogue(db, org, catalogueQuerySchema.parse({ country: 'Germany' }))).total;
    expect(await published()).toBe(1);
    await deletePractice(db, editor, id, 'withdrawn by the city');
    expect(await published()).toBe(0);
    await expect(getPracticePage(db, org, id)).rejects.toThrow(/No such practice/);
    await restorePractice(db, editor, id);
    expect(await published()).toBe(1);
    expect((await historyOf(db, org, id)).events[1]).toMatchObject({
      operation: 'delete',
      reason: 'withdrawn by the city',
    });
  });
});
