/**
 * Practices that answer a recommendation: published practices whose words match it are suggested
 * (drafts are not), an editor links one as inspiration, and the link shows on both sides.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { testDatabases } from '../../test/databases.js';
import { sampleEvaluation, sampleRecommendation } from '../../test/evaluations.js';
import { as, setupAdmin, signedInMember } from '../../test/session.js';
import { ensureDefaultOrganisation } from '../accounts/service.js';
import { ensureBuiltInFrameworks } from '../frameworks/service.js';
import { queryWords } from './inspiration.js';
import type { PracticeSuggestionRow } from './model.js';

const pages = readFileSync(
  fileURLToPath(new URL('../practices/import/fixtures/two-practices.txt', import.meta.url)),
  'utf8',
);

describe('the words a recommendation is about', () => {
  it('keeps telling words once and leaves out short and common ones', () => {
    expect(
      queryWords('To ensure that newcomers can attend the cafés in the evening, and the cafés in 2024.'),
    ).toEqual(['newcomers', 'attend', 'cafés', 'evening']);
  });
});

describe.each(testDatabases())('practices that answer a recommendation on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: ReturnType<typeof as>;
  let viewer: ReturnType<typeof as>;
  let cafes: string;
  let mentoring: string;
  let recId: string;
  let unrelatedId: string;

  beforeAll(async () => {
    database = await open();
    const org = await ensureDefaultOrganisation(database.db);
    await ensureBuiltInFrameworks(database.db);
    app = await buildApp({ db: database.db, organisationId: org, webDist: null, attemptsPerMinute: 50 });
    admin = as(app, await setupAdmin(app));
    viewer = as(app, await signedInMember(app, database.db, org, 'viewer'));
    const read = await admin({
      method: 'POST',
      url: '/api/practices/import?dryRun=true',
      payload: { text: pages },
    });
    const saved = await admin({
      method: 'POST',
      url: '/api/practices',
      payload: { practices: read.json().practices },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    [cafes, mentoring] = saved.json().ids;
    // The cafés are published; the mentoring scheme stays a draft.
    for (const to of ['in_review', 'published']) {
      const moved = await admin({ method: 'POST', url: `/api/practices/${cafes}/workflow`, payload: { to } });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const evaluation = await admin({
      method: 'POST',
      url: '/api/evaluations',
      payload: {
        evaluation: sampleEvaluation({
          recommendations: [
            sampleRecommendation({
              number: '1',
              text: 'Offer welcome cafés in the evening where volunteers speak the languages of newcomers.',
            }),
            sampleRecommendation({ number: '2', text: 'Audit the payroll twice a year.' }),
          ],
        }),
      },
    });
    expect(evaluation.statusCode, evaluation.body).toBe(201);
    const matrix = (await admin(`/api/evaluations/${evaluation.json().id}`)).json();
    [recId, unrelatedId] = matrix.recommendations.map((r: { id: string }) => r.id);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const suggestions = async (id: string) => {
    const res = await viewer(`/api/recommendations/${id}/practices`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as PracticeSuggestionRow[];
  };

  it('suggests published practices whose words match, not drafts, and none for an unrelated recommendation', async () => {
    const items = await suggestions(recId);
    expect(items.map((p) => p.id)).toEqual([cafes]);
    expect(items[0]).toMatchObject({ title: 'Welcome Cafés in Lower Saxony', linked: false });
    expect(items[0].score).toBeGreaterThan(0);
    expect(items.map((p) => p.id)).not.toContain(mentoring);
    expect(await suggestions(unrelatedId)).toEqual([]);
  });

  it('links a practice as inspiration, shows it on both sides, and unlinks it', async () => {
    const url = `/api/recommendations/${unrelatedId}/practices/${cafes}`;
    expect((await viewer({ method: 'PUT', url })).statusCode).toBe(403);
    expect((await admin({ method: 'PUT', url })).statusCode).toBe(204);
    expect((await admin({ method: 'PUT', url })).statusCode).toBe(204); // twice is once
    expect(await suggestions(unrelatedId)).toEqual([expect.objectContaining({ id: cafes, linked: true })]);
    const inspired = (await viewer(`/api/practices/${cafes}/recommendations`)).json().items;
    expect(inspired).toEqual([
      expect.objectContaining({ id: unrelatedId, number: '2', evaluationTitle: 'Welcome desks' }),
    ]);
    expect((await admin({ method: 'DELETE', url })).statusCode).toBe(204);
    expect(await suggestions(unrelatedId)).toEqual([]);
    expect((await viewer(`/api/practices/${cafes}/recommendations`)).json().items).toEqual([]);
    const missing = await admin({
      method: 'PUT',
      url: `/api/recommendations/${unrelatedId}/practices/00000000-0000-4000-8000-000000000000`,
    });
    expect(missing.statusCode).toBe(404);
  });
});
