/**
 * A walk through the routes whose replies are declared in the OpenAPI document: each answers as
 * its response schema says, no field more or less (the checked serializer refuses a reply its
 * schema would change, serializer.ts), with the status it always had.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { ensureBuiltInFrameworks } from '../modules/frameworks/service.js';
import { testDatabases } from '../test/databases.js';
import { as, setupAdmin } from '../test/session.js';
import { buildApp } from './app.js';

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const matrix = read('../modules/evaluations/import/fixtures/classic-welcome-desks.txt');
const pages = read('../modules/practices/import/fixtures/two-practices.txt');

function multipart(filename: string, content: Buffer) {
  const boundary = '----integra-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(testDatabases())('declared replies on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let inject: ReturnType<typeof as>;
  let evaluationId: string;
  let practiceIds: string[];

  /** A request that must succeed with this status; its JSON body. */
  const ok = async (status: number, opts: Parameters<typeof inject>[0]) => {
    const res = await inject(opts);
    expect({
      url: typeof opts === 'string' ? opts : opts.url,
      status: res.statusCode,
      body: res.body,
    }).toEqual({
      url: typeof opts === 'string' ? opts : opts.url,
      status,
      body: expect.any(String),
    });
    return res.body ? res.json() : null;
  };

  beforeAll(async () => {
    database = await open();
    const organisationId = await ensureDefaultOrganisation(database.db);
    await ensureBuiltInFrameworks(database.db);
    app = await buildApp({ db: database.db, organisationId, today: () => '2024-01-15', webDist: null });
    inject = as(app, await setupAdmin(app));
    evaluationId = (
      await ok(200, { method: 'POST', url: '/api/evaluations/import', payload: { text: matrix } })
    ).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers action routes with the action and its history', async () => {
    const m = await ok(200, `/api/evaluations/${evaluationId}`);
    const rec = m.recommendations[0];
    const added = await ok(201, {
      method: 'POST',
      url: `/api/recommendations/${rec.id}/actions`,
      payload: { text: 'Train the desk staff' },
    });
    expect(added).toMatchObject({ number: '1.3', status: 'not_initiated', updates: [], units: [] });
    expect(await ok(200, `/api/actions/${added.id}`)).toEqual(added);
    const edited = await ok(200, {
      method: 'PATCH',
      url: `/api/actions/${added.id}`,
      payload: { responsible: 'Training unit' },
    });
    expect(edited.responsible).toBe('Training unit');
    const progressed = await ok(201, {
      method: 'POST',
      url: `/api/actions/${added.id}/updates`,
      payload: { author: 'Ada', comment: 'Planned', status: 'initiated' },
    });
    expect(progressed.updates).toEqual([
      expect.objectContaining({ author: 'Ada', statusTo: 'initiated', state: 'validated' }),
    ]);
    const gone = await inject({ method: 'DELETE', url: `/api/actions/${added.id}` });
    expect([gone.statusCode, gone.body]).toEqual([204, '']);
    const back = await ok(200, { method: 'POST', url: `/api/actions/${added.id}/restore`, payload: {} });
    expect(back).toEqual(progressed);
  });

  it('answers an evaluation’s restore with its matrix, and closing and reopening with nothing', async () => {
    const gone = await inject({ method: 'DELETE', url: `/api/evaluations/${evaluationId}?reason=test` });
    expect(gone.statusCode).toBe(204);
    const back = await ok(200, {
      method: 'POST',
      url: `/api/evaluations/${evaluationId}/restore`,
      payload: {},
    });
    expect(back).toEqual(await ok(200, `/api/evaluations/${evaluationId}`));
    for (const [url, payload] of [
      [`/api/evaluations/${evaluationId}/close`, { note: 'All done' }],
      [`/api/evaluations/${evaluationId}/reopen`, {}],
    ] as const) {
      const res = await inject({ method: 'POST', url, payload });
      expect([res.statusCode, res.body]).toEqual([204, '']);
    }
  });

  it('answers the practice library’s routes as declared', async () => {
    const dry = await ok(200, {
      method: 'POST',
      url: '/api/practices/import?dryRun=true',
      payload: { text: pages },
    });
    expect(dry.practices).toHaveLength(2);
    const fromFile = await ok(200, {
      method: 'POST',
      url: '/api/practices/import/file',
      ...multipart('pages.txt', Buffer.from(pages)),
    });
    expect(fromFile).toEqual(dry);
    practiceIds = (
      await ok(201, { method: 'POST', url: '/api/practices', payload: { practices: dry.practices } })
    ).ids;
    const [cafes, mentoring] = practiceIds;
    const saved = await ok(200, { method: 'POST', url: '/api/practices/import', payload: { text: pages } });
    expect(saved).toEqual({ ids: [expect.any(String), expect.any(String)], warnings: dry.warnings });

    const page = await ok(200, `/api/practices/${cafes}`);
    expect(page.criteria.length).toBeGreaterThan(0);
    const action = await ok(201, {
      method: 'POST',
      url: `/api/practices/${cafes}/items/IP1.3/actions`,
      payload: { text: 'Write a charter' },
    });
    expect(action).toMatchObject({ number: 'IP1.3', status: 'not_initiated' });
    const compared = await ok(200, `/api/practices/compare?ids=${cafes},${mentoring}`);
    expect(compared.practices.map((p: { id: string }) => p.id)).toEqual([cafes, mentoring]);
    const heat = await ok(200, '/api/practices/heatmap?status=all');
    expect(heat.items.length).toBeGreaterThan(0);
    const catalogue = await ok(200, '/api/practices?status=all');
    expect(catalogue.total).toBe(4);

    await ok(200, { method: 'PATCH', url: `/api/practices/${cafes}`, payload: { country: 'Germany' } });
    await ok(200, { method: 'POST', url: `/api/practices/${cafes}/workflow`, payload: { to: 'in_review' } });
    const gone = await inject({ method: 'DELETE', url: `/api/practices/${mentoring}` });
    expect(gone.statusCode).toBe(204);
    const deleted = await ok(200, '/api/practices/deleted');
    expect(deleted).toEqual([expect.objectContaining({ id: mentoring, deletedAt: expect.any(String) })]);
    expect(
      (await ok(200, { method: 'POST', url: `/api/practices/${mentoring}/restore`, payload: {} })).id,
    ).toBe(mentoring);
  });

  it('answers the frameworks, members and invitations routes as declared', async () => {
    const frameworks = await ok(200, '/api/frameworks');
    expect(frameworks).toEqual([expect.objectContaining({ id: 'spring', version: 1, builtIn: true })]);
    expect((await ok(200, '/api/frameworks/spring/1')).criteria.length).toBe(5);
    const missing = await inject({ url: '/api/frameworks/spring/9' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toEqual({ code: 'not_found', message: 'No such framework version.' });

    const members = await ok(200, '/api/members');
    expect(members.members).toHaveLength(1);
    const invited = await ok(201, {
      method: 'POST',
      url: '/api/invitations',
      payload: { email: 'new@example.org', role: 'viewer' },
    });
    const token = invited.link.split('/').pop();
    expect(await ok(200, `/api/invitations/${token}`)).toMatchObject({
      email: 'new@example.org',
      role: 'viewer',
      hasAccount: false,
    });
    const joined = await app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { name: 'Nina', password: 'a long test password' },
    });
    expect(joined.statusCode).toBe(200);
    expect(joined.json().user).toMatchObject({ email: 'new@example.org' });
    const nina = (await ok(200, '/api/members')).members.find(
      (m: { email: string }) => m.email === 'new@example.org',
    );
    const changed = await ok(200, {
      method: 'PATCH',
      url: `/api/members/${nina.userId}`,
      payload: { role: 'editor' },
    });
    expect(changed.members.find((m: { userId: string }) => m.userId === nina.userId).role).toBe('editor');
    const removed = await inject({ method: 'DELETE', url: `/api/members/${nina.userId}` });
    expect([removed.statusCode, removed.body]).toEqual([204, '']);
  });
});
