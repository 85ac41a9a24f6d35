/** The catalogue export over HTTP: every matching practice, however many, in the catalogue's order. */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { testDatabases } from '../../test/databases.js';
import { as, setupAdmin } from '../../test/session.js';
import { ensureDefaultOrganisation } from '../accounts/service.js';
import { ensureBuiltInFrameworks } from '../frameworks/service.js';
import { practices } from './schema.js';
import { rebuildFacetCounts } from './service.js';

/** More than the 10,000 the export once stopped at, silently. */
const COUNT = 10_050;

describe.each(testDatabases())('the catalogue export on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let inject: ReturnType<typeof as>;

  beforeAll(async () => {
    database = await open();
    const org = await ensureDefaultOrganisation(database.db);
    await ensureBuiltInFrameworks(database.db);
    // Many practices share a title and a rank, so the order's ties are broken by id.
    await database.db.execute(sql`
      insert into ${practices} (organisation_id, title, country, status, search, updated_at)
      select ${org}, 'Practice ' || (g % 997), case when g % 2 = 0 then 'Italy' else 'Spain' end,
        case when g % 10 = 0 then 'draft' else 'published' end,
        setweight(to_tsvector('simple', 'Practice ' || (g % 997)), 'A')
          || setweight(to_tsvector('simple', repeat('welcome ', 1 + g % 3)), 'B'),
        '2025-01-01'::timestamptz + (g % 500) * interval '1 minute'
      from generate_series(1, ${COUNT}) g`);
    await rebuildFacetCounts(database.db, org);
    app = await buildApp({ db: database.db, organisationId: org, today: () => '2025-03-01', webDist: null });
    inject = as(app, await setupAdmin(app));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const csvRows = async (query: string) => {
    const res = await inject({ url: `/api/practices/export?format=csv&${query}` });
    expect(res.statusCode).toBe(200);
    return parse(res.payload, { columns: true, bom: true }) as Record<string, string>[];
  };

  it('exports every matching practice, past 10,000, in each order', async () => {
    const published = COUNT - Math.floor(COUNT / 10);
    const byTitle = await csvRows('status=published&sort=title');
    expect(byTitle).toHaveLength(published);
    const titles = byTitle.map((r) => r.Title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const recent = await csvRows('status=all&sort=recent');
    expect(recent).toHaveLength(COUNT);
    const updated = recent.map((r) => r.Updated);
    expect(updated).toEqual([...updated].sort().reverse());

    // Searched by words: ranked, ties by id, each practice once.
    const searched = await csvRows('status=all&q=welcome');
    expect(searched).toHaveLength(COUNT);
    const italy = await csvRows('status=all&q=welcome&country=Italy');
    expect(italy).toHaveLength(COUNT / 2);
  });

  it('exports JSON whole too, each practice once whatever the order', async () => {
    for (const query of ['sort=title', 'sort=recent', 'q=welcome', 'q=welcome&sort=recent']) {
      const res = await inject({ url: `/api/practices/export?format=json&status=all&${query}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.json() as { practices: { id: string; title: string }[] };
      expect(body.practices).toHaveLength(COUNT);
      expect(new Set(body.practices.map((p) => p.id)).size).toBe(COUNT);
    }
  });
});
