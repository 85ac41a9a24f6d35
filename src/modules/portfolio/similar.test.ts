/**
 * Recommendations that come back: paraphrases made in earlier evaluations are found with what
 * became of their actions; unrelated ones, the recommendation's own evaluation, deleted evaluations
 * and other organisations are not.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { sampleEvaluation, sampleRecommendation } from '../../test/evaluations.js';
import { as, setupAdmin } from '../../test/session.js';
import { createOrganisation, ensureDefaultOrganisation } from '../accounts/service.js';
import type { ActionStatus } from '../actions/model.js';
import { deleteEvaluation, getMatrix, saveEvaluation } from '../evaluations/service.js';
import type { SimilarRecommendation } from './model.js';

const act = (number: string, status: ActionStatus, text = `Do part ${number}`) => ({
  number,
  text,
  timeframe: null,
  due: null,
  responsible: null,
  fundingConditional: false,
  status,
  comments: null,
});

describe.each(testDatabases())('recommendations that come back on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: ReturnType<typeof as>;
  let latest: string;
  let unrelated: string;

  beforeAll(async () => {
    database = await open();
    const db = database.db;
    const org = await ensureDefaultOrganisation(db);
    const system = systemCaller(org);
    const save = async (orgId: string, year: number, texts: [string, ReturnType<typeof act>[]][]) => {
      const { id } = await saveEvaluation(
        db,
        systemCaller(orgId),
        sampleEvaluation({
          title: `Evaluation of the welcome desks, ${year}`,
          year,
          recommendations: texts.map(([text, actions], i) =>
            sampleRecommendation({ number: String(i + 1), text, actions }),
          ),
        }),
      );
      return { id, matrix: await getMatrix(db, orgId, id, '2024-01-01') };
    };
    await save(org, 2019, [
      [
        'To translate the intake forms into the five most spoken languages.',
        [act('1.1', 'completed'), act('1.2', 'not_initiated')],
      ],
      ['Improve the gender balance of the steering committee.', [act('2.1', 'completed')]],
    ]);
    await save(org, 2021, [
      [
        'Translate the registration forms into the main languages spoken by newcomers.',
        [act('1.1', 'initiated'), act('1.2', 'not_initiated', 'N/A as already planned')],
      ],
    ]);
    const gone = await save(org, 2020, [
      ['Translate the intake forms into the languages newcomers speak.', []],
    ]);
    await deleteEvaluation(db, system, gone.id);
    const other = await createOrganisation(db, 'Another mission');
    await save(other, 2022, [['Translate the intake forms into the five most spoken languages.', []]]);
    const last = await save(org, 2023, [
      ['Translate the intake forms into the most spoken languages of newcomers.', []],
      ['Publish the desk statistics every month.', []],
      ['Translate the intake forms into more languages, as the 2021 evaluation also asked.', []],
    ]);
    latest = last.matrix.recommendations[0].id;
    unrelated = last.matrix.recommendations[1].id;
    app = await buildApp({ db, organisationId: org, webDist: null, attemptsPerMinute: 50 });
    admin = as(app, await setupAdmin(app));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('finds the same recommendation made in earlier evaluations, and what became of it', async () => {
    const res = await admin(`/api/recommendations/${latest}/similar`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as SimilarRecommendation[];
    // Not its own evaluation's third recommendation, not the deleted 2020 evaluation, not another organisation's.
    expect(items.map((i) => i.year).sort()).toEqual([2019, 2021]);
    const y2019 = items.find((i) => i.year === 2019)!;
    expect(y2019).toMatchObject({ number: '1', actions: 2, completed: 1, closed: 1 });
    // The 2021 one's second action needs no action: one counted, not yet completed.
    expect(items.find((i) => i.year === 2021)).toMatchObject({ actions: 1, completed: 0, closed: 0 });
    for (const i of items) expect(i.similarity).toBeGreaterThanOrEqual(0.2);
    expect(items.map((i) => i.similarity)).toEqual([...items.map((i) => i.similarity)].sort((a, b) => b - a));
  });

  it('finds nothing for a recommendation made once', async () => {
    const res = await admin(`/api/recommendations/${unrelated}/similar`);
    expect(res.json().items).toEqual([]);
  });

  it('answers an unknown recommendation as missing', async () => {
    const res = await admin('/api/recommendations/00000000-0000-4000-8000-000000000000/similar');
    expect(res.statusCode).toBe(404);
  });
});
