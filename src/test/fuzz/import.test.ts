/**
 * Bounded import fuzzing, in the suite: a few hundred mutated .docx, .pdf and .txt files and pasted
 * texts (seeded, so a failure can be replayed by its index) sent to the dry-run import as an
 * editor. Every answer must be a reading (200) or a refusal in the error shape (4xx); one 500
 * fails the test and names the case. The longer run, with counts and memory, is bench/fuzz.ts.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { ensureDefaultOrganisation } from '../../modules/accounts/service.js';
import { buildApp } from '../../server/app.js';
import { testDatabases } from '../databases.js';
import { as, setupAdmin } from '../session.js';
import { buildSeeds, type Seeds } from './mutate.js';
import { refusedCount, runFuzz } from './run.js';

/** Cases per database: the first (PGlite) gets the most; each kind takes a quarter. */
const CASES = [800, 400];

let seeds: Seeds;
beforeAll(async () => {
  seeds = await buildSeeds();
});

describe.each(testDatabases().map((d, i) => ({ ...d, index: i })))(
  'import fuzzing on $name',
  ({ open, index }) => {
    let database: Database;
    let app: FastifyInstance;
    let inject: ReturnType<typeof as>;

    beforeAll(async () => {
      database = await open();
      const organisationId = await ensureDefaultOrganisation(database.db);
      app = await buildApp({ db: database.db, organisationId, webDist: null });
      inject = as(app, await setupAdmin(app));
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('reads or refuses every mutated file, never a 500', async () => {
      const tally = await runFuzz(
        async (request) => {
          const res = await inject(request);
          return { status: res.statusCode, body: res.body };
        },
        seeds,
        { seed: 20_240_115 + index, count: CASES[index] ?? 200 },
      );
      expect(tally.failures).toEqual([]);
      expect(tally.tried).toBe(CASES[index] ?? 200);
      // Both outcomes happen for every kind: the mutations reach the readers, not only their doors.
      for (const kind of ['docx', 'pdf', 'txt', 'pasted']) {
        expect(tally.byKind[kind].tried).toBeGreaterThan(0);
        expect(tally.byKind[kind].refused).toBeGreaterThan(0);
      }
      expect(tally.accepted).toBeGreaterThan(0);
      expect(refusedCount(tally)).toBeGreaterThan(0);
    });
  },
);
