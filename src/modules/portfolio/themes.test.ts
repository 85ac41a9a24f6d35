/**
 * Recurring themes: recommendations of different evaluations that read alike form one theme, the
 * largest first, with its years and what is still open; one-offs, deleted evaluations and other
 * organisations stay out.
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
import { deleteEvaluation, saveEvaluation } from '../evaluations/service.js';
import type { RecurringTheme } from './model.js';

const act = (number: string, status: ActionStatus) => ({
  number,
  text: `Do part ${number}`,
  timeframe: null,
  due: null,
  responsible: null,
  fundingConditional: false,
  status,
  comments: null,
});

describe.each(testDatabases())('recurring themes on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: ReturnType<typeof as>;

  beforeAll(async () => {
    database = await open();
    const db = database.db;
    const org = await ensureDefaultOrganisation(db);
    const save = async (orgId: string, year: number, texts: [string, ReturnType<typeof act>[]][]) =>
      (
        await saveEvaluation(
          db,
          systemCaller(orgId),
          sampleEvaluation({
            title: `Evaluation of the reception programme, ${year}`,
            year,
            recommendations: texts.map(([text, actions], i) =>
              sampleRecommendation({ number: String(i + 1), text, actions }),
            ),
          }),
        )
      ).id;
    await save(org, 2019, [
      ['To translate the intake forms into the five most spoken languages.', [act('1.1', 'completed')]],
      ['Improve the gender balance of the steering committee.', [act('2.1', 'completed')]],
      ['Open a second welcome desk in the north of the city.', [act('3.1', 'initiated')]],
    ]);
    await save(org, 2021, [
      [
        'Translate the registration forms into the main languages spoken by newcomers.',
        [act('1.1', 'initiated')],
      ],
      ['Improve the gender balance of the project steering committee.', [act('2.1', 'not_initiated')]],
    ]);
    await save(org, 2023, [
      ['Translate the intake forms into the most spoken languages of newcomers.', []],
      ['Train volunteers in first aid before the summer.', [act('2.1', 'completed')]],
    ]);
    const gone = await save(org, 2020, [['Hire a psychologist for the reception centre.', []]]);
    await save(org, 2022, [['Hire a psychologist for the reception centres.', []]]);
    await deleteEvaluation(db, systemCaller(org), gone);
    const other = await createOrganisation(db, 'Another mission');
    await save(other, 2022, [['Train volunteers in first aid before the summer starts.', []]]);
    app = await buildApp({ db, organisationId: org, webDist: null, attemptsPerMinute: 50 });
    admin = as(app, await setupAdmin(app));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('joins alike recommendations of different evaluations into themes, largest first', async () => {
    const res = await admin('/api/portfolio/themes');
    expect(res.statusCode, res.body).toBe(200);
    const themes = res.json().items as RecurringTheme[];
    expect(themes).toHaveLength(2);
    const [forms, balance] = themes;
    expect(forms).toMatchObject({ evaluations: 3, years: [2019, 2021, 2023] });
    expect(forms.recommendations.map((r) => r.year)).toEqual([2019, 2021, 2023]);
    expect(forms.text).toMatch(/^Translate|^To translate/);
    // 2019's is completed; 2021's action is under way and 2023's has none asked for yet.
    expect(forms.stillOpen).toBe(1);
    expect(balance).toMatchObject({ evaluations: 2, years: [2019, 2021], stillOpen: 1 });
    expect(balance.recommendations.map((r) => [r.year, r.completed, r.actions])).toEqual([
      [2019, 1, 1],
      [2021, 0, 1],
    ]);
    // A one-off, a deleted evaluation's twin and another organisation's twin make no theme.
    const texts = themes.flatMap((t) => t.recommendations.map((r) => r.text)).join(' ');
    expect(texts).not.toMatch(/welcome desk|psychologist|first aid/);
  });

  it('gives as many themes as asked, and refuses a limit out of range', async () => {
    expect((await admin('/api/portfolio/themes?limit=1')).json().items).toHaveLength(1);
    const bad = await admin('/api/portfolio/themes?limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid');
  });
});
