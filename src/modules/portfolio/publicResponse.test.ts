/**
 * Public management-response pages: published by an editor, read by anyone signed out, in the
 * reader's language, without names or comments; a private or withdrawn response looks missing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { sampleEvaluation, sampleRecommendation } from '../../test/evaluations.js';
import { as, setupAdmin, signedInMember } from '../../test/session.js';
import { ensureDefaultOrganisation } from '../accounts/service.js';
import { saveEvaluation } from '../evaluations/service.js';

const act = (
  number: string,
  text: string,
  status: 'completed' | 'initiated',
  comments: string | null = null,
) => ({
  number,
  text,
  timeframe: 'By end of June 2025',
  due: { from: null, to: '2025-06-30', inferred: false },
  responsible: 'City coordinators',
  fundingConditional: false,
  status,
  comments,
});

describe.each(testDatabases())('public management responses on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let editor: ReturnType<typeof as>;
  let viewer: ReturnType<typeof as>;
  let id: string;
  let privateId: string;

  beforeAll(async () => {
    database = await open();
    const db = database.db;
    const org = await ensureDefaultOrganisation(db);
    app = await buildApp({ db, organisationId: org, webDist: null, attemptsPerMinute: 50 });
    await setupAdmin(app);
    editor = as(app, await signedInMember(app, db, org, 'editor'));
    viewer = as(app, await signedInMember(app, db, org, 'viewer'));
    const save = (title: string) =>
      saveEvaluation(
        db,
        systemCaller(org),
        sampleEvaluation({
          title,
          year: 2024,
          evaluators: 'Dr Ana Ruiz and Tom Peters',
          owner: 'Lena Okafor, programme coordinator',
          recommendations: [
            sampleRecommendation({
              text: 'Open the welcome desks on Saturdays.',
              response: 'partially_accepted',
              responseText: 'Saturdays in two cities first.',
              comments: 'Internal: budget line 4 is short.',
              actions: [
                act('1.1', 'Pilot Saturday openings in Turin', 'completed', 'Ask Marco about the keys'),
                act('1.2', 'Extend to every desk', 'initiated'),
              ],
            }),
          ],
        }),
      );
    id = (await save('Welcome desks evaluation')).id;
    privateId = (await save('Internal review of the desks')).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('publishes a response for anyone to read, without names or comments', async () => {
    expect((await app.inject(`/responses/${id}`)).statusCode).toBe(404);
    expect(
      (await viewer({ method: 'PUT', url: `/api/evaluations/${id}/public`, payload: { public: true } }))
        .statusCode,
    ).toBe(403);
    const res = await editor({
      method: 'PUT',
      url: `/api/evaluations/${id}/public`,
      payload: { public: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ url: `/responses/${id}`, publishedAt: expect.any(String) });
    expect((await editor(`/api/evaluations/${id}`)).json().responsePublishedAt).toEqual(expect.any(String));

    const page = await app.inject(`/responses/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const html = page.body;
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<meta name="robots" content="index, follow">');
    expect(html).toContain('<h1>Welcome desks evaluation (2024)</h1>');
    expect(html).toContain('Open the welcome desks on Saturdays.');
    expect(html).toContain('Partially accepted');
    expect(html).toMatch(
      /1\.1 Pilot Saturday openings in Turin<\/td><td>By end of June 2025<\/td><td>Completed<\/td>/,
    );
    expect(html).toMatch(/Added \d{1,2} \w+ \d{4} · Last updated \d{1,2} \w+ \d{4}/);
    for (const secret of ['Ana Ruiz', 'Lena Okafor', 'budget line', 'Marco', 'City coordinators']) {
      expect(html).not.toContain(secret);
    }
    const index = await app.inject('/responses');
    expect(index.body).toContain(`href="/responses/${id}"`);
    expect(index.body).not.toContain(privateId);
  });

  it('speaks the reader’s language and escapes what was written', async () => {
    const fr = await app.inject({
      url: `/responses/${id}`,
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
    });
    expect(fr.body).toContain('<html lang="fr" dir="ltr">');
    expect(fr.body).toContain('Acceptée en partie');
    const ar = await app.inject({ url: `/responses/${id}`, headers: { 'accept-language': 'ar' } });
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
  });

  it('keeps private and withdrawn responses looking missing', async () => {
    expect((await app.inject(`/responses/${privateId}`)).statusCode).toBe(404);
    expect((await app.inject('/responses/not-an-id')).statusCode).toBe(400);
    await editor({ method: 'PUT', url: `/api/evaluations/${id}/public`, payload: { public: false } });
    expect((await app.inject(`/responses/${id}`)).statusCode).toBe(404);
    expect((await app.inject('/responses')).body).not.toContain(id);
  });
});
