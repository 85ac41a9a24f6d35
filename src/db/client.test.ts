import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { setupAdminOver, startServer } from '../test/spawn.js';
import { DataFolderLocked, openDatabase } from './client.js';
import { evaluations } from './schema.js';

const folders: string[] = [];
const tempFolder = () => {
  const f = mkdtempSync(path.join(tmpdir(), 'integra-db-'));
  folders.push(f);
  return f;
};
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('the embedded database folder', () => {
  it('refuses a second owner while the first runs, keeps acknowledged writes when the owner is killed', async () => {
    const folder = tempFolder();
    const server = await startServer({ INTEGRA_DATA: folder });
    try {
      await expect(openDatabase({ dataDir: folder })).rejects.toBeInstanceOf(DataFolderLocked);
      await expect(openDatabase({ dataDir: folder })).rejects.toThrow(/already using the data folder/);
      const cookie = await setupAdminOver(server.url);
      const res = await fetch(`${server.url}/api/evaluations/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({
          text: 'Evaluation title: Kill test\nEvaluation recommendation 1: Survive a crash.\n',
        }),
      });
      expect(res.status).toBe(200);
    } finally {
      server.child.kill('SIGKILL');
      await new Promise((r) => server.child.once('close', r));
    }
    // The killed owner's lock is taken over at once, and the acknowledged import is there.
    const database = await openDatabase({ dataDir: folder });
    try {
      const rows = await database.db.select({ title: evaluations.title }).from(evaluations);
      expect(rows).toEqual([{ title: 'Kill test' }]);
    } finally {
      await database.close();
    }
  });

  it('opens again after a clean close, with its extensions loaded', async () => {
    const folder = tempFolder();
    const first = await openDatabase({ dataDir: folder });
    await first.close();
    const second = await openDatabase({ dataDir: folder });
    try {
      const result = (await second.db.execute(sql`select similarity('unit', 'units') as s`)) as unknown as {
        rows: { s: number }[];
      };
      const rows = result.rows;
      expect(Number(rows[0].s)).toBeGreaterThan(0.3);
    } finally {
      await second.close();
    }
  });
});
