/**
 * The portfolio's figures against a portfolio counted by hand: actions without a due window,
 * completed before they were due, no longer applicable, subject to funding, needing no action,
 * deleted alone or with their evaluation, reported but not validated, linked to two units or none,
 * and another organisation's evaluation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { type Caller, systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { sampleEvaluation, sampleRecommendation } from '../../test/evaluations.js';
import { callerOf, createOrganisation, createUser, ensureDefaultOrganisation } from '../accounts/service.js';
import type { ActionStatus } from '../actions/model.js';
import { addProgressUpdate, deleteAction } from '../actions/service.js';
import { setActionUnits } from '../actions/units.js';
import type { ImportedAction } from '../evaluations/model.js';
import { deleteEvaluation, getMatrix, saveEvaluation } from '../evaluations/service.js';
import { createUnit } from '../units/service.js';
import { portfolioQuerySchema } from './model.js';
import { dashboard, portfolio } from './service.js';

const TODAY = '2024-06-15';

const action = (
  number: string,
  dueTo: string | null,
  status: ActionStatus = 'not_initiated',
  over: Partial<ImportedAction> = {},
): ImportedAction => ({
  number,
  text: `Key action ${number}`,
  timeframe: dueTo,
  due: dueTo ? { from: null, to: dueTo, inferred: false } : null,
  responsible: null,
  fundingConditional: false,
  status,
  comments: null,
  ...over,
});

const row = (
  key: string | number | null,
  actions: number,
  due: number,
  completed: number,
  overdue: number,
) => ({
  key,
  actions,
  due,
  completed,
  overdue,
  rate: due === 0 ? null : Math.round((completed / due) * 10_000) / 10_000,
});

describe.each(testDatabases())('portfolio figures on $name', ({ open }) => {
  let database: Database;
  let org: string;
  let system: Caller;
  const figures = (q: Record<string, string> = {}) =>
    portfolio(database.db, org, portfolioQuerySchema.parse(q), TODAY);

  beforeAll(async () => {
    database = await open();
    const db = database.db;
    org = await ensureDefaultOrganisation(db);
    system = systemCaller(org);
    const [city, desk] = await Promise.all(
      ['City coordinators', 'Help desk'].map((name) =>
        createUnit(db, system, { name, aliases: [], focalPoints: [] }),
      ),
    );
    const save = async (year: number, recommendations: ReturnType<typeof sampleRecommendation>[]) => {
      const { id } = await saveEvaluation(
        db,
        system,
        sampleEvaluation({ title: `Evaluation ${year}`, year, recommendations }),
      );
      const m = await getMatrix(db, org, id, TODAY);
      const ids = Object.fromEntries(
        m.recommendations.flatMap((r) => r.actions.map((a) => [a.number, a.id] as const)),
      );
      return { id, ids };
    };
    const a = await save(2022, [
      sampleRecommendation({
        number: '1',
        priority: 1,
        response: 'accepted',
        actions: [
          action('1.1', '2023-03-31', 'completed'),
          action('1.2', '2023-06-30'),
          action('1.3', '2023-01-31', 'not_initiated', { text: 'N/A as already planned' }),
          action('1.4', null),
        ],
      }),
      sampleRecommendation({
        number: '2',
        priority: 2,
        response: 'partially_accepted',
        actions: [
          action('2.1', '2024-12-31', 'completed'),
          action('2.2', '2024-03-31', 'initiated', { fundingConditional: true }),
          action('2.3', '2023-12-31', 'no_longer_applicable'),
        ],
      }),
    ]);
    const b = await save(2023, [
      sampleRecommendation({
        priority: null,
        response: null,
        actions: [action('1.1', '2024-01-31'), action('1.2', '2024-02-29')],
      }),
    ]);
    const c = await save(2021, [
      sampleRecommendation({ actions: [action('1.1', '2022-01-01', 'completed')] }),
    ]);
    const link = (ids: Record<string, string>, n: string, ...unitIds: string[]) =>
      setActionUnits(db, system, ids[n], unitIds);
    await link(a.ids, '1.1', city.id);
    await link(a.ids, '1.2', city.id, desk.id);
    await link(a.ids, '2.1', desk.id);
    await link(a.ids, '2.2', desk.id);
    await link(a.ids, '2.3', city.id);
    await link(b.ids, '1.1', city.id);
    await deleteAction(db, system, b.ids['1.2']);
    await deleteEvaluation(db, system, c.id);
    // A contributor of the city coordinators reports 1.1 of 2023 completed: reported, not validated.
    const userId = await createUser(db, {
      name: 'Cora',
      email: 'cora@example.org',
      password: 'a long test password',
      organisationId: org,
      role: 'contributor',
      unit: 'City coordinators',
    });
    const cora = await callerOf(db, { id: userId, email: 'cora@example.org', name: 'Cora' }, org, org);
    await addProgressUpdate(
      db,
      cora,
      b.ids['1.1'],
      { author: 'Cora', comment: 'Done', status: 'completed' },
      TODAY,
    );
    // Another organisation's completed action counts only there.
    const other = await createOrganisation(db, 'Another mission');
    await saveEvaluation(
      db,
      systemCaller(other),
      sampleEvaluation({
        recommendations: [sampleRecommendation({ actions: [action('1.1', '2023-01-31', 'completed')] })],
      }),
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it('counts the whole portfolio and each cut as counted by hand', async () => {
    const f = await figures();
    // Counted: 2022's 1.1, 1.2, 1.4, 2.1, 2.2, 2.3 and 2023's 1.1. Due by 15 June 2024: all but 1.4
    // (no due window) and 2.1 (due in December; completed early, so not yet in the rate).
    expect(f.overall).toEqual(row(null, 7, 5, 1, 3));
    expect(f.byYear).toEqual([row(2022, 6, 4, 1, 2), row(2023, 1, 1, 0, 1)]);
    expect(f.byPriority).toEqual([row(1, 3, 2, 1, 1), row(2, 3, 2, 0, 1), row(null, 1, 1, 0, 1)]);
    expect(f.byResponse).toEqual([
      row('accepted', 3, 2, 1, 1),
      row('partially_accepted', 3, 2, 0, 1),
      row(null, 1, 1, 0, 1),
    ]);
    // 2022's 1.2 is linked to both units and counts in each; 1.4 is linked to none.
    expect(f.byUnit).toEqual([
      row('City coordinators', 4, 4, 1, 2),
      row('Help desk', 3, 2, 0, 2),
      row(null, 1, 0, 0, 0),
    ]);
  });

  it('counts a period by the due dates in it, and a day given for the figures', async () => {
    const f = await figures({ from: '2023-06-01', to: '2023-12-31' });
    expect(f.overall).toEqual(row(null, 2, 2, 0, 1));
    // On 1 July 2023, 1.2 had just become overdue and 2.3 was not yet due.
    const then = await figures({ from: '2023-06-01', to: '2023-12-31', today: '2023-07-01' });
    expect(then.overall).toEqual(row(null, 2, 1, 0, 1));
    const empty = await figures({ from: '2030-01-01' });
    expect(empty.overall).toEqual(row(null, 0, 0, 0, 0));
    expect(empty.byUnit).toEqual([]);
  });

  it('ages the overdue actions by months since their due date', async () => {
    // Overdue on 15 June 2024: 2022's 1.2 (June 2023: 11½ months) and 2.2 (March 2024: 2½), 2023's 1.1 (January 2024: 4½).
    const d = await dashboard(database.db, org, portfolioQuerySchema.parse({}), TODAY);
    expect(d.ageing).toEqual([
      { band: '0-3', overdue: 1 },
      { band: '3-6', overdue: 1 },
      { band: '6-12', overdue: 1 },
      { band: '12+', overdue: 0 },
    ]);
    // Fully actionable (a linked unit and a due window): 2022's 1.1, 1.2, 2.1, 2.2, 2.3 and 2023's 1.1;
    // 2022's 1.4 has neither.
    expect(d.actionability).toMatchObject({ actions: 7, actionable: 6 });
    expect(d.actionability.byEvaluation.map((e) => [e.title, e.actions, e.actionable])).toEqual([
      ['Evaluation 2022', 6, 5],
      ['Evaluation 2023', 1, 1],
    ]);
    expect(d.actionability.byUnit).toEqual([
      { key: 'City coordinators', actions: 4, actionable: 4 },
      { key: 'Help desk', actions: 3, actionable: 3 },
    ]);
    const later = await dashboard(
      database.db,
      org,
      portfolioQuerySchema.parse({ today: '2024-07-15' }),
      TODAY,
    );
    expect(later.ageing.map((b) => b.overdue)).toEqual([0, 2, 0, 1]);
    expect(later.overall).toEqual(row(null, 7, 5, 1, 3));
  });

  it('refuses a period that ends before it starts', () => {
    expect(portfolioQuerySchema.safeParse({ from: '2024-02-01', to: '2024-01-01' }).success).toBe(false);
    expect(portfolioQuerySchema.safeParse({ from: '2024-02-30' }).success).toBe(false);
  });
});
