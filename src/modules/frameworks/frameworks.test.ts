/**
 * Frameworks belong to the organisation that added them; the built-in SPRING grid is shared.
 * Visitors see the built-in ones and those the public catalogue's published practices use.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { testDatabases } from '../../test/databases.js';
import { as, setupAdmin, signedInMember } from '../../test/session.js';
import { createOrganisation, ensureDefaultOrganisation } from '../accounts/service.js';
import { ensureBuiltInFrameworks } from './service.js';

const grid = (id: string, version = 1) => `id: ${id}
version: ${version}
name: Grid ${id}
criteria:
  - id: A
    name: Access
    questions:
      - id: A1
        text: Can newcomers reach the service?
        items:
          - { id: A1.1, text: Information exists in three languages. }
`;

const assessment = (framework: string) => ({
  framework,
  questions: [{ questionId: 'A1', items: [{ itemId: 'A1.1', mark: 'met' }] }],
});

type Inject = ReturnType<typeof as>;

describe.each(testDatabases())('frameworks per organisation on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let adminA: Inject;
  let adminB: Inject;
  let viewerB: Inject;
  let visitor: Inject;

  const keys = async (inject: Inject) => {
    const res = await inject('/api/frameworks');
    expect(res.statusCode).toBe(200);
    return (res.json() as { id: string; version: number }[]).map((f) => `${f.id}@${f.version}`);
  };
  const add = (inject: Inject, definition: string) =>
    inject({ method: 'POST', url: '/api/frameworks', payload: { definition, fileName: 'grid.yaml' } });

  beforeAll(async () => {
    database = await open();
    const orgA = await ensureDefaultOrganisation(database.db);
    await ensureBuiltInFrameworks(database.db);
    app = await buildApp({ db: database.db, organisationId: orgA, webDist: null, attemptsPerMinute: 50 });
    adminA = as(app, await setupAdmin(app));
    const orgB = await createOrganisation(database.db, 'Second network');
    adminB = as(app, await signedInMember(app, database.db, orgB, 'admin'));
    viewerB = as(app, await signedInMember(app, database.db, orgB, 'viewer'));
    visitor = as(app, null);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('lists and reads only the built-in frameworks and the caller organisation’s', async () => {
    expect((await add(adminA, grid('grid-a'))).statusCode).toBe(201);
    expect((await add(adminB, grid('grid-b'))).statusCode).toBe(201);

    expect(await keys(adminA)).toEqual(['grid-a@1', 'spring@1']);
    expect(await keys(adminB)).toEqual(['grid-b@1', 'spring@1']);
    expect(await keys(viewerB)).toEqual(['grid-b@1', 'spring@1']);
    expect(await keys(visitor)).toEqual(['spring@1']);
    const list = (await adminA('/api/frameworks')).json();
    expect(list).toContainEqual({ id: 'spring', version: 1, name: expect.any(String), builtIn: true });
    expect(list).toContainEqual({ id: 'grid-a', version: 1, name: 'Grid grid-a', builtIn: false });

    expect((await adminB('/api/frameworks/grid-b/1')).statusCode).toBe(200);
    expect((await adminB('/api/frameworks/spring/1')).statusCode).toBe(200);
    expect((await visitor('/api/frameworks/spring/1')).statusCode).toBe(200);
    // Another organisation's framework answers exactly like one that does not exist.
    const theirs = await adminA('/api/frameworks/grid-b/1');
    const none = await adminA('/api/frameworks/no-such-grid/1');
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toEqual(none.json());
    expect((await visitor('/api/frameworks/grid-a/1')).statusCode).toBe(404);
  });

  it('keeps built-in ids for the built-in frameworks and never overwrites a version', async () => {
    const spring = await add(adminB, grid('spring', 2));
    expect(spring.statusCode).toBe(409);
    expect(spring.json().error.message).toMatch(/built into Integra/);
    expect((await add(adminB, grid('grid-b'))).statusCode).toBe(409);
    expect(await keys(adminB)).toEqual(['grid-b@1', 'spring@1']);
  });

  it('refuses assessments and heatmaps against another organisation’s framework', async () => {
    const created = await adminA({
      method: 'POST',
      url: '/api/practices',
      payload: { practices: [{ title: 'Their grid', assessment: assessment('grid-b@1') }] },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details).toEqual([
      { path: 'practices.0.assessment.framework', message: 'unknown framework or version' },
    ]);
    const ok = await adminA({
      method: 'POST',
      url: '/api/practices',
      payload: { practices: [{ title: 'Plain practice' }] },
    });
    expect(ok.statusCode).toBe(201);
    const [id] = ok.json().ids;
    const put = await adminA({
      method: 'PUT',
      url: `/api/practices/${id}/assessment`,
      payload: assessment('grid-b@1'),
    });
    expect(put.statusCode).toBe(400);
    expect(put.json().error.code).toBe('invalid');
    const heat = await adminA('/api/practices/heatmap?framework=grid-b@1');
    const none = await adminA('/api/practices/heatmap?framework=no-such-grid@1');
    expect(heat.statusCode).toBe(404);
    expect(heat.json()).toEqual(none.json());
    expect((await adminB('/api/practices/heatmap?framework=grid-b@1')).statusCode).toBe(200);
  });

  it('shows visitors a framework once a published practice of the catalogue uses it', async () => {
    const created = await adminA({
      method: 'POST',
      url: '/api/practices',
      payload: { practices: [{ title: 'Assessed on our grid', assessment: assessment('grid-a@1') }] },
    });
    expect(created.statusCode).toBe(201);
    const [id] = created.json().ids;
    expect(await keys(visitor)).toEqual(['spring@1']);
    expect((await visitor('/api/practices/heatmap?framework=grid-a@1')).statusCode).toBe(404);
    for (const to of ['in_review', 'published']) {
      const moved = await adminA({ method: 'POST', url: `/api/practices/${id}/workflow`, payload: { to } });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    expect(await keys(visitor)).toEqual(['grid-a@1', 'spring@1']);
    expect((await visitor('/api/frameworks/grid-a/1')).statusCode).toBe(200);
    expect((await visitor('/api/practices/heatmap?framework=grid-a@1')).statusCode).toBe(200);
    // The other organisation's members still do not see it.
    expect(await keys(viewerB)).toEqual(['grid-b@1', 'spring@1']);
    expect((await viewerB('/api/frameworks/grid-a/1')).statusCode).toBe(404);
    // Unpublished again, it is hidden again.
    const back = await adminA({
      method: 'POST',
      url: `/api/practices/${id}/workflow`,
      payload: { to: 'draft' },
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(await keys(visitor)).toEqual(['spring@1']);
  });
});
