import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { createOrganisation, ensureDefaultOrganisation } from '../accounts/service.js';
import { actionListQuerySchema } from '../actions/model.js';
import { deleteAction, listActions, restoreAction } from '../actions/service.js';
import { ensureBuiltInFrameworks } from '../frameworks/service.js';
import { importPracticePages } from './import/importPracticePages.js';
import { catalogueQuerySchema } from './model.js';
import {
  catalogueFacets,
  checklistHeatmap,
  comparePractices,
  createImprovementAction,
  createPractices,
  getPracticePage,
  moveWorkflow,
  practiceFromImport,
  rebuildFacetCounts,
  searchCatalogue,
  updatePractice,
} from './service.js';

const TODAY = '2025-03-01';
const pages = readFileSync(
  fileURLToPath(new URL('./import/fixtures/two-practices.txt', import.meta.url)),
  'utf8',
);

describe.each(testDatabases())('practice library on $name', ({ open }) => {
  let database: Database;
  let org: string;
  let cafes: string;
  let mentoring: string;

  beforeAll(async () => {
    database = await open();
    org = await ensureDefaultOrganisation(database.db);
    await ensureBuiltInFrameworks(database.db);
    const read = importPracticePages(pages);
    [cafes, mentoring] = await createPractices(
      database.db,
      systemCaller(org),
      read.practices.map(practiceFromImport),
    );
    await updatePractice(database.db, systemCaller(org), cafes, {
      country: 'Germany',
      targetGroups: ['families', 'newcomers in work'],
      areas: ['social_participation', 'language'],
    });
    await updatePractice(database.db, systemCaller(org), mentoring, {
      country: 'Italy',
      targetGroups: ['young people'],
      areas: ['employment'],
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('keeps an imported assessment with its marks, narratives and coverage per criterion', async () => {
    const page = await getPracticePage(database.db, org, cafes);
    expect(page.title).toBe('Welcome Cafés in Lower Saxony');
    expect(page.status).toBe('draft');
    const ip = page.coverage.find((c) => c.criterionId === 'IP')!;
    // IP1: met, met, not met, not assessed → 2 of 3 assessed; the unassessed item never counts as not met.
    expect(ip).toMatchObject({ met: 2, assessed: 3 });
    expect(page.coverage.find((c) => c.criterionId === 'SU')).toMatchObject({ assessed: 0, coverage: null });
    const q = page.criteria[0].questions[0];
    expect(q.inspiringTools).toEqual(['Café handbook (PDF)', 'https://example.org/cafe-handbook']);
    expect(q.items.map((i) => i.mark)).toEqual(['met', 'met', 'not_met', 'not_assessed']);
    expect(page.otherAnswers.map((a) => a.question)).toEqual([
      'Does the practice measure how happy the volunteers are?',
    ]);
  });

  it('refuses marks outside the vocabulary, unknown frameworks and items that are not the framework’s, saving nothing', async () => {
    const base = practiceFromImport(importPracticePages(pages).practices[1], 0);
    const before = (await searchCatalogue(database.db, org, catalogueQuerySchema.parse({ status: 'all' })))
      .total;
    const bad = [
      { ...base, assessment: { ...base.assessment, framework: 'spring@9' } },
      {
        ...base,
        assessment: {
          ...base.assessment,
          questions: [
            { ...base.assessment.questions[0], items: [{ itemId: 'ZZ9.9', text: 'x', mark: 'met' }] },
          ],
        },
      },
      {
        ...base,
        assessment: {
          ...base.assessment,
          questions: [
            { ...base.assessment.questions[0], items: [{ itemId: 'IP3.1', text: 'x', mark: 'great' }] },
          ],
        },
      },
    ];
    await expect(createPractices(database.db, systemCaller(org), [base, bad[0]])).rejects.toMatchObject({
      details: [expect.objectContaining({ path: 'assessment.framework' })],
    });
    await expect(createPractices(database.db, systemCaller(org), [bad[1]])).rejects.toMatchObject({
      details: [expect.objectContaining({ path: 'assessment.questions.0.items.0.itemId' })],
    });
    await expect(createPractices(database.db, systemCaller(org), [bad[2]])).rejects.toMatchObject({
      details: [expect.objectContaining({ path: 'practices.0.assessment.questions.0.items.0.mark' })],
    });
    expect(
      (await searchCatalogue(database.db, org, catalogueQuerySchema.parse({ status: 'all' }))).total,
    ).toBe(before);
  });

  it('moves practices through review to publication, with the reviewer’s comment', async () => {
    await expect(moveWorkflow(database.db, systemCaller(org), cafes, 'published')).rejects.toMatchObject({
      code: 'invalid',
    });
    await moveWorkflow(database.db, systemCaller(org), cafes, 'in_review');
    await moveWorkflow(database.db, systemCaller(org), cafes, 'draft', 'Please add the funding sources.');
    expect((await getPracticePage(database.db, org, cafes)).reviewComment).toBe(
      'Please add the funding sources.',
    );
    await moveWorkflow(database.db, systemCaller(org), cafes, 'in_review');
    await moveWorkflow(database.db, systemCaller(org), cafes, 'published');
    expect((await getPracticePage(database.db, org, cafes)).status).toBe('published');
  });

  it('finds published practices by words of their narratives and by facets', async () => {
    const q = (over: Record<string, unknown>) =>
      searchCatalogue(database.db, org, catalogueQuerySchema.parse(over));
    const byWord = await q({ q: 'weekday evenings' });
    expect(byWord.items.map((i) => i.id)).toEqual([cafes]);
    expect((await q({ q: 'steering group' })).total).toBe(0); // the mentoring practice is still a draft
    expect((await q({ q: 'steering group', status: 'draft' })).items.map((i) => i.id)).toEqual([mentoring]);
    const all = await q({ status: 'all' });
    expect(all.facets.country).toEqual(
      expect.arrayContaining([
        { value: 'Germany', count: 1 },
        { value: 'Italy', count: 1 },
      ]),
    );
    expect((await q({ status: 'all', area: 'employment' })).items.map((i) => i.id)).toEqual([mentoring]);
    expect((await q({ status: 'all', targetGroup: 'families' })).items.map((i) => i.id)).toEqual([cafes]);
    // The mentoring practice met every item it was assessed on for Inclusivity & Participation.
    expect((await q({ status: 'all', fullyMet: 'IP' })).items.map((i) => i.id)).toEqual([mentoring]);
  });

  it('sorts and pages the same way whether words are searched or not', async () => {
    const titles = ['Echo', 'Bravo', 'Delta', 'Alpha', 'Charlie'].map((t) => `${t} orchard project`);
    const other = await createOrganisation(database.db, 'Orchard network');
    await createPractices(
      database.db,
      systemCaller(other),
      titles.map((title) => ({ title, summary: 'Neighbours tend an orchard together.', country: 'Malta' })),
    );
    const q = (over: Record<string, unknown>) =>
      searchCatalogue(
        database.db,
        other,
        catalogueQuerySchema.parse({ status: 'draft', pageSize: 2, ...over }),
      );
    const byWords = await q({ q: 'orchard', sort: 'title', page: 2 });
    const byFacet = await q({ country: 'Malta', sort: 'title', page: 2 });
    for (const page of [byWords, byFacet]) {
      expect(page.items.map((i) => i.title)).toEqual(['Charlie orchard project', 'Delta orchard project']);
      expect(page.total).toBe(5);
      expect(page.facets.country).toEqual([{ value: 'Malta', count: 5 }]);
    }
    expect((await q({ q: 'orchard', sort: 'title', page: 3 })).items.map((i) => i.title)).toEqual([
      'Echo orchard project',
    ]);
    const beyond = await q({ q: 'orchard', sort: 'title', page: 4 });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(5);
    const recentByWords = await q({ q: 'orchard', sort: 'recent', pageSize: 5 });
    const recentByFacet = await q({ country: 'Malta', sort: 'recent', pageSize: 5 });
    expect(recentByWords.items).toEqual(recentByFacet.items);
    expect(recentByWords.items[0].updatedAt).toEqual(expect.any(String));
  });

  it('keeps the whole catalogue’s facet counts in step with every write', async () => {
    const kept = await searchCatalogue(database.db, org, catalogueQuerySchema.parse({ status: 'all' }));
    await rebuildFacetCounts(database.db, org);
    const recounted = await searchCatalogue(database.db, org, catalogueQuerySchema.parse({ status: 'all' }));
    expect(kept.facets).toEqual(recounted.facets);
    expect(kept.total).toBe(recounted.total);
    const published = await searchCatalogue(database.db, org, catalogueQuerySchema.parse({}));
    expect(published.total).toBe(1);
    expect(published.facets.country).toEqual([{ value: 'Germany', count: 1 }]);
  });

  it('counts facet-filtered pages from the kept combinations exactly as from the practices', async () => {
    const queries = [
      { status: 'all' },
      { status: 'all', country: 'Italy' },
      { status: 'all', area: 'employment' },
      { status: 'all', targetGroup: 'families' },
      { status: 'all', fullyMet: 'IP' },
      { status: 'all', country: 'Germany', area: 'employment' },
      { status: 'draft' },
      { country: 'Nowhere' },
    ];
    for (const query of queries) {
      const q = catalogueQuerySchema.parse(query);
      const kept = await catalogueFacets(database.db, org, q, 'kept');
      const live = await catalogueFacets(database.db, org, q, 'practices');
      expect({ total: kept.total, facets: kept.facets }).toEqual({ total: live.total, facets: live.facets });
    }
    const italy = await catalogueFacets(
      database.db,
      org,
      catalogueQuerySchema.parse({ status: 'all', country: 'Italy' }),
    );
    expect(italy.total).toBe(1);
    expect(italy.facets.country).toEqual([{ value: 'Italy', count: 1 }]);
  });

  it('compares practices and shows which checklist items are most often not met', async () => {
    const cmp = await comparePractices(database.db, org, [cafes, mentoring]);
    expect(cmp.practices.map((p) => p.title)).toEqual([
      'Welcome Cafés in Lower Saxony',
      'Mentoring for Young Jobseekers',
    ]);
    await expect(comparePractices(database.db, org, [cafes])).rejects.toMatchObject({ code: 'invalid' });
    const heat = await checklistHeatmap(database.db, org, 'spring@1', 'all');
    expect(heat.items).toHaveLength(40);
    expect(heat.items[0].notMetShare).toBe(1);
    expect(['IP1.3', 'EF2.2']).toContain(heat.items[0].itemId);
    expect(heat.practices).toHaveLength(2);
  });

  it('turns an unmet checklist item into an action in the same tracker as evaluation follow-up', async () => {
    const action = await createImprovementAction(
      database.db,
      systemCaller(org),
      cafes,
      'IP1.3',
      {
        text: 'Write an equality and diversity charter for the cafés',
        responsible: 'Café coordinators',
        due: { from: null, to: '2025-06-30', inferred: false },
      },
      TODAY,
    );
    expect(action).toMatchObject({ status: 'not_initiated', number: 'IP1.3' });
    const owed = await listActions(
      database.db,
      org,
      actionListQuerySchema.parse({ responsible: 'café coordinators' }),
      TODAY,
    );
    expect(owed.items).toEqual([
      expect.objectContaining({
        practiceTitle: 'Welcome Cafés in Lower Saxony',
        itemId: 'IP1.3',
        evaluationTitle: null,
      }),
    ]);
    await expect(
      createImprovementAction(database.db, systemCaller(org), cafes, 'SU1.1', { text: 'x' }, TODAY),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('counts on the practice page the improvement actions of each item, not the deleted ones', async () => {
    const actionsOf = async (itemId: string) =>
      (await getPracticePage(database.db, org, cafes)).criteria
        .flatMap((c) => c.questions.flatMap((q) => q.items))
        .find((it) => it.id === itemId)?.actions;
    const before = await actionsOf('EF2.2');
    const action = await createImprovementAction(
      database.db,
      systemCaller(org),
      cafes,
      'EF2.2',
      { text: 'Ask the families what they need' },
      TODAY,
    );
    expect(await actionsOf('EF2.2')).toBe((before ?? 0) + 1);
    await deleteAction(database.db, systemCaller(org), action.id, 'asked already');
    expect(await actionsOf('EF2.2')).toBe(before);
    await restoreAction(database.db, systemCaller(org), action.id);
    expect(await actionsOf('EF2.2')).toBe((before ?? 0) + 1);
  });
});
