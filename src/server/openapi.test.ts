/**
 * The OpenAPI document describes every reply: each JSON route (GET, POST, PUT, PATCH) declares the
 * schema of its success reply, and each DELETE its empty 204. Downloads (files, calendars) are the
 * listed exceptions. Replies themselves are held to their schemas by the checked serializer
 * (serializer.ts) in every route test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { openPgliteForTest } from '../test/databases.js';
import { buildApp } from './app.js';

/** Routes that answer with a file, not JSON: their replies have no JSON schema. */
const DOWNLOADS = [
  'GET /api/actions/export',
  'GET /api/evaluations/{id}/export',
  'GET /api/evaluations/{id}/deadlines.ics',
  'GET /api/calendar/{token}',
  'GET /api/evidence/{id}',
  'GET /api/respond/{token}/evidence/{evidenceId}',
  'GET /api/practices/export',
  'GET /api/practices/{id}/export',
  'GET /api/portfolio/report',
];

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

describe('the OpenAPI document', () => {
  let database: Database;
  let doc: { paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    database = await openPgliteForTest();
    const organisationId = await ensureDefaultOrganisation(database.db);
    const app = await buildApp({ db: database.db, organisationId, webDist: null });
    doc = (await app.inject({ url: '/api/docs/json' })).json();
    await app.close();
  });
  afterAll(async () => {
    await database?.close();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );

  it('declares the JSON schema of the success reply of every JSON route', () => {
    const missing = operations()
      .filter(({ route }) => /^(GET|POST|PUT|PATCH) /.test(route) && !DOWNLOADS.includes(route))
      .filter(({ op }) => {
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        return !success.some(([, r]) => r.content?.['application/json']?.schema);
      })
      .map(({ route }) => route);
    expect(missing).toEqual([]);
  });

  it('declares the empty reply of every DELETE', () => {
    const missing = operations()
      .filter(({ route }) => route.startsWith('DELETE '))
      .filter(({ op }) => !op.responses?.['204'])
      .map(({ route }) => route);
    expect(missing).toEqual([]);
  });

  it('lists as downloads only routes that exist', () => {
    const routes = new Set(operations().map((o) => o.route));
    expect(DOWNLOADS.filter((d) => !routes.has(d))).toEqual([]);
  });
});
