/**
 * Every timestamp in API responses is ISO 8601 in UTC, on both databases, whichever way it was
 * read (drizzle columns, SQL expressions, db.execute); dates stay YYYY-MM-DD.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { saveEvaluation } from '../modules/evaluations/service.js';
import { ensureBuiltInFrameworks } from '../modules/frameworks/service.js';
import { createPractices } from '../modules/practices/service.js';
import { createUnit } from '../modules/units/service.js';
import { buildApp } from '../server/app.js';
import { systemCaller } from '../server/caller.js';
import { testDatabases } from '../test/databases.js';
import { sampleEvaluation, sampleRecommendation } from '../test/evaluations.js';
import { as, setupAdmin, signedInMember } from '../test/session.js';
import type { Database } from './client.js';
import { isoTimestamp } from './timestamps.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
/** Anything that starts like a date and a time, in whatever form. */
const LOOKS_LIKE_TIMESTAMP = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d/;

/** Every string of a JSON value that looks like a timestamp, with where it is. */
function timestampsIn(value: unknown, path = '$', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') {
    if (LOOKS_LIKE_TIMESTAMP.test(value)) out.push([path, value]);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      timestampsIn(v, `${path}[${i}]`, out);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) timestampsIn(v, `${path}.${k}`, out);
  }
  return out;
}

describe('isoTimestamp', () => {
  it('turns PostgreSQL’s text form into ISO 8601 UTC, to the microsecond', () => {
    expect(isoTimestamp('2026-11-26 12:28:44.419+00')).toBe('2026-11-26T12:28:44.419000Z');
    expect(isoTimestamp('2026-11-26 12:28:44.419123+00')).toBe('2026-11-26T12:28:44.419123Z');
    expect(isoTimestamp('2026-11-26 12:28:44+00')).toBe('2026-11-26T12:28:44.000000Z');
    expect(isoTimestamp('2026-11-26 13:28:44.5+01')).toBe('2026-11-26T12:28:44.500000Z');
    expect(isoTimestamp('2026-01-01 03:30:00+05:30')).toBe('2025-12-31T22:00:00.000000Z');
    expect(isoTimestamp('2026-11-26 21:00:00.001-03')).toBe('2026-11-27T00:00:00.001000Z');
    expect(isoTimestamp('1890-06-01 00:00:00+00:09:21')).toBe('1890-05-31T23:50:39.000000Z');
    expect(isoTimestamp('0042-01-01 00:00:00+00')).toBe('0042-01-01T00:00:00.000000Z');
    expect(isoTimestamp('0042-01-01 01:00:00+01')).toBe('0042-01-01T00:00:00.000000Z');
    // JavaScript reads them to the millisecond.
    expect(new Date(isoTimestamp('2026-11-26 12:28:44.419123+00')).toISOString()).toBe(
      '2026-11-26T12:28:44.419Z',
    );
    // Sorted as strings, they are in time order (fractions of different lengths would not be).
    const times = [
      '2026-11-26 12:28:44.5+00',
      '2026-11-26 12:28:44+00',
      '2026-11-26 12:28:44.419+00',
      '2026-11-26 12:28:44.41+00',
    ];
    expect(times.map(isoTimestamp).sort()).toEqual(
      ['44.000000', '44.410000', '44.419000', '44.500000'].map((s) => `2026-11-26T12:28:${s}Z`),
    );
    for (const other of ['infinity', '-infinity', '2026-11-26', '2026-11-26 12:28:44+00 BC']) {
      expect(isoTimestamp(other)).toBe(other);
    }
  });
});

describe.each(testDatabases())('timestamps on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: ReturnType<typeof as>;
  let evaluationId: string;
  let roundId: string;
  let practiceId: string;

  beforeAll(async () => {
    database = await open();
    const org = await ensureDefaultOrganisation(database.db);
    await ensureBuiltInFrameworks(database.db);
    app = await buildApp({
      db: database.db,
      organisationId: org,
      secret: 'timestamps test secret',
      today: () => '2026-11-26',
      webDist: null,
    });
    admin = as(app, await setupAdmin(app));
    await signedInMember(app, database.db, org, 'viewer');
    const caller = systemCaller(org);
    const unit = (
      await createUnit(database.db, caller, {
        name: 'City coordinators',
        aliases: [],
        focalPoints: [{ email: 'city@example.org' }],
      })
    ).id;
    evaluationId = (
      await saveEvaluation(
        database.db,
        caller,
        sampleEvaluation({
          publishedOn: '2025-01-31',
          recommendations: [
            sampleRecommendation({
              actions: [
                {
                  number: '1.1',
                  text: 'Open on Saturdays',
                  timeframe: 'Q1 2027',
                  due: { from: '2027-01-01', to: '2027-03-31', inferred: false },
                  responsible: 'City coordinators',
                  fundingConditional: false,
                  status: null,
                  comments: null,
                  unitIds: [unit],
                },
              ],
            }),
          ],
        }),
      )
    ).id;
    const patched = await admin({
      method: 'PATCH',
      url: `/api/evaluations/${evaluationId}`,
      payload: { title: 'Welcome desks, 2026', reason: 'a clearer title' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const opened = await admin({
      method: 'POST',
      url: '/api/rounds',
      payload: { name: 'Time 2', dueOn: '2027-01-15', evaluationIds: [evaluationId] },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    roundId = opened.json().id;
    [practiceId] = await createPractices(database.db, caller, [{ title: 'Language cafés' }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('reads timestamps as ISO 8601 from columns, expressions and raw SQL, in any session time zone', async () => {
    const db = database.db;
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'Asia/Kolkata'`);
      const raw = (await tx.execute(
        sql`select now() as now, '2026-11-26 18:00:44.419123+05:30'::timestamptz as fixed, '2026-11-26'::date as day`,
      )) as unknown as { rows: { now: string; fixed: string; day: string }[] };
      return raw.rows;
    });
    expect(rows[0].now).toMatch(ISO);
    expect(rows[0].fixed).toBe('2026-11-26T12:30:44.419123Z');
    expect(rows[0].day).toBe('2026-11-26');
    // Outside a transaction too, and a value read can be sent back as a key.
    const raw = (await db.execute(sql`select max(created_at) as at from evaluations`)) as unknown as {
      rows: { at: string }[];
    };
    expect(raw.rows[0].at).toMatch(ISO);
    const again = (await db.execute(
      sql`select count(*)::int as n from evaluations where created_at = ${raw.rows[0].at}::timestamptz`,
    )) as unknown as { rows: { n: number }[] };
    expect(again.rows[0].n).toBe(1);
  });

  it('answers every route with ISO 8601 timestamps', async () => {
    const urls = [
      '/api/session',
      '/api/evaluations',
      `/api/evaluations/${evaluationId}`,
      `/api/evaluations/${evaluationId}/history`,
      '/api/actions',
      '/api/rounds',
      `/api/rounds/${roundId}`,
      '/api/members',
      '/api/units',
      '/api/followup/mine',
      '/api/practices?status=all',
      `/api/practices/${practiceId}`,
    ];
    const seen: Record<string, number> = {};
    for (const url of urls) {
      const res = await admin(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
      const found = timestampsIn(res.json());
      seen[url] = found.length;
      for (const [path, value] of found) expect(value, `${url} ${path}`).toMatch(ISO);
    }
    // The routes the issue names do carry timestamps.
    for (const url of [
      `/api/evaluations/${evaluationId}/history`,
      `/api/rounds/${roundId}`,
      '/api/members',
    ]) {
      expect(seen[url], url).toBeGreaterThan(0);
    }
    const evaluation = (await admin(`/api/evaluations/${evaluationId}`)).json();
    expect(evaluation.publishedOn).toBe('2025-01-31');
  });
});
