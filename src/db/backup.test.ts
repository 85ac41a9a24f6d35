/** Backup → restore gives back exactly what was saved, on both databases; damaged files change nothing. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { addProgressUpdate } from '../modules/actions/service.js';
import { importMatrixText } from '../modules/evaluations/import/importMatrixText.js';
import { deleteEvaluation, getMatrix, saveEvaluation } from '../modules/evaluations/service.js';
import { ensureBuiltInFrameworks } from '../modules/frameworks/service.js';
import { importPracticePages } from '../modules/practices/import/importPracticePages.js';
import { createPractices, practiceFromImport } from '../modules/practices/service.js';
import { systemCaller } from '../server/caller.js';
import { testDatabases } from '../test/databases.js';
import { backup, restore, tablesInOrder } from './backup.js';
import type { Database } from './client.js';

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const matrixText = read('../modules/evaluations/import/fixtures/classic-welcome-desks.txt');
const pages = read('../modules/practices/import/fixtures/two-practices.txt');

describe.each(testDatabases())('backup and restore on $name', ({ open }) => {
  let database: Database;
  let folder: string;

  /** Each table's rows, as text, in a stable order: equal fingerprints mean equal contents. */
  const fingerprint = async () => {
    const out: Record<string, string> = {};
    for (const t of tablesInOrder()) {
      const res = (await database.db.execute(
        sql.raw(
          `select count(*)::int as n, md5(coalesce(string_agg(row_to_json(x)::text, E'\\n' order by row_to_json(x)::text), '')) as h from "${t}" x`,
        ),
      )) as unknown as { rows: { n: number; h: string }[] };
      out[t] = `${res.rows[0].n}:${res.rows[0].h}`;
    }
    return out;
  };

  beforeAll(async () => {
    database = await open();
    folder = mkdtempSync(path.join(tmpdir(), 'integra-backup-'));
    const org = await ensureDefaultOrganisation(database.db);
    await ensureBuiltInFrameworks(database.db);
    const system = systemCaller(org);
    await createUser(database.db, {
      name: 'Ada',
      email: 'ada@example.org',
      password: 'a long test password',
      organisationId: org,
      role: 'admin',
    });
    const { id } = await saveEvaluation(
      database.db,
      system,
      importMatrixText(matrixText).evaluation,
      'desks.txt',
    );
    const matrix = await getMatrix(database.db, org, id, '2024-01-15');
    await addProgressUpdate(
      database.db,
      system,
      matrix.recommendations[0].actions[0].id,
      { author: 'Ana', comment: 'Halfway, “quoted” and ünïcödé', status: 'completed' },
      '2024-01-15',
    );
    await createPractices(database.db, system, importPracticePages(pages).practices.map(practiceFromImport));
  });
  afterAll(async () => {
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives back exactly what was saved, after later changes', async () => {
    const saved = await fingerprint();
    expect(Number(saved.audit_events.split(':')[0])).toBeGreaterThan(0);
    const file = path.join(folder, 'integra.backup.gz');
    const counts = await backup(database.db, file);
    expect(counts.actions).toBeGreaterThan(0);

    // Later work: another evaluation, a deletion.
    const org = await ensureDefaultOrganisation(database.db);
    const { id } = await saveEvaluation(
      database.db,
      systemCaller(org),
      importMatrixText(matrixText).evaluation,
    );
    await deleteEvaluation(database.db, systemCaller(org), id);
    expect(await fingerprint()).not.toEqual(saved);

    await restore(database.db, file);
    expect(await fingerprint()).toEqual(saved);
    // Serial numbers go on after the restored rows.
    const org2 = await ensureDefaultOrganisation(database.db);
    await saveEvaluation(database.db, systemCaller(org2), importMatrixText(matrixText).evaluation);
  });

  it('refuses a damaged or foreign file and changes nothing', async () => {
    const file = path.join(folder, 'good.gz');
    await backup(database.db, file);
    const before = await fingerprint();

    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const truncated = path.join(folder, 'truncated.gz');
    writeFileSync(truncated, gzipSync(`${lines.slice(0, -1).join('\n')}\n`));
    await expect(restore(database.db, truncated)).rejects.toThrow(/incomplete.+nothing was restored/);

    const garbled = path.join(folder, 'garbled.gz');
    writeFileSync(garbled, gzipSync(`${lines[0]}\n{"t": "actions", "r": [{"id": "not a uuid"}]}\n`));
    await expect(restore(database.db, garbled)).rejects.toThrow();

    const other = path.join(folder, 'other.gz');
    writeFileSync(other, 'just some text');
    await expect(restore(database.db, other)).rejects.toThrow(/not an Integra backup/);

    const newer = path.join(folder, 'newer.gz');
    const header = JSON.parse(lines[0]);
    writeFileSync(newer, gzipSync(`${JSON.stringify({ ...header, schema: '9999_future' })}\n`));
    await expect(restore(database.db, newer)).rejects.toThrow(/another version of Integra/);

    expect(await fingerprint()).toEqual(before);
  });
});
