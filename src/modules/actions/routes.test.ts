/**
 * The action list as a contributor uses it over HTTP: the units they answer for come with their
 * session, "mine" lists the actions of those units (their membership's unit and the units they are
 * a focal point of), "open" leaves out closed actions and those that need no action.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { sampleEvaluation, sampleRecommendation } from '../../test/evaluations.js';
import { as, setupAdmin, signIn, TEST_PASSWORD } from '../../test/session.js';
import { createUser, ensureDefaultOrganisation } from '../accounts/service.js';
import { getMatrix, saveEvaluation } from '../evaluations/service.js';
import { createUnit } from '../units/service.js';
import type { ActionList } from './model.js';
import { setActionUnits } from './units.js';

const TODAY = '2024-01-15';
const action = (number: string, text: string, status: 'not_initiated' | 'completed' = 'not_initiated') => ({
  number,
  text,
  timeframe: null,
  due: null,
  responsible: null,
  fundingConditional: false,
  status,
  comments: null,
});

describe.each(testDatabases())('a contributor’s actions over HTTP on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let contributor: ReturnType<typeof as>;
  let editor: ReturnType<typeof as>;
  let unitIds: { city: string; desk: string; comms: string };
  const numbers = (list: ActionList) => list.items.map((a) => a.number).sort();

  beforeAll(async () => {
    database = await open();
    const db = database.db;
    const org = await ensureDefaultOrganisation(db);
    const system = systemCaller(org);
    app = await buildApp({ db, organisationId: org, webDist: null, attemptsPerMinute: 50 });
    editor = as(app, await setupAdmin(app));
    const saved = await saveEvaluation(
      db,
      system,
      sampleEvaluation({
        recommendations: [
          sampleRecommendation({
            actions: [
              action('1.1', 'Open the desks on Saturdays'),
              action('1.2', 'N/A as already planned under 1.1'),
              action('1.3', 'Hire two evening staff', 'completed'),
              action('1.4', 'Translate the leaflet'),
              action('1.5', 'Train the volunteers'),
            ],
          }),
        ],
      }),
    );
    const [city, desk, comms] = await Promise.all(
      ['City coordinators', 'Help desk', 'Communication unit'].map((name) =>
        createUnit(db, system, { name, aliases: [], focalPoints: [] }),
      ),
    );
    unitIds = { city: city.id, desk: desk.id, comms: comms.id };
    const matrix = await getMatrix(db, org, saved.id, TODAY);
    const ids = Object.fromEntries(matrix.recommendations[0].actions.map((a) => [a.number, a.id]));
    for (const n of ['1.1', '1.2', '1.3']) await setActionUnits(db, system, ids[n], [city.id]);
    await setActionUnits(db, system, ids['1.4'], [desk.id]);
    await setActionUnits(db, system, ids['1.5'], [comms.id]);
    // Carla speaks for the city coordinators and is a focal point of the help desk.
    const carla = await createUser(db, {
      name: 'Carla',
      email: 'carla@example.org',
      password: TEST_PASSWORD,
      organisationId: org,
      role: 'contributor',
      unit: 'City coordinators',
    });
    const res = await editor({
      method: 'PATCH',
      url: `/api/units/${desk.id}`,
      payload: { focalPoints: [{ userId: carla }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    contributor = as(app, await signIn(app, 'carla@example.org'));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('tells the web which units the person answers for', async () => {
    const session = (await contributor('/api/session')).json();
    expect(session.role).toBe('contributor');
    expect([...session.unitIds].sort()).toEqual([unitIds.city, unitIds.desk].sort());
    expect((await editor('/api/session')).json().unitIds).toEqual([]);
  });

  it('lists only the actions of those units with "mine", and only what is left to do with "open"', async () => {
    const get = async (query: string) => {
      const res = await contributor(`/api/actions?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ActionList;
    };
    expect(numbers(await get('mine=true'))).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(numbers(await get('mine=true&open=true'))).toEqual(['1.1', '1.4']);
    expect(numbers(await get('open=false'))).toEqual(['1.2', '1.3']);
    expect((await get('mine=true&open=true')).total).toBe(2);
    const na = (await get('mine=true')).items.find((a) => a.number === '1.2')!;
    expect(na.noActionNeeded).toBe(true);
    // An editor who answers for no unit has no actions of their own.
    const editors = (await editor('/api/actions?mine=true')).json() as ActionList;
    expect(editors.total).toBe(0);
  });
});
